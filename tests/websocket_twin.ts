// TS twin of tests/python/fastapi_apps/_ws_twin.py: a bare ASGI app speaking the websocket
// messages directly (no WebSocket class), so tests/server_websockets*.test.ts can serve it
// with serve() and the Python one with uvicorn, and ask both the same questions. What each
// connection received is kept under its ?key= and read back through /report.
import type { Message, Receive, Scope, Send } from "../src/types.js";

const EVENTS = new Map<string, Array<Record<string, unknown>>>();

function describe(scope: Scope): Record<string, unknown> {
  const client = scope.client as [string, number];
  const server = scope.server as [string, number];
  return {
    type: scope.type,
    asgi: scope.asgi,
    http_version: scope.http_version,
    scheme: scope.scheme,
    path: scope.path,
    raw_path: scope.raw_path,
    root_path: scope.root_path,
    query_string: scope.query_string,
    headers: scope.headers,
    subprotocols: scope.subprotocols,
    client: [typeof client[0] === "string" ? "str" : "?", Number.isInteger(client[1]) ? "int" : "?"],
    server: [server[0], Number.isInteger(server[1]) ? "int" : "?"],
    state: Object.keys(scope.state ?? {}).sort(),
    extensions: scope.extensions,
  };
}

function record(key: string, message: Message): void {
  const event: Record<string, unknown> = { ...message };
  if (message.bytes instanceof Uint8Array) event.bytes = message.bytes.byteLength;
  if (typeof message.text === "string" && message.text.length > 64) event.text = message.text.length;
  const list = EVENTS.get(key) ?? [];
  list.push(event);
  EVENTS.set(key, list);
}

const encoder = new TextEncoder();

export async function websocketTwin(scope: Scope, receive: Receive, send: Send): Promise<void> {
  if (scope.type === "lifespan") {
    for (;;) {
      const message = await receive();
      if (message.type === "lifespan.startup") await send({ type: "lifespan.startup.complete" });
      else return void (await send({ type: "lifespan.shutdown.complete" }));
    }
  }
  if (scope.type !== "websocket") {
    await send({ type: "http.response.start", status: 404, headers: [] });
    await send({ type: "http.response.body", body: encoder.encode("not here") });
    return;
  }
  const query = new URLSearchParams(scope.query_string);
  const key = query.get("key") ?? "";
  const path = scope.path;
  const connect = await receive();
  if (connect.type !== "websocket.connect") throw new Error(`expected websocket.connect, got ${connect.type}`);
  if (path === "/deny") {
    await send({ type: "websocket.close", code: 4003, reason: "ignored" });
    return record(key, await receive());
  }
  if (path === "/crash-before") throw new Error("crash before accept");
  if (path === "/return-before") return;
  if (path === "/send-before") return void (await send({ type: "websocket.send", text: "too soon" }));
  if (path === "/http-deny") {
    const headers: Array<[string, string]> = [["x-reason", "nope"], ["content-type", "text/plain"]];
    await send({ type: "websocket.http.response.start", status: Number(query.get("status") ?? "401"), headers });
    await send({ type: "websocket.http.response.body", body: encoder.encode("go "), more_body: true });
    await send({ type: "websocket.http.response.body", body: encoder.encode("away") });
    return record(key, await receive());
  }
  if (path === "/report") {
    await send({ type: "websocket.accept" });
    await send({ type: "websocket.send", text: JSON.stringify(EVENTS.get(key) ?? []) });
    await send({ type: "websocket.close", code: 1000 });
    return;
  }
  const accept: Message = { type: "websocket.accept" };
  const subprotocols = scope.subprotocols as string[];
  if (query.has("subprotocol")) accept.subprotocol = query.get("subprotocol");
  else if (query.get("pick") === "last" && subprotocols.length > 0) accept.subprotocol = subprotocols[subprotocols.length - 1];
  const header = query.get("header");
  if (header !== null) {
    const colon = header.indexOf(":");
    accept.headers = [[header.slice(0, colon), header.slice(colon + 1)]];
  }
  await send(accept);
  for (;;) {
    const message = await receive();
    record(key, message);
    if (message.type === "websocket.disconnect") return;
    const text = message.text as string | undefined;
    if (text === "scope") await send({ type: "websocket.send", text: JSON.stringify(describe(scope)) });
    else if (text?.startsWith("close ")) {
      const [, code, ...reason] = text.split(" ");
      await send({ type: "websocket.close", code: Number(code), reason: reason.join(" ") });
    } else if (text === "crash") throw new Error("crash after accept");
    else if (text === "return") return void (await send({ type: "websocket.send", text: "bye" }));
    else if (text?.startsWith("flood ")) {
      const [, count, size] = text.split(" ");
      const chunk = new Uint8Array(Number(size)).fill(120);
      for (let i = 0; i < Number(count); i++) await send({ type: "websocket.send", bytes: chunk });
      await send({ type: "websocket.send", text: "flooded" });
    } else await send({ ...message, type: "websocket.send" });
  }
}

/** What the connection opened with ?key=`key` received, as /report gives it (for serve() in this process). */
export function eventsOf(key: string): Array<Record<string, unknown>> {
  return EVENTS.get(key) ?? [];
}
