// Port of starlette/middleware/base.py (1.x): BaseHTTPMiddleware, dispatch + callNext.
// anyio's task group and zero-buffer memory stream become a promise for the
// inner app and the small rendezvous channel below.
import { ClientDisconnect, Request } from "../requests.js";
import { Response } from "../responses.js";
import type { ASGIApp, HeaderList, Message, Receive, Scope, Send } from "../types.js";

/** Runs the rest of the app; resolves once it has started its response, whose body then streams through `bodyIterator`. */
export type CallNext = (request: Request) => Promise<StreamedResponse>;
export type DispatchFunction = (request: Request, callNext: CallNext) => Response | Promise<Response>;

const EMPTY = new Uint8Array(0);
const DISCONNECT: Message = Object.freeze({ type: "http.disconnect" });

const RESOLVED = Promise.resolve();

/**
 * anyio's zero-buffer memory stream: a send completes when a receive takes the
 * message. One pending message is the normal case (the inner app awaits each send).
 */
class Channel {
  private readonly queue: Message[] = [];
  private readonly takers: Array<() => void> = [];
  private waiter: ((message: Message | null) => void) | null = null;
  private sendClosed = false;
  private receiveClosed = false;

  /**
   * Set while a response pipes the body through: takes each message (null at the end) in place of
   * receive(), and settles the send with its own promise.
   */
  sink: ((message: Message | null) => Promise<void>) | null = null;

  /** Whether receive() would settle at once. */
  get ready(): boolean {
    return this.queue.length > 0 || this.sendClosed || this.receiveClosed;
  }

