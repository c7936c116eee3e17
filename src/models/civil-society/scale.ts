/**
 * The simulated sample and the real country. Citizens are a sample of the real population (each stands
 * for `citizenWeight` people) and NGOs a sample of the real NGOs (`ngoSampling` simulated per real one).
 * Money and counts cross between the two here, and only here:
 * - a real count of NGOs = simulated count / ngoSampling;
 * - money reaching the simulated NGOs = real money × ngoSampling (so each simulated NGO's budget is a
 *   real NGO's budget);
 * - the real members of a simulated NGO = simulated members × citizenWeight × ngoSampling.
 */
import type { Scenario } from './schema.ts';

export class Scale {
  readonly citizens: number;
  readonly ngoSampling: number;
  private readonly represents: number;
  private readonly growth: number;

  constructor(scenario: Scenario) {
    this.citizens = scenario.population.citizens;
    this.ngoSampling = scenario.population.ngoSampling;
    this.represents = scenario.population.represents;
    this.growth = scenario.population.growthRate;
  }

  /** Real population at a tick (months since the start). */
  realPopulation(tick: number): number {
    return this.represents * Math.exp((this.growth * tick) / 12);
  }
  /** Real people per simulated citizen at a tick. */
  citizenWeight(tick: number): number {
    return this.realPopulation(tick) / this.citizens;
  }
  /** Simulated NGO count → real count. */
  realNgos(simulated: number): number {
    return simulated / this.ngoSampling;
  }
  /** Real NGOs per 10,000 citizens for a simulated NGO count. */
  per10k(simulated: number, tick: number): number {
    return (this.realNgos(simulated) / this.realPopulation(tick)) * 1e4;
  }
  /** Real money (currency/year, whole country) → money/month for the simulated NGOs. */
  monthlySimMoney(realPerYear: number): number {
    return (realPerYear * this.ngoSampling) / 12;
  }
  /** Real members of a simulated NGO with `members` simulated members. */
  realMembers(members: number, tick: number): number {
    return members * this.citizenWeight(tick) * this.ngoSampling;
  }
  /** Expected simulated NGOs for a real number (e.g. foundings per month). */
  simulatedNgos(real: number): number {
    return real * this.ngoSampling;
  }
}
