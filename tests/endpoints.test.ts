// Port of tests/test_endpoints.py (Starlette 1.7), then the endpoints' own checks: method
// dispatch (HEAD, the 405 inside an app, plain values), each encoding's refusals and close
// codes, the hooks' order, and registration on an App.
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPEndpoint, WebSocketEndpoint } from "../src/endpoints.js";
import { HTTPException, WebSocketDisconnect } from "../src/exceptions.js";
import type { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse } from "../src/responses.js";
import { Route, Router, WebSocketRoute } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { Message } from "../src/types.js";
import type { WebSocket } from "../src/websockets.js";
import { rejects } from "./helpers.js";
import { requirePython, runPython } from "./python.js";

class Homepage extends HTTPEndpoint {
  async get(request: Request): Promise<PlainTextResponse> {
    const username = request.pathParams.username as string | undefined;
    if (username === undefined) return new PlainTextResponse("Hello, world!");
    return new PlainTextResponse(`Hello, ${username}!`);
  }
}

const app = new Router({ routes: [new Route("/", Homepage), new Route("/{username}", Homepage)] });
const client = new TestClient(app);

test("test_http_endpoint_route", async () => {
  const response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Hello, world!");
});

test("test_http_endpoint_route_path_params", async () => {
  const response = await client.get("/tomchristie");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Hello, tomchristie!");
});

test("test_http_endpoint_route_method", async () => {
  const response = await client.post("/");
  assert.is(response.statusCode, 405);
  assert.is(response.text, "Method Not Allowed");
  assert.is(response.headers.get("allow"), "GET");
});

test("test_http_endpoint_does_not_dispatch_non_verb_method", async () => {
  class Endpoint extends HTTPEndpoint {
    async get(): Promise<PlainTextResponse> {
      return new PlainTextResponse("Hello, world!");
    }

    async _do_delete(): Promise<PlainTextResponse> {
      return new PlainTextResponse("Privileged helper");
    }
  }
  const client = new TestClient(new Router({ routes: [new Route("/", Endpoint)] }));
  const response = await client.request("_DO_DELETE", "/");
  assert.is(response.statusCode, 405);
  assert.is(response.text, "Method Not Allowed");
  assert.is(response.headers.get("allow"), "GET");
});

test("test_websocket_endpoint_on_connect", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override async onConnect(websocket: WebSocket): Promise<void> {
      assert.equal(websocket.scope.subprotocols, ["soap", "wamp"]);
      await websocket.accept({ subprotocol: "wamp" });
    }
  }
  const client = new TestClient(WebSocketApp);
  await using websocket = await client.websocketConnect("/ws", { subprotocols: ["soap", "wamp"] });
  assert.is(websocket.acceptedSubprotocol, "wamp");
});

test("test_websocket_endpoint_on_receive_bytes", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override encoding = "bytes" as const;

    override async onReceive(websocket: WebSocket, data: Uint8Array): Promise<void> {
      await websocket.sendBytes(Buffer.concat([Buffer.from("Message bytes was: "), data]));
    }
  }
  const client = new TestClient(WebSocketApp);
  await client.websocketConnect("/ws", {}, async (websocket) => {
    websocket.sendBytes(Buffer.from("Hello, world!"));
    const bytes = await websocket.receiveBytes();
    assert.is(Buffer.from(bytes).toString(), "Message bytes was: Hello, world!");
  });

  const error = await rejects(client.websocketConnect("/ws", {}, (websocket) => websocket.sendText("Hello world")));
  assert.is(error.message, "Expected bytes websocket messages, but got text");
});

test("test_websocket_endpoint_on_receive_json", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override encoding = "json" as const;

    override async onReceive(websocket: WebSocket, data: unknown): Promise<void> {
      await websocket.sendJson({ message: data });
    }
  }
  const client = new TestClient(WebSocketApp);
  await client.websocketConnect("/ws", {}, async (websocket) => {
    websocket.sendJson({ hello: "world" });
    assert.equal(await websocket.receiveJson(), { message: { hello: "world" } });
  });

  const error = await rejects(client.websocketConnect("/ws", {}, (websocket) => websocket.sendText("Hello world")));
  assert.is(error.message, "Malformed JSON data received.");
});

