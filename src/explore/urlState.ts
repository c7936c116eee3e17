/**
 * What the explorer shows, as the fragment of a shareable URL (`#v=1&s=kazakhstan&seed=7&a.levers.x=0.3`)
 * and back: the scenario (a shipped one by name, or an uploaded file packed into the link), the seed,
 * replicates and sample scale, the changes of policy A and, in the side-by-side mode, of policy B, the
 * language and the page. A fragment never reaches a server.
 *
 * A link is untrusted input: decoding checks every key and value against fixed limits and patterns and
 * reports what it refused, in words, instead of throwing; nothing in it is ever run or put into the page
 * as markup. Values are then checked against the model's schema by changes.ts, as a file's would be. An
 * uploaded scenario is packed with deflate and unpacked with a cap on its size, so a small link cannot
 * expand into a huge text (a "zip bomb"), and the text is then validated like any file.
 */
import { maxScenarioFileBytes } from '../scenario/limits.ts';
import type { SettingValue } from './inputs.ts';

export const languages = ['en', 'ru'] as const;
export type Lang = (typeof languages)[number];

export const speeds = ['slow', 'normal', 'fast', 'max'] as const;
export type Speed = (typeof speeds)[number];

export const views = ['explore', 'about'] as const;
export type View = (typeof views)[number];

/** The page's language for a browser's preferred one (`navigator.language`): Russian or English. */
export function preferredLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export interface ExploreState {
  /** A shipped scenario, by its path under scenarios/ without `.yaml`: `kazakhstan`, `classics/…`. */
  scenario?: string;
  /** An uploaded scenario, packed (packText); its file name in `uploadName`. */
  upload?: string;
  uploadName?: string;
  seed?: number;
  replicates?: number;
  /** The simulated sample relative to the scenario's (the model's `scale`): 0.2 is a fifth. */
  scale?: number;
  /** Policy A's changes (path → value). */
  a: Record<string, SettingValue>;
  /** Policy B's changes; present when the two policies are shown side by side. */
  b?: Record<string, SettingValue>;
  lang?: Lang;
  view?: View;
  speed?: Speed;
}

/** The longest fragment decoded at all. */
export const maxFragmentChars = 96 * 1024;
/** The longest packed upload a link may carry (about 60 KB of scenario text after deflate). */
export const maxPackedChars = 64 * 1024;
/** Changes per policy in one link. */
export const maxChanges = 500;
/** The most replicates the explorer runs (each is a whole replicate in a browser). */
export const maxReplicates = 50;
/** The smallest sample scale offered (a thousandth of the scenario's). */
export const minScale = 0.001;

const scenarioPattern = /^([a-z0-9][a-z0-9_-]{0,63}\/)?[a-z0-9][a-z0-9_-]{0,63}$/;
const pathPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}$/;
const wordPattern = /^[A-Za-z0-9_.:+-]{1,100}$/;
const fileNamePattern = /^[^\p{Cc}/\\]{1,100}$/u;
const packedPattern = /^[A-Za-z0-9_-]+$/;
/** Keys of Object.prototype that no path segment may be (setPath checks own keys too). */
const forbiddenSegments = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']);

/** A value as a link writes it: numbers in JavaScript's shortest form, true/false, words as they are. */
function valueText(value: SettingValue): string {
  return typeof value === 'number' ? String(value) : String(value);
}

/** The fragment (without `#`) for a state; keys in a fixed order, so equal states give equal links. */
export function encodeState(state: ExploreState): string {
  const params = new URLSearchParams();
  params.set('v', '1');
  if (state.lang) params.set('lang', state.lang);
  if (state.view && state.view !== 'explore') params.set('view', state.view);
  if (state.upload !== undefined) {
    params.set('u', state.upload);
    if (state.uploadName) params.set('n', state.uploadName);
  } else if (state.scenario) {
    params.set('s', state.scenario);
  }
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  if (state.replicates !== undefined) params.set('r', String(state.replicates));
  if (state.scale !== undefined) params.set('scale', String(state.scale));
  if (state.speed) params.set('speed', state.speed);
  if (state.b) params.set('cmp', '1');
  for (const [path, value] of Object.entries(state.a)) params.set(`a.${path}`, valueText(value));
  for (const [path, value] of Object.entries(state.b ?? {})) params.set(`b.${path}`, valueText(value));
  return params.toString();
}

export interface DecodedState {
  state: ExploreState;
  /** What was refused, one sentence each (the rest of the link still applies). */
  problems: string[];
}

