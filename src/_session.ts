// request.session as requests.ts sees it, without importing the middleware
// (which imports requests.ts): the shape of the session, and the error when no
// SessionMiddleware put one in the scope. The class is middleware/sessions.ts's.
import type { Scope } from "./types.js";

/** What `request.session` holds: a Map with Python's dict operations that tracks reads and writes. */
export interface Session extends Map<string, unknown> {
  /** Read during this request (Starlette then adds `Vary: Cookie`). */
  accessed: boolean;
  /** Changed during this request (Starlette then sends the cookie). */
  modified: boolean;
  markAccessed(): void;
  markModified(): void;
  /** The value, or `defaultValue` (null unless given) when the key is missing: Python's dict.get. */
  get<T = unknown>(key: string, defaultValue?: T | null): T | null;
  /** Remove a key and return its value (or the default). */
  pop<T = unknown>(key: string, defaultValue?: T | null): T | null;
  /** The value of `key`, setting it to `defaultValue` first if it is missing. */
  setdefault<T = unknown>(key: string, defaultValue: T): T;
  /** Set several keys at once (always counts as a change, as in Starlette). */
  update(values: Record<string, unknown> | Iterable<readonly [string, unknown]>): void;
  /** A plain copy, Python's `dict(session)`. */
  toObject(): Record<string, unknown>;
  toJSON(): Record<string, unknown>;
}

const MISSING_SESSION = "SessionMiddleware must be installed to access request.session";

// Starlette's sentence first; when the app does have a SessionMiddleware that
// simply runs inside this caller, a second line says so and how to fix it.
export function missingSessionMessage(scope: Scope): string {
  const app = scope.app as { userMiddleware?: ReadonlyArray<{ cls: unknown }> } | undefined;
  if (!app?.userMiddleware?.some((m) => isSessionMiddleware(m.cls))) return MISSING_SESSION;
  return (
    MISSING_SESSION +
    "\nThis app has a SessionMiddleware, but it runs inside the code that read request.session " +
    "(the last middleware added runs first). Add SessionMiddleware after the middleware that reads " +
    "the session, so that it wraps it."
  );
}

// By name along the class chain (requests.ts may not import the middleware): subclasses count.
function isSessionMiddleware(cls: unknown): boolean {
  for (let c = cls; typeof c === "function"; c = Object.getPrototypeOf(c)) if (c.name === "SessionMiddleware") return true;
  return false;
}
