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

export const CONVERTOR_TYPES: Record<string, Convertor> = {
  str: StringConvertor,
  path: PathConvertor,
  int: IntegerConvertor as Convertor,
  float: FloatConvertor as Convertor,
  uuid: UUIDConvertor,
};

export function registerUrlConvertor(key: string, convertor: Convertor): void {
  CONVERTOR_TYPES[key] = convertor;
}
