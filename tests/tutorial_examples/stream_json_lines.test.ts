// The samples of docs/tutorial/stream-json-lines.md: each TS app streams what its FastAPI twin
// streams, byte for byte, as application/jsonl.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/stream_json_lines/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/stream_json_lines/tutorial001",
    app: t001,
    requests: ["/items/stream", "/items/stream-no-async", "/items/stream-no-annotation", "/items/stream-no-async-no-annotation"].map((path) => ({ path })),
  },
]);

test.run();
