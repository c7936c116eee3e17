import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/output/escapeHtml.ts';
import { formatForReader } from '../../src/output/displayNumber.ts';
import type { ReportInput } from '../../src/output/html.ts';
import { buildIndexHtml, sourceHtml } from '../../src/output/html.ts';
import { endTable } from '../../src/output/endTable.ts';
import { metricGroups } from '../../src/models/civil-society/metricDefinitions.ts';
import { summariseRun } from '../../src/output/summary.ts';
import { eventsForDisplay } from '../../src/output/timelineEvents.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import { fakeRun, fakeScenario } from './fakeRun.ts';

const evil = '<script>alert(1)</script>';

function report(overrides: Partial<ReportInput> = {}): ReportInput {
  const scenario = fakeScenario({
    title: `Title ${evil}`,
    description: `First paragraph & "quotes".\n\nSecond <b>paragraph</b>.`,
    start: '2000-01',
    end: '2001-06',
    timeline: [
      {
        date: '2000-06',
        label: `Law ${evil}`,
        source: `See https://example.org/a?b=1&c=2. And <i>this</i>`,
        action: 'audit',
      },
    ],
    sources: ['Book <title>', 'https://example.org/x'],
  });
  const run = fakeRun(scenario, 3);
  const annual = summariseRun(run.replicates, ['active_ngos', 'trust', 'csi_legal'], 'annual');
  return {
    scenario,
    runId: '20261128-021500-seed1',
    scenarioHash: 'ab'.repeat(32),
    civsimVersion: '0.1.0',
    gitCommit: '0123456789abcdef0123456789abcdef01234567',
    period: '2000-01 to 2001-06 (18 months)',
    facts: [['Currency', 'USD']],
    charts: [
      { id: 'ngo-counts', title: `Chart ${evil}`, svg: '<svg viewBox="0 0 10 10"><text>t</text></svg>' },
    ],
    events: eventsForDisplay(scenario.timeline),
    end: endTable({
      summary: annual,
      ticks: run.replicates[0].series.ticks,
      metrics: new Map(metricDefinitions.map((m) => [m.id, m])),
      groups: metricGroups,
      unitWords: { currency: 'USD' },
    }),
    groups: metricGroups,
    files: [{ path: 'series.csv', description: 'monthly values' }],
    ...overrides,
  };
}

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('index.html', () => {
  const html = buildIndexHtml(report());

  it('escapes every user-supplied string', () => {
    expect(html).not.toContain(evil);
    expect(html).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Law &lt;script&gt;');
    expect(html).toContain('Chart &lt;script&gt;');
    expect(html).toContain('Second &lt;b&gt;paragraph&lt;/b&gt;');
    expect(html).toContain('Book &lt;title&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
  });

  it('loads nothing from outside: no external src, stylesheet, import or url(), and a CSP that forbids it', () => {
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).toContain(`content="default-src 'none'`);
    // every http(s) href is a plain link a reader may click, never a resource
    for (const m of html.matchAll(/<(\w+)[^>]*\shref="https?:[^"]*"/g)) expect(m[1]).toBe('a');
  });

  it('turns URLs in sources into links and leaves the rest as escaped text', () => {
    expect(sourceHtml('See https://example.org/a?b=1&c=2. And <i>x</i>')).toBe(
      'See <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>. And &lt;i&gt;x&lt;/i&gt;',
    );
    expect(sourceHtml('javascript:alert(1)')).toBe('javascript:alert(1)');
  });

  it('shows the key facts, the charts inline with their files, and the timeline', () => {
    expect(html).toContain('2000-01 to 2001-06 (18 months)');
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('0.1.0');
    expect(html).toContain('<svg viewBox="0 0 10 10"><text>t</text></svg>');
    expect(html).toContain('href="charts/ngo-counts.png"');
    expect(html).toContain('href="charts/ngo-counts.vl.json"');
    expect(html).toMatch(
      /<td class="num">1<\/td><td class="nowrap">2000-06-01<\/td>\s*<td>Law &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/td>/,
    );
  });

  it('has a final-year table with mean and CI per metric, grouped, and notes a partial year', () => {
    expect(html).toContain('in 2001 (the run ends in month 6 of this year)');
    expect(html).toMatch(
      /<tr class="group"><th colspan="4">NGOs<\/th><\/tr>\n<tr><td title="[^"]*">Active NGOs<\/td>/,
    );
    expect(html).toContain('CSO Sustainability Index (1 = best, 7 = worst)');
    expect((html.match(/<td class="num">[^<]* to [^<]*<\/td>/g) ?? []).length).toBe(3);
  });

  it('is the same for the same input (no times in it)', () => {
    expect(buildIndexHtml(report())).toBe(html);
  });
});

describe('endTable', () => {
  it('takes the last year of the annual summary', () => {
    const scenario = fakeScenario({ start: '2000-01', end: '2001-12' });
    const run = fakeRun(scenario, 2, (_metric, t, r) => t + r);
    const annual = summariseRun(run.replicates, ['registered_ngos'], 'annual');
    const table = endTable({
      summary: annual,
      ticks: run.replicates[0].series.ticks,
      metrics: new Map(metricDefinitions.map((m) => [m.id, m])),
      groups: metricGroups,
      unitWords: { currency: 'USD' },
    });
    expect(table).toMatchObject({ at: '2001', kind: 'year', months: 12 });
    // sum over t = 12..23 of t (+ 12 r): 210, and 222 for r = 1
    expect(table.rows[0]).toMatchObject({ id: 'registered_ngos', n: 2, mean: 216, unit: 'organisations' });
  });

  it('takes the last step of a per-tick summary (step models)', () => {
    const scenario = fakeScenario({ start: '2000-01', end: '2000-06' });
    const run = fakeRun(scenario, 2, (_metric, t, r) => t + r);
    const ticks = summariseRun(run.replicates, ['trust'], 'tick');
    const table = endTable({
      summary: { ...ticks, keys: ticks.keys.map((_k, i) => String(i)) },
      ticks: ticks.keys,
      metrics: new Map(metricDefinitions.map((m) => [m.id, m])),
      groups: metricGroups,
      unitWords: {},
    });
    expect(table).toMatchObject({ at: '5', kind: 'step', months: 0 });
    expect(table.rows[0]).toMatchObject({ id: 'trust', mean: 5.5 });
  });
});

describe('formatForReader', () => {
  it('rounds for people', () => {
    expect(formatForReader(1234567.89)).toBe('1,234,568');
    expect(formatForReader(0.123456)).toBe('0.1235');
    expect(formatForReader(-2.5)).toBe('−2.5');
    expect(formatForReader(Number.NaN)).toBe('–');
  });
});
