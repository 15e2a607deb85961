// The cost of one request through the app alone, with no sockets: the ASGI app
// is called directly with a prepared scope, as a server would, and the time
// per request is reported for the routes of the main benchmark. Runs the built
// package (dist/), as users do:
//   npm run bench:inprocess
import { App, PlainTextResponse, type Request, type Scope } from "../dist/index.js";
import { SessionMiddleware } from "../dist/middleware/sessions.js";
import { TimestampSigner } from "../dist/itsdangerous/index.js";

const SECRET = "bench-secret";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);

class PassThrough {
  constructor(readonly app: (scope: Scope, receive: never, send: never) => Promise<void>) {}
  call(scope: Scope, receive: never, send: never): Promise<void> {
    return this.app(scope, receive, send);
  }
}

// The least any middleware that waits for the inner app can cost: one await.
class AwaitNext {
  constructor(readonly app: (scope: Scope, receive: never, send: never) => Promise<void>) {}
  async call(scope: Scope, receive: never, send: never): Promise<void> {
    await this.app(scope, receive, send);
  }
}

/** The benchmark's app (bench/servers/starlette-ts.mjs) with `layers` middleware of one kind. */
function build(kind: "none" | "http" | "http-header" | "asgi" | "await", layers: number): App {
  const app = new App();
  if (kind === "http") for (let i = 0; i < layers; i++) app.middleware("http")((request, callNext) => callNext(request));
  // The shape of FastAPI's middleware example: await callNext, edit the response, return it.
  if (kind === "http-header") {
    for (let i = 0; i < layers; i++) {
      app.middleware("http")(async (request, callNext) => {
        const response = await callNext(request);
        response.headers.set("x-layer", String(i));
        return response;
      });
    }
  }
  if (kind === "asgi") for (let i = 0; i < layers; i++) app.addMiddleware(PassThrough);
  if (kind === "await") for (let i = 0; i < layers; i++) app.addMiddleware(AwaitNext);
  app.addMiddleware(SessionMiddleware, { secretKey: SECRET });
  app.get("/plain")(() => new PlainTextResponse("ok"));
  app.get("/json")(() => ({ hello: "world" }));
  app.get("/session/incr")((request: Request) => {
    const count = ((request.session.get("count") as number | null) ?? 0) + 1;
    request.session.set("count", count);
    return { count };
  });
  return app;
}

// A session cookie as Starlette writes it: {"count": 0}, signed now.
const cookie = `session=${new TimestampSigner(SECRET).sign(Buffer.from('{"count": 0}').toString("base64"))}`;

async function measure(app: App, path: string, withCookie: boolean): Promise<number> {
  const headers: [string, string][] = [["host", "127.0.0.1:8000"], ["user-agent", "bench"], ["accept", "*/*"]];
  if (withCookie) headers.push(["cookie", cookie]);
  let status = 0;
  const receive = async () => ({ type: "http.request", body: new Uint8Array(0), more_body: false });
  const send = async (message: { type: string; status?: number }) => {
    if (message.type === "http.response.start") status = message.status ?? 0;
  };
  const one = () =>
    app.call(
      { type: "http", asgi: { version: "3.0" }, http_version: "1.1", server: ["127.0.0.1", 8000], client: ["127.0.0.1", 50000], scheme: "http",
        method: "GET", root_path: "", path, raw_path: path, query_string: "", headers: headers.map(([k, v]): [string, string] => [k, v]), state: {} },
      receive as never,
      send as never,
    );
  for (let i = 0; i < REQUESTS / 10; i++) await one(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) await one();
  const micros = Number(process.hrtime.bigint() - start) / REQUESTS / 1000;
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return micros;
}

const rows: [string, App, string, boolean][] = [
  ["/plain", build("none", 0), "/plain", false],
  ["/json", build("none", 0), "/json", false],
  ["/session/incr", build("none", 0), "/session/incr", true],
  ["/plain, 10 http middleware", build("http", 10), "/plain", false],
  ["  same, each setting a header", build("http-header", 10), "/plain", false],
  ["/plain, 10 ASGI middleware", build("asgi", 10), "/plain", false],
  ["  same, each awaiting the app", build("await", 10), "/plain", false],
];
console.log(`Node ${process.version}, ${REQUESTS} requests each, µs per request (lower is better)`);
for (const [name, app, path, withCookie] of rows) console.log(`${name.padEnd(28)} ${(await measure(app, path, withCookie)).toFixed(2).padStart(7)} µs`);
