// Port of FastAPI's `from fastapi import status` (starlette/status.py): the names derived from
// the core's reason phrases, the list checked against Starlette's own.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { status } from "../../src/fastapi/index.js";
import { reasonPhrase } from "../../src/status.js";
import { PYTHON, requirePython } from "../python.js";

const own = Object.entries(status) as Array<[string, number]>;

test("every HTTP_ name is HTTP_<code>_<its reason phrase in upper snake case>", () => {
  for (const [name, code] of own) {
    if (!name.startsWith("HTTP_") || code === 306) continue;
    const phrase = reasonPhrase(code);
    assert.ok(phrase !== "", `${name}: no reason phrase for ${code}`);
    assert.is(name, `HTTP_${code}_${phrase.toUpperCase().replaceAll("'", "").replace(/[^A-Z0-9]+/g, "_")}`);
  }
  // And every code with a phrase has its name.
  for (let code = 100; code < 600; code++) if (reasonPhrase(code) !== "") assert.ok(own.some(([, c]) => c === code), `no constant for ${code}`);
});

test("the names and values of Starlette's status.__all__, in its order", () => {
  if (!requirePython("starlette")) return;
  const script = "import json, starlette.status as s; print(json.dumps([[n, getattr(s, n)] for n in s.__all__]))";
  const result = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  assert.equal(own, JSON.parse(result.stdout));
});

test.run();
