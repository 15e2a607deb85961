// Port of fastapi/encoders.py (FastAPI 0.142.2): jsonable_encoder, for JavaScript values.
//
// One order of checks, as FastAPI's: custom encoders, then JSON values as they are, then
// containers (objects and Maps as dicts, arrays and other iterables as lists), then the type
// table (Date, bytes, RegExp), and last an instance's own properties (vars()). toJSON plays
// pydantic's model_dump: first for plain objects, after Date and Buffer, which have their own.
// A tree that is already JSON comes back as the same object: copies are made only on the
// path to a value that changes, because this runs on every value a handler returns.
import { withoutUnset } from "./_compat/fields_set.js";

/** A class (any constructor) to the function that encodes its instances. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any class, abstract ones too
export type CustomEncoder = Map<Function, (obj: never) => unknown>;

export interface JsonableEncoderOptions {
  /** Keys to keep in the top-level object (and in each object of a top-level list). */
  include?: Iterable<unknown> | null;
  /** Keys to drop from the top-level object (and from each object of a top-level list). */
  exclude?: Iterable<unknown> | null;
  /** Accepted for FastAPI's signature; plain values have no aliases. @default true */
  byAlias?: boolean;
  /**
   * Leave out what a value validated by a path operation's params (a request body...) was not
   * sent with: defaults the validator filled in. Other values have no "unset" fields. @default false
   */
  excludeUnset?: boolean;
  /** Accepted for FastAPI's signature; plain values have no defaults. @default false */
  excludeDefaults?: boolean;
  /** Drop object keys whose value is null, at every level. @default false */
  excludeNone?: boolean;
  /**
   * Encoders by class, tried before anything else: the value's own class first, then the
   * first entry (in the Map's order) the value is an instance of, as FastAPI's dict lookup.
   * `String`, `Number`, `Boolean`, `BigInt` match the primitives; `Object` matches every value
   * but null, undefined and objects without a prototype. Keys are encoded with them too.
   * What an encoder returns is used as it is, not encoded again.
   */
  customEncoder?: CustomEncoder | null;
  /** Skip keys starting with "_sa" (SQLAlchemy's state), as FastAPI does by default. @default true */
  sqlalchemySafe?: boolean;
}

interface State {
  readonly excludeNone: boolean;
  readonly sqlalchemySafe: boolean;
  readonly custom: CustomEncoder | null;
  // The containers being encoded, outermost first: a cycle shows up as a repeat.
  readonly path: object[];
}

type KeySet = ReadonlySet<unknown> | null;

const NO_MATCH: unique symbol = Symbol("no custom encoder");

// Below this depth no cycle check is made: a cycle is caught once it has gone round enough
// times to pass it, and a tree this shallow costs nothing to check.
const CYCLE_CHECK_DEPTH = 64;

// Python's `'utf-8'` codec keeps a byte-order mark as U+FEFF; TextDecoder strips it unless told.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Convert any value to one that JSON can hold, as FastAPI's `jsonable_encoder` does.
 *
 * Strings, numbers (NaN and Infinity too, as Python keeps them), booleans and null stay as
 * they are; Dates become ISO 8601 text with "+00:00"; Maps become objects; Sets, iterables and
 * generators become arrays; Uint8Array and Buffer are decoded as UTF-8; objects with `toJSON`
 * are encoded from what it returns; other class instances from their own enumerable properties.
 *
 * @example
 * jsonableEncoder({ at: new Date(0), tags: new Set(["a"]) })
 * // { at: "1970-01-01T00:00:00+00:00", tags: ["a"] }
 */
export function jsonableEncoder(obj: unknown, options: JsonableEncoderOptions = {}): unknown {
  const custom = options.customEncoder ?? null;
  const state: State = {
    excludeNone: options.excludeNone ?? false,
    sqlalchemySafe: options.sqlalchemySafe ?? true,
    custom: custom !== null && custom.size > 0 ? custom : null,
    path: [],
  };
  // Values a ModelField validated know what their input set: pydantic's exclude_unset.
  const value = options.excludeUnset ? withoutUnset(obj) : obj;
  return encode(value, state, keySet(options.include), keySet(options.exclude), false);
}

function keySet(keys: Iterable<unknown> | null | undefined): KeySet {
  if (keys === null || keys === undefined) return null;
  return keys instanceof Set ? keys : new Set(keys);
}