test("test_websocket_endpoint_on_receive_json_binary", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override encoding = "json" as const;

    override async onReceive(websocket: WebSocket, data: unknown): Promise<void> {
      await websocket.sendJson({ message: data }, "binary");
    }
  }
  await using websocket = await new TestClient(WebSocketApp).websocketConnect("/ws");
  websocket.sendJson({ hello: "world" }, "binary");
  assert.equal(await websocket.receiveJson("binary"), { message: { hello: "world" } });
});

test("test_websocket_endpoint_on_receive_text", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override encoding = "text" as const;

    override async onReceive(websocket: WebSocket, data: string): Promise<void> {
      await websocket.sendText(`Message text was: ${data}`);
    }
  }
  const client = new TestClient(WebSocketApp);
  await client.websocketConnect("/ws", {}, async (websocket) => {
    websocket.sendText("Hello, world!");
    assert.is(await websocket.receiveText(), "Message text was: Hello, world!");
  });

  const error = await rejects(client.websocketConnect("/ws", {}, (websocket) => websocket.sendBytes(Buffer.from("Hello world"))));
  assert.is(error.message, "Expected text websocket messages, but got bytes");
});

test("test_websocket_endpoint_on_default", async () => {
  class WebSocketApp extends WebSocketEndpoint {
    override encoding = null;

    override async onReceive(websocket: WebSocket, data: string | Uint8Array): Promise<void> {
      await websocket.sendText(`Message text was: ${String(data)}`);
    }
  }
  await using websocket = await new TestClient(WebSocketApp).websocketConnect("/ws");
  websocket.sendText("Hello, world!");
  assert.is(await websocket.receiveText(), "Message text was: Hello, world!");
});

test("test_websocket_endpoint_on_disconnect", async () => {
  const codes: number[] = [];
  class WebSocketApp extends WebSocketEndpoint {
    override async onDisconnect(websocket: WebSocket, closeCode: number): Promise<void> {
      codes.push(closeCode);
      await websocket.close(closeCode);
    }
  }
  await new TestClient(WebSocketApp).websocketConnect("/ws", {}, (websocket) => websocket.close(1001));
  // Starlette asserts inside the hook, where a failure would be the app's error; here it is checked after.
  assert.equal(codes, [1001]);
});

// ---------------------------------------------------------------- beyond Starlette's tests

test("HTTPEndpoint: HEAD runs get() unless head() is defined; Allow lists every verb defined", async () => {
  const calls: string[] = [];
  class GetOnly extends HTTPEndpoint {
    get(): PlainTextResponse {
      calls.push("get");
      return new PlainTextResponse("body");
    }
  }
  class Verbs extends HTTPEndpoint {
    get = () => new PlainTextResponse("get");
    head = () => new PlainTextResponse("", { headers: { "x-head": "1" } });
    put = () => new PlainTextResponse("put");
    query = () => new PlainTextResponse("query");
  }
  const client = new TestClient(new Router({ routes: [new Route("/get", GetOnly), new Route("/verbs", Verbs)] }));
  const head = await client.head("/get");
  assert.is(head.statusCode, 200);
  assert.is(head.headers.get("content-length"), "4");
  assert.equal(calls, ["get"]);
  assert.is((await client.head("/verbs")).headers.get("x-head"), "1");
  assert.is((await client.put("/verbs")).text, "put");
  assert.is((await client.request("QUERY", "/verbs")).text, "query");
  const refused = await client.delete("/verbs");
  assert.is(refused.statusCode, 405);
  assert.is(refused.headers.get("allow"), "GET, HEAD, PUT, QUERY");
});

test("HTTPEndpoint: a handler may be sync and return a plain value (sent as JSON, as route handlers do)", async () => {
  class Values extends HTTPEndpoint {
    get(request: Request): unknown {
      return { path: request.url.path };
    }
  }
  const response = await new TestClient(Values).get("/here");
  assert.is(response.headers.get("content-type"), "application/json");
  assert.equal(response.json(), { path: "/here" });
});

