// Port of itsdangerous/_json.py, plus what it leans on from Python's json
// module: dumps() that writes the same bytes Python does, so signatures made
// here and there agree. Starlette's SessionMiddleware uses the default style.

export interface DumpsOptions {
  /** Python's `separators`. @default [", ", ": "] */
  separators?: readonly [item: string, key: string];
  /** Escape every non-ASCII character as \uXXXX. @default true */
  ensureAscii?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
// eslint-disable-next-line no-control-regex
const ESCAPE_ASCII = /["\\]|[^ -~]/g;
// eslint-disable-next-line no-control-regex
const ESCAPE = /["\\\x00-\x1f]/g;

function escapeChar(ch: string): string {
  return SHORT_ESCAPES[ch] ?? "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
}

/** A JSON string literal as Python writes it (astral characters as lowercase surrogate pairs). */
export function dumpString(s: string, ensureAscii = true): string {
  return '"' + s.replace(ensureAscii ? ESCAPE_ASCII : ESCAPE, escapeChar) + '"';
}

/**
 * A number as Python writes it. JavaScript has one number type: safe integers
 * print as Python ints ("1", never "1.0"); every other number prints as
 * Python's float repr ("1e+16", "1.5e-07", "NaN", "Infinity", "-0.0").
 */
export function dumpNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Object.is(n, -0)) return "-0.0";
  if (Number.isSafeInteger(n)) return String(n);
  const [mantissa, expText] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const sign = n < 0 ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1) || "0";
    return `${sign}${whole}.${frac}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function dumpKey(key: unknown): string {
  if (typeof key === "string") return key;
  if (typeof key === "number") return dumpNumber(key);
  if (key === null) return "null";
  if (typeof key === "boolean" || typeof key === "bigint") return String(key);
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeof key}`);
}

/** Python's json.dumps(obj, separators=..., ensure_ascii=...). Maps keep their order. */
export function dumps(value: unknown, options: DumpsOptions = {}): string {
  const [itemSep, keySep] = options.separators ?? [", ", ": "];
  const ascii = options.ensureAscii ?? true;
  const seen = new Set<object>();

  const write = (v: unknown): string | undefined => {
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" && !(v instanceof Map)) {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null) return "null";
    switch (typeof v) {
      case "string":
        return dumpString(v, ascii);
      case "number":
        return dumpNumber(v);
      case "boolean":
        return v ? "true" : "false";
      case "bigint":
        return v.toString();
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    const obj = v as object;
    if (seen.has(obj)) throw new TypeError("Circular reference detected");
    seen.add(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = "[" + obj.map((item) => write(item) ?? "null").join(itemSep) + "]";
    } else {
      const entries = obj instanceof Map ? [...obj.entries()] : Object.entries(obj);
      const parts: string[] = [];
      for (const [k, item] of entries) {
        const text = write(item);
        if (text !== undefined) parts.push(dumpString(dumpKey(k), ascii) + keySep + text);
      }
      out = "{" + parts.join(itemSep) + "}";
    }
    seen.delete(obj);
    return out;
  };
  return write(value) ?? "null";
}

/** A text serializer: what Serializer calls to turn objects into text and back. */
export interface TextSerializer {
  dumps(obj: unknown): string;
  loads(text: string): unknown;
}

/** Python's json module with its defaults (what the plain Serializer uses). */
export const json: TextSerializer = {
  dumps: (obj) => dumps(obj),
  loads: (text) => JSON.parse(text),
};

/** itsdangerous's _CompactJSON: no spaces, UTF-8 kept as it is. */
export const compactJson: TextSerializer = {
  dumps: (obj) => dumps(obj, { separators: [",", ":"], ensureAscii: false }),
  loads: (text) => JSON.parse(text),
};