function encode(obj: unknown, s: State, include: KeySet, exclude: KeySet, fromToJSON: boolean): unknown {
  if (s.custom !== null) {
    const out = applyCustom(obj, s.custom);
    if (out !== NO_MATCH) return out;
  }
  switch (typeof obj) {
    case "string":
    case "number":
    case "boolean":
      return obj;
    case "undefined":
      return null;
    case "bigint":
      // Python's ints are exact; a JavaScript number is only exact up to 2**53.
      return obj >= -Number.MAX_SAFE_INTEGER && obj <= Number.MAX_SAFE_INTEGER ? Number(obj) : obj.toString();
    case "function":
    case "symbol":
      throw unencodable(typeof obj);
  }
  if (obj === null) return null;
  const o = obj as object;
  if (Array.isArray(o)) return encodeArray(o, s, include, exclude);
  const proto: unknown = Object.getPrototypeOf(o);
  if ((proto === Object.prototype || proto === null) && (fromToJSON || typeof (o as { toJSON?: unknown }).toJSON !== "function")) {
    return encodeObject(o as Record<string, unknown>, s, include, exclude);
  }
  return encodeOther(o, s, include, exclude, fromToJSON);
}

function applyCustom(obj: unknown, custom: CustomEncoder): unknown {
  if (obj === null || obj === undefined) return NO_MATCH;
  const isObject = typeof obj === "object" || typeof obj === "function";
  // The primitives' classes are their wrappers: "x".constructor is String.
  const own = (isObject ? (Object.getPrototypeOf(obj) as { constructor?: unknown } | null)?.constructor : (obj as { constructor: unknown }).constructor);
  const exact = own === undefined ? undefined : custom.get(own as never);
  if (exact !== undefined) return exact(obj as never);
  for (const [cls, encoder] of custom) {
    if (isObject ? obj instanceof cls : cls === own || cls === Object) return encoder(obj as never);
  }
  return NO_MATCH;
}

function enter(o: object, s: State): void {
  if (s.path.length >= CYCLE_CHECK_DEPTH && s.path.includes(o)) {
    throw new Error(`Circular reference detected: jsonableEncoder met the same ${describe(o)} inside itself`);
  }
  s.path.push(o);
}

function encodeArray(arr: readonly unknown[], s: State, include: KeySet, exclude: KeySet): unknown[] {
  enter(arr, s);
  let out: unknown[] | undefined;
  for (let i = 0; i < arr.length; i++) {
    const item = arr[i];
    const encoded = encode(item, s, include, exclude, false);
    if (out === undefined) {
      if (encoded === item) continue;
      out = arr.slice(0, i);
    }
    out.push(encoded);
  }
  s.path.pop();
  return out ?? (arr as unknown[]);
}

function encodeIterable(items: Iterable<unknown>, s: State, include: KeySet, exclude: KeySet): unknown[] {
  const out: unknown[] = [];
  for (const item of items) out.push(encode(item, s, include, exclude, false));
  return out;
}

// Python's dict branch: include/exclude filter this level's keys and go no deeper.
function encodeObject(obj: Record<string, unknown>, s: State, include: KeySet, exclude: KeySet): Record<string, unknown> {
  enter(obj, s);
  const keys = Object.keys(obj);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = obj[key];
    if (!keep(key, value, s, include, exclude)) {
      out ??= copyPrefix(obj, keys, i);
      continue;
    }
    const encoded = encode(value, s, null, null, false);
    const encodedKey = s.custom === null ? key : encodeKey(key, s);
    if (out === undefined) {
      if (encoded === value && encodedKey === key) continue;
      out = copyPrefix(obj, keys, i);
    }
    setKey(out, encodedKey, encoded);
  }
  s.path.pop();
  return out ?? obj;
}

function encodeMap(map: Map<unknown, unknown>, s: State, include: KeySet, exclude: KeySet): Record<string, unknown> {
  enter(map, s);
  const out: Record<string, unknown> = {};
  for (const [key, value] of map) {
    if (keep(key, value, s, include, exclude)) setKey(out, encodeKey(key, s), encode(value, s, null, null, false));
  }
  s.path.pop();
  return out;
}

function keep(key: unknown, value: unknown, s: State, include: KeySet, exclude: KeySet): boolean {
  // undefined is no value at all: JSON.stringify leaves such keys out too.
  if (value === undefined || (value === null && s.excludeNone)) return false;
  if (s.sqlalchemySafe && typeof key === "string" && key.startsWith("_sa")) return false;
  return (include === null || include.has(key)) && (exclude === null || !exclude.has(key));
}

