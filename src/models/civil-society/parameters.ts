/**
 * The civil-society model's parameters: every coefficient of its rules, named, bounded (the reason is
 * the last sentence of each description) and sourced (Author Year, resolved in REFERENCES.md). Tags:
 * [V] the value is in a source; [M] widely cited, not re-verified; [V sign] the source gives the sign or
 * the form, the size is assumed; [A] a modelling assumption, chosen for plausible magnitudes and subject
 * to the robustness analysis (`npm run robustness`). Rates are per year unless the name says otherwise.
 */
import { z } from 'zod';
import {
  coefficient,
  coefficientReason,
  maxCoefficient,
  onFirstUse,
  positiveUpTo,
  share,
  upTo,
  wholeNumber,
  yearlyRate,
} from '../../scenario/schemaParts.ts';

const moneyAmount = (description: string) =>
  upTo(1e9, description, 'At most 1e9 currency units: above any NGO budget line in any currency.');
const positiveMoney = (description: string) =>
  positiveUpTo(1e9, description, 'At most 1e9 currency units: above any NGO budget line in any currency.');
const months = (description: string) => positiveUpTo(600, description, 'At most 600 months (50 years).');
const multiple = (description: string) =>
  upTo(100, description, 'At most 100: a hundredfold effect is beyond any estimate.');
const per10k = (description: string) =>
  positiveUpTo(1000, description, 'At most 1,000 per 10,000 citizens: one per ten people.');

