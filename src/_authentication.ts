// request.user and request.auth as requests.ts sees them, without importing
// authentication.ts (which imports requests.ts): their shapes, and the error
// when no AuthenticationMiddleware put them in the scope. The classes are
// authentication.ts's.
import type { Scope } from "./types.js";

/** What `request.user` holds: a user as AuthenticationMiddleware's backend made it. */
export interface BaseUser {
  readonly isAuthenticated: boolean;
  readonly displayName: string;
  readonly identity: string;
}

/** What `request.auth` holds: the scopes the request was granted. */
export interface AuthCredentials {
  readonly scopes: readonly string[];
}

// Starlette's sentence first; when the app does have an AuthenticationMiddleware
// that simply runs inside this caller, a second line says so and how to fix it.
export function missingAuthMessage(scope: Scope, name: "user" | "auth"): string {
  const message = `AuthenticationMiddleware must be installed to access request.${name}`;
  const app = scope.app as { userMiddleware?: ReadonlyArray<{ cls: unknown }> } | undefined;
  if (!app?.userMiddleware?.some((m) => isAuthenticationMiddleware(m.cls))) return message;
  return (
    message +
    `\nThis app has an AuthenticationMiddleware, but it runs inside the code that read request.${name} ` +
    "(the last middleware added runs first). Add AuthenticationMiddleware after the middleware that reads " +
    `request.${name}, so that it wraps it.`
  );
}

// By name along the class chain (requests.ts may not import the middleware): subclasses count.
function isAuthenticationMiddleware(cls: unknown): boolean {
  for (let c = cls; typeof c === "function"; c = Object.getPrototypeOf(c)) if (c.name === "AuthenticationMiddleware") return true;
  return false;
}
