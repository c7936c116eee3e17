/**
 * The names the explorer shows for a model's metrics, charts, levers, settings, choices and units in
 * the chosen language: the model's own English, or the Russian of strings.ts (falling back to the
 * English for a model that has none, such as one a program registered). Pure.
 */
import type { AnyModel } from '../models/definition.ts';
import type { ChartSpec } from '../scenario/envelope.ts';
import {
  cellWordsRu,
  chartTitlesRu,
  choiceWordsRu,
  leverWordsRu,
  metricNamesRu,
  say,
  sectionWordsRu,
  unitRu,
} from './strings.ts';
import type { Lang } from './urlState.ts';

/** Words of a camelCase key: `socialOrder` → `social order`. */
export function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

const capitalised = (text: string) => (text ? text[0].toLocaleUpperCase() + text.slice(1) : text);

export function metricLabel(model: AnyModel, id: string, lang: Lang): string {
  const english = model.metrics.find((m) => m.id === id)?.label ?? id;
  return lang === 'ru' ? (metricNamesRu[model.id]?.[id] ?? english) : english;
}

export function chartTitle(model: AnyModel, chart: ChartSpec, lang: Lang): string {
  // a scenario's own chart (output.charts) keeps the title it was given
  const own = model.charts.some((c) => c.id === chart.id && c.title === chart.title);
  return lang === 'ru' && own ? (chartTitlesRu[model.id]?.[chart.id] ?? chart.title) : chart.title;
}

/** A word of a path: `socialOrder` → `social order`, or its Russian. */
function word(key: string, lang: Lang): string {
  return lang === 'ru' ? (leverWordsRu[key] ?? keyWords(key)) : keyWords(key);
}

/**
 * A lever's or setting's name from its path within its section: `ministries.socialOrder` →
 * `Ministries: social order`; a top-level one is just its word.
 */
export function settingLabel(pathInSection: string, lang: Lang): string {
  const parts = pathInSection.split('.');
  const leaf = word(parts[parts.length - 1], lang);
  if (parts.length === 1) return capitalised(leaf);
  const group = parts
    .slice(0, -1)
    .map((p) => word(p, lang))
    .join(' › ');
  return `${capitalised(group)}: ${leaf}`;
}

export function choiceLabel(value: string, lang: Lang): string {
  return lang === 'ru' ? (choiceWordsRu[value] ?? value) : value;
}

export function unitText(unit: string, lang: Lang): string {
  return lang === 'ru' ? unitRu(unit) : unit;
}

/** The name of a grid cell's category (a spatial model's snapshot label). */
export function cellLabel(label: string, lang: Lang): string {
  return lang === 'ru' ? (cellWordsRu[label] ?? label) : label;
}

/** The legend of a group of settings: `levers.ministries` → `Ministries`; a section alone by its name. */
export function groupLabel(group: string, lang: Lang): string {
  const [section, ...rest] = group.split('.');
  if (rest.length > 0) return settingLabel(rest.join('.'), lang);
  if (section === 'levers') return say(lang, 'levers');
  return lang === 'ru'
    ? (sectionWordsRu[section] ?? capitalised(keyWords(section)))
    : capitalised(keyWords(section));
}
