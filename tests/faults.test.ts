// No Python counterpart: faults on a real server. Each gives the documented
// answer or a clean close, the next request is served, and nothing leaks:
// no unhandled rejection, no listener, no handle left behind.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import type { Request } from "../src/requests.js";
import { StreamingResponse } from "../src/responses.js";
import { serve, type ServerHandle } from "../src/server.js";

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

function get(server: ServerHandle, path: string): Promise<{ status: number; body: string } | "cut"> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: server.host, port: server.port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode as number, body }));
      res.on("error", () => resolve("cut"));
    });
    req.on("error", () => resolve("cut"));
    req.end();
  });
}

function faultyApp(): App {
  const app = new App();
  app.middleware("http")(async (request: Request, callNext) => {
    if (request.url.path === "/mw-before") throw new Error("middleware failed before callNext");
    const response = await callNext(request);
    if (request.url.path === "/mw-after") throw new Error("middleware failed after callNext");
    return response;
  });
  app.get("/ok")(() => "ok");
  app.get("/sync")(() => {
    throw new Error("sync handler");
  });
  app.get("/async")(async () => {
    await new Promise((r) => setTimeout(r, 1));
    throw new Error("async handler");
  });
  app.get("/mw-before")(() => "never");
  app.get("/mw-after")(() => "never sent");
  app.get("/midstream")(() => new StreamingResponse((async function* () {
    yield "first;";
    await new Promise((r) => setTimeout(r, 5));
    throw new Error("mid-stream");
  })()));
  app.get("/slow")(() => new StreamingResponse((async function* () {
    for (let i = 0; i < 200; i++) {
      yield "x".repeat(16384);
      await new Promise((r) => setTimeout(r, 1));
    }
  })()));
  return app;
}

test("faults answer as documented, the server keeps serving, nothing leaks", async () => {
  const listenersBefore = ["SIGINT", "SIGTERM", "unhandledRejection", "uncaughtException"].map((e) => process.listenerCount(e));
  process.on("unhandledRejection", onRejection);
  const resourcesBefore = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;
  const logs: string[] = [];
  const server = await serve(faultyApp(), { port: 0, log: (l) => void logs.push(l) });
  try {
    for (const path of ["/sync", "/async", "/mw-before", "/mw-after"]) {
      const reply = await get(server, path);
      assert.equal(reply, { status: 500, body: "Internal Server Error" }, path);
      assert.equal(await get(server, "/ok"), { status: 200, body: '"ok"' }, `after ${path}`);
    }
    // As in Starlette: behind a BaseHTTPMiddleware the truncated body is closed with the final empty
    // message, and the error is raised (and logged) after the response.
    const midstream = await get(server, "/midstream");
    assert.equal(midstream, { status: 200, body: "first;" });
    assert.equal(await get(server, "/ok"), { status: 200, body: '"ok"' });

    // A client that goes away mid-request and one that goes away mid-stream.
    const socket = connect(server.port, server.host);
    await new Promise<void>((r) => socket.once("connect", () => r()));
    socket.write("POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nabc");
    socket.destroy();
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: server.host, port: server.port, path: "/slow" }, (res) => res.once("data", () => (req.destroy(), resolve())));
      req.on("error", () => undefined);
      req.end();
    });
    // A slow client: reads the stream one chunk at a time, with pauses.
    const slow = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: server.host, port: server.port, path: "/slow" }, (res) => {
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          res.pause();
          setTimeout(() => res.resume(), 2);
        });
        res.on("end", () => resolve(size));
      });
      req.end();
    });
    assert.is(slow, 200 * 16384);
    assert.equal(await get(server, "/ok"), { status: 200, body: '"ok"' });
    assert.ok(logs.filter((l) => l.startsWith("ERROR:    Exception in ASGI application")).length >= 5);
  } finally {
    await server.close();
  }
  await new Promise((r) => setTimeout(r, 50));
  process.off("unhandledRejection", onRejection);
  assert.equal(rejections, [], "no unhandled rejection");
  assert.equal(["SIGINT", "SIGTERM", "unhandledRejection", "uncaughtException"].map((e) => process.listenerCount(e)), listenersBefore, "no leaked process listener");
  const resourcesAfter = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;
  assert.ok(resourcesAfter <= resourcesBefore, `active resources: ${resourcesBefore} before, ${resourcesAfter} after: ${process.getActiveResourcesInfo().join(", ")}`);
});

test.run();
