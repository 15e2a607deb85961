// The constraints FastAPI takes as keywords (Query(ge=1), Body(max_length=50)...), checked on the
// value the layer converted, before the validator (model_field.ts), with pydantic's error types,
// messages and ctx.
import type { FieldOptions } from "../params.js";
import type { ErrorDetails, Loc } from "./errors.js";
import type { Constraints } from "./model_field.js";

type Check = (value: unknown, loc: Loc) => ErrorDetails | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function numberCheck(limit: number, fails: (v: number) => boolean, type: string, key: string, text: string): Check {
  return (value, loc) =>
    typeof value === "number" && fails(value) ? { type, loc, msg: `Input should be ${text} ${limit}`, input: value, ctx: { [key]: limit } } : null;
}

// Python's float modulo: a remainder within rounding of 0 or of the divisor counts as a multiple.
function isMultiple(value: number, of: number): boolean {
  const rem = Math.abs(value % of);
  return rem < 1e-9 || Math.abs(rem - Math.abs(of)) < 1e-9;
}

function lengthOf(value: unknown): [kind: "string" | "list", length: number] | null {
  if (typeof value === "string") {
    let n = 0;
    for (const _ of value) n++; // code points, as Python's len()
    return ["string", n];
  }
  return Array.isArray(value) ? ["list", value.length] : null;
}

function minLength(limit: number): Check {
  return (value, loc) => {
    const measured = lengthOf(value);
    if (measured === null || measured[1] >= limit) return null;
    if (measured[0] === "string") {
      return { type: "string_too_short", loc, msg: `String should have at least ${plural(limit, "character")}`, input: value, ctx: { min_length: limit } };
    }
    return {
      type: "too_short",
      loc,
      msg: `List should have at least ${plural(limit, "item")} after validation, not ${measured[1]}`,
      input: value,
      ctx: { field_type: "List", min_length: limit, actual_length: measured[1] },
    };
  };
}

function maxLength(limit: number): Check {
  return (value, loc) => {
    const measured = lengthOf(value);
    if (measured === null || measured[1] <= limit) return null;
    if (measured[0] === "string") {
      return { type: "string_too_long", loc, msg: `String should have at most ${plural(limit, "character")}`, input: value, ctx: { max_length: limit } };
    }
    return {
      type: "too_long",
      loc,
      msg: `List should have at most ${plural(limit, "item")} after validation, not ${measured[1]}`,
      input: value,
      ctx: { field_type: "List", max_length: limit, actual_length: measured[1] },
    };
  };
}

function pattern(source: string): Check {
  const re = new RegExp(source, "u");
  return (value, loc) =>
    typeof value === "string" && !re.test(value)
      ? { type: "string_pattern_mismatch", loc, msg: `String should match pattern '${source}'`, input: value, ctx: { pattern: source } }
      : null;
}

// What the checks give when the value passes: one frozen array, nothing allocated per request.
const PASSED = Object.freeze([]) as unknown as ErrorDetails[];

/** The checks the options ask for, in pydantic's order; null when there are none. */
export function compileConstraints(options: FieldOptions): Constraints | null {
  const checks: Check[] = [];
  const { gt, ge, lt, le, multipleOf } = options;
  if (multipleOf !== undefined) {
    checks.push((value, loc) =>
      typeof value === "number" && !isMultiple(value, multipleOf)
        ? { type: "multiple_of", loc, msg: `Input should be a multiple of ${multipleOf}`, input: value, ctx: { multiple_of: multipleOf } }
        : null,
    );
  }
  if (le !== undefined) checks.push(numberCheck(le, (v) => !(v <= le), "less_than_equal", "le", "less than or equal to"));
  if (lt !== undefined) checks.push(numberCheck(lt, (v) => !(v < lt), "less_than", "lt", "less than"));
  if (ge !== undefined) checks.push(numberCheck(ge, (v) => !(v >= ge), "greater_than_equal", "ge", "greater than or equal to"));
  if (gt !== undefined) checks.push(numberCheck(gt, (v) => !(v > gt), "greater_than", "gt", "greater than"));
  if (options.minLength !== undefined) checks.push(minLength(options.minLength));
  if (options.maxLength !== undefined) checks.push(maxLength(options.maxLength));
  if (options.pattern !== undefined) checks.push(pattern(options.pattern));
  if (checks.length === 0) return null;
  return (value, loc) => {
    // pydantic stops at the first failed constraint of a value.
    for (const check of checks) {
      const error = check(value, loc);
      if (error) return [error];
    }
    return PASSED;
  };
}
