// Port of tests/test_websockets.py (Starlette 1.7), and the websocket state machine's own
// checks: the messages and errors of each call in each state.
import { AssertionError } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WebSocketDisconnect as ExceptionsWebSocketDisconnect } from "../src/exceptions.js";
import { HTTPConnection } from "../src/requests.js";
import { FileResponse, Response, StreamingResponse } from "../src/responses.js";
import { TestClient, WebSocketDenialResponse, type WebSocketTestSession } from "../src/testclient.js";
import type { ASGIApp, Message, Receive, Send } from "../src/types.js";
import { WebSocket, WebSocketClose, WebSocketDisconnect, WebSocketDisconnected, WebSocketState } from "../src/websockets.js";
import { rejects } from "./helpers.js";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

/** The error a websocket session fails with, from the handshake to the exit. */
function sessionError(client: TestClient, path = "/", body: (ws: WebSocketTestSession) => unknown = () => undefined): Promise<Error> {
  return rejects(client.websocketConnect(path, {}, async (ws) => void (await body(ws))));
}

test("test_websocket_url", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.sendJson({ url: String(websocket.url) });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/123?a=abc");
  assert.equal(await websocket.receiveJson(), { url: "ws://testserver/123?a=abc" });
});

test("test_websocket_binary_json", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const message = await websocket.receiveJson("binary");
    await websocket.sendJson(message, "binary");
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/123?a=abc");
  websocket.sendJson({ test: "data" }, "binary");
  assert.equal(await websocket.receiveJson("binary"), { test: "data" });
});

test("test_websocket_ensure_unicode_on_send_json", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const message = await websocket.receiveJson("text");
    await websocket.sendJson(message, "text");
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/123?a=abc");
  websocket.sendJson({ test: "数据" }, "text");
  assert.is(await websocket.receiveText(), '{"test":"数据"}');
});

test("test_websocket_query_params", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const queryParams = Object.fromEntries(websocket.queryParams.multiItems());
    await websocket.accept();
    await websocket.sendJson({ params: queryParams });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/?a=abc&b=456");
  assert.equal(await websocket.receiveJson(), { params: { a: "abc", b: "456" } });
});

test("test_websocket_headers", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const headers = Object.fromEntries(websocket.headers.items());
    await websocket.accept();
    await websocket.sendJson({ headers });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  const expectedHeaders = {
    accept: "*/*",
    "accept-encoding": "gzip, deflate",
    connection: "upgrade",
    host: "testserver",
    "user-agent": "testclient",
    "sec-websocket-key": "testserver==",
    "sec-websocket-version": "13",
  };
  assert.equal(await websocket.receiveJson(), { headers: expectedHeaders });
});

test("test_websocket_port", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.sendJson({ port: websocket.url.port });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("ws://example.com:123/123?a=abc");
  assert.equal(await websocket.receiveJson(), { port: 123 });
});

test("test_websocket_send_and_receive_text", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const data = await websocket.receiveText();
    await websocket.sendText("Message was: " + data);
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendText("Hello, world!");
  assert.is(await websocket.receiveText(), "Message was: Hello, world!");
});

test("test_websocket_send_and_receive_bytes", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const data = await websocket.receiveBytes();
    await websocket.sendBytes(Buffer.concat([Buffer.from("Message was: "), data]));
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendBytes(Buffer.from("Hello, world!"));
  assert.is(text(await websocket.receiveBytes()), "Message was: Hello, world!");
});

test("test_websocket_send_and_receive_json", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const data = await websocket.receiveJson();
    await websocket.sendJson({ message: data });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendJson({ hello: "world" });
  assert.equal(await websocket.receiveJson(), { message: { hello: "world" } });
});

test("test_websocket_iter_text", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    for await (const data of websocket.iterText()) await websocket.sendText("Message was: " + data);
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendText("Hello, world!");
  assert.is(await websocket.receiveText(), "Message was: Hello, world!");
});

