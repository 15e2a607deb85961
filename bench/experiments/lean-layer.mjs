// A measurement, not a middleware to use: how much of a BaseHTTPMiddleware layer's cost is the
// machinery around Starlette's contract. Each layer here keeps the core of it (a Request for
// dispatch, a callNext promise resolved at the inner start message with a Response, the body
// re-chunked with more_body set, held until the layer's response starts) and drops the rest:
// no backpressure (sends never wait), no inner-app errors or completion, no receive wrapper (body
// replay, disconnect after the response), no debug/pathsend/background handling.
//   npm run build && PORT=8001 LAYERS=10 node bench/experiments/lean-layer.mjs
//   wrk -t1 -c50 -d3s http://127.0.0.1:8001/plain
import { App, PlainTextResponse, Request, Response, serve } from "../../dist/index.js";
import { SessionMiddleware } from "../../dist/middleware/sessions.js";
import { RESOLVED } from "../../dist/_utils.js";

const noop = () => undefined;
const EMPTY = new Uint8Array(0);

class LeanResponse extends Response {
  constructor(status, headers) {
    super(null, { statusCode: status });
    this.rawHeaders = headers;
  }
  initHeaders() {
    return [];
  }
}

let captured = noop;
const capture = (resolve) => (captured = resolve);

class Cycle {
  constructor(layer, scope, receive, send, outer) {
    this.layer = layer;
    this.scope = scope;
    this.send = send;
    this.outer = outer;
    this.request = new Request(scope, receive);
    this.started = noop;
    this.pending = null;
    this.streaming = false;
    this.resolve = noop;
    this.respond = (response) => this.stream(response);
    this.callNext = () => {
      const promise = new Promise(capture);
      this.started = captured;
      this.runApp();
      return promise;
    };
  }

  run() {
    Promise.resolve(this.layer.dispatch(this.request, this.callNext)).then(this.respond);
  }

  runApp() {
    const inner = this.layer.inner;
    if (inner) new Cycle(inner, this.scope, this.request.receive, null, this).run();
    else this.layer.app(this.scope, this.request.receive, (message) => this.fromInner(message)).then(noop);
  }

  fromInner(message) {
    if (message.type === "http.response.start") this.started(new LeanResponse(message.status, message.headers));
    else if (this.streaming) this.pass(message);
    else (this.pending ??= []).push(message);
    return RESOLVED;
  }

  pass(message) {
    const body = message.body ?? EMPTY;
    if (body.byteLength) this.out({ type: "http.response.body", body, more_body: true });
    if (!message.more_body) this.out({ type: "http.response.body", body: EMPTY, more_body: false }, true);
  }

  out(message, last = false) {
    if (this.outer) this.outer.fromInner(message);
    else {
      this.send(message);
      if (last) this.resolve();
    }
  }

  stream(response) {
    this.out({ type: "http.response.start", status: response.statusCode, headers: response.rawHeaders });
    this.streaming = true;
    const pending = this.pending;
    this.pending = null;
    if (pending) for (const message of pending) this.pass(message);
  }
}

class Layer {
  constructor(app) {
    this.app = app;
    this.inner = app.lean ?? null;
    const call = (scope, receive, send) => this.call(scope, receive, send);
    call.lean = this;
    return call;
  }
  dispatch(request, callNext) {
    return callNext(request);
  }
  call(scope, receive, send) {
    return new Promise((resolve) => {
      const cycle = new Cycle(this, scope, receive, send, null);
      cycle.resolve = resolve;
      cycle.run();
    });
  }
}

const layers = Number(process.env.LAYERS ?? 10);
const app = new App();
for (let i = 0; i < layers; i++) app.addMiddleware((inner) => new Layer(inner));
app.addMiddleware(SessionMiddleware, { secretKey: "bench-secret" });
app.get("/plain")(() => new PlainTextResponse("ok"));
await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT ?? 8001), accessLog: false, log: () => undefined });
