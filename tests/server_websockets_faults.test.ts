// No Python counterpart: serve()'s websockets under faults, seen by clients no one here wrote
// (the `ws` package's client, and raw TCP for what no client will send): abrupt disconnects,
// a handler that throws, oversize and invalid frames, a flood of connections, shutdown with
// 1012, keepalive pings and their timeout, backpressure both ways, handshakes websockets
// refuses. Where uvicorn 0.54 can be asked (serving tests/python/fastapi_apps/_ws_twin.py),
// it is, and what the client saw must be the same. After each test no socket, timer or
// listener of the test's is left (counted).
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { request } from "node:http";
import { connect as tcpConnect, type Socket } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import WebSocket from "ws";
import type { ServeOptions, ServerHandle } from "../src/server.js";
import type { Message, Receive, Scope, Send } from "../src/types.js";
import { pythonHas } from "./python.js";
import { connections, eventually, handshake, rawExchange, startServe, startUvicorn, type Running } from "./websocket_servers.js";
import { eventsOf } from "./websocket_twin.js";

// uvicorn comparisons run where the venv is; CI must have it (requirePython's rule, without its failure here:
// the serve() half of each test runs everywhere).
const UVICORN = pythonHas("websockets", "uvicorn");
if (!UVICORN) {
  if (process.env.CI) throw new Error("CI must build .venv-py with uvicorn and websockets (see .ci/run)");
  console.warn("(uvicorn comparisons not run: .venv-py cannot import uvicorn, websockets)");
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let serial = 0;
const newKey = (): string => `k${process.pid}x${++serial}`;

interface Closed {
  code: number;
  reason: string;
}

/** A `ws` client, compression off unless asked (frames written raw must not carry RSV1). */
async function open(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
  await once(ws, "open");
  return ws;
}

function closedOf(ws: WebSocket): Promise<Closed> {
  return new Promise((resolve) => ws.once("close", (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
}

function nextMessage(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once("message", (data: Buffer) => resolve(data.toString())));
}

/** A handshake, then `first` sent: the HTTP status if refused, else how the connection closed. */
function attempt(url: string, first: string): Promise<{ status: number; closed?: Closed }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once("unexpected-response", (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode as number });
      ws.terminate();
    });
    ws.once("error", () => undefined);
    ws.once("open", () => {
      ws.send(first);
      ws.once("message", () => ws.close(1000));
      ws.once("close", (code: number, reason: Buffer) => resolve({ status: 101, closed: { code, reason: reason.toString() } }));
    });
  });
}

/** What the twin's connection `key` received, asked of the server as the Python client does. */
async function report(url: string, key: string): Promise<Array<Record<string, unknown>>> {
  for (let i = 0; i < 50; i++) {
    // Listening before the handshake completes: the report may come in the 101's packet.
    const ws = new WebSocket(`${url}/report?key=${key}`, { perMessageDeflate: false });
    const [message, closed] = [nextMessage(ws), closedOf(ws)];
    const events = JSON.parse(await message) as Array<Record<string, unknown>>;
    await closed;
    if (events.length > 0 && events[events.length - 1].type === "websocket.disconnect") return events;
    await sleep(20);
  }
  throw new Error(`no disconnect reported for ${key}`);
}

/** A masked client frame (RFC 6455 5.2), for what a conforming client will not send. */
function frame(opcode: number, payload: Buffer): Buffer {
  assert.ok(payload.length < 65536, "frames under 64 KiB only");
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, masked]);
}

function httpGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode as number, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs `body` against serve() (the twin unless given an app), then closes the server and checks
 * nothing is left: no connection while serving once the clients are gone, and the process's
 * sockets, timers and signal listeners back to what they were.
 */
