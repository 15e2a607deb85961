// Cases for tests/python/fastapi_apps/cookie_params.py (docs_src/cookie_params).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "no cookie", method: "GET", path: "/items/", expect: 200 },
  { name: "ads_id", method: "GET", path: "/items/", cookies: { ads_id: "ads_track" }, expect: 200 },
  { name: "ads_id among others", method: "GET", path: "/items/", headers: [["cookie", "a=1; ads_id=xyz; b=2"]], expect: 200 },
  { name: "other cookies only", method: "GET", path: "/items/", cookies: { other: "1" }, expect: 200 },
  { name: "empty value", method: "GET", path: "/items/", headers: [["cookie", "ads_id="]], expect: 200 },
  { name: "quoted value is unquoted", method: "GET", path: "/items/", headers: [["cookie", 'ads_id="quoted value"']], expect: 200 },
  { name: "octal escapes in a quoted value", method: "GET", path: "/items/", headers: [["cookie", 'ads_id="a\\054b\\073c"']], expect: 200 },
  { name: "percent-encoding is kept", method: "GET", path: "/items/", headers: [["cookie", "ads_id=a%20b"]], expect: 200 },
  { name: "spaces around the value", method: "GET", path: "/items/", headers: [["cookie", "ads_id=  spaced  ; x=1"]], expect: 200 },
  { name: "duplicate cookie in one header: the last wins", method: "GET", path: "/items/", headers: [["cookie", "ads_id=first; ads_id=second"]], expect: 200 },
  { name: "two cookie headers: both are read, the last value wins", method: "GET", path: "/items/", headers: [["cookie", "ads_id=first"], ["cookie", "ads_id=second"]], expect: 200 },
  { name: "a chunk without = is a cookie with an empty name", method: "GET", path: "/items/", headers: [["cookie", "ads_id; x=1"]], expect: 200 },
  { name: "value with = inside", method: "GET", path: "/items/", headers: [["cookie", "ads_id=a=b=c"]], expect: 200 },
  { name: "cookie name is case-sensitive", method: "GET", path: "/items/", headers: [["cookie", "ADS_ID=upper"]], expect: 200 },
  { name: "a __proto__ cookie", method: "GET", path: "/items/", headers: [["cookie", "__proto__=x; ads_id=y"]], expect: 200 },
  { name: "non-ASCII value", method: "GET", path: "/items/", headers: [["cookie", "ads_id=caf\u00e9"]], expect: 200 },
  { name: "a 4000-character value", method: "GET", path: "/items/", cookies: { ads_id: "v".repeat(4000) }, expect: 200 },
  { name: "trailing semicolon", method: "GET", path: "/items/", headers: [["cookie", "ads_id=z;"]], expect: 200 },
];
