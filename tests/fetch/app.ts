// The apps behind the fetch adapter's scenario suite (tests/fetch/scenarios.ts): an App
// with middleware, sessions, streaming and a lifespan; a FastAPI app; a bare ASGI
// function. The same module runs on Node, Bun, Deno and workerd (each entry imports it).
import { createHash } from "node:crypto";
import * as z from "zod";
import { App } from "../../src/applications.js";
import { BackgroundTask } from "../../src/background.js";
import { HTTPException } from "../../src/exceptions.js";
import { Body, FastAPI } from "../../src/fastapi/index.js";
import { toFetchHandler, type AddressOf, type ExecutionContextLike, type FetchHandler, type FetchHandlerOptions } from "../../src/fetch.js";
import { Middleware } from "../../src/middleware/index.js";
import { SessionMiddleware } from "../../src/middleware/sessions.js";
import type { Request } from "../../src/requests.js";
import { JSONResponse, PlainTextResponse, Response, StreamingResponse } from "../../src/responses.js";
import { Mount, Route } from "../../src/routing.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "../../src/types.js";

/** The secrets of the session vectors (tests/vectors/itsdangerous.json), one mount each: /session/0, /session/1, /session/2. */
export const SECRETS = ["some-random-string", "secret-key", "pässwörd-🔐"];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const param = (request: Request, name: string) => request.queryParams.get(name) ?? "";

/** Adds its name to x-order when the response starts: the order of the values is the order of the layers, innermost first. */
class TagMiddleware {
  constructor(
    readonly app: ASGIApp,
    readonly name: string,
  ) {}

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    return this.app(scope, receive, (message: Message) => {
      if (message.type === "http.response.start") message.headers = [...(message.headers ?? []), ["x-order", this.name]];
      return send(message);
    });
  }
}

/** The session clock from the request's x-now header, so that cookies are the vectors' bytes. */
class ClockedSessions extends SessionMiddleware {
  override call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const now = scope.headers?.find(([name]) => name === "x-now")?.[1];
    if (now !== undefined) this.signer.getTimestamp = () => Number(now);
    return super.call(scope, receive, send);
  }
}

function sessionApp(secretKey: string): App {
  return new App({
    routes: [
      new Route("/set", async (r: Request) => (r.session.update(await r.json<Record<string, unknown>>()), new JSONResponse({ ok: true })), { methods: ["POST"] }),
      new Route("/view", (r: Request) => new JSONResponse({ session: r.session })),
      new Route("/incr", (r: Request) => {
        r.session.set("count", Number(r.session.get("count") ?? 0) + 1);
        return new JSONResponse({ count: r.session.get("count") });
      }),
    ],
    middleware: [new Middleware(ClockedSessions, { secretKey })],
  });
}

/** The fields of the scope a request got, as JSON. */
function scopeOf(r: Request): Record<string, unknown> {
  const s = r.scope;
  return {
    method: s.method, path: s.path, raw_path: s.raw_path, query_string: s.query_string, root_path: s.root_path, scheme: s.scheme,
    http_version: s.http_version, server: s.server, client: s.client,
    headers: s.headers?.filter(([name]) => name.startsWith("x-")), query: [...r.queryParams.multiItems()],
  };
}

