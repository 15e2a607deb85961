// Port of Python 3.11's json.loads (json/__init__.py, json/decoder.py, Modules/_json.c's scanner),
// as Starlette's Request.json() runs it on a request body for FastAPI. A body's bytes are made
// a str in pyjson_decode.ts.
//
// JSON.parse reads every document first; the port below only runs when JSON.parse throws, to
// accept what Python also accepts (NaN, Infinity, -Infinity) or to give Python's message and
// position. Where the two parsers disagree on a document JSON.parse accepts:
// - nesting deeper than MAX_DEPTH: Python raises RecursionError, V8's JSON.parse has no limit;
// - an integer of more than 4300 digits: Python raises ValueError (int_max_str_digits).
//   Both are checked after JSON.parse, on documents long enough to hold them (HAZARD_LENGTH).
// Agreed, checked by the tests: lone surrogate escapes ("\ud800") give the same lone code unit;
// duplicate keys keep the last value at the first key's place; "__proto__" is an own key.
// Accepted differences, not corrected here:
// - numbers are doubles: Python keeps ints exact at any size (2**53 + 1, 1e400 written out);
//   the int -0 is 0 in Python and -0 here;
// - objects list integer-like keys ("1", "20") first, in numeric order: Python keeps the
//   document's order for every key.

import { BodyDecodeError, decodeBytes } from "./pyjson_decode.js";

export { BodyDecodeError } from "./pyjson_decode.js";

/**
 * Nesting at which Python's scanner raises RecursionError under FastAPI: its recursion limit
 * (1000) less the frames above json.loads. Measured on FastAPI 0.142.2 with uvicorn's defaults
 * (httptools, uvloop): 970; asyncio loop 966, TestClient 965, more middleware less.
 */
export const MAX_DEPTH = 970;

/** sys.get_int_max_str_digits(): the longest integer literal Python converts. */
export const INT_MAX_STR_DIGITS = 4300;

// Shorter documents can hold neither MAX_DEPTH + 1 open-and-closed brackets nor a too long int.
const HAZARD_LENGTH = Math.min(2 * (MAX_DEPTH + 1), INT_MAX_STR_DIGITS + 1);

/** Python's json.JSONDecodeError; `pos` and `colno` count code points, as Python's str does. */
export class JSONDecodeError extends Error {
  readonly msg: string;
  readonly doc: string;
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;

  /** `lineno` and `colno` default to Python's, from `doc` read as code points. */
  constructor(msg: string, doc: string, pos: number, lineno?: number, colno?: number) {
    if (lineno === undefined || colno === undefined) {
      const before = Array.from(doc).slice(0, pos);
      lineno = before.filter((c) => c === "\n").length + 1;
      colno = pos - before.lastIndexOf("\n");
    }
    super(`${msg}: line ${lineno} column ${colno} (char ${pos})`);
    this.name = "JSONDecodeError";
    this.msg = msg;
    this.doc = doc;
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** json.loads(text) on a str. */
export function loads(text: string): unknown {
  return parse(text, true, NO_SPLITS);
}

/** json.loads(body) on bytes: detect_encoding, then decode with "surrogatepass", then parse. */
export function loadsBytes(body: Uint8Array): unknown {
  const { text, splits } = decodeBytes(body);
  return parse(text, false, splits);
}

function parse(text: string, checkBom: boolean, splits: readonly number[]): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return scan(text, checkBom, splits);
  }
  if (text.length >= HAZARD_LENGTH && (mayHoldLongInt(text) || mayBeTooDeep(text, value))) checkHazards(text);
  return value;
}

// decoder.py's JSONDecoder.decode, with the BOM test of json.loads(str).
function scan(s: string, checkBom: boolean, splits: readonly number[]): unknown {
  const scanner = new Scanner(s, splits);
  if (checkBom && s.charCodeAt(0) === 0xfeff) throw scanner.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
  const value = scanner.scanOnce(skipWhitespace(s, 0));
  const end = skipWhitespace(s, scanner.end);
  if (end !== s.length) throw scanner.error("Extra data", end);
  return value;
}

// Cheap tests that pass every document checkHazards would reject. Node 20, bodies of small
// objects: checkHazards alone costs 40-55 % of JSON.parse, these 5-12 % (100 kB and 1 MB).

// 4301 digits in a row cover a multiple of 4300: look there first.
function mayHoldLongInt(s: string): boolean {
  for (let at = INT_MAX_STR_DIGITS; at < s.length; at += INT_MAX_STR_DIGITS) {
    if (!isDigit(s.charCodeAt(at))) continue;
    let start = at;
    let end = at;
    while (isDigit(s.charCodeAt(start - 1))) start--;
    while (isDigit(s.charCodeAt(end + 1))) end++;
    if (end - start >= INT_MAX_STR_DIGITS) return true;
  }
  return false;
}

// Too few brackets, or a parsed value within MAX_DEPTH, settles it.
function mayBeTooDeep(s: string, value: unknown): boolean {
  let brackets = 0;
  for (const bracket of ["[", "{"]) {
    for (let at = s.indexOf(bracket); at >= 0 && brackets <= MAX_DEPTH; at = s.indexOf(bracket, at + 1)) brackets++;
  }
  return brackets > MAX_DEPTH && typeof value === "object" && value !== null && deeperThanMax(value, 1);
}

