/**
 * The state as an agent. Each month it reads threat from what it sees — independent advocacy, the share
 * of NGOs living on foreign money, protest in the streets (Christensen & Weinstein 2013; Dupuy et al.
 * 2016; Chaudhry 2022) — and, in proportion to its responsiveness (a lever: 0 is a state that only
 * follows the scenario's script), adds repression of its own on top of the scripted level, aims its
 * inspections and audits at advocacy and foreign-funded NGOs, and when threat runs high orders a
 * targeted re-registration. Real consultation (influence) raises the threat it tolerates: a state that
 * hears independent NGOs in its councils feels less threatened by them (Knox & Janenova 2018).
 */
import type { TickContext } from '../../../engine/simulation.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState } from '../state.ts';
import { reregistration } from './actions.ts';

/** Threat the state perceives (0–1) from advocacy per 10,000, the foreign-funded share and protest (pure). */
export function perceivedThreat(
  r: Parameters['stateResponse'],
  advocacyPer10k: number,
  foreignFundedShare: number,
  protestShare: number,
): number {
  const advocacy = 1 - Math.exp(-advocacyPer10k / r.advocacyReference);
  const protest = 1 - Math.exp(-protestShare / r.protestReference);
  const t = r.advocacyWeight * advocacy + r.foreignWeight * foreignFundedShare + r.protestWeight * protest;
  return t > 1 ? 1 : t;
}

/**
 * The repression the state adds by itself at a given threat (pure): responsiveness × the part of the
 * threat above what it tolerates, on a 0–1 scale.
 */
export function ownRepressionTarget(threat: number, tolerance: number, responsiveness: number): number {
  if (threat <= tolerance || tolerance >= 1) return 0;
  return (responsiveness * (threat - tolerance)) / (1 - tolerance);
}

export function stateResponse(state: ModelState, ctx: TickContext): void {
  const { sector, levers, params } = state;
  const r = params.stateResponse;
  const protestShare = sector.protesters / state.citizens.resources.length;
  sector.threat = perceivedThreat(r, sector.advocacyOutput, sector.foreignFundedShare, protestShare);
  const tolerance = Math.min(1, r.tolerance + params.consultation.tolerance * sector.influence);
  const target = ownRepressionTarget(sector.threat, tolerance, levers.repression.responsiveness);
  sector.stateRepression += (target - sector.stateRepression) / Math.max(1, r.adjustMonths);
  sector.repression = Math.min(1, levers.repression.level + sector.stateRepression);
  sector.targeting = Math.min(1, levers.reporting.targeting + sector.stateRepression);
  if (
    levers.repression.responsiveness > 0 &&
    sector.threat >= r.reregistrationThreat &&
    ctx.tick - sector.lastStateReregistration >= 12 * r.reregistrationYears
  ) {
    sector.lastStateReregistration = ctx.tick;
    reregistration(state, ctx.tick, r.reregistrationStrength, 1);
  }
}
