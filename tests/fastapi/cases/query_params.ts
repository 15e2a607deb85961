// Cases for tests/python/fastapi_apps/query_params.py (docs_src/query_params).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001: defaults
  { name: "defaults", method: "GET", path: "/items/", expect: 200 },
  { name: "skip and limit", method: "GET", path: "/items/?skip=1&limit=1", expect: 200 },
  { name: "skip past the end", method: "GET", path: "/items/?skip=20", expect: 200 },
  { name: "negative skip slices from the end, as Python does", method: "GET", path: "/items/?skip=-1", expect: 200 },
  { name: "negative limit", method: "GET", path: "/items/?limit=-1", expect: 200 },
  { name: "skip not an int", method: "GET", path: "/items/?skip=x", expect: 422, exact: true },
  { name: "skip and limit both wrong: two errors", method: "GET", path: "/items/?skip=x&limit=1.5", expect: 422, exact: true },
  { name: "empty skip", method: "GET", path: "/items/?skip=", expect: 422, exact: true },
  { name: "duplicate skip: the last wins", method: "GET", path: "/items/?skip=0&skip=2", expect: 200 },
  { name: "unknown parameters are ignored", method: "GET", path: "/items/?other=1&__proto__=x", expect: 200 },
  { name: "no trailing slash redirects, query kept", method: "GET", path: "/items?skip=1", expect: 307 },
  // tutorial002: optional
  { name: "optional q absent", method: "GET", path: "/t002/items/foo", expect: 200 },
  { name: "optional q present", method: "GET", path: "/t002/items/foo?q=bar", expect: 200 },
  { name: "optional q empty is falsy", method: "GET", path: "/t002/items/foo?q=", expect: 200 },
  { name: "q with + and percent-encoding", method: "GET", path: "/t002/items/foo?q=a+b%26c%3Dd%C3%A9", expect: 200 },
  { name: "q without =", method: "GET", path: "/t002/items/foo?q", expect: 200 },
  // tutorial003: bool
  { name: "short=1", method: "GET", path: "/t003/items/foo?short=1", expect: 200 },
  { name: "short=True", method: "GET", path: "/t003/items/foo?short=True", expect: 200 },
  { name: "short=true", method: "GET", path: "/t003/items/foo?short=true", expect: 200 },
  { name: "short=on", method: "GET", path: "/t003/items/foo?short=on", expect: 200 },
  { name: "short=yes", method: "GET", path: "/t003/items/foo?short=yes", expect: 200 },
  { name: "short=YES", method: "GET", path: "/t003/items/foo?short=YES", expect: 200 },
  { name: "short=0", method: "GET", path: "/t003/items/foo?short=0", expect: 200 },
  { name: "short=off", method: "GET", path: "/t003/items/foo?short=off", expect: 200 },
  { name: "short=f", method: "GET", path: "/t003/items/foo?short=f", expect: 200 },
  { name: "short=n", method: "GET", path: "/t003/items/foo?short=n", expect: 200 },
  { name: "short=maybe", method: "GET", path: "/t003/items/foo?short=maybe", expect: 422, exact: true },
  { name: "short=2", method: "GET", path: "/t003/items/foo?short=2", expect: 422, exact: true },
  { name: "short empty", method: "GET", path: "/t003/items/foo?short=", expect: 422, exact: true },
  { name: "q and short", method: "GET", path: "/t003/items/foo?q=x&short=false", expect: 200 },
  // tutorial004: several path and query parameters
  { name: "user and item", method: "GET", path: "/users/3/items/foo?q=x&short=true", expect: 200 },
  { name: "user not an int", method: "GET", path: "/users/abc/items/foo", expect: 422, exact: true },
  // tutorial005: required
  { name: "needy given", method: "GET", path: "/t005/items/foo?needy=sooooneedy", expect: 200 },
  { name: "needy missing", method: "GET", path: "/t005/items/foo", expect: 422, exact: true },
  { name: "needy empty string is given", method: "GET", path: "/t005/items/foo?needy=", expect: 200 },
  // tutorial006
  { name: "needy, skip, limit", method: "GET", path: "/t006/items/foo?needy=n&skip=1&limit=2", expect: 200 },
  { name: "limit defaults to null", method: "GET", path: "/t006/items/foo?needy=n", expect: 200 },
  { name: "needy missing and skip wrong: two errors", method: "GET", path: "/t006/items/foo?skip=a&limit=b", expect: 422, exact: true },
  { name: "needy missing only", method: "GET", path: "/t006/items/foo?skip=1", expect: 422, exact: true },
];
