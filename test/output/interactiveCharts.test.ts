/**
 * The pure half of interactive charts: the policy lists exactly the hashes of the scripts on the page
 * (checked with node:crypto, independently of the code under test), chart data cannot end its element,
 * and a library build that could is refused. The browser half is test/browser/compareReport.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hoverLayerName,
  interactiveChartsHtml,
  pagePolicy,
  scriptHash,
  staticChartSpec,
} from '../../src/output/interactiveCharts.ts';

const libraries = {
  vega: 'var vega = {};',
  vegaLite: 'var vegaLite = {};',
  vegaEmbed: 'function vegaEmbed() {}',
};
const hostile = '</script><script>window.hacked = 1</script><!--';

function scriptsOf(html: string): { type: string | undefined; text: string }[] {
  return [...html.matchAll(/<script(?: type="([^"]+)")?[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
    type: m[1],
    text: m[2],
  }));
}

describe('interactiveChartsHtml', () => {
  const { html, scriptSources } = interactiveChartsHtml(
    [{ id: 'a', spec: { title: hostile, data: { values: [{ x: hostile, y: 1 }] } } }],
    libraries,
  );

  it('allows by hash exactly the scripts it writes, and nothing else', () => {
    const executable = scriptsOf(html).filter((s) => s.type === undefined);
    expect(executable.map((s) => s.text).slice(0, 3)).toEqual([
      libraries.vega,
      libraries.vegaLite,
      libraries.vegaEmbed,
    ]);
    const expected = executable.map(
      (s) => `'sha256-${createHash('sha256').update(s.text).digest('base64')}'`,
    );
    expect(scriptSources.split(' ')).toEqual(expected);
    expect(scriptHash('alert(1)')).toBe(
      `'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`,
    );
  });

  it('writes the specs as inert JSON that a hostile string cannot close, and reads back the same', () => {
    const data = scriptsOf(html).filter((s) => s.type === 'application/json');
    expect(data).toHaveLength(1);
    expect(data[0].text).not.toMatch(/<|>/);
    expect(JSON.parse(data[0].text)).toEqual([
      { id: 'a', spec: { title: hostile, data: { values: [{ x: hostile, y: 1 }] } } },
    ]);
    expect(scriptsOf(html)).toHaveLength(5);
  });

  it('refuses a library build that could end its script element early', () => {
    expect(() => interactiveChartsHtml([], { ...libraries, vegaLite: 'x = "</SCRIPT>"' })).toThrow(
      /vega-lite/,
    );
    expect(() => interactiveChartsHtml([], { ...libraries, vega: 'a <!-- b' })).toThrow(/vega/);
  });
});

describe('pagePolicy', () => {
  it('allows nothing from outside, and scripts only by the hashes given', () => {
    expect(pagePolicy()).not.toMatch(/script-src/);
    expect(pagePolicy()).toMatch(/^default-src 'none'/);
    const policy = pagePolicy("'sha256-abc='");
    expect(policy).toMatch(/script-src 'sha256-abc='(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script|https?:|\*/);
  });
});

describe('staticChartSpec', () => {
  it('leaves out hover-only layers at any depth, keeps everything else, and changes nothing in place', () => {
    const spec = {
      data: { values: [{ name: hoverLayerName, y: 1 }] },
      facet: { field: 'panel' },
      spec: {
        layer: [
          { mark: 'area' },
          { mark: 'line' },
          { name: hoverLayerName, mark: { type: 'point', opacity: 0 } },
          { layer: [{ mark: 'rule' }, { name: hoverLayerName, mark: 'point' }] },
        ],
      },
    };
    const before = structuredClone(spec);
    expect(staticChartSpec(spec)).toEqual({
      data: { values: [{ name: hoverLayerName, y: 1 }] },
      facet: { field: 'panel' },
      spec: { layer: [{ mark: 'area' }, { mark: 'line' }, { layer: [{ mark: 'rule' }] }] },
    });
    expect(spec).toEqual(before);
  });
});
