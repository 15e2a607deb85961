// Port of the parts of starlette/_utils.py that are needed.
import type { Scope } from "./types.js";

/** The path below the app's root_path: what routes match against. */
export function getRoutePath(scope: Scope): string {
  const path = scope.path as string;
  const rootPath = scope.root_path;
  if (!rootPath || !path.startsWith(rootPath)) return path;
  if (path === rootPath) return "";
  if (path[rootPath.length] === "/") return path.slice(rootPath.length);
  return path;
}

/**
 * What a send returns when its message has already been taken: a caller that
 * sees this very promise may go on at once instead of a microtask later. Each
 * request passes through several sends, so the ticks add up.
 */
export const RESOLVED: Promise<void> = Promise.resolve();
