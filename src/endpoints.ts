// Port of starlette/endpoints.py: HTTPEndpoint and WebSocketEndpoint, classes
// used as endpoints (`new Route("/", Homepage)`, `new WebSocketRoute("/ws", Echo)`).
import assert from "node:assert";
import { HTTPException } from "./exceptions.js";
import { Request } from "./requests.js";
import { JSONResponse, PlainTextResponse, Response } from "./responses.js";
import type { Message, Receive, Scope, Send } from "./types.js";
import { WebSocket } from "./websockets.js";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY"] as const;

// starlette.status's WS_1000_NORMAL_CLOSURE, WS_1003_UNSUPPORTED_DATA and WS_1011_INTERNAL_ERROR.
const WS_1000_NORMAL_CLOSURE = 1000;
const WS_1003_UNSUPPORTED_DATA = 1003;
const WS_1011_INTERNAL_ERROR = 1011;

type MethodHandler = (request: Request) => unknown;

/**
 * Method dispatch: define `get(request)`, `post(request)`... (sync or async, returning a
 * Response or a JSON value, as route handlers do); other methods get a 405 with `Allow`.
 *
 * @example
 * class Homepage extends HTTPEndpoint {
 *   async get(request: Request) { return new PlainTextResponse("Hello, world!"); }
 * }
 * const app = new App({ routes: [new Route("/", Homepage)] });
 */
export class HTTPEndpoint {
  readonly scope: Scope;
  readonly receive: Receive;
  readonly send: Send;

  constructor(scope: Scope, receive: Receive, send: Send) {
    if (scope.type !== "http") assert.fail(`HTTPEndpoint needs an "http" scope, not "${scope.type}"`);
    this.scope = scope;
    this.receive = receive;
    this.send = send;
  }

  // Read when a request comes: a handler may also be an arrow-function field of a subclass.
  private get allowedMethods(): string[] {
    return METHODS.filter((method) => typeof this.handler(method.toLowerCase()) === "function");
  }

  private handler(name: string): MethodHandler | undefined {
    return (this as unknown as Record<string, MethodHandler | undefined>)[name];
  }

  async dispatch(): Promise<void> {
    const request = new Request(this.scope, this.receive);
    const handlerName = request.method === "HEAD" && this.handler("head") === undefined ? "get" : request.method.toLowerCase();
    const allowed = this.allowedMethods;
    const handler =
      allowed.includes(request.method) || (request.method === "HEAD" && allowed.includes("GET"))
        ? (this.handler(handlerName) as MethodHandler)
        : this.methodNotAllowed;
    const response = await handler.call(this, request);
    await (response instanceof Response ? response : new JSONResponse(response)).call(this.scope, this.receive, this.send);
  }

  async methodNotAllowed(_request: Request): Promise<Response> {
    // If we're running inside a starlette application then raise an
    // exception, so that the configurable exception handler can deal with
    // returning the response. For plain ASGI apps, just return the response.
    const headers = { Allow: this.allowedMethods.join(", ") };
    if ("app" in this.scope) throw new HTTPException(405, null, headers);
    return new PlainTextResponse("Method Not Allowed", { statusCode: 405, headers });
  }
}

/** How a WebSocketEndpoint decodes messages for `onReceive`; null passes text or bytes as they come. */
export type WebSocketEncoding = "text" | "bytes" | "json";

// bytes.decode("utf-8"): invalid UTF-8 is an error, and a byte order mark stays in the text.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * A websocket endpoint as three hooks: `onConnect` (accepts by default), `onReceive` with
 * each message decoded as `encoding` says, and `onDisconnect` with the close code.
 *
 * @example
 * class Echo extends WebSocketEndpoint {
 *   encoding = "json";
 *   async onReceive(websocket: WebSocket, data: unknown) { await websocket.sendJson({ message: data }); }
 * }
 * app.websocketRoute("/ws", Echo);
 */
export class WebSocketEndpoint {
  /** "text", "bytes" or "json": a message of another kind closes the socket with 1003. @default null */
  encoding: WebSocketEncoding | (string & {}) | null = null;
  readonly scope: Scope;
  readonly receive: Receive;
  readonly send: Send;

  constructor(scope: Scope, receive: Receive, send: Send) {
    if (scope.type !== "websocket") assert.fail(`WebSocketEndpoint needs a "websocket" scope, not "${scope.type}"`);
    this.scope = scope;
    this.receive = receive;
    this.send = send;
  }

  async dispatch(): Promise<void> {
    const websocket = new WebSocket(this.scope, this.receive, this.send);
    await this.onConnect(websocket);

    let closeCode = WS_1000_NORMAL_CLOSURE;
    try {
      for (;;) {
        const message = await websocket.receive();
        if (message.type === "websocket.receive") {
          const data = await this.decode(websocket, message);
          await this.onReceive(websocket, data);
        } else if (message.type === "websocket.disconnect") {
          closeCode = Number(message.code) || WS_1000_NORMAL_CLOSURE;
          break;
        }
      }
    } catch (exc) {
      closeCode = WS_1011_INTERNAL_ERROR;
      throw exc;
    } finally {
      await this.onDisconnect(websocket, closeCode);
    }
  }

  async decode(websocket: WebSocket, message: Message): Promise<unknown> {
    const text = message.text as string | null | undefined;
    const bytes = message.bytes as Uint8Array | null | undefined;
    if (this.encoding === "text") {
      if (text === undefined || text === null) {
        await websocket.close(WS_1003_UNSUPPORTED_DATA);
        throw new Error("Expected text websocket messages, but got bytes");
      }
      return text;
    }
    if (this.encoding === "bytes") {
      if (bytes === undefined || bytes === null) {
        await websocket.close(WS_1003_UNSUPPORTED_DATA);
        throw new Error("Expected bytes websocket messages, but got text");
      }
      return bytes;
    }
    if (this.encoding === "json") {
      const json = text !== undefined && text !== null ? text : UTF8.decode(bytes as Uint8Array);
      try {
        return JSON.parse(json);
      } catch {
        await websocket.close(WS_1003_UNSUPPORTED_DATA);
        throw new Error("Malformed JSON data received.");
      }
    }
    assert(this.encoding === null, `Unsupported 'encoding' attribute ${this.encoding}`);
    return text !== undefined && text !== null ? text : bytes;
  }

  /** Override to handle an incoming websocket connection. */
  async onConnect(websocket: WebSocket): Promise<void> {
    await websocket.accept();
  }

  /** Override to handle an incoming websocket message. */
  async onReceive(_websocket: WebSocket, _data: unknown): Promise<void> {}

  /** Override to handle a disconnecting websocket. */
  async onDisconnect(_websocket: WebSocket, _closeCode: number): Promise<void> {}
}
