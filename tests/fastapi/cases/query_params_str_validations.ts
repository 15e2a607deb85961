// Cases for tests/python/fastapi_apps/query_params_str_validations.py
// (docs_src/query_params_str_validations). String lengths count code points, as Python
// does: "😀😀" is two characters there (four UTF-16 units in JS).
import type { Case } from "../differential.js";

const fifty = "a".repeat(50);

export const cases: Case[] = [
  { name: "t001: no q", method: "GET", path: "/t001/items/", expect: 200 },
  { name: "t001: q", method: "GET", path: "/t001/items/?q=foo", expect: 200 },
  // max_length=50
  { name: "t002: 50 characters", method: "GET", path: `/t002/items/?q=${fifty}`, expect: 200 },
  { name: "t002: 51 characters", method: "GET", path: `/t002/items/?q=${fifty}b`, expect: 422, exact: true },
  { name: "t002: 50 two-byte characters fit", method: "GET", path: `/t002/items/?q=${"%C3%A9".repeat(50)}`, expect: 200 },
  // min_length=3, max_length=50
  { name: "t003: too short", method: "GET", path: "/t003/items/?q=ab", expect: 422, exact: true },
  { name: "t003: three characters", method: "GET", path: "/t003/items/?q=abc", expect: 200 },
  { name: "t003: two emoji are two characters", method: "GET", path: "/t003/items/?q=%F0%9F%98%80%F0%9F%98%80", expect: 422, exact: true },
  { name: "t003: three emoji are three characters", method: "GET", path: "/t003/items/?q=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80", expect: 200 },
  { name: "t003: an empty q is checked too", method: "GET", path: "/t003/items/?q=", expect: 422, exact: true },
  // pattern
  { name: "t004: fixedquery", method: "GET", path: "/t004/items/?q=fixedquery", expect: 200 },
  { name: "t004: pattern mismatch", method: "GET", path: "/t004/items/?q=nonfixedquery", expect: 422, exact: true },
  { name: "t004: too short and off-pattern: only min_length is reported", method: "GET", path: "/t004/items/?q=fi", expect: 422, exact: true },
  { name: "t004: a trailing newline does not match $", method: "GET", path: "/t004/items/?q=fixedquery%0A", expect: 422, exact: true },
  // default
  { name: "t005: default", method: "GET", path: "/t005/items/", expect: 200 },
  { name: "t005: too short", method: "GET", path: "/t005/items/?q=ab", expect: 422, exact: true },
  // required
  { name: "t006: missing", method: "GET", path: "/t006/items/", expect: 422, exact: true },
  { name: "t006: given", method: "GET", path: "/t006/items/?q=abc", expect: 200 },
  { name: "t006c: required though it may be None", method: "GET", path: "/t006c/items/", expect: 422, exact: true },
  { name: "t006c: given", method: "GET", path: "/t006c/items/?q=abcd", expect: 200 },
  { name: "t007: too short", method: "GET", path: "/t007/items/?q=a", expect: 422, exact: true },
  { name: "t008: given", method: "GET", path: "/t008/items/?q=query", expect: 200 },
  // alias
  { name: "t009: alias", method: "GET", path: "/t009/items/?item-query=foo", expect: 200 },
  { name: "t009: the parameter's own name is ignored", method: "GET", path: "/t009/items/?q=foo", expect: 200 },
  { name: "t010: alias, deprecated, pattern", method: "GET", path: "/t010/items/?item-query=fixedquery", expect: 200 },
  { name: "t010: alias with a bad value", method: "GET", path: "/t010/items/?item-query=nonfixedquery", expect: 422, exact: true },
  // lists
  { name: "t011: several q", method: "GET", path: "/t011/items/?q=foo&q=bar", expect: 200 },
  { name: "t011: one q is a list of one", method: "GET", path: "/t011/items/?q=foo", expect: 200 },
  { name: "t011: no q", method: "GET", path: "/t011/items/", expect: 200 },
  { name: "t011: empty values kept", method: "GET", path: "/t011/items/?q=&q=x", expect: 200 },
  { name: "t012: default list", method: "GET", path: "/t012/items/", expect: 200 },
  { name: "t012: given list", method: "GET", path: "/t012/items/?q=baz", expect: 200 },
  { name: "t013: bare list", method: "GET", path: "/t013/items/?q=1&q=2", expect: 200 },
  { name: "t013: bare list default", method: "GET", path: "/t013/items/", expect: 200 },
  // include_in_schema=False still works
  { name: "t014: hidden query", method: "GET", path: "/t014/items/?hidden_query=bar", expect: 200 },
  { name: "t014: hidden query absent", method: "GET", path: "/t014/items/", expect: 200 },
  // AfterValidator
  { name: "t015: isbn found", method: "GET", path: "/t015/items/?id=isbn-9781529046137", expect: 200 },
  { name: "t015: imdb not found", method: "GET", path: "/t015/items/?id=imdb-tt0000000", expect: 200 },
  { name: "t015: invalid id", method: "GET", path: "/t015/items/?id=foo", expect: 422, compare: "status+loc" },
  { name: "t015: no id", method: "GET", path: "/t015/items/", expect: 200 },
  { name: "openapi: deprecated, include_in_schema, alias, constraints", method: "GET", path: "/openapi.json", expect: 200, ignoreKeyOrder: true },
];
