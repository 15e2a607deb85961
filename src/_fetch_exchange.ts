// One request and its response for the fetch adapter (fetch.ts): the app's receive
// and send over a Fetch API Request, and the Response handed back. The part of
// server.ts's Cycle that a Web-standard runtime needs; no Starlette counterpart.
import { RESOLVED } from "./_utils.js";
import type { HeaderList, Message, Receive, Send } from "./types.js";

/** Thrown by send() once the client has gone (ASGI 2.4: an OSError), as server.ts's. */
export class ClientDisconnected extends Error {
  readonly code = "ECONNRESET";
  constructor() {
    super("Client disconnected");
    this.name = "ClientDisconnected";
  }
}

const EMPTY = new Uint8Array(0);
const DISCONNECT: Message = Object.freeze({ type: "http.disconnect" });
const NULL_BODY_STATUS = new Set([204, 205, 304]);
const NON_ASCII = /[^\x00-\x7f]/;
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();
const NOOP = (): void => undefined;

/** A string as the latin-1 "byte string" of its UTF-8 bytes (types.ts): for text a runtime gives decoded. */
export function latin1(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = "";
  for (const byte of UTF8_ENCODER.encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** The other way: a byte string's bytes read as UTF-8, for a runtime whose Headers take text (workerd). */
function utf8(bytes: string): string {
  return NON_ASCII.test(bytes) ? UTF8_DECODER.decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0))) : bytes;
}

