// Port of pydantic-core's src/input/shared.rs (str_as_int, str_as_float, str_as_bool,
// float_as_int) with the lax rules of input_python.rs: how FastAPI turns "5" into 5.
// Each function gives the converted value, or the name of pydantic's error as a string.

/** Python's int / float / bool error types, as returned instead of a value. */
export type LaxFailure =
  | "int_parsing"
  | "int_parsing_size"
  | "int_from_float"
  | "finite_number"
  | "float_parsing"
  | "bool_parsing"
  | "bool_type";

// What jiter (pydantic's JSON parser) takes as an int: JSON's syntax, no sign, no leading zeros.
const JSON_INT = /^-?(?:0|[1-9][0-9]*)$/;
// Python 3.11's cap on the digits of int(str), which jiter applies to the whole text (sign too).
const MAX_INT_LENGTH = 4300;
// Rust's f64::from_str: a sign, then inf / infinity / nan in any case, or digits with a dot and exponent.
const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)$/i;
// Rust's str::trim removes Unicode White_Space, which is not JavaScript's set (U+0085 is, U+FEFF is not).
const RUST_SPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const RUST_TRIM = new RegExp(`^[${RUST_SPACE}]+|[${RUST_SPACE}]+$`, "g");
// float_as_int's bounds: i64::MIN as f64 < x < i64::MAX as f64, that is ±2**63.
const I64_BOUND = 2 ** 63;

function rustTrim(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  // Printable ASCII at both ends: nothing to trim (the common case, without a regex).
  if (first > 32 && first < 127 && last > 32 && last < 127) return s;
  return s.replace(RUST_TRIM, "");
}

/** Underscores between digits go (1_000), as Python allows; leading, trailing or doubled ones fail. */
function stripUnderscores(s: string): string | null {
  if (s.startsWith("_") || s.endsWith("_") || !s.includes("_") || s.includes("__")) return null;
  return s.replaceAll("_", "");
}

/** strip_leading_zeros: "007" -> "7", "000" -> "0", "00.0" -> "0.0", "0_1" -> "1"; null if not a number. */
function stripLeadingZeros(s: string): string | null {
  if (s === "") return null;
  const c0 = s[0];
  if (c0 !== "0") return (c0 >= "1" && c0 <= "9") || c0 === "-" ? s : null;
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === "0" || c === "_") continue;
    if ((c >= "1" && c <= "9") || c === "-") return s.slice(i);
    if (c === ".") return s.slice(i - 1);
    return null;
  }
  return s.slice(-1);
}

/** clean_int_str: whitespace, a sign, leading zeros, a ".0" fraction and underscores removed. */
function cleanIntStr(input: string): string | null {
  let s = rustTrim(input);
  if (s.startsWith("+")) {
    if (s[1] === "-") return null;
    s = s.slice(1);
  }
  let negative = false;
  if (s.startsWith("-")) {
    if (s[1] === "-" || s[1] === "+") return null;
    negative = true;
    s = s.slice(1);
  }
  const stripped = stripLeadingZeros(s);
  if (stripped === null) return null;
  s = stripped;
  const dot = s.indexOf(".");
  if (dot !== -1 && dot < s.length - 1 && /^0+$/.test(s.slice(dot + 1))) s = s.slice(0, dot);
  const plain = stripUnderscores(s);
  if (plain !== null) return negative ? "-" + plain : plain;
  if (s.length === input.length) return null;
  return negative ? "-" + s : s;
}

/** "20": up to 15 plain digits, no leading zero, read without a regex (the common query value); else -1. */
function smallInt(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15 || (s.charCodeAt(0) === 48 && n > 1)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// `+ 0` below: Number("-0") is -0, and Python's int has no negative zero.

/** str_as_int: "5", " 5 ", "+5", "1_000", "5.0", "05" are 5-ish; "5.5", "1e3", "0x10", "" are not. */
export function strAsInt(s: string): number | LaxFailure {
  const fast = smallInt(s);
  if (fast !== -1) return fast;
  if (JSON_INT.test(s)) return s.length > MAX_INT_LENGTH ? "int_parsing_size" : Number(s) + 0;
  const cleaned = cleanIntStr(s);
  if (cleaned === null || !JSON_INT.test(cleaned) || cleaned.length > MAX_INT_LENGTH) return "int_parsing";
  return Number(cleaned) + 0;
}

function parseRustFloat(s: string): number {
  const lower = s.toLowerCase();
  const body = lower[0] === "+" || lower[0] === "-" ? lower.slice(1) : lower;
  if (body === "nan") return NaN;
  if (body === "inf" || body === "infinity") return lower[0] === "-" ? -Infinity : Infinity;
  return Number(s);
}

/** str_as_float: Rust's float syntax after trimming ("1e3", ".5", "5.", "inf", "NaN"), or with underscores. */
export function strAsFloat(s: string): number | LaxFailure {
  const trimmed = rustTrim(s);
  if (RUST_FLOAT.test(trimmed)) return parseRustFloat(trimmed);
  // The underscores are stripped from the untrimmed string, as pydantic does: " 1_0" fails.
  const plain = stripUnderscores(s);
  return plain !== null && RUST_FLOAT.test(plain) ? parseRustFloat(plain) : "float_parsing";
}

/** str_as_bool: 0/1 and, in any ASCII case, f/n/no/off/false and t/y/on/yes/true. */
export function strAsBool(s: string): boolean | LaxFailure {
  if (s === "0") return false;
  if (s === "1") return true;
  if (s.length > 5) return "bool_parsing";
  switch (s.toLowerCase()) {
    case "f":
    case "n":
    case "no":
    case "off":
    case "false":
      return false;
    case "t":
    case "y":
    case "on":
    case "yes":
    case "true":
      return true;
    default:
      return "bool_parsing";
  }
}

/**
 * float_as_int for a JavaScript number. JSON's 5 and 5.0 are both the number 5 here, so an
 * integral number is taken as Python takes an int (any size), not as a float out of i64's range.
 */
export function numberAsInt(n: number): number | LaxFailure {
  if (!Number.isFinite(n)) return "finite_number";
  return Number.isInteger(n) ? n + 0 : "int_from_float";
}

/** validate_bool of a number: 0 and 1 (or 0.0 and 1.0) only. */
export function numberAsBool(n: number): boolean | LaxFailure {
  if (!Number.isInteger(n) || Math.abs(n) >= I64_BOUND) return "bool_type";
  return n === 0 ? false : n === 1 ? true : "bool_parsing";
}