test("HTTPEndpoint inside an app: the 405 is an HTTPException with Allow, for the app's handlers (test_405's /class)", async () => {
  const seen: HTTPException[] = [];
  const app = new App({
    routes: [new Route("/class", Homepage)],
    exceptionHandlers: [[405, (_request, exc) => (seen.push(exc as HTTPException), new JSONResponse({ detail: "Custom message" }, { statusCode: 405 }))]],
  });
  const response = await new TestClient(app).post("/class");
  assert.is(response.statusCode, 405);
  assert.equal(response.json(), { detail: "Custom message" });
  assert.equal(seen[0].headers, { Allow: "GET" });
  // With no handler for it, ExceptionMiddleware answers as Starlette does.
  const plain = await new TestClient(new App({ routes: [new Route("/class", Homepage)] })).post("/class");
  assert.is(plain.statusCode, 405);
  assert.is(plain.text, "Method Not Allowed");
  assert.is(plain.headers.get("allow"), "GET");
});

test("registration: Route(path, Cls), app.route(path, Cls), app.route(path)(Cls), app.addRoute and app.websocketRoute(path, Cls)", async () => {
  class Echo extends WebSocketEndpoint {
    override encoding = "json" as const;

    override async onReceive(websocket: WebSocket, data: unknown): Promise<void> {
      await websocket.sendJson({ message: data });
    }
  }
  const app = new App({ routes: [new Route("/a", Homepage), new WebSocketRoute("/ws-a", Echo)] });
  assert.is(app.route("/b", Homepage), Homepage);
  app.route("/c", { name: "c" })(Homepage);
  app.addRoute("/d", Homepage);
  assert.is(app.websocketRoute("/ws", Echo), Echo);
  app.websocketRoute("/ws-b")(Echo);
  const client = new TestClient(app);
  for (const path of ["/a", "/b", "/c", "/d"]) {
    assert.is((await client.get(path)).text, "Hello, world!", path);
    assert.is((await client.post(path)).statusCode, 405, path);
  }
  assert.is(app.urlPathFor("c"), "/c");
  assert.is(app.urlPathFor("Homepage"), "/a");
  assert.is(app.urlPathFor("Echo"), "/ws-a");
  for (const path of ["/ws", "/ws-a", "/ws-b"]) {
    await client.websocketConnect(path, {}, async (websocket) => {
      websocket.sendJson({ hello: path });
      assert.equal(await websocket.receiveJson(), { message: { hello: path } });
    });
  }
});

test("WebSocketEndpoint: the hooks in order, a websocket.disconnect without a code counts as 1000", async () => {
  const log: string[] = [];
  class Logged extends WebSocketEndpoint {
    override async onConnect(websocket: WebSocket): Promise<void> {
      log.push("connect");
      await websocket.accept();
    }
    override async onReceive(_websocket: WebSocket, data: unknown): Promise<void> {
      log.push(`receive ${String(data)}`);
    }
    override async onDisconnect(_websocket: WebSocket, closeCode: number): Promise<void> {
      log.push(`disconnect ${closeCode}`);
    }
  }
  await new TestClient(Logged).websocketConnect("/", {}, (websocket) => {
    websocket.sendText("a");
    websocket.sendText("b");
    websocket.send({ type: "websocket.disconnect" });
  });
  assert.equal(log, ["connect", "receive a", "receive b", "disconnect 1000"]);
});

test("WebSocketEndpoint: the default hooks accept, ignore messages and return on disconnect", async () => {
  const sent: Message[] = [];
  const incoming: Message[] = [{ type: "websocket.connect" }, { type: "websocket.receive", text: "ignored" }, { type: "websocket.disconnect", code: 1001 }];
  const scope = { type: "websocket", path: "/", headers: [] };
  await new WebSocketEndpoint(scope, async () => incoming.shift() as Message, async (m) => void sent.push(m)).dispatch();
  assert.equal(sent, [{ type: "websocket.accept", subprotocol: null, headers: [] }]);
});