// for-in rather than Object.values: a third less time on 1 MB of small objects.
function deeperThanMax(container: object, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const child: unknown = container[i];
      if (typeof child === "object" && child !== null && deeperThanMax(child, depth + 1)) return true;
    }
    return false;
  }
  for (const key in container) {
    const child: unknown = (container as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null && deeperThanMax(child, depth + 1)) return true;
  }
  return false;
}

// The exact second pass over a valid document, for what JSON.parse accepts and Python does not:
// throws Python's first error in document order.
function checkHazards(s: string): void {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(s, i);
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) throw recursionError(c);
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2d || isDigit(c)) {
      let j = i + 1;
      let integer = true;
      for (let d = s.charCodeAt(j); isDigit(d) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d; d = s.charCodeAt(++j)) {
        if (!isDigit(d)) integer = false;
      }
      if (integer) checkIntDigits(j - i - (c === 0x2d ? 1 : 0));
      i = j - 1;
    }
  }
}

function closingQuote(s: string, open: number): number {
  let quote = s.indexOf('"', open + 1);
  for (;;) {
    let slash = quote - 1;
    while (s.charCodeAt(slash) === 0x5c) slash--;
    if ((quote - slash) % 2 === 1) return quote;
    quote = s.indexOf('"', quote + 1);
  }
}

// _json.c's scanner on a str, position for position. charCodeAt past the end is NaN, which
// matches no character: that stands for the C code's `idx > end_idx ||` tests.
class Scanner {
  end = 0;
  private depth = 0;

  constructor(
    readonly s: string,
    readonly splits: readonly number[],
  ) {}

  scanOnce(idx: number): unknown {
    const s = this.s;
    if (idx >= s.length) throw this.error("Expecting value", idx); // StopIteration(idx)
    const c = s.charCodeAt(idx);
    switch (c) {
      case 0x22:
        return this.scanString(idx + 1);
      case 0x7b:
      case 0x5b: {
        if (++this.depth > MAX_DEPTH) throw recursionError(c);
        const value = c === 0x7b ? this.parseObject(idx + 1) : this.parseArray(idx + 1);
        this.depth--;
        return value;
      }
      case 0x6e:
        if (s.startsWith("null", idx)) return this.literal(null, idx + 4);
        break;
      case 0x74:
        if (s.startsWith("true", idx)) return this.literal(true, idx + 4);
        break;
      case 0x66:
        if (s.startsWith("false", idx)) return this.literal(false, idx + 5);
        break;
      case 0x4e:
        if (s.startsWith("NaN", idx)) return this.parseConstant(NaN, idx + 3);
        break;
      case 0x49:
        if (s.startsWith("Infinity", idx)) return this.parseConstant(Infinity, idx + 8);
        break;
      case 0x2d:
        if (s.startsWith("-Infinity", idx)) return this.parseConstant(-Infinity, idx + 9);
        break;
    }
    return this.matchNumber(idx);
  }

  private literal(value: unknown, end: number): unknown {
    this.end = end;
    return value;
  }

  // NaN and the infinities come from a call to the parse_constant hook: one level deeper.
  private parseConstant(value: number, end: number): number {
    if (this.depth + 1 > MAX_DEPTH) throw new BodyDecodeError("RecursionError", "maximum recursion depth exceeded while calling a Python object");
    this.end = end;
    return value;
  }

  private scanString(end: number): string {
    const s = this.s;
    const len = s.length;
    const begin = end - 1;
    let chunks = "";
    for (;;) {
      let next = end;
      let c = 0;
      for (; next < len; next++) {
        c = s.charCodeAt(next);
        if (c === 0x22 || c === 0x5c) break;
        if (c <= 0x1f) throw this.error("Invalid control character at", next);
      }
      if (next === len) throw this.error("Unterminated string starting at", begin);
      chunks += s.slice(end, next);
      next++;
      if (c === 0x22) {
        this.end = next;
        return chunks;
      }
      if (next === len) throw this.error("Unterminated string starting at", begin);
      c = s.charCodeAt(next);
      if (c !== 0x75) {
        end = next + 1;
        const unescaped = unescape(c);
        if (unescaped === undefined) throw this.error("Invalid \\escape", end - 2);
        chunks += unescaped;
      } else {
        next++;
        end = next + 4;
        if (end >= len) throw this.error("Invalid \\uXXXX escape", next - 1);
        let unit = 0;
        for (; next < end; next++) {
          const digit = hexDigit(s.charCodeAt(next));
          if (digit < 0) throw this.error("Invalid \\uXXXX escape", end - 5);
          unit = (unit << 4) | digit;
        }
        // _json.c joins \uD83D\uDE00 into one code point; as UTF-16 the join changes nothing,
        // and a bad second escape fails at the same position when read on its own.
        chunks += String.fromCharCode(unit);
      }
    }
  }

