// No Starlette counterpart (uvicorn's role): serve() over real HTTP on 127.0.0.1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { BackgroundTask } from "../src/background.js";
import { Request } from "../src/requests.js";
import { PlainTextResponse, StreamingResponse } from "../src/responses.js";
import { serve, type ServeOptions, type ServerHandle } from "../src/server.js";
import type { ASGIApp } from "../src/types.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(server: ServerHandle, path: string, options: { method?: string; body?: string[]; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: server.host, port: server.port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode as number, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    for (const chunk of options.body ?? []) req.write(chunk);
    req.end();
  });
}

function quiet(lines: string[] = []) {
  return { port: 0, handleSignals: false, log: (line: string) => void lines.push(line) };
}

test("serve(): a request, the access log line, lifespan around it, close()", async () => {
  const lines: string[] = [];
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      events.push("startup");
      yield { greeting: "hi" };
      events.push("shutdown");
    },
  });
  app.get("/items/{id:int}")((r: Request) => ({ id: r.pathParams.id, q: r.queryParams.get("q"), greeting: r.state.greeting, client: r.client?.host }));
  const server = await serve(app, quiet(lines));
  try {
    assert.equal(events, ["startup"]);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await call(server, "/items/5?q=x");
    assert.is(reply.status, 200);
    assert.equal(JSON.parse(reply.body), { id: 5, q: "x", greeting: "hi", client: "127.0.0.1" });
    assert.is(reply.headers["content-type"], "application/json");
    assert.ok(lines.some((l) => /^INFO: {5}127\.0\.0\.1:\d+ - "GET \/items\/5\?q=x HTTP\/1\.1" 200 OK$/.test(l)), lines.join("\n"));
  } finally {
    await server.close();
  }
  assert.equal(events, ["startup", "shutdown"]);
  assert.ok(lines.includes("INFO:     Application shutdown complete."));
});

test("request bodies stream through receive(), chunk by chunk", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const sizes: number[] = [];
    for await (const chunk of request.stream()) sizes.push(chunk.byteLength);
    const total = sizes.reduce((a, b) => a + b, 0);
    await new PlainTextResponse(`${total} bytes in ${sizes.filter((s) => s > 0).length >= 1 ? "chunks" : "none"}`).call(scope, receive, send);
  };
  const server = await serve(app, { ...quiet(), accessLog: false });
  try {
    const big = "x".repeat(200_000);
    const reply = await call(server, "/", { method: "POST", body: [big, big] });
    assert.is(reply.body, "400000 bytes in chunks");
    assert.is((await call(server, "/", { method: "POST" })).body, "0 bytes in none");
  } finally {
    await server.close();
  }
});

test("streaming responses arrive chunked", async () => {
  const app = new App();
  app.get("/")(() => new StreamingResponse((async function* () {
    for (let i = 0; i < 3; i++) yield `part${i};`;
  })()));
  const server = await serve(app, quiet());
  try {
    const reply = await call(server, "/");
    assert.is(reply.body, "part0;part1;part2;");
    assert.is(reply.headers["transfer-encoding"], "chunked");
  } finally {
    await server.close();
  }
});

test("a streamed chunk reaches the client before the app produces the next one", async () => {
  let received: () => void = () => undefined;
  const firstArrived = new Promise<void>((resolve) => (received = resolve));
  const app = new App();
  // The second chunk waits for the client to have the first: held chunks would deadlock here.
  app.get("/")(() => new StreamingResponse((async function* () {
    yield "first;";
    await firstArrived;
    yield "second;";
  })()));
  const server = await serve(app, quiet());
  try {
    const chunks = await new Promise<string[]>((resolve, reject) => {
      const req = httpRequest({ host: server.host, port: server.port, path: "/" }, (res) => {
        const seen: string[] = [];
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          seen.push(chunk);
          if (chunk.includes("first;")) received();
        });
        res.on("end", () => resolve(seen));
      });
      req.on("error", reject);
      req.end();
    });
    assert.is(chunks.join(""), "first;second;");
    assert.is(chunks[0], "first;");
  } finally {
    await server.close();
  }
});

