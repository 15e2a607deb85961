// Loads the vectors recorded from Python itsdangerous 2.1.2 and Starlette 0.26.1
// (tests/vectors/itsdangerous.json, a copy of ../shared/vectors: see its README).
import { readFileSync } from "node:fs";
import * as itsdangerous from "../src/itsdangerous/index.js";

export type BytesSpec = string | { hex: string };

export interface ErrorSpec {
  error: string;
  error_ancestry: string[];
  message: string;
  error_payload?: BytesSpec;
  error_date_signed?: number | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Case = Record<string, any> & { id: string; op: string; expected: Record<string, any> };

const file = new URL("vectors/itsdangerous.json", import.meta.url);
export const vectors = JSON.parse(readFileSync(file, "utf8")) as Record<string, Case[]> & { meta: Record<string, unknown> };

export function bytes(spec: BytesSpec): Buffer {
  return typeof spec === "string" ? Buffer.from(spec, "utf8") : Buffer.from(spec.hex, "hex");
}

/** The salt option as the case passed it: omitted, None, or a value. */
export function saltOption(c: Case): { salt?: Buffer | null } {
  if (c.salt_arg === "omitted") return {};
  if (c.salt_arg === "none") return { salt: null };
  return { salt: bytes(c.salt) };
}

// Python's exception classes and the ones this port raises for them.
const ERROR_CLASSES: Record<string, abstract new (...args: never[]) => Error> = {
  BadData: itsdangerous.BadData,
  BadSignature: itsdangerous.BadSignature,
  BadTimeSignature: itsdangerous.BadTimeSignature,
  SignatureExpired: itsdangerous.SignatureExpired,
  BadPayload: itsdangerous.BadPayload,
  BadHeader: itsdangerous.BadHeader,
  ValueError: RangeError,
  TypeError: TypeError,
};

/** The error is of the expected class (or a listed base), with Python's message. */
export function matchesError(error: unknown, spec: ErrorSpec): string | null {
  const names = [spec.error, ...spec.error_ancestry];
  const cls = ERROR_CLASSES[spec.error];
  if (!cls) return `no class for ${spec.error}`;
  if (!(error instanceof cls)) return `expected ${names.join(" < ")}, got ${String(error)}`;
  if ((error as Error).message !== spec.message) return `message ${JSON.stringify((error as Error).message)} != ${JSON.stringify(spec.message)}`;
  return null;
}

/** A JSON text parsed with objects as Maps, so key order survives (JS objects list "1" before "a"). */
export function parseOrdered(text: string): unknown {
  let i = 0;
  const ws = (): void => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const value = (): unknown => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      const map = new Map<string, unknown>();
      ws();
      if (text[i] === "}") return i++, map;
      for (;;) {
        ws();
        const key = value() as string;
        ws();
        i++; // ":"
        map.set(key, value());
        ws();
        if (text[i++] === "}") return map;
      }
    }
    if (ch === "[") {
      i++;
      const list: unknown[] = [];
      ws();
      if (text[i] === "]") return i++, list;
      for (;;) {
        list.push(value());
        ws();
        if (text[i++] === "]") return list;
      }
    }
    const m = /^(?:"(?:[^"\\]|\\.)*"|-?(?:Infinity|\d[\d.eE+-]*)|NaN|true|false|null)/.exec(text.slice(i)) as RegExpExecArray;
    i += m[0].length;
    if (m[0] === "NaN") return NaN;
    if (m[0].endsWith("Infinity")) return m[0].startsWith("-") ? -Infinity : Infinity;
    return JSON.parse(m[0]);
  };
  return value();
}
