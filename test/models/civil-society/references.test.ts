/**
 * The civil-society model's bibliography is complete: every author–year citation in the descriptions of
 * its parameters, levers, population and initial state (the zod `.describe()` texts), in the comments and
 * string literals of its source files (rules/*.ts, facts.ts, …), in its ODD.md and in scenarios/README.md
 * resolves to an entry `- **Key** — …` of src/models/civil-society/REFERENCES.md, written exactly as
 * cited; and no key is listed twice. A citation that resolves to nothing (a typo, a wrong year, a new source not yet listed)
 * fails the test with the place it was found.
 *
 * What counts as a citation: capitalised surname(s) — "Name", "Name & Name", "Name, Name & Name",
 * "Name et al." — or an organisation from ORGANISATIONS, followed by a year or "n.d." (several years:
 * "Andreoni & Payne 2003, 2011"). Several authors, "et al." and organisations count anywhere; a single
 * surname counts right after "(", ";", ":", ",", "|" or the start of a text, or as "Name (2002)" /
 * "Name's (2002)" — so a lone "Name 2002" in running prose is not seen (write it in parentheses). Place
 * names and months ("Kazakhstan 2023", "January 2022") are not authors (NOT_AUTHORS).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { leversSchema } from '../../../src/models/civil-society/levers.ts';
import { parametersSchema } from '../../../src/models/civil-society/parameters.ts';
import { initialSchema, populationSchema } from '../../../src/models/civil-society/schema.ts';

const root = new URL('../../../', import.meta.url).pathname;
const modelDir = join(root, 'src/models/civil-society');

/** Organisations cited as authors (a capitalised acronym is otherwise not taken for an author). */
export const ORGANISATIONS = [
  'ICNL',
  'CIVICUS',
  'USAID',
  'IRIN',
  'IWPR',
  'CAF',
  'UNDP',
  'OSCE',
  'Freedom House',
  'World Bank',
  'The Guardian',
  'V-Dem',
];

/** Capitalised words followed by a year that are not authors: months, places, things. */
export const NOT_AUTHORS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'],
  ...['September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul'],
  ...['Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Spring', 'Summer', 'Autumn', 'Winter'],
  ...['Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan', 'Turkmenistan', 'Russia', 'Belarus'],
  ...['Ukraine', 'Georgia', 'Armenia', 'Azerbaijan', 'China', 'India', 'Estonia', 'Croatia', 'Hungary'],
  ...['Egypt', 'Algeria', 'Mozambique', 'Andijan', 'Astana', 'Almaty', 'Europe', 'Eurasia', 'Asia'],
  ...['Civil', 'Alliance', 'Forum', 'Forums', 'Law', 'Constitution', 'Decree', 'Concept', 'Plan'],
  ...['Program', 'Programme', 'Fund', 'Chamber', 'Memorial', 'Census', 'Code', 'Index', 'Report'],
  ...['Survey', 'Fact', 'Table', 'Figure', 'Section', 'Version', 'Edition', 'Since', 'From', 'Until'],
  ...['In', 'On', 'By', 'Of', 'The', 'A', 'An', 'And', 'Or', 'To', 'At', 'After', 'Before', 'About'],
];

const NAME = '[A-ZÀ-Ö][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?';
const SURNAME = `(?!(?:${NOT_AUTHORS.join('|')})\\b)(?:(?:[Dd]e|[Vv]an|[Vv]on|van der) )?${NAME}`;
const ORG = ORGANISATIONS.map((o) => o.replace(/\./g, '\\.')).join('|');
const AUTHORS = `(?:${ORG}|${SURNAME}(?:, ${SURNAME})*(?: & ${SURNAME})?(?: et al\\.)?)`;
/** Shapes that are citations wherever they stand: an organisation, "A & B", "A, B & C", "A et al.". */
const MANY_AUTHORS = `(?:${ORG}|${SURNAME}(?:, ${SURNAME})* & ${SURNAME}|${SURNAME} et al\\.)`;
const YEAR = '(?:(?:19|20)\\d{2}[a-z]?|n\\.d\\.)';
const YEARS = `${YEAR}(?:, ${YEAR})*`;
/** "(Name 2002", "; Name 2002", ": Name 2002", ", Name 2002", "| Name 2002", or a text that starts with one. */
const AFTER_DELIMITER = new RegExp(`(?:^|[(\\[;:,—|]\\s*)(${AUTHORS}) (${YEARS})(?![\\w–-])`, 'gmu');
/** "Name & Name 2002", "Name et al. 2002", "ICNL 2024" anywhere. */
const MANY = new RegExp(`(?<![\\w-])(${MANY_AUTHORS}) (${YEARS})(?![\\w–-])`, 'gmu');
/** "Name (2002)" and "Name's (2002)" anywhere. */
const PARENTHESISED_YEAR = new RegExp(`(?<![\\w-])(${AUTHORS})(?:['’]s)? \\((${YEARS})\\)`, 'gmu');

/** The citations in a text, as reference keys ("Andreoni & Payne 2003, 2011" gives two). */
export function citationsIn(text: string): string[] {
  const found = new Set<string>();
  for (const re of [AFTER_DELIMITER, MANY, PARENTHESISED_YEAR]) {
    for (const m of text.matchAll(re)) {
      for (const year of m[2].split(', ')) found.add(`${m[1]} ${year}`);
    }
  }
  return [...found];
}

/** The keys of REFERENCES.md (`- **Key** — …`), in file order, duplicates kept. */
export function referenceKeys(markdown: string): string[] {
  return [...markdown.matchAll(/^- \*\*(.+?)\*\* — /gm)].map((m) => m[1]);
}

