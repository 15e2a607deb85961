// Port of fastapi/utils.py's is_body_allowed_for_status_code, deep_dict_update and
// generate_unique_id, checked against FastAPI's own.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { deepDictUpdate, generateUniqueId, isBodyAllowedForStatusCode, pythonName, pythonTitle } from "../../src/fastapi/utils.js";
import { PYTHON, requirePython } from "../python.js";

const CODES: Array<number | string | null> = [null, 100, 199, 200, 204, 205, 206, 304, 307, 404, "default", "1XX", "2XX", "5XX", "204", "200"];

test("is_body_allowed_for_status_code: numbers, their text, ranges and default", () => {
  const ours = CODES.map((code) => isBodyAllowedForStatusCode(code));
  assert.equal(ours.slice(0, 4), [true, false, false, true]);
  if (!requirePython("fastapi")) return;
  const script = "import json, sys\nfrom fastapi.utils import is_body_allowed_for_status_code as f\nprint(json.dumps([f(c) for c in json.load(sys.stdin)]))";
  const result = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(CODES), encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  assert.equal(ours, JSON.parse(result.stdout));
});

test("deep_dict_update: dicts merged, lists concatenated, the rest replaced, as FastAPI's", () => {
  const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
    [{ a: { b: 1, c: [1] }, d: "x" }, { a: { b: 2, c: [2], e: { f: null } }, d: { now: "a dict" }, g: [3] }],
    [{ a: [1], b: { c: 1 } }, { a: { not: "a list" }, b: [1] }],
    [{}, { ["__proto__"]: { polluted: true } }],
  ];
  const ours = cases.map(([main, update]) => {
    const copy = structuredClone(main);
    deepDictUpdate(copy, update);
    return copy;
  });
  assert.equal(ours[0], { a: { b: 2, c: [1, 2], e: { f: null } }, d: { now: "a dict" }, g: [3] });
  assert.ok(Object.hasOwn(ours[2], "__proto__") && ({} as Record<string, unknown>).polluted === undefined, "a __proto__ key is data");
  if (!requirePython("fastapi")) return;
  const script = "import json, sys\nfrom fastapi.utils import deep_dict_update\nout = []\nfor main, update in json.load(sys.stdin):\n    deep_dict_update(main, update)\n    out.append(main)\nprint(json.dumps(out))";
  const result = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(cases), encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  assert.equal(JSON.parse(JSON.stringify(ours)), JSON.parse(result.stdout));
});

test("generate_unique_id and str.title(): a handler's name as FastAPI would write the Python function's", () => {
  const names = ["read_item", "readItem", "readItems002", "getItem008b", "oauth2Login", "getHTTPStatus", "main002", "bound readItem", "", "Ünïcode_ok", "x"];
  const route = (name: string) => ({ name, compiled: { format: "/items/{item_id}" }, methods: new Set(["GET"]) });
  const ids = names.map((n) => generateUniqueId(route(n)));
  assert.equal(ids.slice(0, 9), [
    "read_item_items__item_id__get",
    "read_item_items__item_id__get",
    "read_items_002_items__item_id__get",
    "get_item_008b_items__item_id__get",
    "oauth2_login_items__item_id__get",
    "get_http_status_items__item_id__get",
    "main_002_items__item_id__get",
    "read_item_items__item_id__get",
    "_lambda__items__item_id__get",
  ]);
  const titles = ["read item", "item_id2x", "x-token", "ÉTÉ été_ß", "ßa", "o'neil"];
  if (!requirePython("fastapi")) return;
  // FastAPI's own generate_unique_id for the snake_case names, and Python's title().
  const script =
    "import json, sys, re\nfrom fastapi.utils import generate_unique_id\nclass R:\n  def __init__(s, n): s.name, s.path_format, s.methods = n, '/items/{item_id}', {'GET'}\n" +
    "names, titles = json.load(sys.stdin)\nprint(json.dumps([[generate_unique_id(R(n)) for n in names], [t.title() for t in titles]]))";
  const snake = ["read_item", "read_item", "read_items_002", "get_item_008b", "oauth2_login", "get_http_status", "main_002", "read_item", "<lambda>", "Ünïcode_ok", "x"];
  const result = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify([snake, titles]), encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  const [theirIds, theirTitles] = JSON.parse(result.stdout) as [string[], string[]];
  assert.equal(ids, theirIds);
  assert.equal(titles.map(pythonTitle), theirTitles);
  assert.equal(names.map(pythonName), snake);
});

test.run();
