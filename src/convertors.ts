// Port of starlette/convertors.py: path parameter convertors.
import assert from "node:assert";

export interface Convertor<T = unknown> {
  readonly regex: string;
  convert(value: string): T;
  toString(value: T): string;
}

export const StringConvertor: Convertor<string> = {
  regex: "[^/]+",
  convert: (value) => value,
  toString(value) {
    const text = String(value);
    assert(!text.includes("/"), "May not contain path separators");
    assert(text, "Must not be empty");
    return text;
  },
};

export const PathConvertor: Convertor<string> = {
  regex: ".*",
  convert: (value) => value,
  toString: (value) => String(value),
};

export const IntegerConvertor: Convertor<number> = {
  regex: "[0-9]+",
  convert: (value) => Number.parseInt(value, 10),
  toString(value) {
    const n = Math.trunc(Number(value));
    assert(n >= 0, "Negative integers are not supported");
    return String(n);
  },
};

export const FloatConvertor: Convertor<number> = {
  regex: "[0-9]+(\\.[0-9]+)?",
  convert: (value) => Number.parseFloat(value),
  toString(value) {
    const n = Number(value);
    // NaN fails this first check too (Python's NaN assert after it can never fire).
    assert(n >= 0, "Negative floats are not supported");
    assert(Number.isFinite(n), "Infinite values are not supported");
    return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  },
};

// Python's uuid.UUID(value) accepts the hyphen-less form; str() gives the canonical one.
export const UUIDConvertor: Convertor<string> = {
  regex: "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}",
  convert(value) {
    const hex = value.replace(/-/g, "").toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
  toString: (value) => String(value),
};

/** The convertors `{name:type}` can name. No prototype: `{id:toString}` is an unknown convertor, not Object's method. */
export const CONVERTOR_TYPES: Record<string, Convertor> = Object.assign(Object.create(null) as Record<string, Convertor>, {
  str: StringConvertor,
  path: PathConvertor,
  int: IntegerConvertor as Convertor,
  float: FloatConvertor as Convertor,
  uuid: UUIDConvertor,
});

/**
 * Make `{name:key}` available in route paths (Starlette's register_url_convertor).
 * Register before creating the routes that use it: paths are compiled when a route is made.
 *
 * @example
 * registerUrlConvertor("date", { regex: "[0-9]{4}-[0-9]{2}-[0-9]{2}", convert: (v) => v, toString: (v) => String(v) });
 */
export function registerUrlConvertor<T>(key: string, convertor: Convertor<T>): void {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key)) {
    throw new TypeError(`registerUrlConvertor(${JSON.stringify(key)}): a convertor's name is letters, digits and _, not starting with a digit, as in {when:date}`);
  }
  const given = convertor as Partial<Convertor<T>> | null;
  if (typeof given?.regex !== "string") {
    throw new TypeError(`registerUrlConvertor("${key}"): the convertor needs a regex, a string such as "[0-9]+"`);
  }
  try {
    new RegExp(given.regex);
  } catch (exc) {
    throw new TypeError(`registerUrlConvertor("${key}"): its regex is not a valid regular expression (${(exc as Error).message})`);
  }
  // The route's own named groups are its parameters: one inside a convertor would be taken for another.
  if (/\(\?<[^=!]/.test(given.regex)) {
    throw new TypeError(`registerUrlConvertor("${key}"): its regex may not have named groups (?<name>...); use (...) or (?:...)`);
  }
  if (typeof given.convert !== "function") {
    throw new TypeError(`registerUrlConvertor("${key}"): the convertor needs convert(value: string), which turns the matched text into the parameter`);
  }
  // Every object inherits Object.prototype.toString, which would turn any value into "[object Object]".
  if (typeof given.toString !== "function" || given.toString === Object.prototype.toString) {
    throw new TypeError(`registerUrlConvertor("${key}"): the convertor needs its own toString(value), which turns a parameter back into path text for urlPathFor`);
  }
  CONVERTOR_TYPES[key] = convertor as Convertor;
}
