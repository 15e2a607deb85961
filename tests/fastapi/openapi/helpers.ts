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