test("WebSocketEndpoint: an error in onReceive reaches onDisconnect as 1011, then the app", async () => {
  const codes: number[] = [];
  class Failing extends WebSocketEndpoint {
    override async onReceive(): Promise<void> {
      throw new Error("boom");
    }
    override async onDisconnect(_websocket: WebSocket, closeCode: number): Promise<void> {
      codes.push(closeCode);
    }
  }
  const error = await rejects(new TestClient(Failing).websocketConnect("/", {}, (websocket) => websocket.sendText("x")));
  assert.is(error.message, "boom");
  assert.equal(codes, [1011]);
});

test("WebSocketEndpoint: a refused message closes with 1003 before the error (each encoding)", async () => {
  const cases: Array<[WebSocketEndpoint["encoding"], Message, string]> = [
    ["text", { type: "websocket.receive", bytes: Buffer.from("x") }, "Expected text websocket messages, but got bytes"],
    ["bytes", { type: "websocket.receive", text: "x" }, "Expected bytes websocket messages, but got text"],
    ["json", { type: "websocket.receive", bytes: Buffer.from("{nope") }, "Malformed JSON data received."],
  ];
  for (const [encoding, message, text] of cases) {
    class Strict extends WebSocketEndpoint {
      override encoding = encoding;
    }
    const closes: Message[] = [];
    const error = await rejects(
      new TestClient(Strict).websocketConnect("/", {}, async (websocket) => {
        websocket.send(message);
        closes.push(await websocket.receive());
      }),
    );
    assert.is(error.message, text);
    assert.equal(closes, [{ type: "websocket.close", code: 1003, reason: "" }], String(encoding));
  }
});

test("WebSocketEndpoint: encoding null passes bytes through; json reads UTF-8 bytes, and invalid UTF-8 is an error, not a 1003", async () => {
  const received: unknown[] = [];
  class Raw extends WebSocketEndpoint {
    override async onReceive(_websocket: WebSocket, data: unknown): Promise<void> {
      received.push(data);
    }
  }
  await new TestClient(Raw).websocketConnect("/", {}, (websocket) => websocket.sendBytes(Buffer.from([1, 2])));
  assert.equal(received, [Buffer.from([1, 2])]);

  class Json extends WebSocketEndpoint {
    override encoding = "json" as const;
    override async onReceive(_websocket: WebSocket, data: unknown): Promise<void> {
      received.push(data);
    }
  }
  await new TestClient(Json).websocketConnect("/", {}, (websocket) => websocket.sendBytes(Buffer.from('{"é":1}')));
  assert.equal(received.at(-1), { é: 1 });
  const error = await rejects(new TestClient(Json).websocketConnect("/", {}, (websocket) => websocket.sendBytes(Buffer.from([0xff]))));
  assert.instance(error, TypeError);
});

test("WebSocketEndpoint: an unknown encoding is Starlette's assertion", async () => {
  class Odd extends WebSocketEndpoint {
    override encoding = "xml";
  }
  const error = await rejects(new TestClient(Odd).websocketConnect("/", {}, (websocket) => websocket.sendText("x")));
  assert.instance(error, AssertionError);
  assert.is(error.message, "Unsupported 'encoding' attribute xml");
});

test("each endpoint class refuses the other kind of scope, as Starlette asserts", async () => {
  class Page extends HTTPEndpoint {
    get = () => "ok";
  }
  const wsError = await rejects(new TestClient(Page).websocketConnect("/"));
  assert.instance(wsError, AssertionError);
  assert.is(wsError.message, 'HTTPEndpoint needs an "http" scope, not "websocket"');
  const httpError = await rejects(new TestClient(WebSocketEndpoint).get("/"));
  assert.instance(httpError, AssertionError);
  assert.is(httpError.message, 'WebSocketEndpoint needs a "websocket" scope, not "http"');
});

test("a WebSocketEndpoint that closes in onConnect refuses the handshake", async () => {
  class Refuse extends WebSocketEndpoint {
    override async onConnect(websocket: WebSocket): Promise<void> {
      await websocket.close(4001, "no");
    }
  }
  const error = await rejects(new TestClient(Refuse).websocketConnect("/"));
  assert.instance(error, WebSocketDisconnect);
  assert.is((error as WebSocketDisconnect).code, 4001);
  assert.is((error as WebSocketDisconnect).reason, "no");
});