test("test_websocket_iter_bytes", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    for await (const data of websocket.iterBytes()) await websocket.sendBytes(Buffer.concat([Buffer.from("Message was: "), data]));
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendBytes(Buffer.from("Hello, world!"));
  assert.is(text(await websocket.receiveBytes()), "Message was: Hello, world!");
});

test("test_websocket_iter_json", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    for await (const data of websocket.iterJson()) await websocket.sendJson({ message: data });
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendJson({ hello: "world" });
  assert.equal(await websocket.receiveJson(), { message: { hello: "world" } });
});

test("test_websocket_concurrency_pattern", async () => {
  // anyio's memory stream: a queue the reader fills and the writer drains until the reader closes it.
  const queue: unknown[] = [];
  let wake: (() => void) | null = null;
  let readerDone = false;
  const reader = async (websocket: WebSocket) => {
    for await (const data of websocket.iterJson()) {
      queue.push(data);
      wake?.();
    }
    readerDone = true;
    wake?.();
  };
  const writer = async (websocket: WebSocket) => {
    for (;;) {
      while (queue.length) await websocket.sendJson(queue.shift());
      if (readerDone) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await Promise.all([reader(websocket), writer(websocket)]);
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  websocket.sendJson({ hello: "world" });
  assert.equal(await websocket.receiveJson(), { hello: "world" });
});

test("test_client_close", async () => {
  let closeCode: number | null = null;
  let closeReason: string | null = null;
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    try {
      await websocket.receiveText();
    } catch (exc) {
      closeCode = (exc as WebSocketDisconnect).code;
      closeReason = (exc as WebSocketDisconnect).reason;
    }
  };
  {
    await using websocket = await new TestClient(app).websocketConnect("/");
    websocket.close(1001, "Going Away");
  }
  assert.is(closeCode, 1001);
  assert.is(closeReason, "Going Away");
});

test("test_client_disconnect_on_send", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.sendText("Hello, world!");
  };
  const receive: Receive = async () => ({ type: "websocket.connect" });
  // What a server raises once the client has gone: Python's OSError, here a Node system
  // error (it has an errno) or one named as uvicorn's ClientDisconnected.
  const gone = [Object.assign(new Error("write EPIPE"), { errno: -32, code: "EPIPE", syscall: "write" }), Object.assign(new Error("gone"), { name: "ClientDisconnected" }), Object.assign(new Error("gone"), { name: "OSError" })];
  for (const error of gone) {
    const send: Send = async (message) => {
      if (message.type === "websocket.accept") return;
      throw error;
    };
    const exc = await rejects(app({ type: "websocket", path: "/" }, receive, send));
    assert.instance(exc, WebSocketDisconnect);
    assert.is((exc as WebSocketDisconnect).code, 1006);
  }
  // Any other error of the server's send is the server's own, and goes through unchanged.
  const other = new TypeError("not an OSError");
  const exc = await rejects(app({ type: "websocket", path: "/" }, receive, async (message) => {
    if (message.type !== "websocket.accept") throw other;
  }));
  assert.is(exc, other);
});

test("a server's send that throws at once, or fails a close, is taken as an async one", async () => {
  const receive: Receive = async () => ({ type: "websocket.connect" });
  const epipe = Object.assign(new Error("write EPIPE"), { errno: -32, code: "EPIPE", syscall: "write" });
  const other = new TypeError("not an OSError");
  for (const [error, closing] of [[epipe, false], [other, false], [epipe, true]] as const) {
    // Not an async function: the error is thrown synchronously by the first websocket.send.
    const send: Send = (message) => {
      if (message.type === "websocket.accept") return Promise.resolve();
      if (message.type === "websocket.close") return Promise.reject(error);
      throw error;
    };
    const websocket = new WebSocket({ type: "websocket", path: "/" }, receive, send);
    await websocket.accept();
    const sending = closing ? websocket.close() : websocket.sendText("x");
    assert.instance(sending, Promise, "a rejection, not a throw");
    const exc = await rejects(sending);
    if (error === other) assert.is(exc, other);
    else assert.equal([exc instanceof WebSocketDisconnect, (exc as WebSocketDisconnect).code, websocket.applicationState], [true, 1006, WebSocketState.DISCONNECTED]);
  }
  // Calls in the wrong state reject too, rather than throw.
  const idle = new WebSocket({ type: "websocket", path: "/" }, receive, async () => undefined);
  const receiving = idle.receiveText();
  assert.instance(receiving, Promise);
  assert.instance(await rejects(receiving), WebSocketDisconnected);
});

