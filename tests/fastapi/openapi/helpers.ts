// No Python counterpart: what the OpenAPI tests share. FastAPI's documents come from
// tests/python/openapi_documents.py (the tutorial twins, or apps given as Python source); every
// document the layer writes is checked by a real OpenAPI validator (@seriousme/openapi-schema-validator).
import { Validator } from "@seriousme/openapi-schema-validator";
import * as assert from "uvu/assert";
import { requirePython, runPython } from "../../python.js";

/** What FastAPI serves for one app. */
export interface FastAPIPages {
  status?: number;
  openapi?: Record<string, unknown> | null;
  /** /openapi.json's body as FastAPI serves it. */
  openapi_text?: string | null;
  docs?: string | null;
  redoc?: string | null;
  "docs/oauth2-redirect"?: string | null;
  warnings?: string[];
  /** Set when building the document raised. */
  error?: string;
}

let venv: boolean | null = null;

/** Whether FastAPI can be asked (requirePython's rules: a warning outside CI, an error in CI). */
export function haveFastAPI(): boolean {
  venv ??= requirePython("fastapi", "httpx");
  return venv;
}

/** FastAPI's pages for tutorial twins (by module name) and apps given as Python source defining `app`. */
export function fastapiPages(input: { chapters?: string[]; snippets?: Record<string, string>; root_path?: string }): Record<string, FastAPIPages> {
  return runPython<Record<string, FastAPIPages>>("openapi_documents", input);
}

/** Every place two JSON documents differ, as `path: python X, ts Y`, whatever the order of keys. */
export function differences(py: unknown, ts: unknown, path = "", out: string[] = []): string[] {
  const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  const show = (v: unknown): string => {
    const text = JSON.stringify(v);
    return text.length > 200 ? text.slice(0, 200) + "…" : text;
  };
  if (kind(py) !== kind(ts)) {
    out.push(`${path}: python ${show(py)}, ts ${show(ts)}`);
  } else if (Array.isArray(py) && Array.isArray(ts)) {
    if (py.length !== ts.length) out.push(`${path}: python ${show(py)}, ts ${show(ts)}`);
    else py.forEach((item, i) => differences(item, ts[i], `${path}[${i}]`, out));
  } else if (kind(py) === "object") {
    const a = py as Record<string, unknown>;
    const b = ts as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const p = `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (!Object.hasOwn(b, key)) out.push(`${p}: python ${show(a[key])}, ts (absent)`);
      else if (!Object.hasOwn(a, key)) out.push(`${p}: python (absent), ts ${show(b[key])}`);
      else differences(a[key], b[key], p, out);
    }
  } else if (py !== ts) {
    out.push(`${path}: python ${show(py)}, ts ${show(ts)}`);
  }
  return out;
}

/** A JSON value parsed with what JSON.parse loses: the order of every object's keys, each number's text. */
export type OrderedJson =
  | { kind: "object"; entries: Array<[string, OrderedJson]> }
  | { kind: "array"; items: OrderedJson[] }
  | { kind: "number"; text: string }
  | { kind: "string"; value: string }
  | { kind: "literal"; text: "true" | "false" | "null" };

/** Parse JSON text keeping key order and number text (what a byte comparison sees). */
export function parseOrdered(text: string): OrderedJson {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const value = (): OrderedJson => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: Array<[string, OrderedJson]> = [];
      ws();
      if (text[i] === "}") return i++, { kind: "object", entries };
      for (;;) {
        const key = value();
        if (key.kind !== "string") throw new SyntaxError(`a key at ${i}`);
        ws();
        if (text[i++] !== ":") throw new SyntaxError(`":" at ${i - 1}`);
        entries.push([key.value, value()]);
        ws();
        if (text[i] === ",") i++;
        else if (text[i++] === "}") return { kind: "object", entries };
        else throw new SyntaxError(`"," or "}" at ${i - 1}`);
      }
    }
    if (c === "[") {
      i++;
      const items: OrderedJson[] = [];
      ws();
      if (text[i] === "]") return i++, { kind: "array", items };
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i++] === "]") return { kind: "array", items };
        else throw new SyntaxError(`"," or "]" at ${i - 1}`);
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/s.exec(text.slice(i));
      if (m === null) throw new SyntaxError(`a string at ${i}`);
      i += m[0].length;
      return { kind: "string", value: JSON.parse(m[0]) as string };
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(text.slice(i, i + 64));
    if (m === null) throw new SyntaxError(`a value at ${i}`);
    i += m[0].length;
    return m[0] === "true" || m[0] === "false" || m[0] === "null" ? { kind: "literal", text: m[0] } : { kind: "number", text: m[0] };
  };
  const out = value();
  ws();
  if (i !== text.length) throw new SyntaxError(`text after the value at ${i}`);
  return out;
}

/** The JSON text of a parsed value, as Python's json.dumps(separators=(",", ":"), ensure_ascii=False) writes it. */
function showOrdered(v: OrderedJson, limit = 200): string {
  const text = (x: OrderedJson): string => {
    switch (x.kind) {
      case "object":
        return "{" + x.entries.map(([k, y]) => JSON.stringify(k) + ":" + text(y)).join(",") + "}";
      case "array":
        return "[" + x.items.map(text).join(",") + "]";
      case "string":
        return JSON.stringify(x.value);
      default:
        return x.text;
    }
  };
  const out = text(v);
  return out.length > limit ? out.slice(0, limit) + "…" : out;
}

/**
 * Every place two JSON texts differ, key order and number text included: `path: python X, ts Y`
 * for values, `path: key order: python [...], ts [...]` for the order of the keys both have.
 */
export function orderedDifferences(py: OrderedJson, ts: OrderedJson, path = "", out: string[] = []): string[] {
  if (py.kind !== ts.kind) {
    out.push(`${path}: python ${showOrdered(py)}, ts ${showOrdered(ts)}`);
  } else if (py.kind === "array" && ts.kind === "array") {
    if (py.items.length !== ts.items.length) out.push(`${path}: python ${showOrdered(py)}, ts ${showOrdered(ts)}`);
    else py.items.forEach((item, i) => orderedDifferences(item, ts.items[i], `${path}[${i}]`, out));
  } else if (py.kind === "object" && ts.kind === "object") {
    const a = new Map(py.entries);
    const b = new Map(ts.entries);
    const pointer = (key: string): string => `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    for (const [key, value] of py.entries) if (!b.has(key)) out.push(`${pointer(key)}: python ${showOrdered(value)}, ts (absent)`);
    for (const [key, value] of ts.entries) if (!a.has(key)) out.push(`${pointer(key)}: python (absent), ts ${showOrdered(value)}`);
    const common = py.entries.map(([k]) => k).filter((k) => b.has(k));
    const theirs = ts.entries.map(([k]) => k).filter((k) => a.has(k));
    if (common.some((k, i) => k !== theirs[i])) out.push(`${path}: key order: python ${JSON.stringify(common)}, ts ${JSON.stringify(theirs)}`);
    for (const key of common) orderedDifferences(a.get(key) as OrderedJson, b.get(key) as OrderedJson, pointer(key), out);
  } else if (showOrdered(py, Infinity) !== showOrdered(ts, Infinity)) {
    out.push(`${path}: python ${showOrdered(py)}, ts ${showOrdered(ts)}`);
  }
  return out;
}

