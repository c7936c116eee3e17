/**
 * The explorer's words: every string in both languages, with the same places to fill in; the Russian
 * names of every built-in model's metrics, charts, levers and units; an information page per model in
 * both languages.
 */
import { describe, expect, it } from 'vitest';
import {
  guides,
  kazakhWelcome,
  strings,
  unitRu,
  format,
  metricNamesRu,
  chartTitlesRu,
} from '../../src/explore/strings.ts';
import { cellLabel, groupLabel, settingLabel } from '../../src/explore/terms.ts';
import { displayUnit } from '../../src/output/units.ts';
import { leversOf, models } from '../../src/index.ts';
import { languages } from '../../src/explore/urlState.ts';

const places = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the explorer in English and Russian', () => {
  it('has every string in both languages, non-empty, with the same places to fill in', () => {
    const keys = Object.keys(strings.en);
    for (const lang of languages) {
      expect(Object.keys(strings[lang]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = strings[lang][key as keyof typeof strings.en];
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(places(text), `${lang}.${key}`).toEqual(places(strings.en[key as keyof typeof strings.en]));
      }
    }
  });

  it('writes the Russian strings in Cyrillic (nothing left in English by mistake)', () => {
    const allowed = /^(civsim|CSV|YAML|JSON|SVG|PNG|CSI|ДИ|Web Workers|ODD|HHI|V|A|M|B)$/;
    for (const [key, text] of Object.entries(strings.ru)) {
      const latinWords = (
        text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z]+(?: [A-Z][a-z]+)*/g) ?? []
      ).filter((w) => !allowed.test(w));
      expect(latinWords, key).toEqual([]);
    }
  });

  it('welcomes in Kazakh', () => {
    expect(kazakhWelcome).toMatch(/^Қош келдіңіз!/);
    expect(kazakhWelcome).toMatch(/[әғқңөұүһі]/);
  });

  it('fills in places by name and leaves unknown ones', () => {
    expect(format('{a} of {b} {c}', { a: 1, b: 'two' })).toBe('1 of two {c}');
  });

  it('has a Russian name for every metric, chart, lever, section and grid cell of the built-in models', () => {
    for (const model of Object.values(models)) {
      for (const metric of model.metrics) {
        expect(metricNamesRu[model.id]?.[metric.id], `${model.id} metric ${metric.id}`).toBeTruthy();
      }
      for (const chart of model.charts) {
        expect(chartTitlesRu[model.id]?.[chart.id], `${model.id} chart ${chart.id}`).toBeTruthy();
      }
      for (const category of model.snapshot?.categories ?? []) {
        expect(cellLabel(category.label, 'ru'), `${model.id} cell ${category.label}`).not.toMatch(/[a-z]{3}/);
      }
      for (const section of Object.keys(model.sections).filter((s) => s !== 'currency')) {
        expect(groupLabel(section, 'ru'), `${model.id} section ${section}`).not.toMatch(/[a-z]{3}/i);
      }
      for (const path of leversOf(model).paths) {
        const label = settingLabel(path, 'ru');
        expect(label, `${model.id} lever ${path}`).not.toMatch(/[a-z]{3}/);
      }
    }
  });

  it('puts every unit of every metric into Russian, per month and per year', () => {
    for (const model of Object.values(models)) {
      for (const metric of model.metrics) {
        for (const resolution of ['tick', 'annual'] as const) {
          const unit = displayUnit(metric.unit, { currency: 'USD' }, resolution, metric.aggregate);
          expect(unitRu(unit).replace(/USD|HHI/g, ''), `${model.id} ${metric.id}: ${unit}`).not.toMatch(
            /[a-z]{2}/i,
          );
        }
      }
    }
    expect(unitRu('score from 1 (best, at top) to 7 (worst)')).toBe(
      'балл от 1 (лучший, вверху) до 7 (худший)',
    );
  });

  it('has an information page for every built-in model in both languages', () => {
    for (const model of Object.values(models)) {
      for (const lang of languages) {
        const guide = guides[model.id]?.[lang];
        expect(guide, `${model.id} ${lang}`).toBeTruthy();
        expect(guide.what.length).toBeGreaterThan(80);
        expect(guide.how.length).toBeGreaterThanOrEqual(3);
        expect(guide.try.length).toBeGreaterThanOrEqual(3);
        expect(guide.sources.length).toBeGreaterThanOrEqual(2);
      }
      expect(guides[model.id].ru.how.length).toBe(guides[model.id].en.how.length);
      expect(guides[model.id].ru.try.length).toBe(guides[model.id].en.try.length);
    }
  });
});