  private parseObject(idx: number): Record<string, unknown> {
    const s = this.s;
    const object: Record<string, unknown> = {};
    idx = skipWhitespace(s, idx);
    if (s.charCodeAt(idx) !== 0x7d) {
      for (;;) {
        if (s.charCodeAt(idx) !== 0x22) throw this.error("Expecting property name enclosed in double quotes", idx);
        const key = this.scanString(idx + 1);
        idx = skipWhitespace(s, this.end);
        if (s.charCodeAt(idx) !== 0x3a) throw this.error("Expecting ':' delimiter", idx);
        idx = skipWhitespace(s, idx + 1);
        const value = this.scanOnce(idx);
        // Plain assignment of "__proto__" would set the prototype; JSON.parse makes a key.
        if (key === "__proto__") Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
        else object[key] = value;
        idx = skipWhitespace(s, this.end);
        if (s.charCodeAt(idx) === 0x7d) break;
        if (s.charCodeAt(idx) !== 0x2c) throw this.error("Expecting ',' delimiter", idx);
        idx = skipWhitespace(s, idx + 1);
      }
    }
    this.end = idx + 1;
    return object;
  }

  private parseArray(idx: number): unknown[] {
    const s = this.s;
    const array: unknown[] = [];
    idx = skipWhitespace(s, idx);
    if (s.charCodeAt(idx) !== 0x5d) {
      for (;;) {
        array.push(this.scanOnce(idx));
        idx = skipWhitespace(s, this.end);
        if (s.charCodeAt(idx) === 0x5d) break;
        if (s.charCodeAt(idx) !== 0x2c) throw this.error("Expecting ',' delimiter", idx);
        idx = skipWhitespace(s, idx + 1);
      }
    }
    this.end = idx + 1;
    return array;
  }

  private matchNumber(start: number): number {
    const s = this.s;
    let idx = start;
    let isFloat = false;
    if (s.charCodeAt(idx) === 0x2d) idx++;
    const c = s.charCodeAt(idx);
    if (c >= 0x31 && c <= 0x39) {
      idx++;
      while (isDigit(s.charCodeAt(idx))) idx++;
    } else if (c === 0x30) {
      idx++;
    } else {
      throw this.error("Expecting value", start); // StopIteration(start)
    }
    if (s.charCodeAt(idx) === 0x2e && isDigit(s.charCodeAt(idx + 1))) {
      isFloat = true;
      idx += 2;
      while (isDigit(s.charCodeAt(idx))) idx++;
    }
    const e = s.charCodeAt(idx);
    if (e === 0x65 || e === 0x45) {
      let exp = idx + 1;
      const sign = s.charCodeAt(exp);
      if (sign === 0x2d || sign === 0x2b) exp++;
      const digits = exp;
      while (isDigit(s.charCodeAt(exp))) exp++;
      // Without digits the exponent is not part of the number (then "Extra data" or a delimiter).
      if (exp > digits) {
        isFloat = true;
        idx = exp;
      }
    }
    const literal = s.slice(start, idx);
    if (!isFloat) checkIntDigits(literal.length - (literal[0] === "-" ? 1 : 0));
    this.end = idx;
    return Number(literal);
  }

  error(msg: string, index: number): JSONDecodeError {
    return decodeError(msg, this.s, index, this.splits);
  }
}

function unescape(c: number): string | undefined {
  switch (c) {
    case 0x22:
    case 0x5c:
    case 0x2f:
      return String.fromCharCode(c);
    case 0x62:
      return "\b";
    case 0x66:
      return "\f";
    case 0x6e:
      return "\n";
    case 0x72:
      return "\r";
    case 0x74:
      return "\t";
  }
  return undefined;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

function skipWhitespace(s: string, idx: number): number {
  for (let c = s.charCodeAt(idx); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = s.charCodeAt(++idx));
  return idx;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function checkIntDigits(digits: number): void {
  if (digits > INT_MAX_STR_DIGITS) {
    throw new BodyDecodeError(
      "ValueError",
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
}

function recursionError(bracket: number): BodyDecodeError {
  const what = bracket === 0x7b ? "object" : "array";
  return new BodyDecodeError("RecursionError", `maximum recursion depth exceeded while decoding a JSON ${what} from a unicode string`);
}

// An index into the UTF-16 string made a Python position: a surrogate pair is one code point,
// unless the bytes held its two halves apart (`splits`, the indexes of such high halves).
function decodeError(msg: string, doc: string, index: number, splits: readonly number[]): JSONDecodeError {
  const pos = codePoints(doc, index, splits);
  const newline = index === 0 ? -1 : doc.lastIndexOf("\n", index - 1);
  const lineno = doc.slice(0, index).split("\n").length;
  const colno = newline < 0 ? pos + 1 : pos - codePoints(doc, newline, splits);
  return new JSONDecodeError(msg, doc, pos, lineno, colno);
}

function codePoints(doc: string, index: number, splits: readonly number[]): number {
  let pos = index;
  for (let i = 0; i + 1 < index; i++) {
    const c = doc.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (doc.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (!splits.includes(i)) pos--;
      i++;
    }
  }
  return pos;
}

const NO_SPLITS: readonly number[] = [];
