/**
 * Stylized facts 1–9 and 12 of the domain brief (DM §6) as seeded statistical tests. Each runs small,
 * seeded replicates of a generic country (test/model/support.ts) under contrasting policies and checks the
 * direction and rough size of an effect that the literature reports. Seeds are fixed, so a failure is
 * reproducible; thresholds leave room for sampling noise but not for the opposite sign.
 */
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/engine/recorder.ts';
import { createModelState, phases } from '../../../src/models/civil-society/model.ts';
import { scheduleOf } from './run.ts';
import { measure } from '../../../src/models/civil-society/measure.ts';
import { metricDefinitions } from '../../../src/models/civil-society/metricDefinitions.ts';
import { ACTIVE, STATE_CREATED } from '../../../src/models/civil-society/ngos.ts';
import type { NgoRecord } from '../../../src/models/civil-society/ngoRecord.ts';
import type { ReplicateResult } from './run.ts';
import { lateMean, ols, runAll, scenarioWith } from './support.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('fact 1: density dependence', () => {
  // two starts pooled: a sector growing from almost nothing, and an overcrowded one that thins out, so
  // observed densities span both sides of the founding peak and of the mortality minimum
  const growing = runAll(scenarioWith({ output: { agents: true } }), 4);
  const crowded = runAll(scenarioWith({ initial: { ngos: 8000, activeShare: 1 } }), 4);
  const rows = (results: ReplicateResult[]) =>
    results.flatMap((r) => {
      const density = r.series.values.active_per_10k;
      return Array.from(r.series.annual.foundings, (f, y) => ({
        n: density[y * 12],
        foundings: f,
        closureRate: r.series.annual.closures[y] / Math.max(1, r.series.values.active_ngos[y * 12]),
      }));
    });
  const data = [...rows(growing), ...rows(crowded)];
  const X = data.map((d) => [1, d.n, d.n * d.n]);

  it('foundings rise then fall with density: θ1 > 0, θ2 < 0', () => {
    const [, theta1, theta2] = ols(
      X,
      data.map((d) => d.foundings),
    );
    expect(theta1).toBeGreaterThan(0);
    expect(theta2).toBeLessThan(0);
  });

  it('mortality is U-shaped in density: γ1 < 0, γ2 > 0', () => {
    const [, gamma1, gamma2] = ols(
      X,
      data.map((d) => d.closureRate),
    );
    expect(gamma1).toBeLessThan(0);
    expect(gamma2).toBeGreaterThan(0);
  });

  it('fact 2: liability of newness — hazard at ages 0–3 exceeds that at ages ≥ 10', () => {
    const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    const start = month('2000-01');
    const end = month('2029-12');
    const exposure = [0, 0];
    const events = [0, 0];
    for (const r of growing) {
      for (const ngo of (r.agents ?? []) as unknown as NgoRecord[]) {
        if (ngo.type === 'state_created') continue;
        const founded = month(ngo.founded);
        const stop = ngo.closed ? month(ngo.closed) : end;
        for (let t = Math.max(founded, start); t <= stop; t++) {
          const age = (t - founded) / 12;
          const band = age < 3 ? 0 : age >= 10 ? 1 : -1;
          if (band < 0) continue;
          exposure[band] += 1 / 12;
          if (ngo.closed && t === stop) events[band]++;
        }
      }
    }
    expect(events[1]).toBeGreaterThan(20); // enough old closures to compare
    const young = events[0] / exposure[0];
    const old = events[1] / exposure[1];
    expect(young).toBeGreaterThan(1.3 * old);
  });
});

