// Port of fastapi/security/utils.py's behaviour: get_authorization_scheme_param, and the
// whitespace of Python's str.strip() and str.split() that it and the password form use, each
// compared with the venv's FastAPI on the same inputs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getAuthorizationSchemeParam, pySplit, pyStrip } from "../../../src/fastapi/security/utils.js";
import { requirePython } from "../../python.js";
import { askFastAPI } from "./_oracle.js";

// Every character Python or JavaScript counts as whitespace, and a few neighbours.
const SPACES = ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85", "\xa0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u200b", "\x00", "\x08", "\x0e", "\x1b", "\x7f"];

const HEADERS: Array<string | null> = [
  null,
  "",
  "Bearer",
  "Bearer ",
  "Bearer  ",
  "Bearer token",
  "Bearer  token ",
  "bearer token with spaces",
  " Bearer token",
  "Basic\tam9objpzZWNyZXQ=",
  "Other  foobar ",
  ...SPACES.map((c) => `Bearer ${c}tok${c}en${c}`),
  ...SPACES.map((c) => `Bearer${c}token`),
];

const SCOPES = ["", " ", "me", "me items", "  me   items  ", "items:read items:write users:read profile openid", ...SPACES.map((c) => `${c}a${c}${c}b${c}`)];

if (requirePython("fastapi")) {
  const fastapi = askFastAPI({ param: HEADERS, split: SCOPES });

  test("getAuthorizationSchemeParam splits as get_authorization_scheme_param", () => {
    HEADERS.forEach((h, i) => assert.equal({ ok: getAuthorizationSchemeParam(h) }, fastapi.param[i], JSON.stringify(h)));
  });

  test("pySplit splits as str.split()", () => {
    SCOPES.forEach((s, i) => assert.equal({ ok: pySplit(s) }, fastapi.split[i], JSON.stringify(s)));
  });
}

test("getAuthorizationSchemeParam: no header gives two empty strings", () => {
  assert.equal(getAuthorizationSchemeParam(undefined), ["", ""]);
  assert.equal(getAuthorizationSchemeParam(null), ["", ""]);
  assert.equal(getAuthorizationSchemeParam("Bearer  abc "), ["Bearer", "abc"]);
});

test("pyStrip strips Python's whitespace, not JavaScript's \\ufeff", () => {
  assert.is(pyStrip("\x1c\x85 a b\xa0\u3000"), "a b");
  assert.is(pyStrip("\ufeffa\ufeff"), "\ufeffa\ufeff");
  assert.equal(pySplit(" \x1fa\x85b\ufeffc "), ["a", "b\ufeffc"]);
});

test.run();
