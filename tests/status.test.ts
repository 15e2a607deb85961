// No Python counterpart: the reason phrases Starlette takes from http.HTTPStatus.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { reasonPhrase } from "../src/status.js";

test("reason phrases follow Python's HTTPStatus", () => {
  assert.is(reasonPhrase(200), "OK");
  assert.is(reasonPhrase(404), "Not Found");
  assert.is(reasonPhrase(418), "I'm a Teapot");
  assert.is(reasonPhrase(413), "Content Too Large");
  assert.is(reasonPhrase(599), "");
});

test.run();