  send(message: Message): Promise<void> {
    // Once the response is out, late messages from the inner app are dropped.
    if (this.receiveClosed) return RESOLVED;
    if (this.sink !== null) return this.sink(message);
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      waiter(message);
      return RESOLVED;
    }
    this.queue.push(message);
    return new Promise((taken) => this.takers.push(taken));
  }

  /** The next message, or null when the sending side has closed. */
  receive(): Promise<Message | null> {
    const message = this.queue.shift();
    if (message !== undefined) {
      (this.takers.shift() as () => void)();
      return Promise.resolve(message);
    }
    if (this.sendClosed || this.receiveClosed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  closeSend(): void {
    this.sendClosed = true;
    if (this.sink !== null) {
      void this.sink(null);
      return;
    }
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(null);
  }

  closeReceive(): void {
    this.receiveClosed = true;
    this.sink = null;
    this.queue.length = 0;
    for (const taken of this.takers.splice(0)) taken();
    this.closeSend();
  }
}

/** The request dispatch sees: a body it reads is replayed to the inner app. */
class CachedRequest extends Request {
  private wrappedDisconnected = false;
  private wrappedConsumed = false;

  async wrappedReceive(): Promise<Message> {
    if (this.wrappedDisconnected) return DISCONNECT;
    if (this.wrappedConsumed) {
      // The inner app has the whole body: all that is left to come is a disconnect.
      if (this.disconnected) {
        this.wrappedDisconnected = true;
        return DISCONNECT;
      }
      const message = await this.nextMessage();
      if (message.type !== "http.disconnect") throw new Error(`Unexpected message received: ${message.type}`);
      this.wrappedDisconnected = true;
      return message;
    }
    if (this.cachedBody !== undefined) {
      // body() was called in dispatch: replay it, even if the client has gone since.
      this.wrappedConsumed = true;
      return { type: "http.request", body: this.cachedBody, more_body: false };
    }
    if (this.streamConsumed) {
      // stream() was read to the end in dispatch: an empty body, so the inner app does not hang.
      this.wrappedConsumed = true;
      return { type: "http.request", body: EMPTY, more_body: false };
    }
    try {
      const next = await this.stream().next();
      this.wrappedConsumed = this.streamConsumed;
      return { type: "http.request", body: next.value ?? EMPTY, more_body: !this.streamConsumed };
    } catch (exc) {
      if (!(exc instanceof ClientDisconnect)) throw exc;
      this.wrappedDisconnected = true;
      return DISCONNECT;
    }
  }
}

/**
 * The response callNext resolves to (Starlette's _StreamingResponse): the inner
 * app's status and headers, and its body, re-chunked, through `bodyIterator`.
 */
class StreamedResponse extends Response {
  private iterator?: AsyncGenerator<Uint8Array | Message, void, undefined>;
  private done = false;

  constructor(
    statusCode: number,
    rawHeaders: HeaderList,
    private readonly channel: Channel,
    private readonly info: unknown,
  ) {
    super(null, { statusCode });
    // The very list of the start message, so header edits in dispatch are what is sent.
    this.rawHeaders = rawHeaders;
  }

  protected override initHeaders(): HeaderList {
    return [];
  }

  /**
   * The body as an async iterator (Starlette's body_iterator), for dispatch
   * functions that read it, or replace it to rewrite the body on its way out.
   */
  get bodyIterator(): AsyncGenerator<Uint8Array | Message, void, undefined> {
    return (this.iterator ??= this.chunks());
  }

  set bodyIterator(chunks: AsyncIterable<Uint8Array | string | Message>) {
    this.iterator = (async function* () {
      for await (const chunk of chunks) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    })();
  }

  /**
   * What one inner message means for the body: a chunk to send, a message that
   * ends the response itself (pathsend), null at the end, or undefined for an
   * empty chunk. Sets `done` on the last one.
   */
  private take(message: Message | null): Uint8Array | Message | null | undefined {
    if (message === null || message.type === "http.response.pathsend") {
      this.done = true;
      return message;
    }
    if (message.type !== "http.response.body") throw new Error(`Unexpected message: ${message.type}`);
    if (!message.more_body) this.done = true;
    const body = message.body;
    return body !== undefined && body.byteLength ? body : undefined;
  }

  /**
   * Forwards the inner app's body messages to `send` as it sends them, with no
   * queue in between; resolves with the message that ended the body when it is
   * not a body message (pathsend), else null.
   */
  private pipe(send: Send): Promise<Message | null> {
    const channel = this.channel;
    return new Promise((resolve, reject) => {
      // The error of take() or of our send() is the response's, as in Starlette; the inner app's send returns quietly.
      const fail = (exc: unknown): void => {
        channel.sink = null;
        reject(exc);
      };
      channel.sink = (message) => {
        try {
          const chunk = this.take(message);
          if (this.done) channel.sink = null;
          const end = this.done ? () => resolve(chunk instanceof Uint8Array || chunk === undefined ? null : chunk) : undefined;
          if (chunk instanceof Uint8Array) return send({ type: "http.response.body", body: chunk, more_body: true }).then(end, fail);
          end?.();
        } catch (exc) {
          fail(exc);
        }
        return RESOLVED;
      };
    });
  }

  /** The next non-empty body chunk, an ASGI message that ends the body (pathsend), or null at the end. */
  private async next(): Promise<Uint8Array | Message | null> {
    while (!this.done) {
      const chunk = this.take(await this.channel.receive());
      if (chunk !== undefined) return chunk;
    }
    return null;
  }

  private async *chunks(): AsyncGenerator<Uint8Array | Message, void, undefined> {
    for (let chunk = await this.next(); chunk !== null; chunk = await this.next()) yield chunk;
  }

  override async call(_scope: Scope, _receive: Receive, send: Send): Promise<void> {
    if (this.info !== undefined) await send({ type: "http.response.debug", info: this.info });
    await send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    const iterator = this.iterator;
    let last: Message | null = null;
    if (iterator === undefined) {
      // The usual path: what the inner app has already sent, then the rest straight from its send().
      while (!this.done && this.channel.ready) {
        const chunk = this.take(await this.channel.receive());
        if (chunk instanceof Uint8Array) await send({ type: "http.response.body", body: chunk, more_body: true });
        else if (chunk !== undefined) last = chunk;
      }
      if (!this.done) last = await this.pipe(send);
    } else {
      // dispatch asked for the body iterator: read through it.
      for (let chunk = (await iterator.next()).value; chunk !== undefined; chunk = (await iterator.next()).value) {
        if (!(chunk instanceof Uint8Array)) {
          last = chunk;
          break;
        }
        await send({ type: "http.response.body", body: chunk, more_body: true });
      }
    }
    // An ASGI message that is not a body (pathsend) ends the response itself.
    if (last !== null) await send(last);
    else await send({ type: "http.response.body", body: EMPTY, more_body: false });
    if (this.background !== null) await this.runBackground(this.background);
  }
}

export class BaseHTTPMiddleware {
  readonly dispatchFunc: DispatchFunction;

  constructor(
    readonly app: ASGIApp,
    dispatch?: DispatchFunction | null,
  ) {
    this.dispatchFunc = dispatch ?? ((request, callNext) => this.dispatch(request, callNext));
  }

  dispatch(_request: Request, _callNext: CallNext): Response | Promise<Response> {
    throw new Error("BaseHTTPMiddleware needs a dispatch function, or a subclass that overrides dispatch()");
  }

  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    const cycle = new DispatchCycle(this.app, scope, receive);
    try {
      const response = await this.dispatchFunc(cycle.request, cycle.callNext);
      await response.call(scope, cycle.wrappedReceive, send);
    } finally {
      cycle.responseSent();
    }
    // Like the task group: done only when the inner app is (its background tasks included).
    if (cycle.appTask !== undefined) await cycle.appTask;
    cycle.rethrow();
  }
}

