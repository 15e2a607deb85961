// Port of starlette/websockets.py (1.7): WebSocketState, WebSocketDisconnect,
// WebSocketDisconnected, WebSocket, WebSocketClose.
import assert from "node:assert";
import { RESOLVED } from "./_utils.js";
import { WebSocketDisconnect } from "./exceptions.js";
import { HTTPConnection } from "./requests.js";
import type { Response } from "./responses.js";
import type { Message, Receive, Scope, Send } from "./types.js";

export { WebSocketDisconnect };

export enum WebSocketState {
  CONNECTING = 0,
  CONNECTED = 1,
  DISCONNECTED = 2,
  RESPONSE = 3,
}

/** Using a websocket that is not connected (Starlette's RuntimeError subclass). */
export class WebSocketDisconnected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebSocketDisconnected";
  }
}

/** `accept()`'s options: the subprotocol chosen from `scope.subprotocols`, and extra handshake headers. */
export interface AcceptOptions {
  /** @default null */
  subprotocol?: string | null;
  /** `[name, value]` pairs added to the handshake response. @default [] */
  headers?: Iterable<readonly [string, string]> | null;
}

/** How a JSON message travels: a text frame, or UTF-8 bytes in a binary frame. */
export type JSONMode = "text" | "binary";

// Python's repr() of a str, as Starlette's messages print the message type with !r.
function repr(value: unknown): string {
  if (typeof value !== "string") return String(value);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(/[\\\x00-\x1f\x7f]/g, (c) => {
    if (c === "\\") return "\\\\";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0");
  });
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

// Python's OSError, which a server raises from send() once the client has gone: a Node
// system error (it has an errno), or one named as uvicorn's ClientDisconnected (an OSError).
function isOSError(exc: unknown): boolean {
  return exc instanceof Error && (typeof (exc as { errno?: unknown }).errno === "number" || exc.name === "ClientDisconnected" || exc.name === "OSError");
}

// bytes.decode("utf-8"): invalid UTF-8 is an error, and a byte order mark stays in the text.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function checkMode(mode: string): void {
  if (mode !== "text" && mode !== "binary") throw new Error('The "mode" argument should be "text" or "binary".');
}

const notConnected = (): WebSocketDisconnected => new WebSocketDisconnected('WebSocket is not connected. Need to call "accept" first.');

function field<T>(message: Message, key: "text" | "bytes"): T {
  const value = message[key];
  // Python's message["text"] is a KeyError on a bytes frame; the endpoint's wording says more.
  if (value === undefined || value === null) {
    throw new TypeError(`Expected ${key} websocket messages, but got ${key === "text" ? "bytes" : "text"}`);
  }
  return value as T;
}

/**
 * One websocket connection, on its ASGI scope: accept it, receive and send text,
 * bytes or JSON, close it. Calls in the wrong state throw Starlette's errors.
 *
 * @example
 * app.websocket("/ws")(async (websocket: WebSocket) => {
 *   await websocket.accept();
 *   for await (const text of websocket.iterText()) await websocket.sendText(`Message was: ${text}`);
 * });
 */
export class WebSocket extends HTTPConnection {
  clientState = WebSocketState.CONNECTING;
  applicationState = WebSocketState.CONNECTING;
  private readonly receiveMessage: Receive;
  private readonly sendMessage: Send;

  constructor(scope: Scope, receive: Receive, send: Send) {
    super(scope);
    if (scope.type !== "websocket") assert.fail(`WebSocket needs a "websocket" scope, not "${scope.type}"`);
    this.receiveMessage = receive;
    this.sendMessage = send;
  }

  /** Receive an ASGI websocket message, ensuring valid state transitions. */
  receive(): Promise<Message> {
    // The path of every message once connected, without an async frame of its own: an echo
    // handler spends a good part of its time in these calls.
    if (this.clientState === WebSocketState.CONNECTED) return this.receiveMessage().then(this.received);
    return this.receiveSlowly();
  }

