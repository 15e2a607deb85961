// The samples of docs/tutorial/testing.md: each TS app answers as its FastAPI twin, the TS
// samples' test functions pass, and so do the Python samples' (run by testing_python_tests.py).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as t001 from "../../examples/tutorial/testing/tutorial001.js";
import * as t002 from "../../examples/tutorial/testing/tutorial002.js";
import { app as main } from "../../examples/tutorial/testing/app/main.js";
import * as testMain from "../../examples/tutorial/testing/app/test_main.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/testing";
const token = { "X-Token": "coneofsilence" };
const overridden: Exchange[] = [{ path: "/items/" }, { path: "/items/?q=foo" }, { path: "/items/?q=foo&skip=100&limit=200" }, { path: "/users/?q=bar" }];

const python = comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001.app, requests: [{ path: "/" }] },
  { module: `${dir}/tutorial002`, app: t002.app, requests: overridden },
  {
    module: `${dir}/app/main`,
    pythonModule: `${dir}/app_py/main.py`,
    app: main,
    requests: [
      { path: "/items/foo", headers: token },
      { path: "/items/foo", headers: { "X-Token": "hailhydra" } },
      { path: "/items/baz", headers: token },
      { path: "/items/foo" },
      // Not the ids test_main creates: the TS module (and its fake_db) is the one its tests use.
      { method: "POST", path: "/items/", headers: token, json: { id: "bazz", title: "Bazz", description: "Drop the bazz" } },
      { method: "POST", path: "/items/", headers: token, json: { id: "bazz", title: "Again" } },
      { path: "/items/bazz", headers: token },
      { method: "POST", path: "/items/", headers: token, json: { id: "plain", title: "No description" } },
    ],
  },
  // The Python samples' own test functions, run by this module as it loads.
  { module: "tests/tutorial_examples/testing_python_tests", app: null, requests: [{ path: "/" }] },
]);

test("the TS samples' test functions pass", async () => {
  const suites: Array<Record<string, unknown>> = [t001, t002, testMain];
  let ran = 0;
  for (const suite of suites) {
    for (const [name, fn] of Object.entries(suite)) {
      if (!name.startsWith("test") || typeof fn !== "function") continue;
      await (fn as () => Promise<void>)();
      ran++;
    }
  }
  assert.is(ran, 10, "1 + 3 + 6 test functions");
});

test("the Python samples' test functions pass", () => {
  if (python === null) return;
  const outcome = JSON.parse(python[3][0].body) as Record<string, string>;
  assert.is(Object.keys(outcome).length, 10, "1 + 3 + 6 test functions");
  for (const [name, result] of Object.entries(outcome)) assert.is(result, "passed", name);
});

test.run();
