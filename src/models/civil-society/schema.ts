/**
 * The one schema of a civsim scenario file. The TypeScript types (`ScenarioInput`, `Scenario`) and the
 * published JSON Schema (`scenarios/civsim.schema.json`, for editor autocompletion) both derive from it.
 *
 * Every default cites its source: "DM §n" is ../shared/research/domain-model.md (copied facts and sources
 * are listed in src/model/ODD.md); [V] verified in a source, [M] widely cited, not re-verified; [A] a
 * modelling assumption of civsim, chosen to give plausible magnitudes, to be calibrated.
 *
 * Conventions: rates are per year unless the name says otherwise; shares are 0–1; money is in the
 * scenario's `currency` unit per year for the whole country (the model scales it to the simulated
 * sample); counts of NGOs are real (whole-country) counts.
 */
import { z } from 'zod';
import { monthScenarioSchema } from '../../scenario/envelope.ts';
import {
  coefficient,
  coefficientReason,
  maxCoefficient,
  money,
  positiveUpTo,
  share,
  text,
  upTo,
  yearlyRate,
} from '../../scenario/schemaParts.ts';

/** A registered sector is at most one NGO per this many people (the densest are about one per 100). */
export const peoplePerNgo = 10;

// ---------------------------------------------------------------------------------------------------
// Levers: everything the state (and foreign donors) can set, each changeable on a date by `timeline`.
// ---------------------------------------------------------------------------------------------------

const agencySchema = (who: string) =>
  z
    .strictObject({
      socialOrder: money(
        `State social order (contracting of NGO social projects) tendered by ${who}, currency/year. ` +
          'Kazakhstan 2004–05: ~0.24 bn KZT/yr in all; 2022: ~36 M USD (DM §1; state_funding.csv) [V].',
      ).default(0),
      grants: money(
        `State grants and prizes awarded by ${who}, currency/year. Unlike social order, grants may fund ` +
          'institutional development (Kazakhstan law of 2015; DM §1) [V].',
      ).default(0),
      loyaltyWeight: share(
        `How ${who} choose winners: 0 = merit-based tenders, 1 = purely by loyalty ("friendly" groups and ` +
          'state-created NGOs first; IWPR 2010, DM §1, §4) [V].',
      ).default(0),
      councilSeats: upTo(
        10_000,
        `Seats on public councils and working groups under ${who}, per million citizens (DM §1) [A].`,
        'At most 10,000 per million: one seat per hundred people.',
      ).default(0),
      inspectionRate: yearlyRate(
        `Inspections by ${who}, per NGO per year (DM §1: inspections, sanctions) [A].`,
      ).default(0.05),
    })
    .describe(`Levers of ${who}.`);

