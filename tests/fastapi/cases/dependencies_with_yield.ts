// Cases for tests/python/fastapi_apps/dependencies_with_yield.py (docs_src/dependencies,
// tutorial007-008e). Each request is followed by GET /events, the order in which setup,
// endpoint, exception handling and cleanup ran.
import type { Case } from "../differential.js";

const events: Case = { name: "", method: "GET", path: "/events", expect: 200 };
const then = (name: string): Case => ({ ...events, name: `events after: ${name}` });

const requests: Case[] = [
  { name: "t007: one dependency", method: "GET", path: "/t007/items/", expect: 200 },
  { name: "t008: a chain of three", method: "GET", path: "/t008/items/", expect: 200 },
  { name: "t008b: owned by Rick", method: "GET", path: "/t008b/items/portal-gun", expect: 200 },
  { name: "t008b: OwnerError turned into a 400", method: "GET", path: "/t008b/items/plumbus", expect: 400 },
  { name: "t008b: a 404 passes through the dependency", method: "GET", path: "/t008b/items/nope", expect: 404 },
  { name: "t008c: found", method: "GET", path: "/t008c/items/plumbus", expect: 200 },
  { name: "t008c: an exception swallowed by the dependency", method: "GET", path: "/t008c/items/portal-gun", expect: 500 },
  { name: "t008c: a 404", method: "GET", path: "/t008c/items/nope", expect: 404 },
  { name: "t008d: an exception re-raised by the dependency", method: "GET", path: "/t008d/items/portal-gun", expect: 500 },
  { name: "t008d: found", method: "GET", path: "/t008d/items/plumbus", expect: 200 },
  { name: "t008e: function scope closes before the background task", method: "GET", path: "/t008e/users/me", expect: 200 },
  { name: "t008e: request scope, for comparison", method: "GET", path: "/t008e/users/other", expect: 200 },
  { name: "re-raised HTTPException: found", method: "GET", path: "/reraise/ok", expect: 200 },
  { name: "re-raised HTTPException: 404", method: "GET", path: "/reraise/missing", expect: 404 },
  { name: "a streamed response inside a dependency with yield", method: "GET", path: "/generate?query=abc", expect: 200 },
  { name: "a validation error of the endpoint: the dependency still runs and closes", method: "GET", path: "/generate", expect: 422, exact: true },
];

export const cases: Case[] = [{ ...events, name: "no events at the start" }, ...requests.flatMap((c) => [c, then(c.name)])];