test("raw ASGI messages: no headers, an unknown status, empty and missing bodies; a body before the start is an error", async () => {
  const lines: string[] = [];
  const app: ASGIApp = async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    if (scope.path === "/early") {
      await send({ type: "http.response.body", body: Buffer.from("too soon") });
      return;
    }
    await send({ type: "http.response.start", status: 299 });
    await send({ type: "http.response.body", body: new Uint8Array(0), more_body: true });
    await send({ type: "http.response.body", body: Buffer.from("abc"), more_body: true });
    await send({ type: "http.response.body" });
  };
  const server = await serve(app, quiet(lines));
  try {
    const reply = await call(server, "/");
    assert.equal([reply.status, reply.body, reply.headers["transfer-encoding"]], [299, "abc", "chunked"]);
    const early = await call(server, "/early");
    assert.is(early.status, 500);
    assert.ok(lines.some((l) => l.includes("Unexpected ASGI message 'http.response.body' sent, before 'http.response.start'.")), lines.join("\n"));
  } finally {
    await server.close();
  }
});

test("a client that does not read holds a streaming app back: the response is not buffered whole", async () => {
  const chunk = Buffer.alloc(64 * 1024, 120);
  const total = 2000; // 125 MiB if nothing pushed back
  let produced = 0;
  const app = new App();
  app.get("/")(() => new StreamingResponse((async function* () {
    for (; produced < total; produced++) yield chunk;
  })()));
  const server = await serve(app, quiet());
  try {
    const seen = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: server.host, port: server.port, path: "/" }, (res) => {
        res.pause();
        setTimeout(() => {
          resolve(produced);
          req.destroy();
        }, 300);
      });
      req.on("error", () => undefined); // the hang-up we cause
      req.end();
    });
    // What the kernel's socket buffers hold, plus one high-water mark: a few MiB, far from all of it.
    assert.ok(seen > 0 && seen < total / 4, `the app produced ${seen} of ${total} chunks for a client that read none`);
  } finally {
    await server.close();
  }
});

test("background tasks start once the response has been handed to the socket", async () => {
  const ended: boolean[] = [];
  let current: ServerResponse | undefined;
  const app = new App();
  app.get("/")(() => new PlainTextResponse("done", { background: new BackgroundTask(() => void ended.push(current?.writableEnded === true)) }));
  const server = await serve(app, quiet());
  server.server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => (current = res));
  try {
    for (let i = 0; i < 3; i++) assert.is((await call(server, "/")).body, "done");
    assert.equal(ended, [true, true, true]);
  } finally {
    await server.close();
  }
});

// A handler that answers at once has its response written within the request event; one that awaits
// has it written with the others finished in the same turn. A throwing socket is dropped either way.
for (const [kind, handler] of [
  ["answered at once", (request: Request) => `hi ${String(request.pathParams.name)}`],
  ["answered after an await", async (request: Request) => `hi ${String(await Promise.resolve(request.pathParams.name))}`],
] as const) {
  test(`a response whose socket throws while being written is dropped; the rest are served (${kind})`, async () => {
    const app = new App();
    app.get("/{name}")(handler);
    const server = await serve(app, quiet());
    server.server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === "/broken") {
        res.end = () => {
          throw new Error("socket broke");
        };
      }
    });
    try {
      const [broken, ...rest] = await Promise.allSettled(["/broken", "/a", "/b"].map((path) => call(server, path)));
      assert.is(broken.status, "rejected");
      assert.equal(rest.map((r) => (r.status === "fulfilled" ? r.value.body : r.reason)), ['"hi a"', '"hi b"']);
    } finally {
      await server.close();
    }
  });
}

// Whether each response had been ended when its request event was over: a listener added after
// serve()'s own runs at the end of the same event.
function endedInEvent(server: ServerHandle): Map<string, boolean> {
  const ended = new Map<string, boolean>();
  server.server.on("request", (req: IncomingMessage, res: ServerResponse) => void ended.set(req.url as string, res.writableEnded));
  return ended;
}

test("under light load a response finished within its request event leaves at once; one that awaits, at the end of the turn", async () => {
  const app = new App();
  app.get("/now")(() => "now");
  app.get("/later")(async () => `${await Promise.resolve("later")}`);
  const server = await serve(app, quiet());
  const ended = endedInEvent(server);
  try {
    assert.is((await call(server, "/now")).body, '"now"');
    assert.is((await call(server, "/later")).body, '"later"');
    assert.equal([...ended], [["/now", true], ["/later", false]]);
  } finally {
    await server.close();
  }
});