test("a class with no dispatch() is refused as an endpoint, with what to extend", () => {
  class NotAnEndpoint {}
  assert.throws(() => new Route("/", NotAnEndpoint as never), (e: Error) => e instanceof TypeError && e.message === "NotAnEndpoint is used as an endpoint but has no dispatch() method: extend HTTPEndpoint or WebSocketEndpoint");
  assert.throws(() => new WebSocketRoute("/", [class {}][0] as never), (e: Error) => e.message.startsWith("An anonymous class is used as an endpoint"));
});

// ---------------------------------------------------------------- against Starlette's WebSocketEndpoint

type Tagged = unknown;
const hex = (s: string) => ({ hex: Buffer.from(s).toString("hex") });
const tag = (value: unknown): Tagged => {
  if (value instanceof Uint8Array) return { hex: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(tag);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tag(v)]));
  return value;
};
const untag = (message: Record<string, unknown>): Message =>
  Object.fromEntries(Object.entries(message).map(([k, v]) => [k, v !== null && typeof v === "object" && "hex" in v ? Buffer.from((v as { hex: string }).hex, "hex") : v])) as Message;

interface EndpointCase {
  encoding: "text" | "bytes" | "json" | null;
  messages: Array<Record<string, unknown>>;
}

const receive = (x: Record<string, unknown>) => ({ type: "websocket.receive", ...x });
const disconnect = (code?: number) => (code === undefined ? { type: "websocket.disconnect" } : { type: "websocket.disconnect", code });

const ENDPOINT_CASES: EndpointCase[] = [
  { encoding: "text", messages: [receive({ text: "hi" }), receive({ text: "" }), disconnect(1001)] },
  { encoding: "text", messages: [receive({ bytes: hex("hi") })] },
  { encoding: "text", messages: [receive({ text: null, bytes: hex("hi") })] },
  { encoding: "bytes", messages: [receive({ bytes: hex("hi") }), receive({ bytes: hex("") }), disconnect()] },
  { encoding: "bytes", messages: [receive({ text: "hi" })] },
  { encoding: "json", messages: [receive({ text: '{"a": [1, 2.5, "é"]}' }), receive({ bytes: hex("[true, null]") }), receive({ text: " 7 " }), disconnect(4000)] },
  { encoding: "json", messages: [receive({ text: "{nope" })] },
  { encoding: "json", messages: [receive({ bytes: hex("") })] },
  { encoding: "json", messages: [receive({ bytes: { hex: "ff" } })] },
  { encoding: null, messages: [receive({ text: "hi" }), receive({ bytes: hex("yo") }), receive({ text: "", bytes: hex("b") }), disconnect(1000)] },
];

async function ourEndpointRun(c: EndpointCase): Promise<{ sent: Tagged[]; codes: number[]; raised: boolean }> {
  const codes: number[] = [];
  class Endpoint extends WebSocketEndpoint {
    override encoding = c.encoding;
    override async onReceive(websocket: WebSocket, data: unknown): Promise<void> {
      await websocket.sendJson({ data: tag(data) });
    }
    override async onDisconnect(_websocket: WebSocket, closeCode: number): Promise<void> {
      codes.push(closeCode);
    }
  }
  const incoming: Message[] = [{ type: "websocket.connect" }, ...c.messages.map(untag)];
  const sent: Tagged[] = [];
  let raised = false;
  try {
    await new Endpoint({ type: "websocket", path: "/", headers: [] }, async () => incoming.shift() as Message, async (m) => void sent.push(tag(m))).dispatch();
  } catch {
    raised = true;
  }
  return { sent, codes, raised };
}

test("WebSocketEndpoint sends, closes and calls onDisconnect as Starlette's does, message for message", async () => {
  const ours = await Promise.all(ENDPOINT_CASES.map(ourEndpointRun));
  // Checked here even without Python: a refused message is a 1003 close, then the error and a 1011.
  assert.equal(ours[1], { sent: [{ type: "websocket.accept", subprotocol: null, headers: [] }, { type: "websocket.close", code: 1003, reason: "" }], codes: [1011], raised: true });
  if (requirePython("starlette")) assert.equal(ours, runPython("endpoints_websocket", ENDPOINT_CASES));
});

test.run();
