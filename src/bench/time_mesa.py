#!/usr/bin/env python3
"""Mesa 3.3.1's side of `npm run bench -- --classics` (civsim's own code: it imports Mesa and the
ABMFrameworksComparison Schelling unmodified, through our reference driver
test/fixtures/mesa-reference/run_mesa.py, and copies none of their code).

  PYTHONPATH=$MESA_SRC python3 src/bench/time_mesa.py warm MODEL:PRESET:STEPS:COLLECT:SEEDS ...
      Warm, in this one process, as run_mesa.py's `timings` task measures: per case one untimed warm-up
      run, then for each seed 1..SEEDS three runs of construct + STEPS steps (the same work), the best of
      three per seed, the median over seeds. COLLECT 1: the model's DataCollector runs every step (as
      civsim measures its metrics every step); 0: switched off. One JSON line per case.
  PYTHONPATH=$MESA_SRC python3 src/bench/time_mesa.py one MODEL PRESET SEED STEPS
      One run in this fresh interpreter, as run_one.py does: the bench times the process from outside,
      start to exit.

MODEL is mesa_schelling, abmfc or epstein; PRESET as in run_mesa.py. ABMFC's Schelling is found in
$ABMFC_MESA_DIR (default /work/staging/abmfc-src/Schelling/Mesa).
"""

import json
import os
import statistics as st
import sys

sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "mesa-reference")
)
from run_mesa import make_model, time_run  # noqa: E402  (imports mesa, its examples and ABMFC's Schelling)


def warm(spec):
    kind, preset, steps, collect, seeds = spec.split(":")
    steps, collect, seeds = int(steps), collect == "1", int(seeds)
    time_run(kind, preset, 1, min(steps, 5), collect)  # warm-up
    per_seed = []
    for seed in range(1, seeds + 1):
        runs = [time_run(kind, preset, seed, steps, collect) for _ in range(3)]
        per_seed.append(
            {
                "construct_s": min(r[0] for r in runs),
                "step_loop_s": min(r[1] for r in runs),
                "agents": runs[0][3] // steps,
                "us_per_agent_step": min(r[1] for r in runs) / runs[0][3] * 1e6,
            }
        )
    print(
        json.dumps(
            {
                "model": kind,
                "preset": preset,
                "steps": steps,
                "collect": collect,
                "seeds": seeds,
                "agents": st.median(p["agents"] for p in per_seed),
                "construct_s": st.median(p["construct_s"] for p in per_seed),
                "step_loop_s": st.median(p["step_loop_s"] for p in per_seed),
                "us_per_agent_step": st.median(p["us_per_agent_step"] for p in per_seed),
            }
        ),
        flush=True,
    )


def one(kind, preset, seed, steps):
    m = make_model(kind, preset, int(seed))
    for _ in range(int(steps)):
        m.step()


if __name__ == "__main__":
    if sys.argv[1] == "warm":
        for case in sys.argv[2:]:
            warm(case)
    elif sys.argv[1] == "one":
        one(*sys.argv[2:6])
    else:
        sys.exit(f"unknown mode {sys.argv[1]}: warm or one")
