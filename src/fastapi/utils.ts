// Port of fastapi/utils.py.
import assert from "node:assert";

/** Whether a response with this status may have a body (FastAPI's is_body_allowed_for_status_code). */
export function isBodyAllowedForStatusCode(status: number | string | null): boolean {
  if (status === null) return true;
  if (typeof status === "string" && /^(default|[1-5]XX)$/.test(status)) return true;
  const code = Number(status);
  return !(code < 200 || code === 204 || code === 205 || code === 304);
}

/**
 * A handler's name as FastAPI would see the Python function: camelCase becomes snake_case
 * (`readItem` -> `read_item`, `oauth2Login` -> `oauth2_login`), a zero-padded number is a word of
 * its own (`readItems002` -> `read_items_002`), a name with an underscore is kept as it is, and
 * an anonymous function is Python's `<lambda>`.
 */
export function pythonName(name: string): string {
  const bare = name.replace(/^(bound )+/, "");
  if (bare === "") return "<lambda>";
  if (bare.includes("_")) return bare;
  return bare
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .replace(/([A-Za-z])(0[0-9]*)/g, "$1_$2")
    .toLowerCase();
}

/** Python's str.title(): each run of cased characters starts upper-case, the rest lower-case. */
export function pythonTitle(text: string): string {
  let out = "";
  let previousCased = false;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    // "ß".title() is "Ss" in Python, where upper-case gives "SS".
    out += previousCased ? lower : upper.length > 1 ? upper[0] + upper.slice(1).toLowerCase() : upper;
    previousCased = lower !== upper;
  }
  return out;
}

/** The path operation's default unique id: `read_item_items__item_id__get` (FastAPI's generate_unique_id). */
export function generateUniqueId(route: { readonly name: string; readonly compiled: { readonly format: string }; readonly methods: ReadonlySet<string> }): string {
  const operationId = `${pythonName(route.name)}${route.compiled.format}`.replace(/[^\p{L}\p{N}_]/gu, "_");
  const [method] = route.methods;
  assert(method !== undefined, "A path operation needs a method");
  return `${operationId}_${method.toLowerCase()}`;
}

/** FastAPI's deep_dict_update: dicts merged key by key, lists concatenated, anything else replaced. */
export function deepDictUpdate(main: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const current = Object.hasOwn(main, key) ? main[key] : undefined;
    if (isDict(current) && isDict(value)) deepDictUpdate(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) main[key] = [...current, ...value];
    // A "__proto__" key is data here, as in a Python dict.
    else Object.defineProperty(main, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

const isDict = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