export const leversSchema = z
  .strictObject({
    ministries: agencySchema('national ministries').prefault({}),
    akimats: agencySchema('local executive bodies (akimats; municipalities elsewhere)').prefault({}),
    registration: z
      .strictObject({
        cost: upTo(
          1e9,
          'Cost of registering an NGO, currency units (fee plus paperwork). Kazakhstan: $146, cut to $57 in ' +
            '2006 (ICNL 2006; DM §1) [V].',
          'At most 1e9: above any fee in any currency; founding is already nil long before.',
        ).default(100),
        rejectionRate: share('Share of registration applications rejected (DM §1) [A].').default(0.05),
      })
      .prefault({})
      .describe('Registration regime.'),
    reporting: z
      .strictObject({
        burden: share(
          'Compliance cost of mandatory reporting as a share of a minimal NGO budget (NGO database with ' +
            'mandatory reporting, Kazakhstan 2015; DM §1) [A].',
        ).default(0),
        auditRate: share(
          'Per year: probability that a dormant (registered but inactive) NGO is found by an audit and ' +
            'deregistered (DM §2: registered ≠ active) [A].',
        ).default(0.01),
      })
      .prefault({})
      .describe('Reporting burden and audits of the register.'),
    gongos: z
      .strictObject({
        foundingRate: upTo(
          1000,
          'State-created "non-governmental" organisations founded per year per million citizens ' +
            '(IWPR 2005 "Uncivil forum"; DM §1) [V for the mechanism, A for the rate].',
          'At most 1,000 per million a year: one new NGO per thousand people each year.',
        ).default(0),
      })
      .prefault({})
      .describe('State-created NGOs (GONGOs).'),
    infrastructure: z
      .strictObject({
        resourceCentres: upTo(
          1000,
          'Resource centres (information, training) per million citizens: lower founding costs and raise ' +
            'capacity (seed article; DM §1) [A for effect sizes].',
          'At most 1,000 per million: one per thousand people.',
        ).default(0),
      })
      .prefault({})
      .describe('Support infrastructure.'),
    umbrella: z
      .strictObject({
        support: share(
          'Strength of umbrella bodies (confederations, alliances such as KNOK 2004, Civil Alliance 2005): ' +
            'the yearly chance that an NGO joins one. Members pay lower costs and pool voice (DM §1) [A].',
        ).default(0),
        stateAligned: share(
          'How far umbrella bodies are aligned with the state: pooled voice of aligned bodies counts less ' +
            'as independent advocacy [A].',
        ).default(0.5),
      })
      .prefault({})
      .describe('Umbrella bodies.'),
    tax: z
      .strictObject({
        donationCredit: z
          .number()
          .min(0)
          .max(0.9)
          .describe(
            'Tax credit or deduction on donations, as a share of the gift: giving × (1 − credit)^(−e) with ' +
              'price elasticity e (DM §4) [M]. At most 0.9: a credit of the whole gift would make giving free ' +
              'and the price term infinite.',
          )
          .default(0),
        grantExemption: z
          .boolean()
          .describe('Grants exempt from income and social tax (Kazakhstan tax code 2018; DM §1) [V].')
          .default(false),
      })
      .prefault({})
      .describe('Tax incentives.'),
    foreign: z
      .strictObject({
        budget: money(
          'Foreign donors\u2019 budget for the country\u2019s NGOs, currency/year. Soros Foundation-Kazakhstan: ' +
            '>$70 M over 1995–2015 (foreign_funding.csv) [V].',
        ).default(0),
        advocacyPriority: share(
          'Share of foreign money donors aim at advocacy (the rest at service work) (DM §4) [A].',
        ).default(0.5),
        regime: z
          .enum(['none', 'disclosure', 'approval', 'prohibition'])
          .describe(
            'Foreign-funding rules. At approval level or stricter donors cut inflow ~30% and move to ' +
              'service work (Dupuy, Ron & Prakash 2016; Chaudhry & Heiss; DM §4) [V].',
          )
          .default('none'),
        stigma: share(
          'Public stigma of foreign-funded NGOs (registers of foreign-funded recipients, "foreign agent" ' +
            'labels): lowers trust in and donations to them (Kazakhstan register 2023; DM §1) [A].',
        ).default(0),
      })
      .prefault({})
      .describe('Foreign donors and the rules on foreign money.'),
    repression: z
      .strictObject({
        level: share(
          'Severity of sanctions: the chance that an inspection of an autonomous advocacy NGO ends in a ' +
            'sanction, and citizens\u2019 perceived risk of taking part (Freedom House NIT; DM §1, §3) [A].',
        ).default(0.05),
      })
      .prefault({})
      .describe('Repression.'),
    legitimacy: share(
      'Perceived legitimacy of the state that citizens drift toward (Epstein: grievance = hardship × ' +
        '(1 − legitimacy); DM §3) [A].',
    ).default(0.6),
  })
  .describe(
    'Policy levers. Each has a stable path (e.g. ministries.socialOrder) that timeline events address.',
  );

// ---------------------------------------------------------------------------------------------------
// Timeline actions: one-off events the model handles (levers are set or ramped by any event).
// ---------------------------------------------------------------------------------------------------

export const actions = [
  { name: 'reregistration', description: 'all NGOs must re-register: dormant ones are purged' },
  { name: 'audit', description: 'one sweep of the register' },
  { name: 'crackdown', description: 'a wave of sanctions and a legitimacy shock' },
  { name: 'civilForum', description: 'a national forum: a short rise in consultation and trust' },
] as const;
export const actionNames = actions.map((a) => a.name);
export type ActionName = (typeof actions)[number]['name'];

// ---------------------------------------------------------------------------------------------------
// Model parameters: constants of the rules, each with a cited default. Overridable like any value.
// ---------------------------------------------------------------------------------------------------