async function withServe(options: ServeOptions, body: (server: Running & { handle: ServerHandle }) => Promise<void>, app?: (scope: Scope, receive: Receive, send: Send) => Promise<void>): Promise<void> {
  const before = resources();
  const listeners = SIGNALS.map((s) => process.listenerCount(s));
  const server = await startServe(options, app);
  try {
    await body(server);
    await eventually(async () => (await connections(server.handle)) === 0, "the server's connections to close");
  } finally {
    await server.close();
  }
  await eventually(() => resources() <= before, `the process's handles back to ${before}: ${process.getActiveResourcesInfo().join(", ")}`);
  assert.equal(SIGNALS.map((s) => process.listenerCount(s)), listeners, "no signal listener left");
}

function resources(): number {
  return process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;
}

async function withUvicorn(args: string[], body: (server: Running) => Promise<void>): Promise<void> {
  const server = await startUvicorn(args);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/** Runs the same client code against uvicorn (where it can) and serve(); gives [uvicorn's, serve()'s]. */
async function both<T>(options: ServeOptions, args: string[], body: (server: Running) => Promise<T>): Promise<[T | undefined, T]> {
  let python: T | undefined;
  if (UVICORN) await withUvicorn(args, async (server) => void (python = await body(server)));
  let ours: T | undefined;
  await withServe(options, async (server) => void (ours = await body(server)));
  return [python, ours as T];
}

function same<T>(python: T | undefined, ours: T, what: string): void {
  if (python !== undefined) assert.equal(ours, python, `${what}: serve() as uvicorn`);
}

// ---- abrupt disconnects

test("a client that drops its connection after the handshake: the app sees websocket.disconnect 1005, as under uvicorn", async () => {
  const [python, ours] = await both({}, [], async ({ url }) => {
    const key = newKey();
    const ws = await open(`${url}/echo?key=${key}`);
    ws.send("hi");
    assert.is(await nextMessage(ws), "hi");
    ws.terminate(); // no close frame: the TCP connection just ends
    const events = await report(url, key);
    return events[events.length - 1];
  });
  assert.equal(ours, { type: "websocket.disconnect", code: 1005 });
  same(python, ours, "abrupt");
});

test("a client that drops its connection during the handshake (FIN or RST): the app's receive gives 1006 and its accept raises", async () => {
  for (const reset of [false, true]) {
    let arrived!: () => void;
    const connected = new Promise<void>((r) => (arrived = r));
    let gone!: () => void;
    const dropped = new Promise<void>((r) => (gone = r));
    const seen: unknown[] = [];
    const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
      if (scope.type !== "websocket") return;
      seen.push(await receive());
      arrived();
      await dropped;
      seen.push(await receive());
      await send({ type: "websocket.accept" }).catch((exc: Error) => seen.push(exc.name));
    };
    await withServe({}, async ({ port, handle }) => {
      const socket = tcpConnect({ host: "127.0.0.1", port }, () => socket.write(handshake("/ws")));
      socket.on("error", () => undefined);
      await connected;
      // An RST (an 'error' on the server's socket) or a plain FIN.
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
      await eventually(async () => (await connections(handle)) === 0, "the socket to close");
      gone();
      await eventually(() => seen.length === 3, "the app to finish");
      assert.equal(seen, [{ type: "websocket.connect" }, { type: "websocket.disconnect", code: 1006 }, "ClientDisconnected"]);
    }, app);
  }
});

test("a client gone between the app's accept and the 101: the app is told 1006 and ws drops the socket", async () => {
  let ended!: () => void;
  const halfClosed = new Promise<void>((r) => (ended = r));
  const seen: unknown[] = [];
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "websocket") return;
    await receive();
    await halfClosed;
    await send({ type: "websocket.accept" });
    seen.push(await receive());
    await send({ type: "websocket.send", text: "late" }).catch((exc: Error) => seen.push(exc.name));
  };
  await withServe({}, async ({ port, handle }) => {
    // The server's socket ends its side as soon as the client's FIN arrives (no half-open sockets):
    // the accept that follows finds it no longer writable.
    handle.server.once("upgrade", (_req, socket: Socket) => socket.once("end", () => setImmediate(ended)));
    const socket = tcpConnect({ host: "127.0.0.1", port }, () => {
      socket.write(handshake("/ws"));
      setTimeout(() => socket.end(), 50);
    });
    socket.on("error", () => undefined);
    socket.resume();
    await eventually(() => seen.length === 2, "the app to finish");
    assert.equal(seen, [{ type: "websocket.disconnect", code: 1006 }, "ClientDisconnected"]);
    socket.destroy();
  }, app);
});