describe('fact 3: state linkage protects the young', () => {
  it('young NGOs with state money close less often within a year than young NGOs without', () => {
    const scenario = scenarioWith({
      levers: {
        ministries: { socialOrder: 3_000_000, grants: 500_000 },
        akimats: { socialOrder: 1_500_000 },
      },
    });
    const tally = { linked: [0, 0], unlinked: [0, 0] }; // [closed within a year, observed]
    for (let rep = 0; rep < 3; rep++) {
      const state = createModelState(scenario, rep);
      const schedule = scheduleOf(scenario, state.calendar);
      const recorder = new Recorder(metricDefinitions, state.calendar);
      let cohort: { i: number; linked: boolean }[] = [];
      for (let tick = 0; tick < state.calendar.ticks; tick++) {
        const ctx = { tick, clock: state.calendar, actions: schedule.apply(tick, state.levers as never) };
        for (const phase of phases) phase.run(state, ctx);
        measure(state, ctx, recorder);
        if (state.calendar.monthOf(tick) !== 11) continue;
        const c = state.ngos.cols;
        for (const { i, linked } of cohort) {
          const group = linked ? tally.linked : tally.unlinked;
          group[1]++;
          if (c.status[i] !== ACTIVE) group[0]++;
        }
        cohort = [];
        for (let i = 0; i < state.ngos.length; i++) {
          if (c.status[i] !== ACTIVE || c.type[i] === STATE_CREATED || tick - c.founded[i] >= 36) continue;
          cohort.push({ i, linked: c.revSocialOrder[i] + c.revGrants[i] > 0 });
        }
      }
    }
    expect(tally.linked[1]).toBeGreaterThan(50);
    expect(tally.unlinked[1]).toBeGreaterThan(50);
    const linkedRate = tally.linked[0] / tally.linked[1];
    const unlinkedRate = tally.unlinked[0] / tally.unlinked[1];
    expect(linkedRate).toBeLessThan(0.75 * unlinkedRate);
  });
});

describe('fact 4: registered ≫ active under lax audit', () => {
  const lax = runAll(scenarioWith({ levers: { reporting: { auditRate: 0 } } }), 3);
  const strict = runAll(scenarioWith({ levers: { reporting: { auditRate: 0.5 } } }), 3);
  const ratio = (r: ReplicateResult[]) => lateMean(r, 'registered_ngos') / lateMean(r, 'active_ngos');

  it('the register holds many dormant NGOs when nobody audits it', () => {
    expect(ratio(lax)).toBeGreaterThan(1.3);
  });

  it('audits narrow the gap', () => {
    expect(ratio(strict)).toBeLessThan(ratio(lax) - 0.2);
  });

  it('a re-registration drive purges dormant NGOs at once', () => {
    const [drive] = runAll(
      scenarioWith({
        levers: { reporting: { auditRate: 0 } },
        timeline: [{ date: '2020-06', action: 'reregistration' }],
      }),
      1,
    );
    const before = drive.series.values.dormant_ngos[12 * 20 + 4];
    const after = drive.series.values.dormant_ngos[12 * 20 + 5];
    expect(before).toBeGreaterThan(50);
    expect(after).toBeLessThan(0.3 * before);
  });
});

describe('fact 5: donor-led start, state-led scale-up', () => {
  const results = runAll(
    scenarioWith({
      levers: { ministries: { socialOrder: 0, grants: 0 }, akimats: { socialOrder: 0 } },
      timeline: [
        {
          date: '2010-01',
          ramp: { 'ministries.socialOrder': 6_000_000, 'akimats.socialOrder': 3_000_000 },
          until: '2015-01',
        },
      ],
    }),
    3,
  );

  it('foreign money is the largest source before contracting starts', () => {
    for (const r of results) {
      const a = r.series.annual;
      expect(a.funding_foreign[9]).toBeGreaterThan(a.funding_social_order[9] + a.funding_grants[9]);
    }
  });

  it('the state becomes the largest source after contracting starts, and the count keeps rising', () => {
    const state = lateMean(results, 'funding_social_order') + lateMean(results, 'funding_grants');
    for (const other of ['funding_foreign', 'funding_donations', 'funding_fees']) {
      expect(state).toBeGreaterThan(lateMean(results, other));
    }
    for (const r of results) {
      const registered = r.series.annual.registered_ngos;
      expect(registered[registered.length - 1]).toBeGreaterThan(1.3 * registered[10]);
    }
  });
});

describe('facts 6 and 7: loyalty-weighted money', () => {
  const policy = (w: number) => [
    { date: '2008-01', set: { 'ministries.loyaltyWeight': w, 'akimats.loyaltyWeight': w } },
    {
      date: '2008-01',
      ramp: { 'ministries.socialOrder': 8_000_000, 'akimats.socialOrder': 4_000_000 },
      until: '2018-01',
    },
  ];
  const loyal = runAll(scenarioWith({ levers: { gongos: { foundingRate: 3 } }, timeline: policy(0.9) }), 3);
  const merit = runAll(scenarioWith({ levers: { gongos: { foundingRate: 3 } }, timeline: policy(0) }), 3);
  const at = (r: ReplicateResult[], metric: string, year: number) =>
    r.reduce((s, x) => s + x.series.annual[metric][year], 0) / r.length;

  it('fact 6: NGO counts grow while the autonomy of independent NGOs falls', () => {
    expect(lateMean(loyal, 'active_ngos')).toBeGreaterThan(1.5 * at(loyal, 'active_ngos', 7));
    expect(lateMean(loyal, 'autonomy_independent')).toBeLessThan(at(loyal, 'autonomy_independent', 7) - 0.03);
    expect(lateMean(merit, 'autonomy_independent')).toBeGreaterThan(
      lateMean(loyal, 'autonomy_independent') + 0.05,
    );
  });

  it('fact 7: state money is concentrated and advocacy NGOs get less than their share', () => {
    expect(lateMean(loyal, 'state_money_gini')).toBeGreaterThan(0.6);
    expect(lateMean(loyal, 'advocacy_state_money_share')).toBeLessThan(
      0.5 * lateMean(loyal, 'advocacy_share'),
    );
    // under merit-based tenders advocacy NGOs get roughly their share
    expect(lateMean(merit, 'advocacy_state_money_share')).toBeGreaterThan(
      0.7 * lateMean(merit, 'advocacy_share'),
    );
  });
});