test("with many requests in a turn, responses wait for the end of the turn and leave together, in order", async () => {
  const app = new App();
  app.get("/{n}")((request: Request) => `n${String(request.pathParams.n)}`);
  const server = await serve(app, quiet());
  const ended = endedInEvent(server);
  // 24 requests pipelined in one write: node:http parses them, and emits their request events, in one turn.
  const paths = Array.from({ length: 24 }, (_, i) => `/${i}`);
  try {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, server.host);
      let data = "";
      socket.setEncoding("latin1");
      socket.on("data", (chunk: string) => {
        data += chunk;
        if (data.split("\r\n\r\n").length > paths.length) socket.end();
      });
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
      socket.write(paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`).join(""));
    });
    assert.equal(text.match(/"n\d+"/g), paths.map((path) => `"n${path.slice(1)}"`));
    // The first sixteen count as light load; from the seventeenth on, the turn is busy.
    assert.equal(paths.map((path) => ended.get(path)), paths.map((_, i) => i < 16));
  } finally {
    await server.close();
  }
});

test("a throwing handler gives a 500, is logged, and the next request is served", async () => {
  const lines: string[] = [];
  const app = new App();
  app.get("/boom")(() => {
    throw new Error("kaboom");
  });
  app.get("/ok")(() => "fine");
  const server = await serve(app, quiet(lines));
  try {
    const bad = await call(server, "/boom");
    assert.is(bad.status, 500);
    assert.is(bad.body, "Internal Server Error");
    assert.ok(lines.some((l) => l.startsWith("ERROR:    Exception in ASGI application\nError: kaboom")));
    const good = await call(server, "/ok");
    assert.is(good.status, 200);
    assert.is(good.body, '"fine"');
  } finally {
    await server.close();
  }
});

test("scope.path is the raw path percent-decoded as uvicorn does: bad escapes kept, bad UTF-8 replaced", async () => {
  const app: ASGIApp = async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "application/json"]] });
    await send({ type: "http.response.body", body: Buffer.from(JSON.stringify({ path: scope.path, raw: scope.raw_path })) });
  };
  const server = await serve(app, { ...quiet(), accessLog: false });
  try {
    // Python: urllib.parse.unquote("/caf%C3%A9/%zz/%E0%A4%A/%FF%41") == "/café/%zz/\ufffd%A/\ufffdA"
    const odd = JSON.parse((await call(server, "/caf%C3%A9/%zz/%E0%A4%A/%FF%41")).body);
    assert.equal(odd, { path: "/café/%zz/\ufffd%A/\ufffdA", raw: "/caf%C3%A9/%zz/%E0%A4%A/%FF%41" });
    assert.equal(JSON.parse((await call(server, "/a%20b")).body), { path: "/a b", raw: "/a%20b" });
  } finally {
    await server.close();
  }
});

test("an error without a stack, or a thrown value that is no Error, is logged by its text; so is a synchronous throw", async () => {
  const lines: string[] = [];
  // Not async: an app written as a plain function may throw before it returns a promise.
  const app: ASGIApp = (scope) => {
    if (scope.path === "/sync") throw new TypeError("thrown at once");
    return (async () => {
      if (scope.path === "/string") throw "a plain string";
      const error = new Error("no stack here");
      error.stack = undefined;
      throw error;
    })();
  };
  const server = await serve(app, quiet(lines));
  try {
    assert.is((await call(server, "/sync")).status, 500);
    assert.ok(lines.some((l) => l.startsWith("ERROR:    Exception in ASGI application\nTypeError: thrown at once")), lines.join("\n"));
    assert.is((await call(server, "/")).status, 500);
    assert.ok(lines.includes("ERROR:    Exception in ASGI application\nError: no stack here"), lines.join("\n"));
    assert.is((await call(server, "/string")).status, 500);
    assert.ok(lines.includes("ERROR:    Exception in ASGI application\na plain string"), lines.join("\n"));
  } finally {
    await server.close();
  }
});

test("an error after the final send() does not cut the response, for each of several concurrent requests", async () => {
  const lines: string[] = [];
  const order: string[] = [];
  const app: ASGIApp = async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 200, headers: [["content-length", "4"]] });
    await send({ type: "http.response.body", body: Buffer.from(String(scope.path).slice(1, 5)) });
    order.push(String(scope.path));
    throw new Error("after the response");
  };
  const server = await serve(app, quiet(lines));
  try {
    // Concurrent requests are often answered in the same flush; each still gets its own bytes.
    const replies = await Promise.all(["/aaaa", "/bbbb", "/cccc", "/dddd"].map((path) => call(server, path)));
    assert.equal(
      replies.map((r) => [r.status, r.body]),
      [[200, "aaaa"], [200, "bbbb"], [200, "cccc"], [200, "dddd"]],
    );
    assert.equal(order.sort(), ["/aaaa", "/bbbb", "/cccc", "/dddd"]);
    assert.is(lines.filter((l) => l.includes("Error: after the response")).length, 4, lines.join("\n"));
  } finally {
    await server.close();
  }
});

test("apps that misbehave: no response, an unfinished response, an error mid-stream", async () => {
  const lines: string[] = [];
  const app: ASGIApp = async (scope, _receive, send) => {
    if (scope.type === "lifespan" || scope.path === "/nothing") return;
    if (scope.path === "/midstream") {
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: new TextEncoder().encode("a"), more_body: true });
      throw new Error("mid-stream");
    }
    if (scope.path === "/unfinished") {
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: new TextEncoder().encode("a"), more_body: true });
      return;
    }
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: new Uint8Array(), more_body: false });
    await send({ type: "http.response.body", body: new Uint8Array() }).catch((e: Error) => lines.push(`late: ${e.message}`));
    await send({ type: "http.response.start", status: 200 }).catch((e: Error) => lines.push(`again: ${e.message}`));
  };
  const server = await serve(app, quiet(lines));
  try {
    const nothing = await call(server, "/nothing");
    assert.is(nothing.status, 500);
    assert.ok(lines.includes("ERROR:    ASGI callable returned without starting response."));
    // Headers are out, so the only way to say "broken" is to cut the connection.
    assert.is(await call(server, "/midstream").then(() => "complete", () => "cut"), "cut");
    assert.ok(lines.some((l) => l.startsWith("ERROR:    Exception in ASGI application\nError: mid-stream")));
    assert.is(await call(server, "/unfinished").then(() => "complete", () => "cut"), "cut");
    assert.ok(lines.includes("ERROR:    ASGI callable returned without completing response."));
    await call(server, "/late");
    assert.ok(lines.some((l) => l.startsWith("late: Unexpected ASGI message 'http.response.body' sent, after response already completed.")));
    assert.ok(lines.some((l) => l.startsWith("again: Unexpected ASGI message 'http.response.start' sent, after response already started.")));
    assert.is((await call(server, "/late")).status, 200, "still serving");
  } finally {
    await server.close();
  }
});

test("a client that disconnects mid-request: the app sees http.disconnect, the server keeps serving", async () => {
  let seen = "";
  let resolveSeen: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolveSeen = r));
  const app: ASGIApp = async (scope, receive, send) => {
    if (scope.type === "lifespan") return;
    if (scope.path === "/ok") return new PlainTextResponse("ok").call(scope, receive, send);
    for (;;) {
      const message = await receive();
      if (message.type === "http.disconnect") {
        seen = message.type;
        resolveSeen();
        return;
      }
    }
  };
  const server = await serve(app, quiet());
  try {
    const socket = connect(server.port, server.host);
    await new Promise<void>((r) => socket.once("connect", () => r()));
    socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial");
    await new Promise((r) => setTimeout(r, 20));
    socket.destroy();
    await done;
    assert.is(seen, "http.disconnect");
    assert.is((await call(server, "/ok")).body, "ok");
  } finally {
    await server.close();
  }
});

test("a client gone mid-stream stops the stream with ClientDisconnect, not an error log", async () => {
  const lines: string[] = [];
  let stopped: () => void = () => undefined;
  const stoppedPromise = new Promise<void>((r) => (stopped = r));
  const app = new App();
  app.get("/")(() => new StreamingResponse((async function* () {
    try {
      for (;;) {
        yield "x".repeat(65536);
        await new Promise((r) => setTimeout(r, 1));
      }
    } finally {
      stopped();
    }
  })()));
  const server = await serve(app, quiet(lines));
  try {
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: server.host, port: server.port, path: "/" }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => undefined);
      req.end();
    });
    await stoppedPromise;
    await new Promise((r) => setTimeout(r, 20));
    assert.not.ok(lines.some((l) => l.startsWith("ERROR")), lines.join("\n"));
  } finally {
    await server.close();
  }
});

test("a malformed request gets 400 and the server keeps serving", async () => {
  const server = await serve(new App({ routes: [] }), quiet());
  try {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, server.host, () => socket.write("GARBAGE\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d.toString()));
      socket.on("close", () => resolve(data));
    });
    assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
    assert.is((await call(server, "/missing")).status, 404);
  } finally {
    await server.close();
  }
});

test("SIGTERM closes the server gracefully and removes its listeners", async () => {
  const before = process.listenerCount("SIGTERM");
  const lines: string[] = [];
  const server = await serve(new App(), { port: 0, log: (l) => void lines.push(l) });
  assert.is(process.listenerCount("SIGTERM"), before + 1);
  process.emit("SIGTERM", "SIGTERM");
  await server.close();
  assert.is(process.listenerCount("SIGTERM"), before);
  assert.is(lines.filter((l) => l === "INFO:     Shutting down").length, 1);
});

test("a port in use is an error from serve()", async () => {
  const first = await serve(new App(), quiet());
  try {
    const error = await serve(new App(), { ...quiet(), port: first.port }).then(
      () => null,
      (e: NodeJS.ErrnoException) => e,
    );
    assert.is(error?.code, "EADDRINUSE");
  } finally {
    await first.close();
  }
});

test("a lifespan that fails at shutdown is logged as uvicorn logs it, and close() still resolves", async () => {
  // Starlette's router answers lifespan.shutdown.failed with the traceback, then raises.
  const lines: string[] = [];
  const app = new App({
    lifespan: async function* () {
      yield;
      throw new Error("cannot close the pool");
    },
  });
  const server = await serve(app, quiet(lines));
  await server.close();
  const failed = lines.findIndex((l) => l.startsWith("ERROR:    Error: cannot close the pool\n"));
  assert.ok(failed > 0, lines.join("\n"));
  assert.is(lines[failed + 1], "ERROR:    Application shutdown failed. Exiting.");
  assert.not.ok(lines.includes("INFO:     Application shutdown complete."));
  assert.is(lines[lines.length - 1], `INFO:     Finished server process [${process.pid}]`);

  // An app that raises without saying lifespan.shutdown.failed: uvicorn's "auto" mode takes it as no lifespan support.
  const raw: string[] = [];
  const crashing: ASGIApp = async (scope, receive, send) => {
    if (scope.type !== "lifespan") return new PlainTextResponse("ok").call(scope, receive, send);
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await receive();
    throw new Error("crash at shutdown");
  };
  const second = await serve(crashing, quiet(raw));
  await second.close();
  // A lifespan.shutdown.failed without a message: only uvicorn's line.
  const bare: string[] = [];
  const quietFailure: ASGIApp = async (scope, receive, send) => {
    if (scope.type !== "lifespan") return;
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await receive();
    await send({ type: "lifespan.shutdown.failed" });
  };
  const third = await serve(quietFailure, quiet(bare));
  await third.close();
  assert.equal(bare.slice(-3), ["INFO:     Waiting for application shutdown.", "ERROR:    Application shutdown failed. Exiting.", `INFO:     Finished server process [${process.pid}]`]);
  const waiting = raw.indexOf("INFO:     Waiting for application shutdown.");
  assert.equal(raw.slice(waiting, waiting + 3), ["INFO:     Waiting for application shutdown.", "INFO:     ASGI 'lifespan' protocol appears unsupported.", "INFO:     Application shutdown complete."]);
});

test("serve() options: an unknown or mistyped one is a TypeError naming it, before anything runs", async () => {
  let started = 0;
  const app: ASGIApp = async (scope, receive, send) => {
    if (scope.type !== "lifespan") return;
    started++;
    await receive();
    await send({ type: "lifespan.startup.complete" });
  };
  const error = (options: unknown): Promise<string> =>
    serve(app, options as ServeOptions).then(
      async (server) => (await server.close(), "served"),
      (e: Error) => `${e.name}: ${e.message}`,
    );
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  // Python's spelling and one-edit typos are pointed to the option meant.
  assert.is(await error({ prot: 8000 }), 'TypeError: serve() got an unexpected option "prot"; did you mean "port"?');
  assert.is(await error({ root_path: "/api" }), 'TypeError: serve() got an unexpected option "root_path"; did you mean "rootPath"?');
  assert.is(await error({ accesLog: false }), 'TypeError: serve() got an unexpected option "accesLog"; did you mean "accessLog"?');
  assert.is(await error({ hosts: "::1" }), 'TypeError: serve() got an unexpected option "hosts"; did you mean "host"?');
  assert.is(await error({ lag: log }), 'TypeError: serve() got an unexpected option "lag"; did you mean "log"?');
  // Far from every option: the list of them (it grows with the options, so only its ends are checked here).
  assert.match(await error({ workers: 4 }), /^TypeError: serve\(\) got an unexpected option "workers"; the options are host, port, rootPath, accessLog, log, handleSignals, uds, fd, .*, wsPerMessageDeflate/);
  assert.is(await error({ forwarded_allow_ips: "*" }), 'TypeError: serve() got an unexpected option "forwarded_allow_ips"; did you mean "forwardedAllowIps"?');
  assert.is(await error({ proxyHeaders: "yes" }), 'TypeError: serve() option "proxyHeaders" must be true or false, got "yes"');
  const allowIps = 'must be a comma-separated string or a list of addresses and networks ("*" for any)';
  assert.is(await error({ forwardedAllowIps: 127 }), `TypeError: serve() option "forwardedAllowIps" ${allowIps}, got 127`);
  assert.is(await error({ forwardedAllowIps: ["10.0.0.1", 10] }), `TypeError: serve() option "forwardedAllowIps" ${allowIps}, got [ '10.0.0.1', 10 ]`);
  assert.is(await error({ log: false }), 'TypeError: serve() option "log" must be a function, got false');
  assert.is(await error({ host: 127 }), 'TypeError: serve() option "host" must be a string, got 127');
  assert.is(await error({ port: "8000" }), 'TypeError: serve() option "port" must be a whole number from 0 to 65535, got "8000"');
  assert.is(await error({ port: 65536 }), 'TypeError: serve() option "port" must be a whole number from 0 to 65535, got 65536');
  assert.is(await error({ port: -1 }), 'TypeError: serve() option "port" must be a whole number from 0 to 65535, got -1');
  assert.is(await error({ port: 80.5 }), 'TypeError: serve() option "port" must be a whole number from 0 to 65535, got 80.5');
  assert.is(await error({ rootPath: null }), 'TypeError: serve() option "rootPath" must be a string, got null');
  assert.is(await error({ accessLog: "off" }), 'TypeError: serve() option "accessLog" must be true or false, got "off"');
  assert.is(await error({ handleSignals: 0 }), 'TypeError: serve() option "handleSignals" must be true or false, got 0');
  assert.is(await error({ maxBodySize: -1 }), 'TypeError: serve() option "maxBodySize" must be a whole number of bytes, or null for no limit, got -1');
  assert.is(await error({ maxBodySize: "1mb" }), 'TypeError: serve() option "maxBodySize" must be a whole number of bytes, or null for no limit, got "1mb"');
  assert.is(await error({ port: 0, log: { info: log } }), 'TypeError: serve() option "log" must be a function, got { info: [Function: log] }');
  assert.is(await error({ accessLog: log }), 'TypeError: serve() option "accessLog" must be true or false, got the function log');
  assert.is(await error({ host: [() => "localhost"][0] }), 'TypeError: serve() option "host" must be a string, got a function');
  assert.is(await error({ ws_max_size: 1024 }), 'TypeError: serve() got an unexpected option "ws_max_size"; did you mean "wsMaxSize"?');
  assert.is(await error({ wsMaxSize: 0 }), 'TypeError: serve() option "wsMaxSize" must be a whole number of bytes above 0, got 0');
  assert.is(await error({ wsMaxSize: null }), 'TypeError: serve() option "wsMaxSize" must be a whole number of bytes above 0, got null');
  assert.is(await error({ wsMaxQueue: 1.5 }), 'TypeError: serve() option "wsMaxQueue" must be a whole number above 0, got 1.5');
  assert.is(await error({ wsPingInterval: "20s" }), 'TypeError: serve() option "wsPingInterval" must be a number of seconds, or null for no pings, got "20s"');
  assert.is(await error({ wsPingInterval: -1 }), 'TypeError: serve() option "wsPingInterval" must be a number of seconds, or null for no pings, got -1');
  assert.is(await error({ wsPingTimeout: 3e6 }), 'TypeError: serve() option "wsPingTimeout" must be a number of seconds, or null to wait forever, got 3000000');
  assert.is(await error({ wsPerMessageDeflate: "on" }), 'TypeError: serve() option "wsPerMessageDeflate" must be true or false, got "on"');
  assert.is(await error(8000), "TypeError: serve() options must be an object, got 8000");
  assert.is(await error(null), "TypeError: serve() options must be an object, got null");
  assert.is(started, 0, "no lifespan startup for a call that was refused");
  // undefined means "not given", and every option at its extreme is accepted.
  assert.is(await error({ ...quiet(lines), host: undefined, rootPath: "", accessLog: false, maxBodySize: null }), "served");
  assert.is(await error({ ...quiet(lines), maxBodySize: 0 }), "served");
  const ws = { wsMaxSize: 1, wsMaxQueue: 1, wsPingInterval: null, wsPingTimeout: null, wsPerMessageDeflate: false };
  assert.is(await error({ ...quiet(lines), ...ws }), "served");
  assert.is(await error({ ...quiet(lines), wsPingInterval: 0.5, wsPingTimeout: 0 }), "served");
  assert.is(started, 4);
});

test("an app without lifespan support is served, with uvicorn's note", async () => {
  const lines: string[] = [];
  const app: ASGIApp = async (scope, receive, send) => {
    if (scope.type === "lifespan") return;
    await new PlainTextResponse("plain").call(scope, receive, send);
  };
  const server = await serve(app, quiet(lines));
  try {
    assert.ok(lines.includes("INFO:     ASGI 'lifespan' protocol appears unsupported."));
    assert.is((await call(server, "/")).body, "plain");
  } finally {
    await server.close();
  }
  // As uvicorn: no lifespan, so no shutdown lines for it.
  assert.not.ok(lines.includes("INFO:     Waiting for application shutdown."));
  assert.ok(lines.includes("INFO:     Shutting down"));
});

// The options the starlette-ts command's flags give (uvicorn's Config and Server).

const echoScope: ASGIApp = async (scope, receive, send) => {
  if (scope.type === "lifespan") return;
  if (scope.type === "websocket") {
    await send({ type: "websocket.accept" });
    await send({ type: "websocket.send", text: JSON.stringify({ scheme: scope.scheme }) });
    await send({ type: "websocket.close", code: 1000 });
    return;
  }
  const body = JSON.stringify({ path: scope.path, raw_path: scope.raw_path, root_path: scope.root_path, scheme: scope.scheme, server: scope.server ?? null });
  await new PlainTextResponse(body).call(scope, receive, send);
};

const certDir = mkdtempSync(join(tmpdir(), "starlette-ts-tls-"));
/** A self-signed certificate from the openssl command, or null where there is none. */
function certificate(encrypted = false): { key: string; cert: string; both: string } | null {
  const key = join(certDir, encrypted ? "enc.key" : "plain.key");
  const cert = join(certDir, encrypted ? "enc.crt" : "plain.crt");
  const args = ["req", "-x509", "-newkey", "rsa:2048", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"];
  const made = spawnSync("openssl", encrypted ? [...args, "-passout", "pass:secret"] : [...args, "-nodes"]);
  if (made.status !== 0) return null;
  const both = join(certDir, "both.pem");
  writeFileSync(both, readFileSync(key, "utf8") + readFileSync(cert, "utf8"));
  return { key, cert, both };
}

function fetchTls(server: ServerHandle, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: server.host, port: server.port, path, rejectUnauthorized: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

test("rootPath: the path keeps it in front, as uvicorn's scope does", async () => {
  const server = await serve(echoScope, { ...quiet(), rootPath: "/api" });
  try {
    const scope = JSON.parse((await call(server, "/items%201")).body) as Record<string, unknown>;
    assert.equal([scope.path, scope.raw_path, scope.root_path], ["/api/items 1", "/api/items%201", "/api"]);
  } finally {
    await server.close();
  }
});

test("sslCertfile and sslKeyfile: HTTPS and WSS, a certificate file holding the key, an encrypted key", async () => {
  const plain = certificate();
  if (plain === null) return console.warn("(openssl not available: TLS not tested)");
  assert.is(await serve(echoScope, { ...quiet(), sslKeyfile: plain.key }).catch((e: Error) => e.message), 'serve() option "sslKeyfile" needs "sslCertfile" too');
  const lines: string[] = [];
  const server = await serve(echoScope, { ...quiet(lines), sslKeyfile: plain.key, sslCertfile: plain.cert });
  try {
    assert.is(JSON.parse(await fetchTls(server, "/")).scheme, "https");
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(lines.includes(`INFO:     Uvicorn-compatible server running on ${server.url} (Press CTRL+C to quit)`));
    const { WebSocket } = await import("ws");
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}/`, { rejectUnauthorized: false });
    const message = await new Promise<string>((resolve, reject) => ws.once("message", (d) => resolve(String(d))).once("error", reject));
    assert.is(JSON.parse(message).scheme, "wss");
    await new Promise((r) => ws.once("close", r));
  } finally {
    await server.close();
  }
  const combined = await serve(echoScope, { ...quiet(), sslCertfile: plain.both });
  try {
    assert.is(JSON.parse(await fetchTls(combined, "/")).scheme, "https");
  } finally {
    await combined.close();
  }
  const enc = certificate(true) as { key: string; cert: string };
  const encrypted = await serve(echoScope, { ...quiet(), sslKeyfile: enc.key, sslCertfile: enc.cert, sslKeyfilePassword: "secret" });
  try {
    assert.is(JSON.parse(await fetchTls(encrypted, "/")).scheme, "https");
  } finally {
    await encrypted.close();
  }
});

