/**
 * The civil-society model's levers: everything the state (and foreign donors, companies) can set, each
 * changeable on a date by the scenario's timeline. Sources are cited (Author Year) from REFERENCES.md.
 * Tags: [V] verified in a source, [M] widely cited but not re-verified, [A] a modelling assumption.
 */
import { z } from 'zod';
import { money, onFirstUse, share, upTo, yearlyRate } from '../../scenario/schemaParts.ts';

const agencySchema = (who: string) =>
  z
    .strictObject({
      socialOrder: money(
        `State social order (contracting of NGO social projects) tendered by ${who}, currency/year. ` +
          'Kazakhstan 2004–05: ~0.24 bn KZT/yr in all; 2022: ~36 M USD (Diachenko 2007; ICNL 2024) [V].',
      ).default(0),
      grants: money(
        `State grants and prizes awarded by ${who}, currency/year. Unlike social order, grants may fund ` +
          'institutional development and are open to every kind of NGO (Kazakhstan law of 2015; ICNL 2024) [V].',
      ).default(0),
      thematic: share(
        `Share of the social order of ${who} reserved for social services: only service NGOs (and ` +
          'state-created ones) may bid for it, so an advocacy group must change its mission to win it ' +
          '(Kazakhstan law on state social order, 2005; Benevolenski & Toepler 2017) [V].',
      ).default(1),
      loyaltyWeight: share(
        `How ${who} choose winners: 0 = merit-based tenders, 1 = purely by loyalty ("friendly" groups and ` +
          'state-created NGOs first) (IWPR 2010) [V].',
      ).default(0),
      councilSeats: upTo(
        10_000,
        `Seats on public councils and working groups under ${who}, per million citizens ` +
          '(Knox & Janenova 2018) [A].',
        'At most 10,000 per million: one seat per hundred people.',
      ).default(0),
      inspectionRate: yearlyRate(`Inspections by ${who}, per NGO per year (Freedom House 2024) [A].`).default(
        0.05,
      ),
    })
    .describe(`Levers of ${who}.`);

