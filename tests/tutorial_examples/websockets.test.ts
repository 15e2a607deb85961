// The samples of docs/websockets.md and docs/advanced/testing-websockets.md: each TS app and its
// Python twin (FastAPI or Starlette, in process with Starlette's TestClient through
// tests/python/run_example.py, one Python process for the file) run the same client scripts
// (tests/fastapi/websockets_script.ts); the client must see the same thing from both: HTTP
// answers, messages, accepted subprotocol and headers, closes and their reasons, and what the
// app printed.
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ASGIAppLike } from "../../src/types.js";
import * as starlette001 from "../../examples/websockets/starlette001.js";
import * as testing001 from "../../examples/websockets/testing001.js";
import { app as t001 } from "../../examples/websockets/tutorial001.js";
import { app as t002 } from "../../examples/websockets/tutorial002.js";
import { app as t003 } from "../../examples/websockets/tutorial003.js";
import { app as t004 } from "../../examples/websockets/tutorial004.js";
import { pythonScripts, runScripts, type Step } from "../fastapi/websockets_script.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = "examples/websockets";

const receive = (ws: string, n: number): Step[] => Array.from({ length: n }, () => ({ ws, receive_text: true }) as const);

/** A chat of two messages on one connection, then the client leaves. */
function chat(path: string, perMessage: number, connect: Partial<Extract<Step, { connect: string }>> = {}): Step[] {
  return [
    { connect: "a", path, ...connect },
    { ws: "a", send_text: "Message one" },
    ...receive("a", perMessage),
    { ws: "a", send_text: "Message two" },
    ...receive("a", perMessage),
    { exit: "a" },
  ];
}

const samples: Array<{ module: string; app: ASGIAppLike; scripts: Step[][] }> = [
  { module: `${dir}/tutorial001`, app: t001, scripts: [[{ http: "/" }], chat("/ws", 1)] },
  {
    module: `${dir}/tutorial002`,
    app: t002,
    scripts: [
      [{ http: "/" }],
      chat("/items/foo/ws", 2, { cookies: { session: "fakesession" } }),
      chat("/items/bar/ws?token=some-token", 2),
      chat("/items/2/ws?q=3&token=some-token", 3),
      [{ connect: "a", path: "/items/foo/ws" }],
      [{ connect: "a", path: "/items/foo/ws?q=bar&token=some-token" }],
    ],
  },
  {
    module: `${dir}/tutorial003`,
    app: t003,
    scripts: [
      [{ http: "/" }],
      [
        { connect: "one", path: "/ws/1234" },
        { connect: "two", path: "/ws/5678" },
        { ws: "one", send_text: "Hello from 1234" },
        ...receive("one", 2),
        ...receive("two", 1),
        { ws: "two", close: null },
        ...receive("one", 1),
        { exit: "two" },
        { exit: "one" },
      ],
      [{ connect: "a", path: "/ws/not-a-number" }],
    ],
  },
  {
    module: `${dir}/tutorial004`,
    app: t004,
    scripts: [
      [{ connect: "a", path: "/chat" }],
      [
        { http: { method: "POST", path: "/login", json: { username: "alice" } } },
        { connect: "alice", path: "/chat" },
        ...receive("alice", 1),
        { http: { method: "POST", path: "/login", json: { username: "bob" } } },
        { connect: "bob", path: "/chat" },
        ...receive("alice", 1),
        ...receive("bob", 1),
        { ws: "bob", send_text: "Hi Alice" },
        ...receive("alice", 1),
        ...receive("bob", 1),
        { ws: "alice", close: 1001 },
        ...receive("bob", 1),
        { exit: "alice" },
        { exit: "bob" },
      ],
    ],
  },
  {
    module: `${dir}/testing001`,
    app: testing001.app,
    scripts: [[{ http: "/" }, { connect: "a", path: "/ws" }, { ws: "a", receive_json: true }, { ws: "a", receive: true }, { exit: "a" }]],
  },
  {
    module: `${dir}/starlette001`,
    app: starlette001.app,
    scripts: [
      [
        { connect: "a", path: "/shout", subprotocols: ["other", "shout.v1"] },
        { ws: "a", send_text: "hello" },
        ...receive("a", 1),
        { ws: "a", send_text: "bye" },
        ...receive("a", 1),
        { exit: "a" },
      ],
      [{ connect: "a", path: "/shout" }, { ws: "a", close: 1001 }, { exit: "a" }],
      [
        { connect: "a", path: "/counter" },
        { ws: "a", send_json: { add: 2 } },
        { ws: "a", receive_json: true },
        { ws: "a", send_json: { add: 3 } },
        { ws: "a", receive_json: true },
        { ws: "a", close: 4001 },
        { exit: "a" },
      ],
    ],
  },
];

const python = pythonScripts(samples.map(({ module, scripts }) => ({ module: `${ROOT}${module}.py`, scripts })));

samples.forEach(({ module, app, scripts }, i) => {
  test(`${module}.ts answers as ${module}.py`, async () => {
    const ts = await runScripts(app, scripts);
    if (python === null) return;
    ts.forEach((result, j) => {
      const py = python[i][j];
      const where = `${module}, script ${j}: ${JSON.stringify(scripts[j])}`;
      assert.equal(result.script, py.script, `${where}\nTS saw ${JSON.stringify(result.script)}\nPython: ${JSON.stringify(py.script)}`);
      assert.is(result.printed, py.printed, `${where}: printed`);
    });
  });
});

// The TS sample's own tests, as `pytest` runs the Python one's.
test("examples/websockets/testing001.ts: its tests pass", async () => {
  await testing001.testReadMain();
  await testing001.testWebsocket();
});

test.run();