test("uds: a socket file left behind is replaced and keeps its mode; anything else there is an error, as uvicorn says it", async () => {
  const path = join(certDir, "stale.sock");
  // A socket file nobody listens on any more (Python leaves it behind; Node removes its own).
  spawnSync("python3", ["-c", `import os, socket; s = socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(path)}); os.chmod(${JSON.stringify(path)}, 0o600)`]);
  const lines: string[] = [];
  if (existsSync(path)) {
    const server = await serve(echoScope, { ...quiet(lines), uds: path });
    try {
      assert.is(statSync(path).mode & 0o777, 0o600);
      assert.is(server.url, `http+unix://${encodeURIComponent(path)}`);
      assert.is(server.host, path);
    } finally {
      await server.close();
    }
  }
  const fresh = await serve(echoScope, { ...quiet(), uds: join(certDir, "fresh.sock") });
  assert.is(statSync(join(certDir, "fresh.sock")).mode & 0o777, 0o666);
  await fresh.close();
  const file = join(certDir, "a-file");
  writeFileSync(file, "");
  lines.length = 0;
  const failed = await serve(echoScope, { ...quiet(lines), uds: file }).catch((e: NodeJS.ErrnoException) => e.code);
  assert.is(failed, "EADDRINUSE");
  assert.ok(lines.includes(`ERROR:    [Errno 98] error while attempting to bind on address ${file}: address already in use`), lines.join("\n"));
  lines.length = 0;
  await serve(echoScope, { ...quiet(lines), fd: 987654 }).catch(() => undefined);
  assert.match(lines.find((l) => l.startsWith("ERROR:")) ?? "", /^ERROR: {4}\[Errno \d+\] error while attempting to bind on address fd 987654: /);
});