  private readonly received = (message: Message): Message => {
    if (message.type !== "websocket.receive" && message.type !== "websocket.disconnect") {
      throw new Error(`Expected ASGI message "websocket.receive" or "websocket.disconnect", but got ${repr(message.type)}`);
    }
    if (message.type === "websocket.disconnect") this.clientState = WebSocketState.DISCONNECTED;
    return message;
  };

  private async receiveSlowly(): Promise<Message> {
    if (this.clientState === WebSocketState.CONNECTING) {
      const message = await this.receiveMessage();
      if (message.type !== "websocket.connect") throw new Error(`Expected ASGI message "websocket.connect", but got ${repr(message.type)}`);
      this.clientState = WebSocketState.CONNECTED;
      return message;
    }
    throw new WebSocketDisconnected('Cannot call "receive" once a disconnect message has been received.');
  }

  /** Send an ASGI websocket message, ensuring valid state transitions. */
  send(message: Message): Promise<void> {
    // Once connected, a websocket.send goes straight to the server (no async frame of its own).
    if (this.applicationState === WebSocketState.CONNECTED && message.type === "websocket.send") {
      let sent: Promise<void>;
      try {
        sent = this.sendMessage(message);
      } catch (exc) {
        return Promise.reject(this.sendFailed(exc));
      }
      // The server took it at once (it says so with the shared resolved promise): nothing can fail later.
      return sent === RESOLVED ? sent : sent.then(undefined, this.rejectSend);
    }
    return this.sendSlowly(message);
  }

  /** Python's OSError from the server's send: the client has gone (1006); anything else as it is. */
  private sendFailed(exc: unknown): unknown {
    if (!isOSError(exc)) return exc;
    this.applicationState = WebSocketState.DISCONNECTED;
    return new WebSocketDisconnect(1006);
  }

  private readonly rejectSend = (exc: unknown): never => {
    throw this.sendFailed(exc);
  };

  private async sendSlowly(message: Message): Promise<void> {
    const type = message.type;
    if (this.applicationState === WebSocketState.CONNECTING) {
      if (type !== "websocket.accept" && type !== "websocket.close" && type !== "websocket.http.response.start") {
        throw new Error(`Expected ASGI message "websocket.accept", "websocket.close" or "websocket.http.response.start", but got ${repr(type)}`);
      }
      if (type === "websocket.close") this.applicationState = WebSocketState.DISCONNECTED;
      else if (type === "websocket.http.response.start") this.applicationState = WebSocketState.RESPONSE;
      else this.applicationState = WebSocketState.CONNECTED;
      await this.sendMessage(message);
    } else if (this.applicationState === WebSocketState.CONNECTED) {
      if (type !== "websocket.send" && type !== "websocket.close") {
        throw new Error(`Expected ASGI message "websocket.send" or "websocket.close", but got ${repr(type)}`);
      }
      if (type === "websocket.close") this.applicationState = WebSocketState.DISCONNECTED;
      try {
        await this.sendMessage(message);
      } catch (exc) {
        throw this.sendFailed(exc);
      }
    } else if (this.applicationState === WebSocketState.RESPONSE) {
      if (type !== "websocket.http.response.body") throw new Error(`Expected ASGI message "websocket.http.response.body", but got ${repr(type)}`);
      if (!message.more_body) this.applicationState = WebSocketState.DISCONNECTED;
      await this.sendMessage(message);
    } else {
      throw new WebSocketDisconnected('Cannot call "send" once a close message has been sent.');
    }
  }

  /** Complete the handshake, with a subprotocol the client offered (`scope.subprotocols`) and extra headers. */
  async accept(options: AcceptOptions = {}): Promise<void> {
    const headers = [...(options.headers ?? [])].map(([name, value]): [string, string] => [name, value]);
    // If we haven't yet seen the 'connect' message, then wait for it first.
    if (this.clientState === WebSocketState.CONNECTING) await this.receive();
    await this.send({ type: "websocket.accept", subprotocol: options.subprotocol ?? null, headers });
  }

  private raiseOnDisconnect(message: Message): void {
    if (message.type === "websocket.disconnect") throw new WebSocketDisconnect(message.code as number, message.reason as string | null | undefined);
  }