test("frames a client sends before the 101 are kept for the app, even past what is read ahead (64 KiB)", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const got: string[] = [];
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "websocket") return;
    await receive();
    await gate;
    await send({ type: "websocket.accept" });
    for (;;) {
      const message = await receive();
      if (message.type === "websocket.disconnect") return;
      got.push(message.text as string);
    }
  };
  await withServe({}, async ({ port }) => {
    const frames = Array.from({ length: 100 }, (_, i) => frame(1, Buffer.from(`${i}:`.padEnd(1000, "x"))));
    const socket = tcpConnect({ host: "127.0.0.1", port }, () => socket.write(Buffer.concat([Buffer.from(handshake("/ws")), ...frames.slice(0, 10)])));
    socket.on("error", () => undefined);
    socket.resume();
    await sleep(100);
    socket.write(Buffer.concat(frames.slice(10))); // read while the app decides, 90 KB of it
    await sleep(200);
    release();
    await eventually(() => got.length === 100, "the app to read every frame");
    assert.equal(got.map((text) => text.split(":")[0]), Array.from({ length: 100 }, (_, i) => String(i)));
    socket.destroy();
  }, app);
});

// ---- the app's faults and the client's

test("after accept: a handler that throws closes with 1011 (uvicorn drops the connection), the server serves on", async () => {
  const [python, ours] = await both({}, [], async ({ url }) => {
    const ws = await open(`${url}/echo`);
    const closed = closedOf(ws);
    ws.send("crash");
    return closed;
  });
  assert.equal(ours, { code: 1011, reason: "" });
  if (python !== undefined) assert.equal(python, { code: 1006, reason: "" }, "uvicorn sends no close frame");
  await withServe({}, async ({ url, logs }) => {
    const ws = await open(`${url}/echo`);
    const closed = closedOf(ws);
    ws.send("crash");
    assert.equal(await closed, { code: 1011, reason: "" });
    assert.match(logs(), /ERROR: {4}Exception in ASGI application\nError: crash after accept/);
    const again = await open(`${url}/echo`);
    again.send("still here");
    assert.is(await nextMessage(again), "still here");
    again.close();
    await closedOf(again);
  });
});

test("a message over wsMaxSize closes with 1009, text or binary, and the app sees 1009, as under uvicorn", async () => {
  const limit = 4096;
  const [python, ours] = await both({ wsMaxSize: limit }, ["--ws-max-size", String(limit)], async ({ url }) => {
    const out = [];
    for (const binary of [true, false]) {
      const key = newKey();
      const ws = await open(`${url}/echo?key=${key}`);
      ws.send(Buffer.alloc(limit, 120), { binary });
      const fits = (await nextMessage(ws)).length;
      const closed = closedOf(ws);
      ws.send(Buffer.alloc(limit + 1, 120), { binary });
      const { code } = await closed;
      const app = (await report(url, key)).at(-1) as { type: string; code: number };
      out.push({ fits, code, app: [app.type, app.code] });
    }
    return out;
  });
  assert.equal(ours, [
    { fits: limit, code: 1009, app: ["websocket.disconnect", 1009] },
    { fits: limit, code: 1009, app: ["websocket.disconnect", 1009] },
  ]);
  same(python, ours, "oversize");
});

test("an invalid UTF-8 text frame and a bad frame close with 1007 and 1002, as under uvicorn", async () => {
  const [python, ours] = await both({}, [], async ({ url }) => {
    const out = [];
    // A text frame that is not UTF-8; a frame with a reserved opcode; an unmasked frame.
    const bad = [frame(1, Buffer.from([0xff, 0xfe, 0x20])), frame(3, Buffer.from("x")), Buffer.from([0x81, 0x01, 0x78])];
    for (const bytes of bad) {
      const key = newKey();
      const ws = await open(`${url}/echo?key=${key}`);
      const closed = closedOf(ws);
      ws.on("error", () => undefined);
      (ws as unknown as { _socket: Socket })._socket.write(bytes);
      const { code } = await closed;
      const app = (await report(url, key)).at(-1) as { code: number };
      out.push([code, app.code]);
    }
    return out;
  });
  assert.equal(ours, [[1007, 1007], [1002, 1002], [1002, 1002]]);
  same(python, ours, "bad frames");
});