/** A value from a link: a plain number, true/false, or a word (a choice); anything else is refused. */
export function decodeValue(text: string): SettingValue | undefined {
  if (/^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  return wordPattern.test(text) ? text : undefined;
}

/** Whether a dotted path may name a setting (shape only; the model decides whether it is one). */
export function isSettingPath(path: string): boolean {
  return pathPattern.test(path) && !path.split('.').some((s) => forbiddenSegments.has(s));
}

function wholeIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** A shown piece of a link: cut short, so a hostile link cannot fill the page with its text. */
function piece(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** Decodes a fragment (with or without `#`); never throws. */
export function decodeState(fragment: string): DecodedState {
  const state: ExploreState = { a: {} };
  const problems: string[] = [];
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length === 0) return { state, problems };
  if (text.length > maxFragmentChars) {
    return {
      state,
      problems: [`the link is ${text.length} characters long; at most ${maxFragmentChars} are read`],
    };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state, problems: ['the link cannot be read'] };
  }
  const seen = new Set<string>();
  let changes = 0;
  for (const [key, value] of params) {
    if (seen.has(key)) {
      problems.push(`${piece(key)} is given twice in the link; the first is used`);
      continue;
    }
    seen.add(key);
    const refuse = (what: string) => problems.push(`${key}=${piece(value)} is refused: ${what}`);
    switch (key) {
      case 'v':
        if (value !== '1') refuse('this explorer reads links of version 1');
        break;
      case 'lang':
        state.lang = oneOf(languages, value, refuse);
        break;
      case 'view':
        state.view = oneOf(views, value, refuse);
        break;
      case 'speed':
        state.speed = oneOf(speeds, value, refuse);
        break;
      case 's':
        if (scenarioPattern.test(value)) state.scenario = value;
        else refuse('not the name of a scenario');
        break;
      case 'u':
        if (value.length > maxPackedChars)
          refuse(`a packed scenario of at most ${maxPackedChars} characters`);
        else if (!packedPattern.test(value)) refuse('not a packed scenario');
        else state.upload = value;
        break;
      case 'n':
        if (fileNamePattern.test(value)) state.uploadName = value;
        else refuse('not a file name');
        break;
      case 'seed': {
        const seed = wholeIn(value, 0, 2 ** 32 - 1);
        if (seed === undefined) refuse('expected a whole number from 0 to 4,294,967,295');
        else state.seed = seed;
        break;
      }
      case 'r': {
        const r = wholeIn(value, 1, maxReplicates);
        if (r === undefined) refuse(`expected a whole number of replicates from 1 to ${maxReplicates}`);
        else state.replicates = r;
        break;
      }
      case 'scale': {
        const scale = decodeValue(value);
        if (typeof scale !== 'number' || !(scale >= minScale && scale <= 1))
          refuse(`expected a number from ${minScale} to 1`);
        else state.scale = scale;
        break;
      }
      case 'cmp':
        if (value === '1') state.b ??= {};
        else refuse('expected 1');
        break;
      default: {
        const policy = key.startsWith('a.') ? 'a' : key.startsWith('b.') ? 'b' : undefined;
        if (!policy) {
          problems.push(`${piece(key)} is not something a link of this explorer sets`);
          break;
        }
        const path = key.slice(2);
        if (!isSettingPath(path)) {
          problems.push(`${piece(key)} is not the path of a setting`);
          break;
        }
        if (++changes > 2 * maxChanges) {
          if (changes === 2 * maxChanges + 1) problems.push(`more than ${maxChanges} changes per policy`);
          break;
        }
        const decoded = decodeValue(value);
        if (decoded === undefined) {
          refuse('expected a number, true, false or a name');
          break;
        }
        if (policy === 'a') state.a[path] = decoded;
        else (state.b ??= {})[path] = decoded;
      }
    }
  }
  if (state.upload === undefined) delete state.uploadName;
  for (const key of ['lang', 'view', 'speed'] as const) if (state[key] === undefined) delete state[key];
  return { state, problems };
}

/** The value if it is one of `options`, else undefined (and refused). */
function oneOf<T extends string>(
  options: readonly T[],
  value: string,
  refuse: (what: string) => void,
): T | undefined {
  if ((options as readonly string[]).includes(value)) return value as T;
  refuse(`expected one of ${options.join(', ')}`);
  return undefined;
}

// --- packing an uploaded scenario into a link ------------------------------------------------------

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Deflates a scenario's text into link-safe characters (base64url). */
export async function packText(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url((await collect(stream, Number.POSITIVE_INFINITY))!);
}

/**
 * The scenario text a link carries, or why not: at most maxScenarioFileBytes once unpacked (the same
 * limit as a file's), stopped as soon as it grows past that.
 */
export async function unpackText(packed: string): Promise<{ text: string } | { problem: string }> {
  if (packed.length > maxPackedChars || !packedPattern.test(packed)) {
    return { problem: 'the link does not carry a packed scenario' };
  }
  try {
    const bytes = fromBase64Url(packed);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const out = await collect(stream, maxScenarioFileBytes);
    if (!out)
      return { problem: `the scenario in the link unpacks to more than ${maxScenarioFileBytes} bytes` };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { problem: 'the scenario in the link is damaged (it cannot be unpacked as UTF-8 text)' };
  }
}