export const parametersSchema = z
  .strictObject({
    citizens: z
      .strictObject({
        reconsiderRate: positiveUpTo(
          1,
          'Per month: share of citizens who reconsider whether to take part (civic voluntarism decisions ' +
            'are occasional, not continuous) [A].',
          'At most 1: everyone, every month.',
        ).default(0.12),
        contacts: z
          .number()
          .int()
          .min(1)
          .max(16)
          .describe(
            'Network contacts sampled when a citizen reconsiders; the active share among them is the social ' +
              'influence (complex contagion needs several sources: Centola & Macy 2007; DM §3) [V/A]. From 1 to 16: ' +
              'more contacts than that change the share little and cost a read each.',
          )
          .default(4),
        intercept: coefficient(
          'β0 of the participation logit; calibrated so ~20% volunteer (CIVICUS CSI; DM §3) [A].',
        ).default(-3.5),
        resources: coefficient('βR: weight of resources (time, money) (Verba et al. 1995) [V/A].').default(
          1.2,
        ),
        engagement: coefficient('βE: weight of political engagement (Verba et al. 1995) [V/A].').default(1.6),
        skills: coefficient('βS: weight of civic skills (Verba et al. 1995) [V/A].').default(0.6),
        trust: coefficient('βT: weight of trust in NGOs [A].').default(0.8),
        recruitment: coefficient(
          'βM: weight of being asked (recruitment by NGOs) (Verba et al. 1995) [V/A].',
        ).default(1.2),
        influence: coefficient(
          'βS: weight of (active share of contacts − own threshold) (Granovetter 1978; Watts 2002) [V/A].',
        ).default(2.5),
        risk: coefficient('βP: weight of risk aversion × repression (Epstein 2002; DM §3) [A].').default(2.0),
        thresholdMean: share('Mean Granovetter threshold (DM §3: μ = 0.25) [V].').default(0.25),
        thresholdSd: upTo(
          1,
          'Spread of thresholds (DM §3: σ ≈ 0.10–0.12 is the tipping zone) [V].',
          'At most 1: thresholds are shares, clipped to 0–1.',
        ).default(0.12),
        joinChance: share(
          'Chance that a citizen who takes part and belongs to no NGO joins one when reconsidering (the rest ' +
            'take part informally) [A].',
        ).default(0.5),
        membershipLapse: share('Per year: chance that an inactive member lets membership lapse [A].').default(
          0.8,
        ),
        skillGain: yearlyRate(
          'Per year: civic skills learnt by volunteering (Verba et al. 1995) [A].',
        ).default(0.1),
        skillDecay: yearlyRate('Per year: decay of unused civic skills [A].').default(0.1),
        trustAdjust: share('Per year: speed at which trust moves toward its current target [A].').default(
          0.3,
        ),
        legitimacyAdjust: share(
          'Per year: speed at which perceived legitimacy moves toward the lever [A].',
        ).default(0.3),
      })
      .prefault({})
      .describe('Citizens: participation by civic voluntarism and network thresholds.'),
    donations: z
      .strictObject({
        giveRate: share(
          'Per month: chance that a fully trusting, well-off citizen who is asked gives [A].',
        ).default(0.03),
        gift: positiveUpTo(
          1e9,
          'Mean gift, currency units (scaled by resources) [A].',
          'At most 1e9: above any gift in any currency.',
        ).default(10),
        priceElasticity: upTo(
          10,
          'Price elasticity of giving e (DM §4: e ≈ 1–1.4) [M].',
          'At most 10: estimates lie between 0.5 and 2.',
        ).default(1.2),
        crowdOut: upTo(
          10,
          'κ: fundraising cut per unit of state money received (Andreoni & Payne: $141 per $1,000; DM §4) [V].',
          'At most 10: ten units of fundraising cut per unit of state money.',
        ).default(0.14),
        fundraisingShare: share('Share of own (non-state) revenue an NGO spends on fundraising [A].').default(
          0.2,
        ),
        askSaturation: positiveUpTo(
          1e9,
          'Fundraising spend per citizen per year at which half the population is asked [A].',
          'At most 1e9 currency units per citizen.',
        ).default(1),
      })
      .prefault({})
      .describe('Private giving with crowd-out through fundraising and tax incentives.'),
    founding: z
      .strictObject({
        baseRate: positiveUpTo(
          100,
          'exp(a0): foundings per 10,000 citizens per year at zero density [A].',
          'At most 100 per 10,000 a year: one new NGO per hundred people each year.',
        ).default(0.15),
        legitimation: upTo(
          maxCoefficient,
          'θ1 ≥ 0 on density/capacity (Hannan & Freeman; DM §2) [V sign].',
          coefficientReason,
        ).default(6),
        competition: z
          .number()
          .min(-maxCoefficient)
          .lt(0, { message: 'a negative number: competition must eventually bring foundings down' })
          .describe(`θ2 < 0 on (density/capacity)² (DM §2) [V sign]. ${coefficientReason}`)
          .default(-6),
        participation: coefficient(
          'β on the volunteering rate (Saxton & Benson 2005: engagement raises foundings) [V sign].',
        ).default(4),
        registrationCostScale: positiveUpTo(
          1e9,
          'Registration cost (currency) that cuts founding by a factor e [A].',
          'At most 1e9 currency units.',
        ).default(400),
        resourceCentreEffect: upTo(
          10,
          'Founding boost per resource centre per million citizens [A].',
          'At most 10: an elevenfold boost from one centre per million.',
        ).default(0.05),
        repressionEffect: upTo(
          maxCoefficient,
          'Founding cut per unit of repression (exp(−b·level)) [A].',
          coefficientReason,
        ).default(1.5),
        volunteerCapacity: upTo(
          1000,
          'Carrying capacity from volunteers: NGOs per 10,000 citizens at 100% volunteering [A].',
          'At most 1,000 per 10,000: one NGO per ten people.',
        ).default(20),
        viableBudget: positiveUpTo(
          1e12,
          'Annual budget (currency) that sustains one NGO; money/viableBudget adds capacity [A].',
          'At most 1e12 currency units.',
        ).default(5000),
        advocacyBase: share(
          'Share of citizen-founded NGOs that are advocacy groups at full grievance [A].',
        ).default(0.5),
      })
      .prefault({})
      .describe('Founding: density-dependent legitimation and competition (organizational ecology).'),
    mortality: z
      .strictObject({
        baseHazard: positiveUpTo(
          12,
          'exp(b0): annual hazard of an established NGO (DM §2: 0.02–0.10) [V/M].',
          'At most 12 a year: the model steps monthly.',
        ).default(0.1),
        densityLinear: coefficient('γ1 < 0 (DM §2) [V sign].').default(-1.2),
        densityQuadratic: coefficient('γ2 > 0 (DM §2) [V sign].').default(1.0),
        densityDelay: coefficient('δ > 0 on density at founding (DM §2) [V sign].').default(0.5),
        size: coefficient('η < 0 on log size (members + staff) (Hager et al. 2004) [V sign].').default(-0.15),
        newness: upTo(
          100,
          'Extra hazard at age 0 as a multiple (DM §2: ×2–3 in years 0–3) [M].',
          'At most 100 times the base hazard.',
        ).default(2),
        newnessDecay: positiveUpTo(
          100,
          'ρ: decay of the liability of newness per year (DM §2) [V form].',
          'At most 100 a year: gone within a month.',
        ).default(0.4),
        stateLinkProtection: share(
          'Hazard cut for NGOs with state funding (Baum & Oliver 1991; DM §2) [V sign].',
        ).default(0.4),
        stateLinkFlattening: share(
          'Share of the newness effect removed by state funding (Hager et al. 2004) [V sign].',
        ).default(0.6),
        donationProtection: share(
          'Hazard cut at 100% donation-funded revenue (Hager et al. 2004) [V sign].',
        ).default(0.3),
        shortfallMonths: z
          .number()
          .int()
          .min(1)
          .max(240)
          .describe(
            'Months without money or volunteers before an NGO goes dormant (DM §2) [A]. At most 240 (20 years).',
          )
          .default(6),
        revivalRate: share('Per year: chance a dormant NGO becomes active again [A].').default(0.05),
        liquidationRate: share('Per year: chance a dormant NGO deregisters itself [A].').default(0.02),
        sanctionClosure: share(
          'Chance that a sanction closes (deregisters) the NGO (Freedom House NIT) [A].',
        ).default(0.3),
        reregistrationPurge: share(
          'Share of dormant NGOs removed by a full re-registration drive (Kazakhstan 2004: ~7,000 → ~1,500; ' +
            'DM §2) [V magnitude].',
        ).default(0.9),
      })
      .prefault({})
      .describe('Mortality, dormancy and deregistration.'),
    finance: z
      .strictObject({
        overhead: upTo(
          1e9,
          'Minimal running cost of an active NGO, currency/year [A].',
          'At most 1e9 currency units a year.',
        ).default(1500),
        volunteersNeeded: positiveUpTo(
          1e6,
          'Real volunteers who can run an NGO without money (volunteer dependence; DM §2) [A].',
          'At most a million volunteers.',
        ).default(30),
        staffCost: positiveUpTo(
          1e9,
          'Cost of one paid staff member, currency/year [A].',
          'At most 1e9 currency units a year.',
        ).default(4000),
        memberFee: upTo(
          1e9,
          'Membership fee per real member, currency/year [A].',
          'At most 1e9 currency units a year.',
        ).default(1),
        complianceCost: upTo(
          1e9,
          'Reporting compliance cost at burden 1, currency/year [A].',
          'At most 1e9 currency units a year.',
        ).default(1500),
        umbrellaSaving: share('Share of overhead saved by umbrella members (DM §1) [A].').default(0.2),
        grantTax: share(
          'Share of grant money lost to tax without an exemption (tax code 2018; DM §1) [A].',
        ).default(0.1),
        contractShare: share('Largest share of a tender round that one NGO may win [A].').default(0.1),
      })
      .prefault({})
      .describe('NGO finances.'),
    drift: z
      .strictObject({
        rate: yearlyRate(
          'Per year: autonomy lost at 100% loyalty-weighted state revenue (mission drift under resource ' +
            'dependence; DM §4) [V mechanism, A rate].',
        ).default(0.4),
        recovery: yearlyRate('Per year: autonomy regained without conditional money [A].').default(0.05),
        diversityProtection: share(
          'How far revenue diversity (1 − HHI) shields from drift (DM §4) [V sign].',
        ).default(0.5),
        typeSwitch: share(
          'Per year: chance that an advocacy NGO with autonomy < 0.3 turns to service work [A].',
        ).default(0.2),
        councilCooptation: yearlyRate(
          'Per year: autonomy lost by holding a loyalty-allocated council seat [A].',
        ).default(0.1),
      })
      .prefault({})
      .describe('Mission drift and co-optation.'),
    foreign: z
      .strictObject({
        inflowMultiplier: z
          .strictObject({
            none: share('No rules.').default(1),
            disclosure: share('Disclosure only [A].').default(0.9),
            approval: share(
              'Approval: bilateral aid falls ~32% (Dupuy, Ron & Prakash 2016; DM §4) [V].',
            ).default(0.68),
            prohibition: share('Prohibition [A].').default(0.1),
          })
          .prefault({})
          .describe('Foreign inflow as a share of the donors\u2019 budget under each regime.'),
        advocacyShift: z
          .strictObject({
            none: share('No rules.').default(0),
            disclosure: share('Disclosure only [A].').default(0.1),
            approval: share(
              'Approval: donors move to service channels (Chaudhry & Heiss; DM §4) [V sign].',
            ).default(0.5),
            prohibition: share('Prohibition [A].').default(0.9),
          })
          .prefault({})
          .describe('Share of the advocacy priority moved to service work under each regime.'),
        responseMonths: positiveUpTo(
          600,
          'Months over which donors adjust to new rules or budgets [A].',
          'At most 600 months (50 years).',
        ).default(12),
      })
      .prefault({})
      .describe('Foreign donors\u2019 response to rules.'),
    indices: z
      .strictObject({
        referenceDensity: positiveUpTo(
          1000,
          'Active NGOs per 10,000 citizens that scores best on capacity [A].',
          'At most 1,000 per 10,000: one NGO per ten people.',
        ).default(10),
        referenceParticipation: share(
          'Volunteering rate that scores best on public participation [A].',
        ).default(0.4),
      })
      .prefault({})
      .describe('Scaling of the CSO-Sustainability-style dimensions and the civic-space index.'),
  })
  .describe('Model parameters with cited defaults.');