function copyPrefix(obj: Record<string, unknown>, keys: string[], end: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < end; i++) setKey(out, keys[i], obj[keys[i]]);
  return out;
}

// A "__proto__" key is data: assigning it would set the prototype instead.
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

// Python encodes dict keys with the same function; an object key must come out as text.
function encodeKey(key: unknown, s: State): string {
  const encoded = encode(key, s, null, null, false);
  if (encoded !== null && typeof encoded === "object") {
    throw new TypeError(`unhashable type: '${Array.isArray(encoded) ? "list" : "dict"}'`);
  }
  return String(encoded);
}

function encodeOther(o: object, s: State, include: KeySet, exclude: KeySet, fromToJSON: boolean): unknown {
  if (o instanceof Date) return isoformat(o);
  if (o instanceof Uint8Array) return decodeUtf8(o);
  if (o instanceof RegExp) return o.source;
  if (!fromToJSON && typeof (o as { toJSON?: unknown }).toJSON === "function") {
    // As JSON.stringify: toJSON is called once, and what it returns is not asked again.
    enter(o, s);
    const out = encode((o as { toJSON: () => unknown }).toJSON(), s, include, exclude, true);
    s.path.pop();
    return out;
  }
  if (o instanceof Map) return encodeMap(o, s, include, exclude);
  if (o instanceof String || o instanceof Number || o instanceof Boolean) return o.valueOf();
  if (typeof (o as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") {
    enter(o, s);
    const out = encodeIterable(o as Iterable<unknown>, s, include, exclude);
    s.path.pop();
    return out;
  }
  // A promise or an async iterator has no value yet: Python fails on a coroutine the same way.
  if (typeof (o as { then?: unknown }).then === "function" || typeof (o as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function") {
    throw unencodable(describe(o));
  }
  // Python's vars(obj): the instance's own attributes, as a dict.
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(o)) setKey(data, key, (o as Record<string, unknown>)[key]);
  enter(o, s);
  const out = encodeObject(data, s, include, exclude);
  s.path.pop();
  return out;
}

/**
 * A Date as Python's isoformat() writes an aware UTC datetime: "2024-01-02T03:04:05+00:00",
 * with ".123000" when there are milliseconds. An invalid Date is null, as Date#toJSON gives.
 */
export function isoformat(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const dot = iso.lastIndexOf(".");
  const ms = iso.slice(dot + 1, -1);
  return iso.slice(0, dot) + (ms === "000" ? "" : `.${ms}000`) + "+00:00";
}

/**
 * A Date as pydantic dumps a model's aware UTC datetime: "2024-01-02T03:04:05Z", with
 * ".123000" when there are milliseconds (FastAPI's response models, `model_dump(mode="json")`).
 */
export function pydanticDatetime(date: Date): string | null {
  const iso = isoformat(date);
  return iso === null ? null : iso.slice(0, -"+00:00".length) + "Z";
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const error = new Error(utf8ErrorMessage(bytes));
    error.name = "UnicodeDecodeError";
    throw error;
  }
}

// CPython's UTF-8 decoder: the first bad sequence, and the reason it gives for it.
function utf8ErrorMessage(b: Uint8Array): string {
  let i = 0;
  for (;;) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return utf8Error(b, i, i + 1, "invalid start byte");
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return utf8Error(b, i, b.length, "unexpected end of data");
      const lo = k === 1 ? (c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80) : 0x80;
      const hi = k === 1 ? (c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf) : 0xbf;
      if (b[i + k] < lo || b[i + k] > hi) return utf8Error(b, i, i + k, "invalid continuation byte");
    }
    i += need + 1;
  }
}

function utf8Error(b: Uint8Array, start: number, end: number, reason: string): string {
  if (end - start === 1) return `'utf-8' codec can't decode byte 0x${b[start].toString(16).padStart(2, "0")} in position ${start}: ${reason}`;
  return `'utf-8' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
}

// The class name, or the toString tag where there is no named class (an async generator's).
function describe(o: object): string {
  const ctor = (Object.getPrototypeOf(o) as { constructor?: unknown } | null)?.constructor;
  if (typeof ctor === "function" && ctor.name !== "") return ctor.name;
  return Object.prototype.toString.call(o).slice(8, -1);
}

// FastAPI's ValueError when neither dict(obj) nor vars(obj) works, with the JavaScript type.
function unencodable(type: string): Error {
  return new Error(`[TypeError("'${type}' object is not iterable"), TypeError('vars() argument must have __dict__ attribute')]`);
}
