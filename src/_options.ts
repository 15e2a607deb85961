// Checks the options object of serve(), TestClient and SessionMiddleware when
// it is passed. No Starlette counterpart: Python rejects an unexpected keyword
// argument by itself, and a wrong option here must fail as early, naming it.
import { inspect } from "node:util";

/** A test for an option's value, and what it expects, for the message. */
export type OptionRule = readonly [check: (value: unknown) => boolean, expected: string];

export const STRING: OptionRule = [(v) => typeof v === "string", "a string"];
export const BOOLEAN: OptionRule = [(v) => typeof v === "boolean", "true or false"];
export const FUNCTION: OptionRule = [(v) => typeof v === "function", "a function"];

/** How a wrong value reads in a message: strings quoted, objects briefly. */
function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return value.name ? `the function ${value.name}` : "a function";
  return inspect(value, { depth: 0, breakLength: Infinity });
}

// Case, "_" and "-" are ignored, so Python's spelling (root_path) finds rootPath.
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

// Edits (insert, delete, replace, swap two neighbours) from a to b, stopping once past 1.
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: number, y: number): boolean => a.slice(i + x) === b.slice(i + y);
  return rest(0, 0) || rest(1, 1) || rest(1, 0) || rest(0, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
}

function unexpected(owner: string, name: string, known: readonly string[]): string {
  const exact = known.find((k) => normalize(k) === normalize(name));
  const near = exact ?? known.find((k) => withinOneEdit(normalize(name), normalize(k)));
  const hint = near !== undefined ? `did you mean "${near}"?` : `the options are ${known.join(", ")}`;
  return `${owner} got an unexpected option ${JSON.stringify(name)}; ${hint}`;
}

/** Throws a TypeError for an options value that is no object, or for a key not in `known`. */
export function rejectUnknownOptions(owner: string, options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${owner} options must be an object, got ${showValue(options)}`);
  }
  for (const name of Object.keys(options)) if (!known.includes(name)) throw new TypeError(unexpected(owner, name, known));
}

/**
 * Throws a TypeError naming the first unknown or wrongly typed option. An
 * option set to `undefined` counts as not given.
 */
export function checkOptions(owner: string, options: unknown, rules: Readonly<Record<string, OptionRule>>): void {
  rejectUnknownOptions(owner, options, Object.keys(rules));
  for (const [name, value] of Object.entries(options as object)) {
    const [check, expected] = rules[name];
    if (value !== undefined && !check(value)) throw new TypeError(`${owner} option "${name}" must be ${expected}, got ${showValue(value)}`);
  }
}