/** Fresh apps, each set with its own records: the App, the FastAPI app and the bare ASGI function. */
export function createApps(): { app: App; fastapi: FastAPI; raw: ASGIApp } {
  // What the apps record for the suite to read back through /probe (a runtime's memory is not the test's).
  const records = new Map<string, unknown>();
  // Ids released by /stream/release. Polled, not awaited: workerd does not let one request
  // settle a promise another request waits on.
  const gates = new Set<string>();
  let startups = 0;
  const released = async (id: string) => {
    while (!gates.has(id)) await wait(5);
  };

  async function* lifespan() {
    startups += 1;
    yield { greeting: "hello from lifespan" };
  }

  async function* gated(id: string) {
    yield "first\n";
    await released(id);
    yield "second\n";
  }

  async function* big(id: string, chunks: number, size: number) {
    for (let i = 0; i < chunks; i++) {
      records.set(id, i + 1);
      yield new Uint8Array(size).fill(i % 256);
    }
  }

  async function* echo(request: Request) {
    for await (const chunk of request.stream()) if (chunk.byteLength) yield chunk;
  }

  const app = new App({
    lifespan,
    routes: [
      new Route("/", () => new PlainTextResponse("Hello")),
      new Route("/items/{item_id:int}", (r: Request) => new JSONResponse({ item_id: r.pathParams.item_id })),
      new Route("/files/{name:path}", (r: Request) => new JSONResponse({ name: r.pathParams.name })),
      new Route("/scope", (r: Request) => new JSONResponse(scopeOf(r)), { methods: ["GET", "POST"] }),
      new Route("/scope/{rest:path}", (r: Request) => new JSONResponse(scopeOf(r))),
      new Route("/lifespan", (r: Request) => new JSONResponse({ startups, greeting: r.state.greeting ?? null })),
      new Route(
        "/echo",
        async (r: Request) => {
          const hash = createHash("sha256");
          let bytes = 0;
          let chunks = 0;
          for await (const chunk of r.stream()) {
            if (!chunk.byteLength) continue;
            hash.update(chunk);
            bytes += chunk.byteLength;
            chunks += 1;
          }
          return new JSONResponse({ bytes, chunks, sha256: hash.digest("hex") });
        },
        { methods: ["POST"] },
      ),
      new Route("/echo/stream", (r: Request) => new StreamingResponse(echo(r), { mediaType: "application/octet-stream" }), { methods: ["POST"] }),
      new Route("/stream/gated", (r: Request) => new StreamingResponse(gated(param(r, "id")), { mediaType: "text/plain" })),
      new Route("/stream/release", (r: Request) => {
        gates.add(param(r, "id"));
        return new JSONResponse({ released: true });
      }),
      new Route("/stream/big", (r: Request) => new StreamingResponse(big(param(r, "id"), Number(param(r, "chunks")), Number(param(r, "size"))))),
      new Route("/error", () => {
        throw new Error("boom");
      }),
      new Route("/teapot", () => {
        throw new HTTPException(418);
      }),
      new Route("/cookies", () => {
        // Header values are byte strings: x-latin is the bytes E9 74 E9, x-utf8 the UTF-8 of "été".
        const response = new Response("cookies", { headers: { "x-latin": "\u00e9t\u00e9", "x-utf8": "\u00c3\u00a9t\u00c3\u00a9" } });
        response.setCookie("a", "1");
        response.setCookie("b", "2", { httponly: true });
        return response;
      }),
      new Route("/background", (r: Request) => {
        const id = param(r, "id");
        // Waits for /stream/release?id=..., so the suite can see the response come first.
        const task = new BackgroundTask(async () => {
          records.set(id, "started");
          await released(id);
          records.set(id, "done");
        });
        return new JSONResponse({ queued: id }, { background: task });
      }),
      new Route("/probe", (r: Request) => new JSONResponse({ value: records.get(param(r, "id")) ?? null })),
      ...SECRETS.map((secret, i) => new Mount(`/session/${i}`, { app: sessionApp(secret) })),
    ],
    middleware: [new Middleware(TagMiddleware, "outer"), new Middleware(TagMiddleware, "inner")],
  });

  app.middleware("http")(async (request, callNext) => {
    const response = await callNext(request);
    response.headers.append("x-order", "http");
    return response;
  });

  const Item = z.object({ name: z.string(), price: z.number(), tax: z.number().nullable().default(null) });

  const fastapi = new FastAPI();
  fastapi.post("/items/", { params: { item: Body(Item) } }, async function createItem({ item }) {
    return item;
  });

  const text = (body: string) => new TextEncoder().encode(body);
  const START: Message = { type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] };

  /** A bare ASGI function: the adapter's own error paths, and disconnects as the app sees them. */
  const raw: ASGIApp = async (scope, receive, send) => {
    if (scope.type !== "http") return; // no lifespan: the adapter takes it as unsupported
    const id = new URLSearchParams(scope.query_string).get("id") ?? "";
    switch (scope.path) {
      case "/raw/hello":
        await send(START);
        return send({ type: "http.response.body", body: text("raw") });
      case "/raw/raise":
        throw new Error("raised before the response");
      case "/raw/start-raise":
        await send(START);
        throw new Error("raised after the start");
      case "/raw/mid-raise":
        await send(START);
        await send({ type: "http.response.body", body: text("partial"), more_body: true });
        throw new Error("raised in the body");
      case "/raw/incomplete":
        await send(START);
        return send({ type: "http.response.body", body: text("partial"), more_body: true });
      case "/raw/nothing":
        return;
      case "/raw/wait-disconnect": {
        // Reads the body (it may never end), then waits for the client to go, then tries to answer.
        let message = await receive();
        records.set(id, { waiting: true });
        while (message.type === "http.request" && message.more_body) message = await receive();
        if (message.type !== "http.disconnect") message = await receive();
        try {
          await send(START);
          records.set(id, { received: message.type, send: "ok" });
        } catch (exc) {
          records.set(id, { received: message.type, send: (exc as Error).name, code: (exc as { code?: string }).code });
        }
        return;
      }
      case "/raw/drip": {
        // Sends a chunk every 20 ms until a send fails.
        await send(START);
        try {
          for (let i = 0; i < 500; i++) {
            await send({ type: "http.response.body", body: text(`chunk ${i}\n`), more_body: true });
            await wait(20);
          }
          records.set(id, { send: "never failed" });
        } catch (exc) {
          records.set(id, { send: (exc as Error).name, code: (exc as { code?: string }).code });
        }
        return;
      }
    }
    await send({ ...START, status: 404 });
    await send({ type: "http.response.body", body: text("no such raw route") });
  };

  return { app, fastapi, raw };
}

export interface Handlers<Env> {
  app: FetchHandler<Env>;
  fastapi: FetchHandler<Env>;
  raw: FetchHandler<Env>;
  /** Hands each request to the handler its path names: /fastapi/* (served with root_path /fastapi), /raw/*, the rest. */
  fetch(request: globalThis.Request, env?: Env, ctx?: ExecutionContextLike): globalThis.Response | Promise<globalThis.Response>;
}

/** The three handlers and the dispatch a runtime's entry exports; `client` is the runtime's way to the peer's address. */
export function handlers<Env>(client?: AddressOf<Env>, log?: (line: string) => void, options: FetchHandlerOptions<Env> = {}): Handlers<Env> {
  const { app, fastapi, raw } = createApps();
  const h = {
    app: toFetchHandler<Env>(app, { ...options, client, log }),
    fastapi: toFetchHandler<Env>(fastapi, { ...options, client, log, rootPath: "/fastapi" }),
    raw: toFetchHandler<Env>(raw, { ...options, client, log }),
  };
  const fetch = (request: globalThis.Request, env?: Env, ctx?: ExecutionContextLike): globalThis.Response | Promise<globalThis.Response> => {
    const path = request.url.slice(request.url.indexOf("/", request.url.indexOf("//") + 2));
    const handler = path.startsWith("/fastapi/") ? h.fastapi : path.startsWith("/raw/") ? h.raw : h.app;
    return handler(request, env, ctx);
  };
  return { ...h, fetch };
}