test("test_application_close", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.close(1001);
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  const exc = await rejects(websocket.receiveText());
  assert.instance(exc, WebSocketDisconnect);
  assert.is((exc as WebSocketDisconnect).code, 1001);
});

test("test_rejected_connection", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    await websocket.close(1001);
  };
  const exc = await sessionError(new TestClient(app));
  assert.instance(exc, WebSocketDisconnect);
  assert.is((exc as WebSocketDisconnect).code, 1001);
});

test("test_send_denial_response", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    const response = new Response("foo", { statusCode: 404 });
    await websocket.sendDenialResponse(response);
  };
  const exc = (await sessionError(new TestClient(app))) as WebSocketDenialResponse;
  assert.instance(exc, WebSocketDenialResponse);
  assert.instance(exc, WebSocketDisconnect);
  assert.is(exc.statusCode, 404);
  assert.is(text(exc.content), "foo");
  assert.is(exc.text, "foo");
});

test("test_send_denial_response_with_streaming_response", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const message = await websocket.receive();
    assert.equal(message, { type: "websocket.connect" });
    async function* content() {
      yield Buffer.from("hello");
      yield Buffer.from("world");
    }
    await websocket.sendDenialResponse(new StreamingResponse(content(), { statusCode: 403 }));
  };
  const exc = (await sessionError(new TestClient(app))) as WebSocketDenialResponse;
  assert.instance(exc, WebSocketDenialResponse);
  assert.is(exc.statusCode, 403);
  assert.is(text(exc.content), "helloworld");
});

test("test_send_denial_response_with_file_response", async () => {
  const filePath = join(mkdtempSync(join(tmpdir(), "denial-")), "denial.txt");
  writeFileSync(filePath, "test content");
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    await websocket.sendDenialResponse(new FileResponse(filePath, { statusCode: 401 }));
  };
  const exc = (await sessionError(new TestClient(app))) as WebSocketDenialResponse;
  assert.instance(exc, WebSocketDenialResponse);
  assert.is(exc.statusCode, 401);
  assert.is(text(exc.content), "test content");
});

test("test_send_response_multi", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    await websocket.send({ type: "websocket.http.response.start", status: 404, headers: [["content-type", "text/plain"], ["foo", "bar"]] });
    await websocket.send({ type: "websocket.http.response.body", body: Buffer.from("hard"), more_body: true });
    await websocket.send({ type: "websocket.http.response.body", body: Buffer.from("body") });
  };
  const exc = (await sessionError(new TestClient(app))) as WebSocketDenialResponse;
  assert.instance(exc, WebSocketDenialResponse);
  assert.is(exc.statusCode, 404);
  assert.is(text(exc.content), "hardbody");
  assert.is(exc.headers.get("foo"), "bar");
});

test("test_send_response_unsupported", async () => {
  let refused: Error | undefined;
  const app: ASGIApp = async (scope, receive, send) => {
    delete (scope.extensions as Record<string, unknown>)["websocket.http.response"];
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    const response = new Response("foo", { statusCode: 404 });
    refused = await rejects(websocket.sendDenialResponse(response));
    await websocket.close();
  };
  const exc = await sessionError(new TestClient(app));
  assert.is(refused?.message, "The server doesn't support the Websocket Denial Response extension.");
  assert.instance(exc, WebSocketDisconnect);
  assert.is((exc as WebSocketDisconnect).code, 1000);
  // A scope with no extensions at all is refused the same way.
  const bare = new WebSocket({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async () => undefined);
  assert.is((await rejects(bare.sendDenialResponse(new Response("x")))).message, "The server doesn't support the Websocket Denial Response extension.");
});

test("test_send_response_duplicate_start", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const msg = await websocket.receive();
    assert.equal(msg, { type: "websocket.connect" });
    const response = new Response("foo", { statusCode: 404 });
    await websocket.send({ type: "websocket.http.response.start", status: response.statusCode, headers: response.rawHeaders });
    await websocket.send({ type: "websocket.http.response.start", status: response.statusCode, headers: response.rawHeaders });
  };
  const exc = await sessionError(new TestClient(app));
  assert.is(exc.message, `Expected ASGI message "websocket.http.response.body", but got 'websocket.http.response.start'`);
});