// ---------------------------------------------------------------------------------------------------
// Population, initial state, outputs.
// ---------------------------------------------------------------------------------------------------

export const populationSchema = z
  .strictObject({
    citizens: z
      .number()
      .int()
      .min(100)
      .max(50_000_000)
      .describe(
        'Simulated citizens (a sample of the real population). `civsim run --scale` multiplies it. ' +
          'From 100 to 50 million: a larger sample would need more memory than a workstation has ' +
          '(civsim estimates the memory before it runs and refuses what will not fit).',
      )
      .default(100_000),
    represents: z
      .number()
      .int()
      .min(100)
      .max(2_000_000_000)
      .describe(
        'Real population the sample stands for at the start date (Kazakhstan 1991: 16.4 M, World Bank). ' +
          'At most 2 billion: more than any country.',
      )
      .default(1_000_000),
    growthRate: z
      .number()
      .min(-0.1)
      .max(0.1)
      .describe(
        'Annual growth of the real population (used for per-10,000 rates and money per head). Between −10% ' +
          'and +10% a year: beyond any country\u2019s recorded growth.',
      )
      .default(0),
    ngoSampling: z
      .number()
      .gt(0)
      .max(1)
      .describe(
        'Simulated NGOs per real NGO (1 = every NGO). `civsim run --scale` multiplies it (capped at 1).',
      )
      .default(0.1),
    network: z
      .strictObject({
        degree: z
          .number()
          .int()
          .min(2)
          .max(64)
          .multipleOf(2)
          .describe(
            'Mean degree k of the small-world network (DM §3: 6–10) [M]. An even number from 2 to 64: every ' +
              'link has two ends, and each unit of degree costs 4 bytes per citizen.',
          )
          .default(8),
        rewiring: share('Watts–Strogatz rewiring probability (DM §3: 0.01–0.1) [M].').default(0.05),
      })
      .prefault({})
      .describe('Small-world (Watts–Strogatz) social network.'),
  })
  .describe('Population and scale.');

