// No Python counterpart: the edge branches of several modules, one behaviour each.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { getRoutePath } from "../src/_utils.js";
import { TimestampSigner } from "../src/itsdangerous/timed.js";
import { SigningAlgorithm } from "../src/itsdangerous/signer.js";
import { Serializer } from "../src/itsdangerous/serializer.js";
import { BaseHTTPMiddleware } from "../src/middleware/base.js";
import { ServerErrorMiddleware } from "../src/middleware/errors.js";
import { ExceptionMiddleware } from "../src/middleware/exceptions.js";
import { Session, SessionMiddleware } from "../src/middleware/sessions.js";
import { Request } from "../src/requests.js";
import { PlainTextResponse } from "../src/responses.js";
import { Route, Router } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Message } from "../src/types.js";
import { rejects } from "./helpers.js";

const enc = new TextEncoder();

test("getRoutePath: a path outside root_path, the root itself, and a sibling prefix", () => {
  assert.is(getRoutePath({ type: "http", path: "/other", root_path: "/api" }), "/other");
  assert.is(getRoutePath({ type: "http", path: "/api", root_path: "/api" }), "");
  assert.is(getRoutePath({ type: "http", path: "/apix", root_path: "/api" }), "/apix");
  assert.is(getRoutePath({ type: "http", path: "/api/x", root_path: "/api" }), "/x");
});

test("websocket scopes that match nothing are closed (Router and a lone Route)", async () => {
  for (const app of [new Router(), new Route("/", () => "x")]) {
    const sent: Message[] = [];
    await app.call({ type: "websocket", path: "/nope", headers: [] }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
    assert.equal(sent, [{ type: "websocket.close", code: 1000, reason: "" }]);
  }
});

test("BaseHTTPMiddleware forwards a leading debug message, and refuses a body before the start", async () => {
  const debugApp: ASGIApp = async (_s, _r, send) => {
    await send({ type: "http.response.debug", info: { template: "x" } });
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: enc.encode("ok") });
  };
  const sent: Message[] = [];
  await new BaseHTTPMiddleware(debugApp, (r, n) => n(r)).call({ type: "http", headers: [] }, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["http.response.debug", "http.response.start", "http.response.body", "http.response.body"]);
  const bodyFirst: ASGIApp = async (_s, _r, send) => send({ type: "http.response.body", body: enc.encode("x") });
  const error = await rejects(new BaseHTTPMiddleware(bodyFirst, (r, n) => n(r)).call({ type: "http", headers: [] }, async () => ({ type: "http.disconnect" }), async () => undefined));
  assert.is(error.message, "Unexpected message: http.response.body");
  const weird: ASGIApp = async (_s, _r, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.trailers" });
  };
  const weirdError = await rejects(new BaseHTTPMiddleware(weird, (r, n) => n(r)).call({ type: "http", headers: [] }, async () => ({ type: "http.disconnect" }), async () => undefined));
  assert.is(weirdError.message, "Unexpected message: http.response.trailers");
});

test("Request.stream skips messages it does not know; form errors outside an app are not HTTP errors", async () => {
  const messages: Message[] = [{ type: "http.unknown" }, { type: "http.request", body: enc.encode("a=1"), more_body: false }];
  const request = new Request({ type: "http", headers: [["content-type", "multipart/form-data"]] }, async () => messages.shift() as Message);
  assert.is(new TextDecoder().decode(await request.body()), "a=1");
  const error = await rejects(request.form());
  assert.is(error.name, "MultiPartException");
});

test("TimestampSigner.validate re-throws what is not a BadSignature", () => {
  class Broken extends SigningAlgorithm {
    getSignature(): Buffer {
      throw new TypeError("broken");
    }
  }
  assert.throws(() => new TimestampSigner("k", { algorithm: new Broken() }).validate("a.b.YWJj"), /broken/);
  assert.throws(() => new TimestampSigner("k", { algorithm: new Broken() }).unsign("a.b.YWJj"), /broken/);
});

test("Serializer.loadsUnsafe re-throws a payload error that is not BadPayload", () => {
  const serializer = new Serializer("k", {
    serializer: {
      dumps: () => "x",
      loads: () => {
        throw new RangeError("not a BadPayload");
      },
    },
  });
  class Odd extends Serializer {
    override loadPayload(): unknown {
      throw new RangeError("odd");
    }
  }
  const odd = new Odd("k");
  const token = serializer.dumps(1);
  assert.throws(() => odd.loadsUnsafe(token.slice(0, -1)), /odd/);
});

test("Session.update takes entries as well as an object; several vary headers collapse into one", async () => {
  const session = new Session();
  session.update([["a", 1]]);
  assert.equal({ ...session.toObject() }, { a: 1 });
  const app = new Router({
    routes: [new Route("/", (r: Request) => (r.session.get("x"), new PlainTextResponse("ok", { headers: { vary: "A" } })))],
    middleware: [],
  });
  const wrapped = new SessionMiddleware(async (scope, receive, send) => {
    await app.call(scope, receive, async (m) => {
      if (m.type === "http.response.start") m.headers = [...(m.headers ?? []), ["vary", "B"]];
      await send(m);
    });
  }, { secretKey: "k" });
  const response = await new TestClient(wrapped).get("/");
  assert.equal(response.headers.getList("vary"), ["A, Cookie"]);
});

test("a session set to null by the app counts as emptied", async () => {
  const app = new SessionMiddleware(async (scope, receive, send) => {
    scope.session = null;
    await new PlainTextResponse("ok").call(scope, receive, send);
  }, { secretKey: "k" });
  const response = await new TestClient(app).get("/");
  assert.equal(response.headers.getList("set-cookie"), []);
  assert.is(response.headers.get("vary"), "Cookie");
});

test("ServerErrorMiddleware's text for an Error without a stack; ExceptionMiddleware on a websocket scope", async () => {
  const noStack = Object.assign(new Error("bare"), { stack: undefined });
  const app = new ServerErrorMiddleware(async () => {
    throw noStack;
  }, { debug: true });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.text, "Error: bare");
  let seen = "";
  await new ExceptionMiddleware(async (scope) => void (seen = scope.type)).call({ type: "websocket", headers: [] }, async () => ({ type: "websocket.connect" }), async () => undefined);
  assert.is(seen, "websocket");
});

test("the TestClient keeps a path that is not valid percent-encoding", async () => {
  const app: ASGIApp = async (scope, receive, send) => new PlainTextResponse(scope.path as string).call(scope, receive, send);
  assert.is((await new TestClient(app).get("/bad%E0%A4%A")).text, "/bad%E0%A4%A");
});

test.run();
