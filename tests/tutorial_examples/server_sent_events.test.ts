// The samples of docs/tutorial/server-sent-events.md: each TS app streams what its FastAPI twin
// streams, byte for byte, as text/event-stream.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/server_sent_events/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/server_sent_events/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/server_sent_events/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/server_sent_events/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/server_sent_events/tutorial005.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/server_sent_events";
const sse = ["cache-control", "x-accel-buffering"];
// Layer problem: FastAPI writes a pydantic model given as an event's `data` with model_dump_json
// (compact: {"name":"Plumbus","price":32.99}) and anything else with json.dumps (spaced). The
// TS items are plain objects, so they come out spaced, as FastAPI writes dicts.
const modelData = "a pydantic model as data is compact JSON in FastAPI; a TS object is written as json.dumps writes a dict";

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: t001,
    requests: ["/items/stream", "/items/stream-no-async", "/items/stream-no-annotation", "/items/stream-no-async-no-annotation"].map((path) => ({ path, compareHeaders: sse })),
  },
  { module: `${dir}/tutorial002`, app: t002, requests: [{ path: "/items/stream", compareHeaders: sse, knownDifference: modelData }] },
  { module: `${dir}/tutorial003`, app: t003, requests: [{ path: "/logs/stream" }] },
  {
    module: `${dir}/tutorial004`,
    app: t004,
    requests: [
      { path: "/items/stream", knownDifference: modelData },
      { path: "/items/stream", headers: { "Last-Event-ID": "0" }, knownDifference: modelData },
      { path: "/items/stream", headers: { "Last-Event-ID": "x" } },
    ],
  },
  {
    module: `${dir}/tutorial005`,
    app: t005,
    requests: [
      { method: "POST", path: "/chat/stream", json: { text: "Hello  Portal\tGun\n" } },
      { method: "POST", path: "/chat/stream", json: {} },
    ],
  },
]);

test.run();