export const initialSchema = z
  .strictObject({
    ngos: upTo(
      10_000_000,
      'Registered NGOs at the start (real count).',
      'At most 10 million (India, the largest sector, has about 3.3 million), and at most one per ' +
        `${peoplePerNgo} people of population.represents.`,
    ).default(100),
    activeShare: share('Share of them active at the start.').default(0.8),
    advocacyShare: share('Share of initial NGOs that are advocacy groups.').default(0.3),
    stateCreatedShare: share('Share of initial NGOs that are state-created.').default(0.05),
    participation: share('Share of citizens taking part (volunteering) at the start.').default(0.05),
    trust: share('Mean trust in NGOs at the start.').default(0.4),
    engagement: share('Mean political engagement at the start.').default(0.3),
  })
  .describe('Initial state.');

export const metricIds = [
  'registered_ngos',
  'active_ngos',
  'dormant_ngos',
  'registered_per_10k',
  'active_per_10k',
  'dormant_per_10k',
  'foundings',
  'dissolutions',
  'closures',
  'funding_social_order',
  'funding_grants',
  'funding_foreign',
  'funding_donations',
  'funding_fees',
  'funding_total',
  'fundraising',
  'state_funding_share',
  'revenue_hhi',
  'budget_gini',
  'state_money_gini',
  'advocacy_state_money_share',
  'autonomy_independent',
  'advocacy_share',
  'gongo_share',
  'umbrella_membership',
  'volunteering_rate',
  'membership_rate',
  'donor_rate',
  'trust',
  'legitimacy',
  'sanctions',
  'consultation_score',
  'csi_legal',
  'csi_capacity',
  'csi_financial',
  'csi_advocacy',
  'csi_service',
  'csi_infrastructure',
  'csi_image',
  'csi_overall',
  'civic_space',
] as const;
export type MetricId = (typeof metricIds)[number];

/** The civil-society model's own scenario sections (joined to the envelope by scenarioSchemaOf). */
export const sections = {
  currency: text(40, 'Unit of all money values, e.g. "USD" or "million KZT".').default('USD'),
  population: populationSchema.prefault({}),
  initial: initialSchema.prefault({}),
  levers: leversSchema.prefault({}),
  parameters: parametersSchema.prefault({}),
};

/** The whole scenario schema of the civil-society model. */
export const scenarioSchema = monthScenarioSchema({ id: 'civil-society', actions, metricIds, sections });

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A fully resolved scenario: every default applied, `extends` merged. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Levers = Scenario['levers'];
export type TimelineEvent = Scenario['timeline'][number];
export type Parameters = Scenario['parameters'];