/** One request through a BaseHTTPMiddleware: the inner app, its channel, its errors. */
class DispatchCycle {
  readonly request: CachedRequest;
  private readonly channel = new Channel();
  private sent = false;
  private signalSent: (() => void) | null = null;
  private sentSignal: Promise<void> | null = null;
  private appError: { error: unknown } | undefined;
  private errorAlreadyRaised = false;
  appTask: Promise<void> | undefined;

  constructor(
    private readonly app: ASGIApp,
    private readonly scope: Scope,
    receive: Receive,
  ) {
    this.request = new CachedRequest(scope, receive);
  }

  readonly wrappedReceive: Receive = () => this.request.wrappedReceive();

  /** Settles once the middleware's response is out. */
  private whenSent(): Promise<void> {
    if (this.sent) return RESOLVED;
    return (this.sentSignal ??= new Promise<void>((resolve) => (this.signalSent = resolve)));
  }

  responseSent(): void {
    this.sent = true;
    this.signalSent?.();
    this.channel.closeReceive();
  }

  /** An inner error that callNext did not already throw is thrown after the response. */
  rethrow(): void {
    if (this.appError !== undefined && !this.errorAlreadyRaised) throw this.appError.error;
  }

  // Whichever comes first: the next request message, or the response going out.
  private readonly receiveOrDisconnect: Receive = async () => {
    if (this.sent) return DISCONNECT;
    return Promise.race([this.wrappedReceive(), this.whenSent().then(() => DISCONNECT)]);
  };

  private readonly sendToChannel: Send = (message) => {
    const taken = this.channel.send(message);
    // The inner app's background tasks start once the client has the whole response.
    if ((message.type === "http.response.body" && !message.more_body) || message.type === "http.response.pathsend") {
      return taken.then(() => this.whenSent());
    }
    return taken;
  };

  // A promise chain rather than an async function: one frame less per layer and request.
  private runApp(): Promise<void> {
    let running: Promise<void>;
    try {
      running = Promise.resolve(this.app(this.scope, this.receiveOrDisconnect, this.sendToChannel));
    } catch (exc) {
      running = Promise.reject(exc);
    }
    return running.then(
      () => this.channel.closeSend(),
      (exc: unknown) => {
        this.appError = { error: exc };
        this.channel.closeSend();
      },
    );
  }

  readonly callNext: CallNext = async () => {
    this.appTask = this.runApp();
    let message = await this.channel.receive();
    let info: unknown;
    if (message !== null && message.type === "http.response.debug" && message.info !== undefined) {
      info = message.info;
      message = await this.channel.receive();
    }
    if (message === null) {
      if (this.appError !== undefined) {
        this.errorAlreadyRaised = true;
        throw this.appError.error;
      }
      throw new Error("No response returned.");
    }
    if (message.type !== "http.response.start") throw new Error(`Unexpected message: ${message.type}`);
    return new StreamedResponse(message.status as number, message.headers ?? [], this.channel, info);
  };
}

export type { StreamedResponse };