// ---- a flood of connections

test("300 connections at once (echo, crash after accept, denied): each answered as it should, then HTTP still answers", async () => {
  const outcomes = async ({ url }: Running): Promise<Record<string, number>> => {
    const kinds: Array<[string, string]> = [["echo", "hi"], ["echo", "crash"], ["deny", "hi"]];
    const tally: Record<string, number> = {};
    const one = async (i: number): Promise<void> => {
      const [path, first] = kinds[i % 3];
      const got = await attempt(`${url}/${path}`, first);
      const label = `/${path} ${first}: ${got.status}${got.closed ? ` ${got.closed.code}` : ""}`;
      tally[label] = (tally[label] ?? 0) + 1;
    };
    await Promise.all(Array.from({ length: 300 }, (_, i) => one(i)));
    return tally;
  };
  const [python, ours] = await both({}, [], async (server) => {
    const tally = await outcomes(server);
    const http = await httpGet(server.port, "/after");
    return { tally, http };
  });
  assert.equal(ours, { tally: { "/echo hi: 101 1000": 100, "/echo crash: 101 1011": 100, "/deny hi: 403": 100 }, http: { status: 404, body: "not here" } });
  if (python !== undefined) {
    // The one difference: uvicorn drops a crashed connection without a close frame.
    assert.equal(python, { tally: { "/echo hi: 101 1000": 100, "/echo crash: 101 1006": 100, "/deny hi: 403": 100 }, http: { status: 404, body: "not here" } });
  }
});

// ---- shutdown

test("shutdown closes open websockets with 1012 (the app sees 1012) and answers a handshake under way with 500, as uvicorn", async () => {
  const clientSide = async (url: string, port: number, stop: () => Promise<void>): Promise<unknown> => {
    const keys = [newKey(), newKey()];
    const sockets = await Promise.all(keys.map((key) => open(`${url}/echo?key=${key}`)));
    const closed = Promise.all(sockets.map(closedOf));
    const pending = rawExchange(port, handshake("/deny-slow"), 5_000);
    await sleep(100);
    await stop();
    return { closed: await closed, pending: (await pending).split("\r\n")[0], keys };
  };
  let python: unknown;
  if (UVICORN) {
    const uvicorn = await startUvicorn();
    try {
      python = await clientSide(uvicorn.url, uvicorn.port, async () => uvicorn.kill("SIGTERM"));
    } finally {
      await uvicorn.close();
    }
  }
  const before = resources();
  let resolveSlow!: () => void;
  const slowDone = new Promise<void>((r) => (resolveSlow = r));
  const { websocketTwin } = await import("./websocket_twin.js");
  // The twin, with one more path that never answers its handshake until the server stops.
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type === "websocket" && scope.path === "/deny-slow") {
      await receive();
      const gone = (await receive()) as Message;
      resolveSlow();
      assert.equal(gone, { type: "websocket.disconnect", code: 1006 });
      return;
    }
    return websocketTwin(scope, receive, send);
  };
  const server = await startServe({}, app);
  const ours = (await clientSide(server.url, server.port, () => server.close())) as { closed: Closed[]; pending: string; keys: string[] };
  await slowDone;
  assert.equal(ours.closed, [{ code: 1012, reason: "" }, { code: 1012, reason: "" }]);
  assert.is(ours.pending, "HTTP/1.1 500 Internal Server Error");
  for (const key of ours.keys) assert.equal(eventsOf(key).at(-1), { type: "websocket.disconnect", code: 1012 });
  await eventually(() => resources() <= before, "the process's handles to close");
  if (python !== undefined) {
    // uvicorn's twin has no /deny-slow: its /deny-slow is an echo that accepts, so only the open ones compare.
    assert.equal((python as { closed: Closed[] }).closed, ours.closed, "1012 from uvicorn too");
  }
});