  private checkConnected(): void {
    if (this.applicationState !== WebSocketState.CONNECTED) throw notConnected();
  }

  /** The next text message; throws WebSocketDisconnect when the client has closed. */
  receiveText(): Promise<string> {
    if (this.applicationState !== WebSocketState.CONNECTED) return Promise.reject(notConnected());
    // One step for the state check and the text: an echo loop's every message comes through here.
    if (this.clientState === WebSocketState.CONNECTED) return this.receiveMessage().then(this.receivedText);
    return this.receive().then(this.textOf);
  }

  private readonly receivedText = (message: Message): string => this.textOf(this.received(message));

  private readonly textOf = (message: Message): string => {
    this.raiseOnDisconnect(message);
    return field<string>(message, "text");
  };

  /** The next binary message; throws WebSocketDisconnect when the client has closed. */
  async receiveBytes(): Promise<Uint8Array> {
    this.checkConnected();
    const message = await this.receive();
    this.raiseOnDisconnect(message);
    return field<Uint8Array>(message, "bytes");
  }

  /** The next message parsed as JSON, from a text frame or (`"binary"`) from UTF-8 bytes. */
  async receiveJson<T = unknown>(mode: JSONMode = "text"): Promise<T> {
    checkMode(mode);
    this.checkConnected();
    const message = await this.receive();
    this.raiseOnDisconnect(message);
    const text = mode === "text" ? field<string>(message, "text") : UTF8.decode(field<Uint8Array>(message, "bytes"));
    return JSON.parse(text) as T;
  }

  /** Text messages until the client closes. */
  async *iterText(): AsyncGenerator<string, void, undefined> {
    try {
      for (;;) yield await this.receiveText();
    } catch (exc) {
      if (!(exc instanceof WebSocketDisconnect)) throw exc;
    }
  }

  /** Binary messages until the client closes. */
  async *iterBytes(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      for (;;) yield await this.receiveBytes();
    } catch (exc) {
      if (!(exc instanceof WebSocketDisconnect)) throw exc;
    }
  }

  /** JSON text messages until the client closes. */
  async *iterJson<T = unknown>(): AsyncGenerator<T, void, undefined> {
    try {
      for (;;) yield await this.receiveJson<T>();
    } catch (exc) {
      if (!(exc instanceof WebSocketDisconnect)) throw exc;
    }
  }

  sendText(data: string): Promise<void> {
    return this.send({ type: "websocket.send", text: data });
  }

  sendBytes(data: Uint8Array): Promise<void> {
    return this.send({ type: "websocket.send", bytes: data });
  }

  /** Send `data` as compact JSON (what `JSON.stringify` writes), in a text frame or (`"binary"`) as UTF-8 bytes. */
  async sendJson(data: unknown, mode: JSONMode = "text"): Promise<void> {
    checkMode(mode);
    const text = JSON.stringify(data) ?? "null";
    if (mode === "text") await this.send({ type: "websocket.send", text });
    else await this.send({ type: "websocket.send", bytes: Buffer.from(text, "utf8") });
  }

  /** Close with `code` (1000 by default); before accept, the server refuses the handshake (HTTP 403). */
  async close(code = 1000, reason?: string | null): Promise<void> {
    await this.send({ type: "websocket.close", code, reason: reason || "" });
  }

  /** Refuse the handshake with an HTTP response, where the server has the websocket.http.response extension. */
  async sendDenialResponse(response: Response): Promise<void> {
    if ("websocket.http.response" in (this.scope.extensions ?? {})) {
      await response.call(
        this.scope,
        () => this.receive(),
        (message) => this.send(message),
      );
    } else {
      throw new Error("The server doesn't support the Websocket Denial Response extension.");
    }
  }
}

/** An ASGI app that closes the websocket: what a router answers when no route matches. */
export class WebSocketClose {
  readonly code: number;
  readonly reason: string;

  constructor(code = 1000, reason?: string | null) {
    this.code = code;
    this.reason = reason || "";
  }

  async call(_scope: Scope, _receive: Receive, send: Send): Promise<void> {
    await send({ type: "websocket.close", code: this.code, reason: this.reason });
  }
}
