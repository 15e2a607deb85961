// Port of the parts of click that uvicorn's command line shows: option
// parsing, the usage errors and their wording, environment variables
// (auto_envvar_prefix) and the --help page.
import { existsSync } from "node:fs";

export type Kind = "text" | "integer" | "float" | "boolean" | "path" | "choice" | "flag" | "switch";
export type Value = string | number | boolean | null | string[];

export interface OptionSpec {
  /** "--host"; a switch names both sides: "--access-log/--no-access-log". */
  readonly flags: string;
  /** The key in the parsed values, and the environment variable's suffix. */
  readonly dest: string;
  readonly kind: Kind;
  readonly help: string;
  readonly default?: Value;
  /** Show "[default: ...]" in --help. */
  readonly showDefault?: boolean;
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
}

/** A mistake on the command line: exit code 2, with the usage lines when click prints them. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly withUsage = true,
  ) {
    super(message);
  }
}

export interface Parsed {
  app: string;
  values: Record<string, Value>;
  /** --help or --version, which win over everything but a parse error. */
  eager: "help" | "version" | null;
}

const TRUE = ["1", "true", "t", "yes", "y", "on"];
const FALSE = ["0", "false", "f", "no", "n", "off"];

function names(spec: OptionSpec): string[] {
  return spec.flags.split("/");
}

function convert(spec: OptionSpec, raw: string, display: string): Value {
  const invalid = (why: string): UsageError => new UsageError(`Invalid value for '${display}': ${why}`);
  const quoted = pyRepr(raw);
  switch (spec.kind) {
    case "integer":
      // Python's int(): spaces around, a sign, digits with single underscores between.
      if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(raw)) throw invalid(`${quoted} is not a valid integer.`);
      return Number(raw.replace(/_/g, ""));
    case "float": {
      const text = raw.trim().replace(/_/g, "");
      if (!/^[+-]?((\d+\.?\d*|\.\d+)(e[+-]?\d+)?|inf|infinity|nan)$/i.test(text)) throw invalid(`${quoted} is not a valid float.`);
      return /inf/i.test(text) ? (text.startsWith("-") ? -Infinity : Infinity) : /nan/i.test(text) ? NaN : Number(text);
    }
    case "boolean":
    case "flag":
    case "switch": {
      const word = raw.trim().toLowerCase();
      if (TRUE.includes(word)) return true;
      if (FALSE.includes(word)) return false;
      throw invalid(`${quoted} is not a valid boolean. Recognized values: , ${[...TRUE, ...FALSE].sort().join(", ")}`);
    }
    case "choice":
      if (!(spec.choices as readonly string[]).includes(raw)) throw invalid(`${quoted} is not one of ${(spec.choices as readonly string[]).map((c) => pyRepr(c)).join(", ")}.`);
      return raw;
    case "path":
      if (!existsSync(raw)) throw invalid(`Path ${quoted} does not exist.`);
      return raw;
    default:
      return raw;
  }
}