// ---- keepalive

test("keepalive: pings every wsPingInterval, answered pongs keep the connection, a missing pong closes it with 1011", async () => {
  const args = ["--ws-ping-interval", "0.05", "--ws-ping-timeout", "0.3"];
  const [python, ours] = await both({ wsPingInterval: 0.05, wsPingTimeout: 0.3 }, args, async ({ url }) => {
    const alive = await open(`${url}/echo`);
    let pings = 0;
    alive.on("ping", (data: Buffer) => (pings += data.length === 4 ? 1 : 0));
    alive.pong(Buffer.from("unsolicited"));
    await sleep(400);
    alive.send("alive");
    const stillOpen = (await nextMessage(alive)) === "alive";
    alive.close();
    await closedOf(alive);

    const key = newKey();
    const deaf = await open(`${url}/echo?key=${key}`, { autoPong: false });
    const started = Date.now();
    const closed = await closedOf(deaf);
    const waited = Date.now() - started;
    const app = (await report(url, key)).at(-1);
    return { manyPings: pings >= 3, stillOpen, closed, timely: waited >= 300 && waited < 2_000, app };
  });
  assert.equal(ours, { manyPings: true, stillOpen: true, closed: { code: 1011, reason: "keepalive ping timeout" }, timely: true, app: { type: "websocket.disconnect", code: 1005 } });
  same(python, ours, "keepalive");
});

test("keepalive with wsPingTimeout null: pings go on, no pong awaited; with wsPingInterval null: none", async () => {
  await withServe({ wsPingInterval: 0.03, wsPingTimeout: null }, async ({ url }) => {
    const ws = await open(`${url}/echo`);
    let pings = 0;
    ws.on("ping", () => pings++);
    await sleep(250);
    assert.ok(pings >= 3, `pings: ${pings}`);
    ws.send("open");
    assert.is(await nextMessage(ws), "open");
    ws.close();
    await closedOf(ws);
  });
  // A close while a ping awaits its pong: the pong's timer goes with the connection.
  await withServe({ wsPingInterval: 0.02, wsPingTimeout: 10 }, async ({ url }) => {
    const ws = await open(`${url}/echo`, { autoPong: false });
    await once(ws, "ping");
    const closed = closedOf(ws);
    ws.send("close 1000");
    assert.equal(await closed, { code: 1000, reason: "" });
  });
  await withServe({ wsPingInterval: null }, async ({ url }) => {
    const ws = await open(`${url}/echo`);
    let pings = 0;
    ws.on("ping", () => pings++);
    await sleep(150);
    assert.is(pings, 0);
    ws.close();
    await closedOf(ws);
  });
});

// ---- backpressure

const CHUNK = 64 * 1024;
// What the slow reader's app raised, if anything.
let appError: string | null = null;

test("a slow reader, compressed or not: the app's send waits once the socket's buffer is full, so memory stays bounded", async () => {
  const count = 400; // 25 MiB, far past what the kernel's socket buffers hold
  let sent = 0;
  let finished = false;
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    await receive();
    const chunk = randomBytes(CHUNK); // incompressible
    for (; sent < count; sent++) await send({ type: "websocket.send", bytes: chunk });
    finished = true;
    // Returning with the last frames still going out: they are written before the socket ends.
  };
  await withServe({}, async ({ url }) => {
    for (const perMessageDeflate of [false, true]) {
      [sent, finished] = [0, false];
      const ws = await open(`${url}/ws`, { perMessageDeflate });
      assert.is(ws.extensions, perMessageDeflate ? "permessage-deflate" : "");
      ws.pause();
      ws.send("go");
      await sleep(500);
      const heldBack = sent;
      assert.ok(heldBack < count / 2, `the app sent ${heldBack} of ${count} messages to a client that reads nothing`);
      assert.not.ok(finished);
      let received = 0;
      ws.on("message", (data: Buffer) => (received += data.length === CHUNK ? 1 : 0));
      const closed = closedOf(ws);
      ws.resume();
      await closed;
      assert.is(received, count, "every message arrived once the client read again");
      assert.ok(finished);
    }
    // A slow reader that leaves: the app's waiting send returns, the next one raises.
    [sent, finished] = [0, false];
    const ws = await open(`${url}/ws`);
    ws.pause();
    ws.send("go");
    await sleep(200);
    ws.terminate();
    await eventually(() => appError !== null, "the app's send to raise");
    assert.is(appError, "ClientDisconnected");
  }, async (scope, receive, send) => {
    try {
      await app(scope, receive, send);
    } catch (exc) {
      appError = (exc as Error).name;
    }
  });
});