/** The plain-text 500 that serve() sends for an app that fails before its response starts. */
export function internalServerError(): Response {
  return new Response("Internal Server Error", {
    status: 500,
    headers: [["content-type", "text/plain; charset=utf-8"], ["content-length", "21"]],
  });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array | null {
  if (length === 0) return null;
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The Response is made at the first body message. A body in one message
 * goes out as bytes; one in several, as a stream fed by send(). The first of
 * several is held to the end of the event-loop turn: when the end follows at
 * once, as BaseHTTPMiddleware sends it, the body still goes out whole, with its
 * length, rather than as a stream (which workerd would send chunked).
 */
export class Exchange {
  private started = false;
  private responded = false;
  private responseDone = false;
  private requestComplete = false;
  private gone = false;
  private status = 200;
  private headers: HeaderList = [];
  private held: Uint8Array[] | null = null;
  private heldBytes = 0;
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private goneSoon: Promise<void> | null = null;
  private wakeGone: () => void = NOOP;
  private wakeSender: (() => void) | null = null;
  private result: Response | null = null;
  private waiting: ((response: Response) => void) | null = null;
  readonly receive: Receive = () => this.nextMessage();
  readonly send: Send = (message) => this.sendMessage(message);

  constructor(
    private readonly request: Request,
    private readonly highWaterMark: number,
    /** Whether the runtime's Headers hold text rather than latin-1 bytes (workerd). */
    private readonly utf8Headers: boolean,
  ) {}

  /**
   * The client went away before the response was finished: the runtime cancelled the body, or
   * the request's signal aborted. The signal is read only once the app waits on receive(): a
   * handler that never reads costs no signal (Bun makes one on first use; Deno warns on it).
   */
  get disconnected(): boolean {
    return !this.responseDone && this.gone;
  }

  /** Settles when the client goes or the response is complete: what receive() waits for after the body. */
  private whenGone(): Promise<void> {
    if (this.goneSoon === null) {
      this.goneSoon = new Promise<void>((resolve) => (this.wakeGone = resolve));
      this.request.signal.addEventListener("abort", () => this.goneNow(), { once: true });
    }
    return this.goneSoon;
  }

  private goneNow(): void {
    this.gone = true;
    this.wakeGone();
    this.wakeSender?.();
  }

  private async nextMessage(): Promise<Message> {
    if (this.request.signal.aborted) this.gone = true;
    if (this.disconnected) return DISCONNECT;
    if (!this.requestComplete) {
      const body = this.request.body;
      if (body === null) {
        this.requestComplete = true;
        return { type: "http.request", body: EMPTY, more_body: false };
      }
      this.reader ??= body.getReader();
      const read = await Promise.race([this.reader.read(), this.whenGone().then(() => null)]).catch(() => {
        this.gone = true; // a read that fails is a request body cut short: the client has gone
        return null;
      });
      if (read === null || this.disconnected) return DISCONNECT;
      if (read.done) {
        this.requestComplete = true;
        return { type: "http.request", body: EMPTY, more_body: false };
      }
      return { type: "http.request", body: read.value, more_body: true };
    }
    // After the body, the only message left is the disconnect, once the response is done.
    if (!this.responseDone) await this.whenGone();
    return DISCONNECT;
  }

  // Not async, as server.ts's: the core's Response goes on at once when a send returns RESOLVED.
  private sendMessage(message: Message): Promise<void> {
    try {
      return this.deliver(message) ?? RESOLVED;
    } catch (exc) {
      return Promise.reject(exc);
    }
  }

  private deliver(message: Message): Promise<void> | undefined {
    if (this.disconnected) throw new ClientDisconnected();
    if (message.type === "http.response.start") {
      if (this.started) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already started.`);
      this.started = true;
      this.status = message.status as number;
      this.headers = message.headers ?? [];
      return;
    }
    if (message.type !== "http.response.body") return;
    if (!this.started) throw new Error(`Unexpected ASGI message '${message.type}' sent, before 'http.response.start'.`);
    if (this.responseDone) throw new Error(`Unexpected ASGI message '${message.type}' sent, after response already completed.`);
    const body = message.body ?? EMPTY;
    const more = message.more_body === true;
    if (!this.responded && this.held === null) {
      if (this.request.method === "HEAD" || NULL_BODY_STATUS.has(this.status)) {
        this.respond(null); // the head alone, as a server sends it; the rest of the body is dropped
      } else if (!more) {
        this.respond(body.byteLength ? body : null); // the usual case: the whole body in one message
      } else {
        this.held = [];
        setTimeout(() => this.release(), 0);
      }
    }
    if (this.held !== null) {
      if (body.byteLength) this.held.push(body);
      this.heldBytes += body.byteLength;
      if (!more) {
        this.respond(concat(this.held, this.heldBytes));
        this.held = null;
        this.finish();
        return;
      }
      if (this.heldBytes < this.highWaterMark) return;
      this.openHeld(); // more than a queue's worth: stream it now
      return this.room();
    }
    const controller = this.controller;
    if (controller === null) {
      if (!more) this.finish(); // a body that is not sent
      return;
    }
    if (body.byteLength) controller.enqueue(body);
    if (!more) {
      controller.close();
      this.finish();
      return;
    }
    return this.room();
  }

  /** When the queue is full, a promise for the runtime to read from it (or for the client to go). */
  private room(): Promise<void> | undefined {
    if (((this.controller as ReadableStreamDefaultController<Uint8Array>).desiredSize as number) > 0) return undefined;
    return Promise.race([new Promise<void>((resolve) => (this.wakeSender = resolve)), this.whenGone()]);
  }

  private respond(body: Uint8Array | ReadableStream<Uint8Array> | null): void {
    const headers = this.utf8Headers ? this.headers.map(([name, value]): [string, string] => [name, utf8(value)]) : this.headers;
    // Throws for a status or header the Fetch API refuses: the app's send fails, as writeHead's would.
    // No statusText: the runtime writes its own reason phrase (giving one costs Bun a third of a Response).
    const response = new Response(body, { status: this.status, headers });
    this.responded = true;
    this.resolve(response);
  }

  private resolve(response: Response): void {
    this.result = response;
    this.waiting?.(response);
  }

  /**
   * The Response: at once when the app answered without waiting (the core's Response
   * sends at once when each send is taken at once, so a plain answer is ready here),
   * else a promise for it. Runtimes take either, and Bun serves the first faster.
   */
  response(): Response | Promise<Response> {
    return this.result ?? new Promise<Response>((resolve) => (this.waiting = resolve));
  }

  /** The held chunks, as the start of a streamed body. */
  private openHeld(): void {
    const held = this.held as Uint8Array[];
    this.respond(this.openStream());
    this.held = null;
    const controller = this.controller as ReadableStreamDefaultController<Uint8Array>;
    for (const chunk of held) controller.enqueue(chunk);
  }

  // At the end of the turn the first chunk was sent in: the body goes on, so it is streamed.
  private release(): void {
    if (this.held === null) return;
    try {
      this.openHeld();
    } catch {
      // A Response the Fetch API refuses: the app's next send, or settle(), meets the same error.
    }
  }

  private openStream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => void (this.controller = controller),
        pull: () => {
          const wake = this.wakeSender;
          this.wakeSender = null;
          wake?.();
        },
        cancel: () => this.goneNow(),
      },
      { highWaterMark: this.highWaterMark, size: (chunk) => chunk.byteLength },
    );
  }

  private finish(): void {
    this.responseDone = true;
    this.wakeGone();
  }

  /** After the app returned or raised: the response if none was given yet, the stream cut if it was left open. */
  settle(exc: { error: unknown } | null, log: (line: string) => void): void {
    // As serve(): nothing is logged for an app that fails or stops because its client went away
    // (the signal is read here, on the way out of a failure, for an app that never called receive()).
    const failed = exc !== null || !this.responseDone;
    if (failed && this.request.signal.aborted) this.gone = true;
    if (!this.disconnected) {
      if (exc !== null) log(`ERROR:    Exception in ASGI application\n${errorText(exc.error)}`);
      else if (!this.started) log("ERROR:    ASGI callable returned without starting response.");
      else if (!this.responseDone) log("ERROR:    ASGI callable returned without completing response.");
    }
    this.release(); // a body begun: its head and first chunk go out, then it is cut, as serve() does
    if (!this.responded) this.resolve(internalServerError());
    else if (this.controller !== null && !this.responseDone) {
      // The head has gone out: all that is left is to cut the body short, as serve() drops the connection.
      this.controller.error(exc === null ? new Error("ASGI callable returned without completing response.") : exc.error);
    }
    this.finish();
  }
}

export function errorText(exc: unknown): string {
  return exc instanceof Error ? (exc.stack ?? String(exc)) : String(exc);
}