/** Comments of a TypeScript source: block comments, and runs of line comments, one text each. */
export function commentsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\/\*([\s\S]*?)\*\//g)) {
    out.push(
      m[1]
        .replace(/^\s*\*+ ?/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  let run: string[] = [];
  for (const line of source.replace(/\/\*[\s\S]*?\*\//g, '').split('\n')) {
    const m = /(?:^|\s)\/\/(.*)$/.exec(line);
    if (m) run.push(m[1].trim());
    else if (run.length > 0) {
      out.push(run.join(' '));
      run = [];
    }
  }
  if (run.length > 0) out.push(run.join(' '));
  return out;
}

/** String literals of a TypeScript source, with `'a ' + 'b'` concatenations joined (comments dropped). */
export function stringsOf(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, '$1'))
    .join('\n')
    .replace(/(['"`])\s*\+\s*\1/g, '');
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Every `description` in a zod schema, with its path. */
function descriptionsOf(schema: z.ZodType, prefix: string): { where: string; text: string }[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const out: { where: string; text: string }[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') out.push({ where: path, text: v });
        else walk(v, k === 'properties' ? path : `${path}.${k}`);
      }
    }
  };
  walk(json, prefix);
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const referencesFile = join(modelDir, 'REFERENCES.md');
const keys = referenceKeys(readFileSync(referencesFile, 'utf8'));
const known = new Set(keys);

/** The citations of the texts that REFERENCES.md does not list, as "Key (where)". */
function unresolved(texts: { where: string; text: string }[]): string[] {
  return texts.flatMap(({ where, text }) =>
    citationsIn(text)
      .filter((key) => !known.has(key))
      .map((key) => `${key} (${where})`),
  );
}

describe('the citation extractor', () => {
  it('finds author–year citations in their usual shapes and nothing else', () => {
    const sample =
      'civic voluntarism (Verba et al. 1995; Centola & Macy 2007): after Epstein\u2019s (2002) model, ' +
      'crowd-out (Andreoni & Payne 2003, 2011; de Wit & Bekkers 2017), density delay (Carroll & ' +
      'Hannan 1989), the dual strategy: Skokova et al. 2018; (Freeman, Carroll & Hannan 1983), ' +
      '(Kazakhstan 2023; January 2022: ICNL 2024), Russia 2006, 2012; KNOK 2004, Civil Alliance 2005, ' +
      'donors (Chaudhry & Heiss n.d.), as Hager et al. 2004 show | Diachenko 2007 |.';
    expect(citationsIn(sample).sort()).toEqual(
      [
        'Verba et al. 1995',
        'Centola & Macy 2007',
        'Epstein 2002',
        'Andreoni & Payne 2003',
        'Andreoni & Payne 2011',
        'de Wit & Bekkers 2017',
        'Carroll & Hannan 1989',
        'Skokova et al. 2018',
        'Freeman, Carroll & Hannan 1983',
        'ICNL 2024',
        'Chaudhry & Heiss n.d.',
        'Hager et al. 2004',
        'Diachenko 2007',
      ].sort(),
    );
  });

  it('reports a citation that REFERENCES.md does not list', () => {
    expect(unresolved([{ where: 'sample', text: 'an invented source (Smith & Jones 2031)' }])).toEqual([
      'Smith & Jones 2031 (sample)',
    ]);
    expect(unresolved([{ where: 'sample', text: 'a real one (Granovetter 1978)' }])).toEqual([]);
  });

  it('reads comments and joined string literals of a source', () => {
    const source = [
      '/**',
      ' * Mortality (Hager, Galaskiewicz &',
      ' * Larson 2004).',
      ' */',
      "const d = describe('weight (Granovetter 1978; Centola & Macy ' +",
      "  '2007) [V sign, A].'); // trailing (Kuran 1991)",
    ].join('\n');
    expect(commentsOf(source).flatMap(citationsIn).sort()).toEqual([
      'Hager, Galaskiewicz & Larson 2004',
      'Kuran 1991',
    ]);
    expect(stringsOf(source).flatMap(citationsIn).sort()).toEqual([
      'Centola & Macy 2007',
      'Granovetter 1978',
    ]);
  });
});

describe('REFERENCES.md', () => {
  it('lists each key once', () => {
    const seen = new Set<string>();
    const twice = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
    expect(twice).toEqual([]);
    expect(keys.length).toBeGreaterThan(30);
  });

  it('resolves every citation in the descriptions of parameters, levers, population and initial state', () => {
    const texts = [
      ...descriptionsOf(parametersSchema(), 'parameters'),
      ...descriptionsOf(leversSchema(), 'levers'),
      ...descriptionsOf(populationSchema(), 'population'),
      ...descriptionsOf(initialSchema(), 'initial'),
    ];
    // the extractor must see the citations at all, or this test would pass on nothing
    expect(texts.flatMap((t) => citationsIn(t.text)).length).toBeGreaterThan(40);
    expect(unresolved(texts)).toEqual([]);
  });

  it('resolves every citation in the comments and strings of the model\u2019s source files', () => {
    const texts = tsFiles(modelDir).flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      const where = relative(root, path);
      return [...commentsOf(source), ...stringsOf(source)].map((text) => ({ where, text }));
    });
    expect(texts.flatMap((t) => citationsIn(t.text)).length).toBeGreaterThan(40);
    expect(unresolved(texts)).toEqual([]);
  });

  it('resolves every citation in ODD.md and scenarios/README.md', () => {
    const paragraphs = ['src/models/civil-society/ODD.md', 'scenarios/README.md'].flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split(/\n\s*\n/)
        .map((p, i) => ({ where: `${file} ¶${i + 1}`, text: p.replace(/\s+/g, ' ') })),
    );
    expect(paragraphs.flatMap((t) => citationsIn(t.text)).length).toBeGreaterThan(20);
    expect(unresolved(paragraphs)).toEqual([]);
  });
});