describe('fact 8: no suppression of advocacy from funding alone', () => {
  it('with merit-based allocation the advocacy share barely moves with the size of the state budget', () => {
    const small = runAll(
      scenarioWith({
        levers: { ministries: { socialOrder: 200_000, grants: 100_000 }, akimats: { socialOrder: 100_000 } },
      }),
      3,
    );
    const large = runAll(
      scenarioWith({
        levers: {
          ministries: { socialOrder: 4_000_000, grants: 2_000_000 },
          akimats: { socialOrder: 2_000_000 },
        },
      }),
      3,
    );
    expect(lateMean(large, 'state_funding_share')).toBeGreaterThan(
      lateMean(small, 'state_funding_share') + 0.4,
    );
    expect(Math.abs(lateMean(large, 'advocacy_share') - lateMean(small, 'advocacy_share'))).toBeLessThan(
      0.05,
    );
  });
});

describe('fact 9: partial crowd-out of donations through fundraising', () => {
  // a country with a sizeable giving market, where crowd-out can be seen at all
  const giving = { parameters: { donations: { giveRate: 0.06, gift: 30 } } };
  const extra = { timeline: [{ date: '2015-01', set: { 'ministries.grants': 3_000_000 } }] };
  const ratios = (crowdOut?: number) => {
    const over =
      crowdOut === undefined
        ? giving
        : { parameters: { donations: { ...giving.parameters.donations, crowdOut } } };
    const base = runAll(scenarioWith(over), 5);
    const more = runAll(scenarioWith({ ...over, ...extra }), 5);
    const late = (r: ReplicateResult, id: string) => r.series.annual[id].slice(16).reduce((a, b) => a + b, 0);
    return base.map((b, k) => {
      const m = more[k];
      const dState =
        late(m, 'funding_grants') +
        late(m, 'funding_social_order') -
        late(b, 'funding_grants') -
        late(b, 'funding_social_order');
      return {
        donations: (late(m, 'funding_donations') - late(b, 'funding_donations')) / dState,
        fundraising: (late(m, 'fundraising') - late(b, 'fundraising')) / dState,
      };
    });
  };

  it('Δdonations/Δstate money lies in [−0.8, +0.1] with a median near −0.2, and fundraising falls', () => {
    const r = ratios();
    for (const x of r) {
      expect(x.donations).toBeGreaterThanOrEqual(-0.8);
      expect(x.donations).toBeLessThanOrEqual(0.1);
      expect(x.fundraising).toBeLessThan(0);
    }
    const m = median(r.map((x) => x.donations));
    expect(m).toBeGreaterThan(-0.45);
    expect(m).toBeLessThan(-0.05);
  });

  it('the crowd-out runs through fundraising: without the fundraising cut it vanishes', () => {
    const m = median(ratios(0).map((x) => x.donations));
    expect(m).toBeGreaterThan(-0.05);
  });
});

describe('fact 12: consultation without liberalization', () => {
  it('more council seats raise the consultation score but not the civic-space index', () => {
    const base = runAll(scenarioWith({}), 3);
    const seats = runAll(
      scenarioWith({
        timeline: [{ date: '2010-01', set: { 'ministries.councilSeats': 50, 'akimats.councilSeats': 50 } }],
      }),
      3,
    );
    expect(lateMean(seats, 'consultation_score')).toBeGreaterThan(lateMean(base, 'consultation_score') + 0.2);
    expect(lateMean(seats, 'civic_space')).toBeLessThan(lateMean(base, 'civic_space') + 0.02);
  });
});