test("test_subprotocol", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    assert.equal(websocket.scope.subprotocols, ["soap", "wamp"]);
    await websocket.accept({ subprotocol: "wamp" });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/", { subprotocols: ["soap", "wamp"] });
  assert.is(websocket.acceptedSubprotocol, "wamp");
});

test("test_additional_headers", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept({ headers: [["additional", "header"]] });
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  assert.equal(websocket.extraHeaders, [["additional", "header"]]);
});

test("test_no_additional_headers", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.close();
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  assert.equal(websocket.extraHeaders, []);
  assert.is(websocket.acceptedSubprotocol, null);
});

test("test_websocket_exception", async () => {
  const app: ASGIApp = async () => {
    throw new AssertionError({ message: "app failed" });
  };
  const exc = await sessionError(new TestClient(app), "/123?a=abc");
  assert.instance(exc, AssertionError);
});

test("test_duplicate_close", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.close();
    await websocket.close();
  };
  const exc = await sessionError(new TestClient(app));
  assert.instance(exc, WebSocketDisconnected);
  assert.instance(exc, Error);
  assert.is(exc.message, 'Cannot call "send" once a close message has been sent.');
});

test("test_duplicate_disconnect", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const message = await websocket.receive();
    assert.is(message.type, "websocket.disconnect");
    await websocket.receive();
  };
  const exc = await sessionError(new TestClient(app), "/", (websocket) => websocket.close());
  assert.instance(exc, WebSocketDisconnected);
  assert.is(exc.message, 'Cannot call "receive" once a disconnect message has been received.');
});

test("test_websocket_scope_interface", () => {
  // A WebSocket can be instantiated with a scope; a connection is only ever equal to itself.
  const mockReceive: Receive = async () => ({ type: "websocket.connect" });
  const mockSend: Send = async () => undefined;
  const websocket = new WebSocket({ type: "websocket", path: "/abc/", headers: [] }, mockReceive, mockSend);
  assert.is(websocket.scope.type, "websocket");
  assert.equal(websocket.scope, { type: "websocket", path: "/abc/", headers: [] });
  assert.is(Object.keys(websocket.scope).length, 3);
  assert.ok(websocket !== new WebSocket({ type: "websocket", path: "/abc/", headers: [] }, mockReceive, mockSend));
  assert.ok(new Set([websocket]).has(websocket));
  assert.instance(websocket, HTTPConnection);
  // Python's bare assert on the scope type, with a message here.
  assert.throws(() => new WebSocket({ type: "http" }, mockReceive, mockSend), /WebSocket needs a "websocket" scope, not "http"/);
});

test("test_websocket_close_reason", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.close(1001, "Going Away");
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  const exc = (await rejects(websocket.receiveText())) as WebSocketDisconnect;
  assert.is(exc.code, 1001);
  assert.is(exc.reason, "Going Away");
});

test("test_send_json_invalid_mode", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.sendJson({}, "invalid" as "text");
  };
  assert.is((await sessionError(new TestClient(app))).message, 'The "mode" argument should be "text" or "binary".');
});

test("test_receive_json_invalid_mode", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.receiveJson("invalid" as "text");
  };
  assert.is((await sessionError(new TestClient(app))).message, 'The "mode" argument should be "text" or "binary".');
});

const NOT_CONNECTED = 'WebSocket is not connected. Need to call "accept" first.';