/**
 * Every difference between two /openapi.json bodies (orderedDifferences); two bodies that differ
 * only in how they write the same JSON (an escape, a space) give a line too.
 */
export function textDifferences(py: string, ts: string): string[] {
  const lines = orderedDifferences(parseOrdered(py), parseOrdered(ts));
  if (lines.length === 0 && py !== ts) {
    let i = 0;
    while (py[i] === ts[i]) i++;
    lines.push(`text at ${i}: python ${JSON.stringify(py.slice(i, i + 40))}, ts ${JSON.stringify(ts.slice(i, i + 40))}`);
  }
  return lines;
}

const validator = new Validator();

function hasItemSchema(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasItemSchema);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([k, v]) => k === "itemSchema" || hasItemSchema(v));
}

/**
 * Check a document with the OpenAPI validator: as the OpenAPI 3.1 document it says it is, every
 * `$ref` resolving. A streaming response's `itemSchema` (JSON Lines, Server-Sent Events) is
 * OpenAPI 3.2's, which FastAPI 0.142 writes in its 3.1.0 documents: such a document passes as 3.2.
 */
export async function assertValidDocument(doc: unknown, label = "document"): Promise<void> {
  const stream = hasItemSchema(doc);
  // A copy: the validator resolves the refs in the document it is given.
  const checked = stream ? { ...structuredClone(doc as Record<string, unknown>), openapi: "3.2.0" } : structuredClone(doc);
  const result = await validator.validate(checked as Record<string, unknown>);
  assert.ok(result.valid, `${label} is not a valid OpenAPI ${stream ? "3.2 (itemSchema)" : "3.1"} document: ${JSON.stringify(result.errors, null, 1)?.slice(0, 3000)}`);
  // Every $ref points somewhere: the validator resolves them all or throws.
  validator.resolveRefs();
}

/** Collect what the layer warns while `fn` runs. */
export async function warned<T>(fn: () => T | Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const { warnings } = await import("../../../src/fastapi/openapi/schemas.js");
  const seen: string[] = [];
  const before = warnings.warn;
  warnings.warn = (message) => seen.push(message);
  try {
    return { value: await fn(), warnings: seen };
  } finally {
    warnings.warn = before;
  }
}