test("limitConcurrency: requests still running count too, after their client has gone", async () => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const app: ASGIApp = async (scope, receive, send) => {
    if (scope.type === "lifespan") return;
    if (scope.path === "/hold") await held;
    await new PlainTextResponse("ok").call(scope, receive, send).catch(() => undefined);
  };
  const lines: string[] = [];
  const server = await serve(app, { ...quiet(lines), limitConcurrency: 2, accessLog: false });
  try {
    // Two requests whose clients leave while the app still works on them: no connection, two tasks.
    // (An idle keep-alive connection counts as uvicorn counts it: none is opened before.)
    for (let i = 0; i < 2; i++) {
      const socket = connect(server.port, server.host);
      socket.write("GET /hold HTTP/1.1\r\nhost: x\r\n\r\n");
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    await new Promise((r) => setTimeout(r, 50));
    const refused = await call(server, "/");
    assert.equal([refused.status, refused.body], [503, "Service Unavailable"], lines.join("\n"));
    assert.ok(lines.includes("WARNING:  Exceeded concurrency limit."));
    release();
    await new Promise((r) => setTimeout(r, 50));
    assert.is((await call(server, "/")).status, 200);
  } finally {
    release();
    await server.close();
  }
});

test("lifespan 'on': the exception or the app's message, then uvicorn's verdict; 'off': no lifespan at all", async () => {
  const raising: ASGIApp = async (scope) => {
    if (scope.type === "lifespan") throw "not an Error";
  };
  const lines: string[] = [];
  assert.is(await serve(raising, { ...quiet(lines), lifespan: "on" }).catch((e: unknown) => e), "not an Error");
  assert.equal(lines.slice(-2), ["ERROR:    Exception in 'lifespan' protocol\nnot an Error", "ERROR:    Application startup failed. Exiting."]);
  const failing: ASGIApp = async (scope, receive, send) => {
    if (scope.type !== "lifespan") return;
    await receive();
    await send({ type: "lifespan.startup.failed", message: "no database" });
  };
  lines.length = 0;
  await serve(failing, { ...quiet(lines), lifespan: "on" }).catch(() => undefined);
  assert.equal(lines.slice(-2), ["ERROR:    no database", "ERROR:    Application startup failed. Exiting."]);
  lines.length = 0;
  const server = await serve(raising, { ...quiet(lines), lifespan: "off" });
  await server.close();
  assert.not.ok(lines.some((l) => /application (startup|shutdown)/i.test(l)), lines.join("\n"));
});

test("logLevel: lines below it are dropped, the access log with INFO", async () => {
  const lines: string[] = [];
  const app: ASGIApp = async (scope) => {
    if (scope.type === "http") throw new Error("boom");
  };
  const server = await serve(app, { ...quiet(lines), logLevel: "error" });
  try {
    assert.is((await call(server, "/")).status, 500);
  } finally {
    await server.close();
  }
  assert.ok(lines.length > 0 && lines.every((l) => l.startsWith("ERROR:")), lines.join("\n"));
  const closed = await serve(app, { ...quiet(), logLevel: "critical", timeoutKeepAlive: 0.5, timeoutGracefulShutdown: null, limitMaxRequests: null, limitConcurrency: null });
  assert.is(closed.server.keepAliveTimeout, 500);
  await closed.close();
  await closed.closed;
});

test.after(() => rmSync(certDir, { recursive: true, force: true }));

test.run();
