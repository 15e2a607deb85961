// pydantic's model_fields_set for validated plain objects: ModelField remembers what each
// validated object was made from, so that excludeUnset can tell a value the request sent
// from a default the validator filled in (`item.model_dump(exclude_unset=True)`).

// The input rides on the output as a hidden property: a WeakMap entry per request costs the
// garbage collector about 0.8 µs (bench/experiments/validation-inprocess.mjs), this far less.
const INPUT: unique symbol = Symbol("starlette-ts.fastapi.input");

/**
 * Remember that `output` was validated from `input`, when it matters: only when the validator
 * filled in a key that the input lacked, somewhere inside. A body sent whole needs no record.
 */
export function rememberInput(output: unknown, input: unknown): void {
  if (typeof output === "object" && output !== null && output !== input && typeof input === "object" && input !== null && gainedKeys(output, input)) {
    Object.defineProperty(output, INPUT, { value: input });
  }
}

/** Whether `output` has a key, at any depth, that `input` does not have at the same place. */
function gainedKeys(output: unknown, input: unknown): boolean {
  if (Array.isArray(output)) return output.some((item, i) => Array.isArray(input) && gainedKeys(item, input[i]));
  if (typeof output !== "object" || output === null || typeof input !== "object" || input === null) return false;
  for (const key of Object.keys(output)) {
    if (!Object.hasOwn(input, key)) return true;
    const item = (output as Record<string, unknown>)[key];
    if (typeof item === "object" && item !== null && gainedKeys(item, (input as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** What a validated object was made from, or undefined for any other value. */
export function inputOf(value: unknown): object | undefined {
  return typeof value === "object" && value !== null ? (value as { [INPUT]?: object })[INPUT] : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * `value` without what its input did not set, at every level: an object validated by a
 * ModelField keeps only the keys its input had; objects and arrays inside it are walked beside
 * the input's. Other objects are walked for validated values inside them; anything else, and
 * what loses nothing, comes back as it is.
 */
export function withoutUnset(value: unknown, input?: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = withoutUnset(value[i], Array.isArray(input) ? input[i] : undefined);
      if (out === undefined && item !== value[i]) out = value.slice(0, i);
      out?.push(item);
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const recorded = inputOf(value) ?? input;
  const source = isPlainObject(recorded) ? recorded : undefined;
  const keys = Object.keys(value);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const unset = source !== undefined && !Object.hasOwn(source, key);
    const item = unset ? undefined : withoutUnset(value[key], source?.[key]);
    if (out === undefined) {
      if (!unset && item === value[key]) continue;
      out = {};
      for (let j = 0; j < i; j++) define(out, keys[j], value[keys[j]]);
    }
    if (!unset) define(out, key, item);
  }
  return out ?? value;
}

// A "__proto__" key is data, as in a Python dict.
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
