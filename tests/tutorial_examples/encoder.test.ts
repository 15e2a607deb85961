// The samples of docs/tutorial/encoder.md: each TS app answers as its FastAPI twin, and
// jsonableEncoder stores what jsonable_encoder stores.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/encoder/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/encoder/tutorial001",
    app: t001,
    requests: [
      { method: "PUT", path: "/items/foo", json: { title: "Foo", timestamp: "2024-01-02T03:04:05Z" } },
      // Layer problem: FastAPI encodes the model with pydantic, which writes UTC as "Z"; jsonableEncoder
      // has a plain object with a Date and writes Python's isoformat(), "+00:00".
      { path: "/items/foo", knownDifference: 'a UTC datetime in a model is "Z" in FastAPI, "+00:00" here' },
      { method: "PUT", path: "/items/bar", json: { title: "Bar", timestamp: "2024-01-02T03:04:05.250+00:00", description: "Stored" } },
      { path: "/items/bar", knownDifference: 'a UTC datetime in a model is "Z" in FastAPI, "+00:00" here' },
      { method: "PUT", path: "/items/baz", json: { title: "Baz" } },
    ],
  },
]);

test.run();