test("test_receive_text_before_accept", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    await new WebSocket(scope, receive, send).receiveText();
  };
  const exc = await sessionError(new TestClient(app));
  assert.instance(exc, WebSocketDisconnected);
  assert.is(exc.message, NOT_CONNECTED);
});

test("test_receive_bytes_before_accept", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    await new WebSocket(scope, receive, send).receiveBytes();
  };
  assert.is((await sessionError(new TestClient(app))).message, NOT_CONNECTED);
});

test("test_receive_json_before_accept", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    await new WebSocket(scope, receive, send).receiveJson();
  };
  assert.is((await sessionError(new TestClient(app))).message, NOT_CONNECTED);
});

test("test_send_before_accept", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    await new WebSocket(scope, receive, send).send({ type: "websocket.send" });
  };
  const exc = await sessionError(new TestClient(app));
  assert.is(exc.message, `Expected ASGI message "websocket.accept", "websocket.close" or "websocket.http.response.start", but got 'websocket.send'`);
});

test("test_send_wrong_message_type", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.send({ type: "websocket.accept" });
    await websocket.send({ type: "websocket.accept" });
  };
  const exc = await sessionError(new TestClient(app));
  assert.is(exc.message, `Expected ASGI message "websocket.send" or "websocket.close", but got 'websocket.accept'`);
});

test("test_receive_before_accept", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    websocket.clientState = WebSocketState.CONNECTING;
    await websocket.receive();
  };
  const exc = await sessionError(new TestClient(app), "/", (websocket) => websocket.send({ type: "websocket.send" }));
  assert.is(exc.message, `Expected ASGI message "websocket.connect", but got 'websocket.send'`);
});

test("test_receive_wrong_message_type", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.receive();
  };
  const exc = await sessionError(new TestClient(app), "/", (websocket) => websocket.send({ type: "websocket.connect" }));
  assert.is(exc.message, `Expected ASGI message "websocket.receive" or "websocket.disconnect", but got 'websocket.connect'`);
});

// ---------------------------------------------------------------- beyond Starlette's tests