test("wsMaxQueue: a client flooding an app that is not receiving is no longer read from; reading resumes as the app catches up", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const got: number[] = [];
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    if (scope.path === "/close-unread") {
      await sleep(300);
      return send({ type: "websocket.close", code: 4000, reason: "unread" });
    }
    await gate;
    for (;;) {
      const message = await receive();
      if (message.type === "websocket.disconnect") return;
      got.push((message.bytes as Uint8Array)[0]);
      if (got.length === 300) await send({ type: "websocket.close", code: 1000 });
    }
  };
  await withServe({ wsMaxQueue: 4 }, async ({ url }) => {
    // An app that closes without reading what is queued: the client's close reply is read.
    const unread = await open(`${url}/close-unread`);
    for (let i = 0; i < 50; i++) unread.send(Buffer.alloc(CHUNK));
    assert.equal(await closedOf(unread), { code: 4000, reason: "unread" });

    const ws = await open(`${url}/ws`);
    for (let i = 0; i < 300; i++) ws.send(Buffer.alloc(CHUNK, i % 256));
    await sleep(500);
    // Unread by the server, the rest stays in the client's buffer (the kernel's take only a few MiB).
    assert.ok(ws.bufferedAmount > 4 * 1024 * 1024, `client's buffered bytes: ${ws.bufferedAmount}`);
    const closed = closedOf(ws);
    release();
    assert.equal(await closed, { code: 1000, reason: "" });
    assert.equal(got, Array.from({ length: 300 }, (_, i) => i % 256), "every message, in order");
  }, app);
});

// ---- what the app sends wrong

/** Apps that break the ASGI websocket protocol, by path; what the client sees, and the log. */
async function misbehave(scope: Scope, receive: Receive, send: Send): Promise<void> {
  if (scope.type !== "websocket") return;
  await receive();
  const enc = new TextEncoder();
  switch (scope.path) {
    case "/bad-status":
      return send({ type: "websocket.http.response.start", status: 700 });
    case "/start-then-throw":
      await send({ type: "websocket.http.response.start", status: 401 });
      return send({ type: "websocket.send", text: "not a body" });
    case "/no-headers-no-body":
      await send({ type: "websocket.http.response.start", status: 418 });
      return send({ type: "websocket.http.response.body" });
  }
  await send({ type: "websocket.accept" });
  switch (scope.path) {
    case "/bytes-not-bytes":
      return send({ type: "websocket.send", bytes: "text" as unknown as Uint8Array });
    case "/text-not-text":
      return send({ type: "websocket.send", text: 42 as unknown as string });
    case "/nothing-then-close":
      await send({ type: "websocket.send" });
      return send({ type: "websocket.close" });
    case "/accept-twice":
      return send({ type: "websocket.accept" });
    case "/send-after-close":
      await send({ type: "websocket.close", code: 4000 });
      return send({ type: "websocket.send", text: "late" });
    case "/throw-a-string":
      throw "not an Error"; // what a JS app may throw
    case "/receive-after-disconnect": {
      const first = await receive();
      misbehaved.push(first, await receive());
      return;
    }
    case "/send-while-closing": {
      // ws has failed the connection (too big) and awaits the client's close reply, which does not come.
      misbehaved.push(await receive());
      await send({ type: "websocket.send", text: "too late" }).catch((exc: Error) => misbehaved.push(exc.name));
      return;
    }
  }
}
const misbehaved: unknown[] = [];

