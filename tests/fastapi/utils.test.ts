// Port of fastapi/utils.py's is_body_allowed_for_status_code, checked against FastAPI's own.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { isBodyAllowedForStatusCode } from "../../src/fastapi/utils.js";
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

test.run();