test("the state machine, message by message: client and application states", async () => {
  const sent: Message[] = [];
  const incoming: Message[] = [{ type: "websocket.connect" }, { type: "websocket.receive", text: "hi" }, { type: "websocket.disconnect", code: 1001 }];
  const websocket = new WebSocket({ type: "websocket" }, async () => incoming.shift() as Message, async (m) => void sent.push(m));
  assert.equal([websocket.clientState, websocket.applicationState], [WebSocketState.CONNECTING, WebSocketState.CONNECTING]);
  await websocket.accept({ subprotocol: "chat", headers: new Map([["x-a", "b"]]) });
  assert.equal([websocket.clientState, websocket.applicationState], [WebSocketState.CONNECTED, WebSocketState.CONNECTED]);
  assert.equal(sent, [{ type: "websocket.accept", subprotocol: "chat", headers: [["x-a", "b"]] }]);
  assert.is(await websocket.receiveText(), "hi");
  const exc = (await rejects(websocket.receiveText())) as WebSocketDisconnect;
  assert.equal([exc.code, exc.reason, exc.message], [1001, "", "1001"]);
  assert.is(websocket.clientState, WebSocketState.DISCONNECTED);
  await websocket.close(4000, "bye");
  assert.equal(sent.at(-1), { type: "websocket.close", code: 4000, reason: "bye" });
  assert.is(websocket.applicationState, WebSocketState.DISCONNECTED);
  // A denial response moves to RESPONSE, and its last body to DISCONNECTED.
  const denial = new WebSocket({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async () => undefined);
  await denial.send({ type: "websocket.http.response.start", status: 403, headers: [] });
  assert.is(denial.applicationState, WebSocketState.RESPONSE);
  await denial.send({ type: "websocket.http.response.body", body: new Uint8Array(0), more_body: true });
  assert.is(denial.applicationState, WebSocketState.RESPONSE);
  await denial.send({ type: "websocket.http.response.body", body: new Uint8Array(0) });
  assert.is(denial.applicationState, WebSocketState.DISCONNECTED);
});

test("the message type is printed as Python's repr", async () => {
  const cases: Array<[unknown, string]> = [
    ["it's", `"it's"`],
    [`say "hi"`, `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ["tab\there\nnew\r\\ \x01", `'tab\\there\\nnew\\r\\\\ \\x01'`],
    [undefined, "undefined"],
  ];
  for (const [type, shown] of cases) {
    const websocket = new WebSocket({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async () => undefined);
    const exc = await rejects(websocket.send({ type } as Message));
    assert.ok(exc.message.endsWith(`but got ${shown}`), exc.message);
  }
});

test("receiveText on a bytes message and receiveBytes on a text message say so", async () => {
  const incoming: Message[] = [{ type: "websocket.connect" }, { type: "websocket.receive", bytes: Buffer.from("x") }, { type: "websocket.receive", text: "x", bytes: null }];
  const websocket = new WebSocket({ type: "websocket" }, async () => incoming.shift() as Message, async () => undefined);
  await websocket.accept();
  assert.is((await rejects(websocket.receiveText())).message, "Expected text websocket messages, but got bytes");
  assert.is((await rejects(websocket.receiveBytes())).message, "Expected bytes websocket messages, but got text");
});

test("receiveJson in binary mode: invalid UTF-8 and a byte order mark are errors, as bytes.decode and json.loads make them", async () => {
  for (const bytes of [Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from("\ufeff{}", "utf8")]) {
    const incoming: Message[] = [{ type: "websocket.connect" }, { type: "websocket.receive", bytes }];
    const websocket = new WebSocket({ type: "websocket" }, async () => incoming.shift() as Message, async () => undefined);
    await websocket.accept();
    await rejects(websocket.receiveJson("binary"));
  }
});

test("iterators end at the disconnect and let other errors through", async () => {
  for (const method of ["iterText", "iterBytes", "iterJson"] as const) {
    const incoming: Message[] = [{ type: "websocket.connect" }, { type: "websocket.receive", text: "{}", bytes: Buffer.from("{}") }, { type: "websocket.disconnect", code: 1000 }];
    const websocket = new WebSocket({ type: "websocket" }, async () => incoming.shift() as Message, async () => undefined);
    await websocket.accept();
    const seen: unknown[] = [];
    for await (const item of websocket[method]()) seen.push(item);
    assert.is(seen.length, 1);
    // Iterating again after the disconnect is Starlette's error, not an empty loop.
    const exc = await rejects((async () => {
      for await (const item of websocket[method]()) seen.push(item);
    })());
    assert.instance(exc, WebSocketDisconnected);
  }
});

test("sendJson writes compact JSON, undefined as null, binary as UTF-8 bytes; close's reason defaults to empty", async () => {
  const sent: Message[] = [];
  const websocket = new WebSocket({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  await websocket.accept();
  await websocket.sendJson(undefined);
  await websocket.sendJson({ a: [1, "é"] }, "binary");
  await websocket.close(1001, null);
  assert.equal(sent.slice(1), [
    { type: "websocket.send", text: "null" },
    { type: "websocket.send", bytes: Buffer.from('{"a":[1,"é"]}', "utf8") },
    { type: "websocket.close", code: 1001, reason: "" },
  ]);
});

test("WebSocketClose sends a close with its code and reason; WebSocketDisconnect is the same class as exceptions'", async () => {
  const sent: Message[] = [];
  await new WebSocketClose().call({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  await new WebSocketClose(4001, "bye").call({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  assert.equal(sent, [
    { type: "websocket.close", code: 1000, reason: "" },
    { type: "websocket.close", code: 4001, reason: "bye" },
  ]);
  assert.is(WebSocketDisconnect, ExceptionsWebSocketDisconnect);
  const exc = new WebSocketDisconnect(4002, "reason");
  assert.equal([exc.name, exc.message, exc.code, exc.reason], ["WebSocketDisconnect", "4002: reason", 4002, "reason"]);
  assert.equal([new WebSocketDisconnect().code, new WebSocketDisconnect().reason], [1000, ""]);
});

test.run();