test("an app that breaks the websocket protocol: 500 before accept, 1011 after, the error logged, and the server serves on", async () => {
  await withServe({ wsPerMessageDeflate: false, wsMaxSize: 65536 }, async ({ url, logs }) => {
    const outcome = async (path: string): Promise<string> => {
      const ws = new WebSocket(`${url}${path}`, { perMessageDeflate: false });
      return new Promise((resolve) => {
        ws.once("unexpected-response", (_req, res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve(`${res.statusCode as number} ${body}`));
        });
        ws.once("error", (err) => resolve(`error ${err.message}`));
        ws.once("close", (code: number, reason: Buffer) => resolve(`closed ${code} ${reason.toString()}`));
      });
    };
    assert.is(await outcome("/bad-status"), "500 Internal Server Error");
    assert.is(await outcome("/start-then-throw"), "error socket hang up");
    assert.is(await outcome("/no-headers-no-body"), "418 ");
    assert.is(await outcome("/bytes-not-bytes"), "closed 1011 ");
    assert.is(await outcome("/text-not-text"), "closed 1011 ");
    assert.is(await outcome("/nothing-then-close"), "closed 1000 ");
    assert.is(await outcome("/accept-twice"), "closed 1011 ");
    assert.is(await outcome("/send-after-close"), "closed 4000 ");
    assert.is(await outcome("/throw-a-string"), "closed 1011 ");
    const log = logs();
    for (const error of [
      "Error: Invalid HTTP status code '700' in response.",
      "Error: Expected ASGI message 'websocket.http.response.body' but got 'websocket.send'.",
      'TypeError: websocket.send\'s "bytes" must be a Uint8Array, got string',
      'TypeError: websocket.send\'s "text" must be a string, got number',
      "Error: Expected ASGI message 'websocket.send' or 'websocket.close', but got 'websocket.accept'.",
      "Error: Unexpected ASGI message 'websocket.send', after sending 'websocket.close'.",
      "Exception in ASGI application\nnot an Error",
    ]) {
      assert.ok(log.includes(error), `logged: ${error}`);
    }
    const ws1 = await open(`${url}/receive-after-disconnect`);
    ws1.close(4002, "gone");
    await closedOf(ws1);
    const ws2 = await open(`${url}/send-while-closing`);
    ws2.pause(); // reads nothing, so never answers the server's close
    ws2.send(Buffer.alloc(70_000));
    await eventually(() => misbehaved.length === 4, "the apps to finish");
    ws2.terminate();
    assert.equal(misbehaved, [
      { type: "websocket.disconnect", code: 4002, reason: "gone" },
      { type: "websocket.disconnect", code: 4002, reason: "gone" },
      { type: "websocket.disconnect", code: 1009, reason: "" },
      "ClientDisconnected",
    ]);
    // Compression off: the offer is declined, and the server serves on.
    const ws = await open(`${url}/nothing-then-close`, { perMessageDeflate: true });
    assert.is(ws.extensions, "");
    await closedOf(ws);
  }, misbehave);
});

// ---- handshakes the server refuses, byte for byte as uvicorn (bar the Date)