/** The parameters section, built the first time it is asked for (schemaParts.ts: onFirstUse). */
export const parametersSchema = onFirstUse(() => {
  const citizens = z
    .strictObject({
      engagementSd: upTo(
        1,
        'Spread of political engagement around its initial mean [A].',
        'At most 1: a share.',
      ).default(0.2),
      engagementResources: coefficient(
        'How much more engaged well-off citizens are, per unit of resources (Verba et al. 1995) [V sign, A].',
      ).default(0.2),
      skillsBase: share('Civic skills of a citizen without resources at the start [A].').default(0.15),
      skillsResources: share(
        'Civic skills added by resources (education, jobs that teach them: Verba et al. 1995) [V sign, A].',
      ).default(0.35),
      skillsSd: upTo(1, 'Spread of civic skills at the start [A].', 'At most 1: a share.').default(0.1),
      trustSd: upTo(1, 'Spread of trust in NGOs at the start [A].', 'At most 1: a share.').default(0.15),
      legitimacySd: upTo(
        1,
        'Spread of perceived legitimacy at the start [A].',
        'At most 1: a share.',
      ).default(0.15),
      skillGain: yearlyRate(
        'Civic skills learnt by volunteering, per year (Verba et al. 1995) [V sign, A].',
      ).default(0.1),
      skillDecay: yearlyRate('Decay of unused civic skills, per year [A].').default(0.1),
      trustAdjust: share('Speed at which trust moves toward its current target, per year [A].').default(0.3),
      legitimacyAdjust: share(
        'Speed at which perceived legitimacy moves toward the legitimacy lever, per year [A].',
      ).default(0.3),
      memberTrustBonus: upTo(
        0.5,
        'How much more members trust NGOs than others (Verba et al. 1995) [A].',
        'At most 0.5: trust is a share and the target is capped below 1 − bonus.',
      ).default(0.1),
    })
    .prefault({})
    .describe('Citizens: traits at the start and their slow drift.');

  const participation = z
    .strictObject({
      reconsiderRate: positiveUpTo(
        1,
        'Share of citizens who reconsider whether to volunteer each month (decisions are occasional) [A].',
        'At most 1: everyone, every month.',
      ).default(0.12),
      contacts: wholeNumber(
        1,
        16,
        'Network contacts a reconsidering citizen samples; the active share among them is the social ' +
          'influence (complex contagion needs several sources: Centola & Macy 2007) [A].',
        'From 1 to 16: more contacts than that change the share little and cost a read each.',
      ).default(4),
      baseRate: z
        .number()
        .min(0.001)
        .max(0.999)
        .describe(
          'Chance that a reference citizen volunteers (average resources and engagement, civic skills 0.3, ' +
            'trust 0.4, asked with chance 0.5, contacts as active as her threshold, no risk): sets the ' +
            'intercept β0 of the participation logit. About 20% of Kazakhstanis volunteered for an ' +
            'organisation in 2008–10 (CIVICUS 2011): 0.21 gives about 20% in 2009 in the Kazakhstan scenario [V target, calibrated]. Between 0.001 and 0.999: the logit ' +
            'of 0 or 1 is infinite.',
        )
        .default(0.21),
      resources: coefficient(
        'βR: weight of resources (time, money) (Verba et al. 1995) [V sign, A].',
      ).default(1.2),
      engagement: coefficient('βE: weight of political engagement (Verba et al. 1995) [V sign, A].').default(
        1.6,
      ),
      skills: coefficient('βS: weight of civic skills (Verba et al. 1995) [V sign, A].').default(0.6),
      trust: coefficient('βT: weight of trust in NGOs [A].').default(0.8),
      recruitment: coefficient(
        'βM: weight of being asked by an NGO (Verba et al. 1995: being asked is the commonest reason) [V sign, A].',
      ).default(1.2),
      influence: coefficient(
        'βN: weight of (active share of sampled contacts − own threshold) (Granovetter 1978; Centola & Macy ' +
          '2007) [V sign, A].',
      ).default(1.2),
      risk: coefficient(
        'βP: weight of risk aversion × effective repression (Epstein 2002) [V sign, A].',
      ).default(2),
      thresholdMean: share('Mean Granovetter threshold (Granovetter 1978: μ = 0.25) [V].').default(0.25),
      thresholdSd: upTo(
        1,
        'Spread of thresholds (Granovetter 1978: σ ≈ 0.10–0.12 is the tipping zone) [V].',
        'At most 1: thresholds are shares, clipped to 0–1.',
      ).default(0.12),
      reachScale: per10k(
        'Recruitment effort per 10,000 citizens (NGO capacity, staff) at which 63% of citizens are asked: ' +
          'being asked saturates with the number of NGOs (Verba et al. 1995) [A].',
      ).default(4),
      joinChance: share(
        'Chance that a volunteer who belongs to no working group joins one when reconsidering (the rest ' +
          'volunteer informally) [A].',
      ).default(0.5),
      contactGroupChance: share(
        'Chance that a joiner joins a contact\u2019s group rather than one found by recruitment [A].',
      ).default(0.5),
      membershipLapse: share('Chance that an inactive member lets membership lapse, per year [A].').default(
        0.8,
      ),
      recruitStaff: upTo(
        10,
        'Recruitment weight of a paid staff member, relative to full capacity [A].',
        'At most 10.',
      ).default(0.25),
      recruitStateCreated: share(
        'Recruitment among citizens of a state-created NGO relative to an independent one [A].',
      ).default(0.5),
      recruitInformal: share(
        'Recruitment of an unregistered group relative to a registered one [A].',
      ).default(0.5),
    })
    .prefault({})
    .describe(
      'Volunteering: civic voluntarism (Verba et al. 1995) with network influence and thresholds; every ' +
        'feedback bounded (being asked saturates, influence is a share).',
    );

  const trust = z
    .strictObject({
      visibility: upTo(
        1,
        'Trust gained as NGOs\u2019 service work becomes visible (public image follows service: USAID 2023) [A].',
        'At most 1: trust is a share.',
      ).default(0.3),
      visibilityReference: share(
        'Visibility of service work that leaves trust at its initial level [A].',
      ).default(0.3),
      visibilityScale: per10k(
        'Service output per 10,000 citizens at which 63% of people see it [A].',
      ).default(3),
      stigma: upTo(
        1,
        'Trust lost at full stigma of foreign money, per foreign-funded share [A].',
        'At most 1.',
      ).default(0.4),
      capture: upTo(
        1,
        'Share of trust lost as the sector looks captured (mean dependence of active NGOs on the state, 1 − ' +
          'autonomy): co-opted and state-created NGOs lose public credibility (Lorch & Bunk 2017; Hasmath et ' +
          'al. 2019) [V sign, A].',
        'At most 1: all of it.',
      ).default(0.6),
      repression: upTo(
        1,
        'Share of trust lost at full effective repression [A].',
        'At most 1: all of it.',
      ).default(0.2),
      forum: upTo(
        1,
        'Trust and consultation added by a Civil Forum of strength 1 [A].',
        'At most 1.',
      ).default(0.1),
      forumFade: share('Share of a forum\u2019s effect that fades each month [A].').default(0.1),
    })
    .prefault({})
    .describe('Trust in NGOs: what citizens see of them.');

  const protest = z
    .strictObject({
      reconsiderRate: positiveUpTo(
        1,
        'Share of free citizens who reconsider protesting each month (Epstein 2002: every agent, every step; ' +
          'protesters reconsider every month) [V].',
        'At most 1: everyone, every month.',
      ).default(1),
      threshold: share('T: net grievance needed to protest, G − R·P > T (Epstein 2002: 0.1) [V].').default(
        0.1,
      ),
      grievanceScale: share(
        'Share of hardship that turns into political grievance: G = scale × H × (1 − L). Epstein’s runs ' +
          'start from L = 0.8, i.e. G ≤ 0.2; the legitimacy levers of civsim’s scenarios sit lower [A].',
      ).default(0.2),
      safetyInNumbers: share(
        'How far the protesters one sees lower the estimated arrest risk, A = 1 + this × seen share × vision ' +
          '(Epstein 2002; Kuran 1991) [V mechanism]. 0 removes safety in numbers.',
      ).default(1),
      arrestConstant: upTo(
        maxCoefficient,
        'k in the estimated arrest probability P = 1 − exp(−k·⌊C/A⌋) (Epstein 2002: 2.3) [V].',
        coefficientReason,
      ).default(2.3),
      vision: upTo(
        10_000,
        'People in a protester’s sight, a crowd whose protesting share is the country’s (Epstein 2002: ' +
          'vision 7 on a 0.7-dense grid sees ~100) [V order, A].',
        'At most 10,000 people in sight.',
      ).default(100),
      police: upTo(
        1,
        'Police per citizen in sight at full effective repression; C = police × repression × vision. At ' +
          'Kazakhstan’s scripted 0.25 the default puts 2 officers in sight (Epstein 2002: ~6) [V order, A].',
        'At most 1: one officer per citizen.',
      ).default(0.08),
      arrestCapacity: upTo(
        1,
        'Protesters the police can arrest per month, as a share of citizens, at full effective repression ' +
          '(Kazakhstan, January 2022: about 10,000 detained, 0.05% of the people, at a repression near 0.3: ' +
          'ICNL 2024) [V order, A].',
        'At most 1: everyone.',
      ).default(0.002),
      maxJailMonths: wholeNumber(
        1,
        240,
        'Longest jail term in months; terms are uniform up to it (NetLogo Rebellion: 30 ticks) [A].',
        'From 1 to 240 (20 years).',
      ).default(24),
    })
    .prefault({})
    .describe(
      'Protest (Epstein 2002): grievance = hardship × (1 − legitimacy) against the estimated arrest risk, ' +
        'which falls as more of the people one sees protest.',
    );

  const stateResponse = z
    .strictObject({
      tolerance: share('Threat the state tolerates before it responds [A].').default(0.35),
      advocacyWeight: share(
        'Weight of independent advocacy in perceived threat (Chaudhry 2022) [V sign, A].',
      ).default(0.4),
      foreignWeight: share(
        'Weight of the foreign-funded share of NGOs in perceived threat (Dupuy et al. 2016; Christensen & ' +
          'Weinstein 2013) [V sign, A].',
      ).default(0.3),
      protestWeight: share('Weight of protest in perceived threat (Chaudhry 2022) [V sign, A].').default(0.3),
      advocacyReference: per10k(
        'Independent advocacy output per 10,000 citizens that reads as a 63% threat [A].',
      ).default(1),
      protestReference: positiveUpTo(
        1,
        'Share of citizens protesting that reads as a 63% threat [A].',
        'At most 1: a share.',
      ).default(0.005),
      adjustMonths: months('Months over which the state\u2019s own repression follows threat [A].').default(
        6,
      ),
      reregistrationThreat: share(
        'Threat at which the state orders a targeted re-registration of NGOs (Kazakhstan 2005 draft laws; ' +
          'Russia 2006, 2012) [A].',
      ).default(0.7),
      reregistrationYears: positiveUpTo(
        100,
        'Years before the state orders another such re-registration [A].',
        'At most 100 years.',
      ).default(6),
      reregistrationStrength: share('Strength of a re-registration the state orders by itself [A].').default(
        0.5,
      ),
    })
    .prefault({})
    .describe(
      'The state as an agent: it reads threat from independent advocacy, foreign money and protest and ' +
        'answers with repression of its own and targeted re-registration (Christensen & Weinstein 2013; ' +
        'Dupuy et al. 2016; Chaudhry 2022).',
    );

  const founding = z
    .strictObject({
      baseRate: positiveUpTo(
        100,
        'Foundings per 10,000 citizens per year in an empty field with ample resources [A].',
        'At most 100 per 10,000 a year: one new NGO per hundred people each year.',
      ).default(0.5),
      densityLegitimation: multiple(
        'θL: how many times more foundings a well-populated field has than an empty one (density ' +
          'legitimates the form: Hannan & Freeman 1989) [V sign, A]. 0 removes legitimation.',
      ).default(3),
      legitimationDensity: per10k(
        'Active NGOs per 10,000 citizens at which legitimation is 63% complete (Hannan & Carroll 1992) [A].',
      ).default(2),
      densityCompetition: multiple(
        'How strongly foundings fall as resources per NGO shrink: rate × (1 + c)·K/(c·N + K) with K the NGOs ' +
          'the resources can carry (Hannan & Freeman 1989) [V sign, A]. 0 removes competition.',
      ).default(1),
      participation: coefficient(
        'β on the volunteering rate: civic engagement raises foundings (Saxton & Benson 2005) [V sign, A].',
      ).default(2),
      registrationCostScale: positiveMoney(
        'Registration cost (currency) that cuts founding by a factor e [A].',
      ).default(400),
      resourceCentreEffect: upTo(
        10,
        'Founding boost per resource centre per million citizens (Diachenko 2007) [A].',
        'At most 10: an elevenfold boost from one centre per million.',
      ).default(0.05),
      repressionEffect: upTo(
        maxCoefficient,
        'Founding cut per unit of effective repression, exp(−b·r) [A].',
        coefficientReason,
      ).default(1.5),
      viableBudget: positiveMoney('Annual budget (currency) that sustains one NGO [A].').default(5000),
      volunteerValue: moneyAmount(
        'Value of a real NGO volunteer\u2019s year counted as a resource that can carry NGOs, currency [A].',
      ).default(100),
      advocacyBase: share(
        'Share of citizen-founded NGOs that are advocacy groups at full grievance [A].',
      ).default(0.5),
      advocacyRepression: share(
        'How much repression deters founding advocacy rather than service groups [A].',
      ).default(0.5),
      founderSkill: positiveUpTo(
        100,
        'How strongly skilled, engaged citizens are favoured as founders (chance ∝ this × skill × engagement) [A].',
        'At most 100.',
      ).default(2),
      startCapacity: share('Capacity of a new NGO whose founder has no skills [A].').default(0.1),
      startCapacitySkill: share('Capacity a new NGO gains from its founder\u2019s skills [A].').default(0.3),
      startAutonomy: share('Lowest autonomy of a new citizen-founded NGO [A].').default(0.8),
      startAutonomySpread: share('Spread of new NGOs\u2019 autonomy above the lowest [A].').default(0.15),
      startReserves: upTo(
        10,
        'Reserves of a new NGO, in years of overhead [A].',
        'At most 10 years.',
      ).default(0.25),
      gongoCapacity: share('Capacity of a new state-created NGO [A].').default(0.4),
      gongoAutonomy: share('Autonomy of a state-created NGO (Hasmath et al. 2019) [A].').default(0.1),
      gongoReserves: upTo(
        10,
        'Reserves of a new state-created NGO, in years of overhead [A].',
        'At most 10 years.',
      ).default(1),
    })
    .prefault({})
    .describe(
      'Founding: legitimation rises and competition for resources falls with density (organizational ' +
        'ecology); entrepreneurs, barriers and repression.',
    );

  const mortality = z
    .strictObject({
      baseHazard: positiveUpTo(
        12,
        'Annual hazard that an established NGO stops working: a few per cent to ten per cent a year for ' +
          'small nonprofits [A].',
        'At most 12 a year: the model steps monthly.',
      ).default(0.06),
      lowDensity: multiple(
        'Extra hazard, as a multiple, in an empty field (no legitimacy, no peers: Hannan & Carroll 1992), ' +
          'fading with density like legitimation [V sign, A]. 0 removes it.',
      ).default(1),
      densityDelay: coefficient(
        'δ > 0 on density at founding relative to legitimationDensity: born in crowded times, die sooner ' +
          '(Carroll & Hannan 1989) [V sign, A].',
      ).default(0.05),
      size: coefficient('η < 0 on log size (members + staff) (Hager et al. 2004) [V sign, A].').default(
        -0.15,
      ),
      newness: multiple(
        'Extra hazard at age 0 as a multiple: the liability of newness (Stinchcombe 1965; Hager et al. ' +
          '2004 for nonprofits) [V sign, A].',
      ).default(2),
      newnessDecay: positiveUpTo(
        100,
        'ρ: decay of the liability of newness per year (Hannan & Freeman 1989) [V form, A].',
        'At most 100 a year: gone within a month.',
      ).default(0.4),
      stateLinkProtection: share(
        'Hazard cut for NGOs with state money (Baum & Oliver 1991) [V sign, A].',
      ).default(0.4),
      stateLinkFlattening: share(
        'Share of the newness effect removed by state money (Hager et al. 2004) [V sign, A].',
      ).default(0.6),
      donationProtection: share(
        'Hazard cut at 100% donation-funded revenue (Hager et al. 2004) [V sign, A].',
      ).default(0.3),
      shortfallMonths: wholeNumber(
        1,
        240,
        'Months in a row without money or volunteers to cover costs before an NGO stops working [A].',
        'From 1 to 240 (20 years).',
      ).default(6),
      revivalRate: share('Chance per year that a dormant NGO works again [A].').default(0.05),
      revivalReserves: upTo(
        10,
        'Reserves of a revived NGO, in years of overhead [A].',
        'At most 10 years.',
      ).default(0.25),
      liquidationRate: share('Chance per year that a dormant NGO deregisters itself [A].').default(0.02),
    })
    .prefault({})
    .describe('Mortality and dormancy: registered ≠ active (IRIN 2004).');

  const register = z
    .strictObject({
      sanctionClosure: share('Chance that a sanction deregisters the NGO (a court liquidation) [A].').default(
        0.3,
      ),
      fine: share('Share of reserves a fine takes [A].').default(0.5),
      chill: share('Chill on advocacy added by a sanction (self-censorship after it) [A].').default(0.5),
      chillFade: share('Share of chill that fades each month [A].').default(0.05),
      serviceSanction: share('Sanction risk of a service NGO relative to an advocacy one [A].').default(0.2),
      gongoSanction: share(
        'Sanction risk of a state-created NGO relative to a service one (they are audited too) [A].',
      ).default(0.2),
      burdenSanction: share(
        'Sanction chance at full reporting burden for an NGO without capacity [A].',
      ).default(0.1),
      targetedRisk: multiple(
        'Extra inspection and sanction risk, as a multiple, of advocacy and foreign-funded NGOs at full ' +
          'targeting [A].',
      ).default(2),
      reregistrationPurge: share(
        'Share of dormant NGOs removed by a full re-registration (Kazakhstan c. 2004: ~7,000 → ~1,500; ' +
          'IRIN 2004) [V magnitude, A].',
      ).default(0.9),
      reregistrationFail: share(
        'Chance that an active NGO without capacity fails a full re-registration [A].',
      ).default(0.15),
      auditPurge: share('Share of dormant NGOs one audit sweep removes [A].').default(0.5),
      crackdownReach: share('Chance that a full crackdown sanctions an autonomous advocacy NGO [A].').default(
        0.3,
      ),
      crackdownShock: share(
        'Perceived legitimacy lost in a crackdown of strength 1 (Epstein 2002) [A].',
      ).default(0.15),
    })
    .prefault({})
    .describe('Sanctions, re-registrations and audits.');

  const informal = z
    .strictObject({
      persistence: share(
        'Chance that a refused or closed group goes on working without registration (unregistered ' +
          'activity: ICNL 2024) [A].',
      ).default(0.4),
      hazard: yearlyRate('Annual hazard that an unregistered group stops, before repression [A].').default(
        0.2,
      ),
      repressionHazard: multiple('Extra hazard, as a multiple, at full effective repression [A].').default(2),
      registerRate: share(
        'Chance per year that an unregistered group registers when entry is free and sure [A].',
      ).default(0.2),
    })
    .prefault({})
    .describe('The unregistered sector: groups that work without registration.');

  const finance = z
    .strictObject({
      overhead: moneyAmount('Minimal running cost of an active NGO, currency/year [A].').default(1500),
      volunteersNeeded: positiveUpTo(
        1e6,
        'Real volunteers who can run an NGO without money (volunteer dependence: Hager et al. 2004) [A].',
        'At most a million volunteers.',
      ).default(30),
      staffCost: positiveMoney('Cost of one paid staff member, currency/year [A].').default(4000),
      memberFee: moneyAmount('Membership fee per real member, currency/year [A].').default(1),
      complianceCost: moneyAmount('Reporting compliance cost at burden 1, currency/year [A].').default(1500),
      foreignCompliance: share(
        'Extra compliance, as a share of complianceCost, for foreign-funded NGOs under any foreign-funding ' +
          'rule (ICNL 2024) [A].',
      ).default(0.5),
      umbrellaSaving: share('Share of overhead saved by umbrella members (Diachenko 2007) [A].').default(0.2),
      operatorFee: share('Share of re-granted money an umbrella operator keeps for its costs [A].').default(
        0.1,
      ),
      grantTax: share('Share of grant money lost to tax without an exemption (ICNL 2024) [A].').default(0.1),
      staffBudgetShare: share('Share of spare budget turned into paid staff [A].').default(0.8),
      staffAdjustMonths: months('Months over which staff follow the budget [A].').default(6),
      capacityBase: share('Capacity of an NGO with nothing [A].').default(0.1),
      capacityStaff: share('Capacity added by paid staff (saturating) [A].').default(0.35),
      capacityStaffHalf: positiveUpTo(
        1000,
        'Staff at which half of that is reached [A].',
        'At most 1,000 staff.',
      ).default(3),
      capacitySkills: share('Capacity added by members\u2019 civic skills [A].').default(0.25),
      capacityCentres: share('Capacity added by full resource-centre coverage (Diachenko 2007) [A].').default(
        0.1,
      ),
      centresForCoverage: positiveUpTo(
        1000,
        'Resource centres per million citizens that cover every NGO [A].',
        'At most 1,000 per million.',
      ).default(2),
      capacityUmbrella: share('Capacity added by umbrella membership [A].').default(0.1),
      capacityVolunteers: share('Capacity added by volunteers (saturating) [A].').default(0.1),
      volunteersForCapacity: positiveUpTo(
        1e6,
        'Real volunteers that give all of that [A].',
        'At most a million.',
      ).default(20),
      capacityAdjustMonths: months('Months over which capacity follows its target [A].').default(24),
      shortfallCapacityLoss: share('Capacity lost per month in shortfall [A].').default(0.01),
      contractShare: share('Largest share of a funding round that one NGO may win [A].').default(0.1),
    })
    .prefault({})
    .describe('NGO finances, staff and capacity.');

  const tender = z
    .strictObject({
      noise: upTo(10, 'Spread of the judges\u2019 scoring noise [A].', 'At most 10.').default(0.1),
      socialOrderProject: multiple(
        'A social-order project\u2019s cost, in viable budgets, at full capacity [A].',
      ).default(3),
      grantProject: multiple('A state grant\u2019s size, in viable budgets, at full capacity [A].').default(
        2,
      ),
      foreignProject: multiple(
        'A foreign grant\u2019s size, in viable budgets, at full capacity [A].',
      ).default(3),
      corporateProject: multiple(
        'A company grant\u2019s size, in viable budgets, at full capacity [A].',
      ).default(1),
      meritStaff: upTo(
        1,
        'Merit added per paid staff member (up to meritStaffCap) [A].',
        'At most 1.',
      ).default(0.05),
      meritStaffCap: upTo(
        1000,
        'Staff beyond which merit grows no more [A].',
        'At most 1,000 staff.',
      ).default(5),
      seatVoice: upTo(
        1,
        'Merit added to an advocacy group\u2019s claim to a council seat (its voice) [A].',
        'At most 1.',
      ).default(0.2),
      foreignAutonomy: share('Weight of autonomy in foreign donors\u2019 merit [A].').default(0.5),
    })
    .prefault({})
    .describe('Funding rounds: tenders, grant calls, donors\u2019 and companies\u2019 rounds.');

  const drift = z
    .strictObject({
      rate: yearlyRate(
        'Autonomy lost per year at 100% conditional state revenue (mission drift under resource dependence: ' +
          'Froelich 1999) [V mechanism, A].',
      ).default(0.4),
      conditionality: share(
        'How far drift needs conditional (loyalty-weighted) money: 1 = only conditional money reshapes NGOs ' +
          '(Chaves et al. 2004), 0 = any state money does [V].',
      ).default(1),
      recovery: yearlyRate('Autonomy regained per year without conditional money [A].').default(0.05),
      diversityProtection: share(
        'How far revenue diversity (1 − HHI) shields from drift (Froelich 1999) [V sign, A].',
      ).default(0.5),
      councilCooptation: yearlyRate(
        'Autonomy lost per year by holding a loyalty-allocated council seat [A].',
      ).default(0.1),
      selfCensorship: share(
        'Advocacy an NGO withholds per unit of conditional state revenue share (self-censorship: Lorch & ' +
          'Bunk 2017; Skokova et al. 2018) [V sign, A].',
      ).default(0.5),
      typeSwitch: share(
        'Chance per year that an advocacy NGO with low autonomy turns to service work [A].',
      ).default(0.2),
      switchAutonomy: share('Autonomy below which an advocacy NGO may turn to service work [A].').default(
        0.3,
      ),
      missionSwitch: share(
        'Chance per year that an advocacy NGO short of money turns to service work to bid for thematic ' +
          'social order (Benevolenski & Toepler 2017) [V sign, A].',
      ).default(0.2),
    })
    .prefault({})
    .describe('Mission drift, co-optation and mission change.');

  const donations = z
    .strictObject({
      giveRate: share(
        'Chance per month that a fully trusting, well-off citizen who is asked gives [A].',
      ).default(0.03),
      gift: positiveMoney('Mean gift, currency units (scaled by resources) [A].').default(10),
      priceElasticity: upTo(
        10,
        'Price elasticity of individual giving e (Peloza & Steel 2005: about 1–1.4) [M].',
        'At most 10: estimates lie between 0.5 and 2.',
      ).default(1.2),
      corporateElasticity: upTo(
        10,
        'Price elasticity of corporate giving (Clotfelter 1985) [M].',
        'At most 10: estimates lie between 0.5 and 2.',
      ).default(1),
      crowdOut: upTo(
        10,
        'κ: fundraising cut per unit of state money received (Andreoni & Payne 2011: $141 per $1,000) [V].',
        'At most 10: ten units of fundraising cut per unit of state money.',
      ).default(0.14),
      fundraisingShare: share('Share of own (non-state) revenue an NGO spends on fundraising [A].').default(
        0.2,
      ),
      askSaturation: positiveMoney(
        'Fundraising spend per citizen per year at which half the people are asked [A].',
      ).default(1),
    })
    .prefault({})
    .describe('Private giving with crowd-out through fundraising and tax incentives.');

  const foreign = z
    .strictObject({
      inflowMultiplier: z
        .strictObject({
          none: share('No rules.').default(1),
          disclosure: share('Disclosure only [A].').default(0.9),
          approval: share('Approval: bilateral aid falls ~32% (Dupuy & Prakash 2018) [V].').default(0.68),
          prohibition: share('Prohibition [A].').default(0.1),
        })
        .prefault({})
        .describe('Foreign inflow as a share of the donors\u2019 budget under each regime.'),
      advocacyShift: z
        .strictObject({
          none: share('No rules.').default(0),
          disclosure: share('Disclosure only [A].').default(0.1),
          approval: share(
            'Approval: donors move to service channels (Chaudhry & Heiss n.d.) [V sign, A].',
          ).default(0.5),
          prohibition: share('Prohibition [A].').default(0.9),
        })
        .prefault({})
        .describe('Share of the advocacy priority moved to service work under each regime.'),
      responseMonths: months('Months over which donors adjust to new rules or budgets [A].').default(12),
    })
    .prefault({})
    .describe('Foreign donors\u2019 response to rules.');

  const consultation = z
    .strictObject({
      seatReference: per10k(
        'Council seats per million citizens at which 63% of the field is covered [A].',
      ).default(10),
      allocation: share(
        'How far real consultation (seats held by autonomous NGOs) lowers the loyalty weight of tenders ' +
          '(Knox & Janenova 2018) [V sign, A].',
      ).default(0.5),
      rules: share(
        'How far real consultation lightens the reporting burden (Knox & Janenova 2018) [V sign, A].',
      ).default(0.5),
      tolerance: share('Threat tolerance the state gains from real consultation [A].').default(0.3),
      legitimacy: share(
        'Legitimacy the state gains at full influence of councils: consultation as legitimation (Lorch & ' +
          'Bunk 2017) [V sign, A].',
      ).default(0.1),
      seatLoyalty: share(
        'How far council seats follow the agency’s loyalty weight (1) rather than merit (0): councils ' +
          'whose membership the state shapes (Knox & Janenova 2018) [V sign, A]. A seat given with loyalty ' +
          'weight w carries (1 − w) of its holder’s voice into the council’s influence.',
      ).default(1),
    })
    .prefault({})
    .describe(
      'Consultation that matters when it is real: influence = seat coverage × autonomy of the seat holders.',
    );

  const outputs = z
    .strictObject({
      advocacyService: share(
        'Service output of an advocacy NGO relative to a service NGO of equal capacity [A].',
      ).default(0.2),
      staffForService: upTo(
        1000,
        'Staff beyond which service output grows no more [A].',
        'At most 1,000.',
      ).default(10),
      staffServiceScale: positiveUpTo(
        1000,
        'Staff that double service output [A].',
        'At most 1,000.',
      ).default(5),
      umbrellaVoice: upTo(
        10,
        'Advocacy added by the pooled voice of an independent umbrella body [A].',
        'At most 10.',
      ).default(0.3),
      informalAdvocacy: share(
        'Advocacy of an unregistered group relative to a registered one of equal capacity [A].',
      ).default(0.5),
    })
    .prefault({})
    .describe('What NGOs produce: service and advocacy output.');

  const indices = z
    .strictObject({
      referenceDensity: per10k('Active NGOs per 10,000 citizens that scores best on capacity [A].').default(
        10,
      ),
      referenceParticipation: share('Volunteering rate in independent NGOs that scores best [A].').default(
        0.2,
      ),
      advocacyReference: per10k(
        'Independent advocacy output per 10,000 citizens that scores 63% [A].',
      ).default(1),
      serviceReference: per10k('Service output per 10,000 citizens that scores 63% [A].').default(3),
      sanctionReference: positiveUpTo(
        100,
        'Sanctions per active NGO per year that halve freedom from repression [A].',
        'At most 100.',
      ).default(0.05),
      arrestReference: positiveUpTo(
        1,
        'Share of citizens arrested per year that halves freedom from repression [A].',
        'At most 1: a share.',
      ).default(0.005),
      reserveMonths: positiveUpTo(
        600,
        'Months of reserves that score best [A].',
        'At most 600 months.',
      ).default(6),
    })
    .prefault({})
    .describe('Scaling of the outcome-based indices (CSO-Sustainability-style dimensions, civic space).');

  return z
    .strictObject({
      citizens,
      participation,
      trust,
      protest,
      stateResponse,
      founding,
      mortality,
      register,
      informal,
      finance,
      tender,
      drift,
      donations,
      foreign,
      consultation,
      outputs,
      indices,
    })
    .describe('Model parameters, each with its source or an [A] assumption tag.');
});