/** The levers section, built the first time it is asked for (schemaParts.ts: onFirstUse). */
export const leversSchema = onFirstUse(() =>
  z
    .strictObject({
      ministries: agencySchema('national ministries').prefault({}),
      akimats: agencySchema('local executive bodies (akimats; municipalities elsewhere)').prefault({}),
      registration: z
        .strictObject({
          cost: upTo(
            1e9,
            'Cost of registering an NGO, currency units (fee plus paperwork). Kazakhstan: $146, cut to $57 in ' +
              '2006 (ICNL 2006) [V].',
            'At most 1e9: above any fee in any currency; founding is already nil long before.',
          ).default(100),
          rejectionRate: share('Share of registration applications rejected (ICNL 2024) [A].').default(0.05),
        })
        .prefault({})
        .describe('Registration regime.'),
      reporting: z
        .strictObject({
          burden: share(
            'Compliance cost of mandatory reporting as a share of a minimal NGO budget (NGO database with ' +
              'mandatory reporting, Kazakhstan 2015; ICNL 2024) [A].',
          ).default(0),
          auditRate: share(
            'Per year: probability that a dormant (registered but inactive) NGO is found by an audit and ' +
              'deregistered (registered ≠ active: IRIN 2004) [A].',
          ).default(0.01),
          targeting: share(
            'How far inspections, audits and re-registrations single out advocacy and foreign-funded NGOs: ' +
              '0 = neutral clean-ups, 1 = aimed at them (the dual strategy: Skokova et al. 2018; Toepler et ' +
              'al. 2020) [A].',
          ).default(0),
        })
        .prefault({})
        .describe('Reporting burden, audits of the register, and whom they target.'),
      gongos: z
        .strictObject({
          foundingRate: upTo(
            1000,
            'State-created "non-governmental" organisations founded per year per million citizens ' +
              '(IWPR 2005; Hasmath et al. 2019) [V for the mechanism, A for the rate].',
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
              'capacity (Diachenko 2007) [A for effect sizes].',
            'At most 1,000 per million: one per thousand people.',
          ).default(0),
        })
        .prefault({})
        .describe('Support infrastructure.'),
      umbrella: z
        .strictObject({
          support: share(
            'Strength of umbrella bodies (confederations, alliances such as KNOK 2004, Civil Alliance 2005): ' +
              'the yearly chance that an NGO joins one. Members pay lower costs and pool voice ' +
              '(Diachenko 2007) [A].',
          ).default(0),
          stateAligned: share(
            'How far umbrella bodies are aligned with the state: pooled voice of aligned bodies counts less ' +
              'as independent advocacy, and their re-granting follows loyalty this much [A].',
          ).default(0.5),
          regranting: share(
            'Share of state grants passed through umbrella bodies, which re-grant them to their members ' +
              '(intermediary grant operators; Diachenko 2007) [A].',
          ).default(0),
        })
        .prefault({})
        .describe('Umbrella bodies: pooled voice, lower costs, re-granting.'),
      tax: z
        .strictObject({
          donationCredit: z
            .number()
            .min(0)
            .max(0.9)
            .describe(
              'Tax credit or deduction on individual donations, as a share of the gift: giving × (1 − credit)^(−e) ' +
                'with price elasticity e (Peloza & Steel 2005) [M]. At most 0.9: a credit of the whole gift ' +
                'would make giving free and the price term infinite.',
            )
            .default(0),
          corporateDeduction: z
            .number()
            .min(0)
            .max(0.9)
            .describe(
              'Tax deduction on company donations, as a share of the gift: corporate giving × (1 − deduction)^(−e) ' +
                '(Clotfelter 1985) [M]. At most 0.9: a deduction of the whole gift would make giving free.',
            )
            .default(0),
          grantExemption: z
            .boolean()
            .describe('Grants exempt from income and social tax (Kazakhstan tax code 2018; ICNL 2024) [V].')
            .default(false),
        })
        .prefault({})
        .describe('Tax incentives.'),
      corporate: z
        .strictObject({
          budget: money(
            'Companies\u2019 philanthropy for NGOs before tax incentives, currency/year (corporate social ' +
              'responsibility programmes; CAF 2025) [A].',
          ).default(0),
          loyaltyWeight: share(
            'How far companies give to the groups the state favours rather than by merit (in hybrid regimes ' +
              'corporate giving follows the state: Skokova et al. 2018) [A].',
          ).default(0),
        })
        .prefault({})
        .describe('Corporate philanthropy.'),
      foreign: z
        .strictObject({
          budget: money(
            'Foreign donors\u2019 budget for the country\u2019s NGOs, currency/year. Soros Foundation-Kazakhstan: ' +
              '>$70 M over 1995–2015 (foreign_funding.csv) [V].',
          ).default(0),
          advocacyPriority: share(
            'Share of foreign money donors aim at advocacy (the rest at service work) (Chaudhry & Heiss n.d.) [A].',
          ).default(0.5),
          regime: z
            .enum(['none', 'disclosure', 'approval', 'prohibition'])
            .describe(
              'Foreign-funding rules. At approval level or stricter donors cut inflow ~30% and move to ' +
                'service work (Dupuy & Prakash 2018; Chaudhry & Heiss n.d.) [V].',
            )
            .default('none'),
          stigma: share(
            'Public stigma of foreign-funded NGOs (registers of foreign-funded recipients, "foreign agent" ' +
              'labels): lowers trust in and donations to them (Kazakhstan register 2023; ICNL 2024) [A].',
          ).default(0),
        })
        .prefault({})
        .describe('Foreign donors and the rules on foreign money.'),
      repression: z
        .strictObject({
          level: share(
            'Scripted severity of repression: the chance that an inspection of an autonomous advocacy NGO ' +
              'ends in a sanction, citizens\u2019 perceived risk of taking part, and the police that face ' +
              'protest (Freedom House 2024; Epstein 2002) [A].',
          ).default(0.05),
          responsiveness: share(
            'How strongly the state answers perceived threat (independent advocacy, foreign money, protest) ' +
              'with repression of its own accord, on top of the scripted level: 0 = only the script ' +
              '(Christensen & Weinstein 2013; Chaudhry 2022) [A].',
          ).default(0.5),
        })
        .prefault({})
        .describe('Repression: scripted, and the state\u2019s own response to threat.'),
      legitimacy: share(
        'Perceived legitimacy of the state that citizens drift toward (grievance = hardship × ' +
          '(1 − legitimacy): Epstein 2002) [A].',
      ).default(0.6),
    })
    .describe(
      'Policy levers. Each has a stable path (e.g. ministries.socialOrder) that timeline events address.',
    ),
);

/** One-off actions the timeline can fire (strength s scales each). */
export const actions = [
  {
    name: 'reregistration',
    description: 'all NGOs must re-register: dormant ones are purged, weak (or targeted) active ones fail',
  },
  { name: 'audit', description: 'one sweep of the register: dormant NGOs are struck off' },
  { name: 'crackdown', description: 'a wave of sanctions on advocacy NGOs and a legitimacy shock' },
  { name: 'civilForum', description: 'a national forum: a short rise in consultation and trust' },
  {
    name: 'legitimacyShock',
    description: 'a sudden loss of the state\u2019s legitimacy (a fraud, a price hike): strength is its size',
  },
] as const;
export const actionNames = actions.map((a) => a.name);
export type ActionName = (typeof actions)[number]['name'];