const REFUSED: Array<[string, string]> = [
  ["POST", ["POST /echo HTTP/1.1", "Host: x", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13", "Content-Length: 0", "", ""].join("\r\n")],
  ["no key", handshake("/echo", [], ["Sec-WebSocket-Version: 13"])],
  ["two keys", handshake("/echo", ["Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="])],
  ...["short", "!!!!!!!!!!!!!!!!!!!!!!==", "=GhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25j=Q==", "dGhlIHNhbXBsZSBub25jZQ=a", "dGhlIHNhbXBsZSBub25jZQ==a", "ab=c=", "a===", "abcd=", "abc=", "ab c", "dGhlIHNhbXBsZSBub25jZ", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZWFi"].map(
    (key): [string, string] => [`key ${key}`, handshake("/echo", [], [`Sec-WebSocket-Key: ${key}`, "Sec-WebSocket-Version: 13"])],
  ),
  ["no version", handshake("/echo", [], ["Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="])],
  ["two versions", handshake("/echo", ["Sec-WebSocket-Version: 13"])],
  ["version 8", handshake("/echo", [], ["Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 8"])],
  ["two origins", handshake("/echo", ["Origin: http://a", "Origin: http://b"])],
  ...["a b", ",", "a;b", "", "chat, a b"].map((list): [string, string] => [`subprotocols ${list}`, handshake("/echo", [`Sec-WebSocket-Protocol: ${list}`])]),
  ...["permessage-deflate; =x", "a;b=", "a; b=\"c d\"", "a; b=\"c", "a b", "a;b=\"c\\\\d\", e"].map((offer): [string, string] => [`extensions ${offer}`, handshake("/echo", [`Sec-WebSocket-Extensions: ${offer}`])]),
];

function comparable(response: string): string {
  return response.replace(/^date: .*\r\n/im, "");
}

test("handshakes refused before the app is called: the same status, headers and text as uvicorn", async () => {
  const [python, ours] = await both({}, [], async ({ port }) => {
    const out: Record<string, string> = {};
    for (const [name, raw] of REFUSED) out[name] = comparable(await rawExchange(port, raw));
    // Empty elements in a list are allowed (RFC 7230 7): ws alone would refuse this one.
    out.emptyElements = (await rawExchange(port, handshake("/echo", ["Sec-WebSocket-Protocol: ,a,,b,"]), 300)).split("\r\n")[0];
    return out;
  });
  for (const [name] of REFUSED) assert.match(ours[name], /^HTTP\/1\.1 4\d\d /, name);
  assert.match(ours.POST, /^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  assert.is(ours.emptyElements, "HTTP/1.1 101 Switching Protocols");
  if (python !== undefined) for (const name of Object.keys(ours)) assert.is(ours[name], python[name], name);
});

test("an extension offer ws cannot take is declined, not the connection, as websockets does", async () => {
  const offers = ["permessage-deflate; client_max_window_bits=16", "x-unknown", "permessage-deflate; server_max_window_bits=8"];
  const [python, ours] = await both({}, [], async ({ url }) => {
    const out: Array<[string, string | number]> = [];
    for (const offer of offers) {
      const ws = new WebSocket(`${url}/echo`, { perMessageDeflate: false, headers: { "Sec-WebSocket-Extensions": offer } });
      const refused = new Promise<number>((resolve) => ws.once("unexpected-response", (_req, res) => resolve(res.statusCode as number)));
      ws.on("error", () => undefined);
      const got = await Promise.race([refused, once(ws, "open").then(() => "open")]);
      if (got === "open") {
        ws.send("through");
        out.push([offer, `${ws.extensions || "none"}, ${await nextMessage(ws)}`]);
        ws.close();
        await closedOf(ws);
      } else out.push([offer, got]);
    }
    return out;
  });
  assert.equal(ours, offers.map((offer) => [offer, "none, through"]));
  if (python !== undefined) {
    // websockets accepts a server window of 8 bits that zlib then refuses: uvicorn answers 500.
    assert.equal(python, [...ours.slice(0, 2), [offers[2], 500]]);
  }
});

// ---- the HTTP side's body limit (serve() counts it)

test("maxBodySize: a declared or a streamed body past the limit gets 413", async () => {
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "http") return;
    let more = true;
    while (more) {
      const message = await receive();
      if (message.type !== "http.request") return;
      more = message.more_body === true;
    }
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: new Uint8Array() });
  };
  await withServe({ maxBodySize: 10 }, async ({ port }) => {
    const declared = await rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nConnection: close\r\n\r\n01234567890");
    assert.match(declared, /^HTTP\/1\.1 413 /);
    const streamed = await rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n6\r\n678901\r\n0\r\n\r\n");
    assert.match(streamed, /^HTTP\/1\.1 413 /);
    const fits = await rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789");
    assert.match(fits, /^HTTP\/1\.1 200 /);
  }, app);
});

test.run();