/** Python's repr() of a string, as click quotes values in its messages. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/**
 * Parses argv as click parses uvicorn's: options anywhere, `--name=value`, `--` ending them,
 * one APP argument; a value missing from argv comes from `${envPrefix}_${DEST}`, then the default.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], env: NodeJS.ProcessEnv, envPrefix: string): Parsed {
  const byName = new Map<string, OptionSpec>();
  for (const spec of specs) for (const name of names(spec)) byName.set(name, spec);
  const raw = new Map<OptionSpec, { text: string | boolean; name: string }[]>();
  const positionals: string[] = [];
  const order: Array<OptionSpec | "APP"> = [];
  let eager: Parsed["eager"] = null;
  let onlyArguments = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyArguments || !arg.startsWith("-") || arg === "-") {
      if (!order.includes("APP")) order.push("APP");
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyArguments = true;
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const explicit = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === "--help" || name === "--version") {
      if (explicit !== undefined) throw new UsageError(`Option '${name}' does not take a value.`, false);
      eager ??= name === "--help" ? "help" : "version";
      continue;
    }
    const spec = byName.get(name);
    if (spec === undefined) {
      const possible = name.startsWith("--") ? closeMatches(name, [...byName.keys(), "--help", "--version"]) : [];
      const hint = possible.length === 0 ? "" : possible.length === 1 ? ` Did you mean ${pyRepr(possible[0])}?` : ` (Did you mean one of: ${possible.map((p) => pyRepr(p)).join(", ")}?)`;
      throw new UsageError(`No such option ${pyRepr(name)}.${hint}`);
    }
    let text: string | boolean;
    if (spec.kind === "flag" || spec.kind === "switch") {
      if (explicit !== undefined) throw new UsageError(`Option '${name}' does not take a value.`, false);
      text = names(spec)[0] === name;
    } else {
      const next = explicit ?? argv[++i];
      if (next === undefined) throw new UsageError(`Option '${name}' requires an argument.`, false);
      text = next;
    }
    if (!raw.has(spec)) {
      raw.set(spec, []);
      order.push(spec);
    }
    (raw.get(spec) as { text: string | boolean; name: string }[]).push({ text, name });
  }
  if (eager !== null) return { app: "", values: {}, eager };
  // Invoked parameters first, in the order given, then the rest in declaration order (click's processing order).
  for (const spec of specs) if (!raw.has(spec)) order.push(spec);
  if (!order.includes("APP")) order.splice(raw.size, 0, "APP");
  const values: Record<string, Value> = {};
  let app = "";
  for (const param of order) {
    if (param === "APP") {
      const fromEnv = env[`${envPrefix}_APP`];
      if (positionals.length === 0 && !fromEnv) throw new UsageError("Missing argument 'APP'.");
      if (positionals.length > 2) throw new UsageError(`Got unexpected extra arguments (${positionals.slice(1).join(" ")})`);
      if (positionals.length === 2) throw new UsageError(`Got unexpected extra argument (${positionals[1]})`);
      app = positionals[0] ?? (fromEnv as string);
      continue;
    }
    values[param.dest] = valueOf(param, raw.get(param), env[`${envPrefix}_${param.dest.toUpperCase()}`]);
  }
  return { app, values, eager: null };
}

function valueOf(spec: OptionSpec, given: { text: string | boolean; name: string }[] | undefined, fromEnv: string | undefined): Value {
  const display = names(spec)[0];
  if (given !== undefined) {
    const converted = given.map(({ text }) => (typeof text === "boolean" ? text : convert(spec, text, display)));
    return spec.multiple ? (converted as string[]) : (converted[converted.length - 1] as Value);
  }
  if (fromEnv !== undefined && fromEnv !== "") {
    // click splits a multiple option's variable on whitespace.
    if (spec.multiple) return fromEnv.split(/\s+/).filter(Boolean).map((part) => convert(spec, part, display) as string);
    return convert(spec, fromEnv, display);
  }
  return spec.default ?? (spec.multiple ? [] : null);
}

// --help, laid out as click lays it out: 78 columns, the help text from column 34.
const WIDTH = 78;
const HELP_COLUMN = 34;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const [, space, word] of text.matchAll(/(\s*)(\S+)/g)) {
    if (line !== "" && line.length + space.length + word.length > width) {
      lines.push(line);
      line = word;
    } else line += line === "" ? word : space + word;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function metavar(spec: OptionSpec): string {
  if (spec.kind === "choice") return ` [${(spec.choices as readonly string[]).join("|")}]`;
  const kinds: Partial<Record<Kind, string>> = { text: " TEXT", integer: " INTEGER", float: " FLOAT", boolean: " BOOLEAN", path: " PATH" };
  return kinds[spec.kind] ?? "";
}

function showDefault(value: Value | undefined): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return value === "" ? '""' : String(value);
}

export function formatHelp(prog: string, specs: readonly OptionSpec[], extra: ReadonlyArray<readonly [string, string]>): string {
  const rows: Array<readonly [string, string]> = specs.map((spec) => {
    const help = spec.showDefault ? `${spec.help}  [default: ${showDefault(spec.default)}]` : spec.help;
    return [names(spec).join(" / ") + metavar(spec), help] as const;
  });
  const out = [`Usage: ${prog} [OPTIONS] APP`, "", "Options:"];
  for (const [left, help] of [...rows, ...extra]) {
    const lines = wrap(help, WIDTH - HELP_COLUMN);
    const first = `  ${left}`;
    if (first.length <= HELP_COLUMN - 2) out.push(first.padEnd(HELP_COLUMN) + (lines.shift() ?? ""));
    else out.push(first);
    for (const line of lines) out.push(" ".repeat(HELP_COLUMN) + line);
  }
  return out.join("\n") + "\n";
}

// difflib.get_close_matches(word, possibilities), as click suggests options: the three best at a
// ratio of 0.6 or more, then in alphabetical order.
export function closeMatches(word: string, possibilities: readonly string[]): string[] {
  const scored = possibilities.map((p) => [ratio(p, word), p] as const).filter(([score]) => score >= 0.6);
  scored.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : -1));
  return scored
    .slice(0, 3)
    .map(([, p]) => p)
    .sort();
}

/** SequenceMatcher(None, a, b).ratio(), without junk (click's strings are far below autojunk's 200). */
function ratio(a: string, b: string): number {
  let matches = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return (2 * matches) / (a.length + b.length);
}

// find_longest_match: the first longest block, scanning a, then b, in order (its tie-breaking matters).
function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let best: [number, number, number] = [alo, blo, 0];
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (b[j] !== a[i]) continue;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > best[2]) best = [i - k + 1, j - k + 1, k];
    }
    lengths = next;
  }
  return best;
}
