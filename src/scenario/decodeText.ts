/**
 * A scenario file's bytes to text. Scenario files are UTF-8 (a byte-order mark is allowed and dropped).
 * Anything else is refused with a message that names the problem and where it is, instead of being
 * decoded with replacement characters (Latin-1 "café" silently becoming "caf�") or parsed as garbage
 * (UTF-16 text, a binary file).
 */
import type { ScenarioIssue } from './issues.ts';
import { formatBytes, maxScenarioFileBytes } from './limits.ts';

export type DecodedText = { text: string; issue?: undefined } | { text?: undefined; issue: ScenarioIssue };

const utf8Bom = [0xef, 0xbb, 0xbf];

/** Decodes what a ScenarioIO read: bytes (checked as UTF-8) or text that is already decoded. */
export function decodeScenarioText(content: Uint8Array | string, file: string): DecodedText {
  const whole = (message: string): DecodedText => ({
    issue: { file, line: 0, column: 0, path: '', message },
  });
  const size = typeof content === 'string' ? utf8Length(content) : content.length;
  if (size > maxScenarioFileBytes) {
    return whole(
      `the file is ${formatBytes(size)}; a scenario file may be at most ${formatBytes(maxScenarioFileBytes)} ` +
        '(is this really a scenario?)',
    );
  }
  if (typeof content === 'string') return { text: content.startsWith('\uFEFF') ? content.slice(1) : content };

  const bytes = content;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return whole('the file is UTF-16 text; save it as UTF-8 (most editors offer "UTF-8" under "Save as")');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOf(bytes, nul);
    const utf16 = looksLikeUtf16(bytes);
    return {
      issue: {
        file,
        line,
        column,
        path: '',
        message: utf16
          ? 'the file looks like UTF-16 text (it has NUL bytes between the letters); save it as UTF-8'
          : 'the file holds a NUL byte: it is a binary file, not a scenario (YAML or JSON text)',
      },
    };
  }
  const start = utf8Bom.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const { line, column, byte } = firstUndecodable(body);
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    return {
      issue: {
        file,
        line: line,
        column,
        path: '',
        message: `the file is not UTF-8: byte 0x${hex} cannot start or continue a UTF-8 character`,
        hint: 'it was probably saved as Latin-1 or Windows-1252: save it as UTF-8',
      },
    };
  }
}
/** Bytes of a string in UTF-8 (without encoding it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Where lossy decoding first had to put a replacement character (U+FFFD) for bytes that are not UTF-8:
 * its line and column, and the offending byte. A U+FFFD written in the file itself re-encodes to the
 * same three bytes, so it is told apart and skipped.
 */
function firstUndecodable(bytes: Uint8Array): { line: number; column: number; byte: number } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const encoder = new TextEncoder();
  let index = lossy.indexOf('\uFFFD');
  while (index >= 0) {
    const offset = encoder.encode(lossy.slice(0, index)).length;
    const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!genuine) {
      const before = lossy.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n');
      return { line, column, byte: bytes[offset] };
    }
    index = lossy.indexOf('\uFFFD', index + 1);
  }
  return { line: 0, column: 0, byte: 0 };
}

/** 1-based line and column (counted in characters, as editors count) of a byte offset. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) {
      column++; // count characters, not continuation bytes
    }
  }
  return { line, column };
}

/** UTF-16 without a byte-order mark: NUL bytes in most even or most odd positions of the first bytes. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 256) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = sample / 2;
  return pairs >= 4 && (even > 0.4 * pairs || odd > 0.4 * pairs);
}
