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
    if (this.ready) return Promise.resolve(this.take());
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** What receive() would settle with, when `ready`. */
  take(): Message | null {
    const message = this.queue.shift();
    if (message === undefined) return null;
    (this.takers.shift() as () => void)();
    return message;
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
    if (this.takers.length > 0) {
      this.queue.length = 0;
      for (const taken of this.takers.splice(0)) taken();
    }
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

  /** Whether stream() can send this response: nothing dispatch asked for needs the general path. */
  get direct(): boolean {
    return this.info === undefined && this.iterator === undefined && this.background === null;
  }

  /**
   * call() for a `direct` response, with callbacks in place of a promise: the
   * start, then what the inner app has already sent, then the rest straight from
   * its send() to ours with no queue in between, then the end of the body. A send
   * that settled at once is not waited for: each layer of a stack passes every
   * message on this way.
   */
  stream(send: Send, done: () => void, error: (exc: unknown) => void): void {
    let started: Promise<void>;
    try {
      started = send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    } catch (exc) {
      error(exc);
      return;
    }
    if (started === RESOLVED) this.forward(send, done, error);
    else started.then(() => this.forward(send, done, error), error);
  }

  private forward(send: Send, done: () => void, error: (exc: unknown) => void): void {
    const channel = this.channel;
    let failed = false;
    // The error of take() or of our send() is the response's, as in Starlette; the inner app's send returns quietly.
    const fail = (exc: unknown): void => {
      failed = true;
      channel.sink = null;
      error(exc);
    };
    // An ASGI message that is not a body (pathsend) ends the response itself.
    const end = (last: Message | null): void => {
      try {
        send(last ?? { type: "http.response.body", body: EMPTY, more_body: false }).then(done, fail);
      } catch (exc) {
        fail(exc);
      }
    };
    // One inner message on its way out; settles once it has gone.
    const deliver = (message: Message | null): Promise<void> => {
      try {
        const chunk = this.take(message);
        if (this.done) channel.sink = null;
        if (!(chunk instanceof Uint8Array)) {
          if (this.done) end(chunk ?? null);
          return RESOLVED;
        }
        const sent = send({ type: "http.response.body", body: chunk, more_body: true });
        return this.done ? sent.then(() => end(null), fail) : sent.then(undefined, fail);
      } catch (exc) {
        fail(exc);
        return RESOLVED;
      }
    };
    const drain = (): void => {
      while (!failed && !this.done && channel.ready) {
        const sent = deliver(channel.take());
        if (sent !== RESOLVED) {
          void sent.then(drain);
          return;
        }
      }
      if (!failed && !this.done) channel.sink = deliver;
    };
    drain();
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

  override call(_scope: Scope, _receive: Receive, send: Send): Promise<void> {
    if (!this.direct) return this.callSlowly(send);
    return new Promise((resolve, reject) => this.stream(send, resolve, reject));
  }

  /** With debug info to pass on, a body iterator dispatch asked for, or background tasks. */
  private async callSlowly(send: Send): Promise<void> {
    if (this.info !== undefined) await send({ type: "http.response.debug", info: this.info });
    await send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    const iterator = this.iterator;
    if (iterator === undefined) await new Promise<void>((resolve, reject) => this.forward(send, resolve, reject));
    else {
      let last: Message | null = null;
      for (let chunk = (await iterator.next()).value; chunk !== undefined; chunk = (await iterator.next()).value) {
        if (!(chunk instanceof Uint8Array)) {
          last = chunk;
          break;
        }
        await send({ type: "http.response.body", body: chunk, more_body: true });
      }
      await send(last ?? { type: "http.response.body", body: EMPTY, more_body: false });
    }
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

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    return new Promise<void>((resolve, reject) => new DispatchCycle(this.app, scope, receive, send, resolve, reject).run(this.dispatchFunc));
  }
}

/**
 * One request through a BaseHTTPMiddleware: the inner app, its channel, its
 * errors. Settles the middleware's promise once both the response is out and the
 * inner app has returned, as the task group does; callbacks rather than promise
 * chains, since every layer of a stack runs all of this for every request.
 */
class DispatchCycle {
  readonly request: CachedRequest;
  private readonly channel = new Channel();
  private sent = false;
  private signalSent: (() => void) | null = null;
  private sentSignal: Promise<void> | null = null;
  private appError: { error: unknown } | undefined;
  private errorAlreadyRaised = false;
  private appsRunning = 0;
  private settled = false;

  constructor(
    private readonly app: ASGIApp,
    private readonly scope: Scope,
    receive: Receive,
    private readonly send: Send,
    private readonly resolve: () => void,
    private readonly reject: (exc: unknown) => void,
  ) {
    this.request = new CachedRequest(scope, receive);
  }

  run(dispatch: DispatchFunction): void {
    try {
      Promise.resolve(dispatch(this.request, this.callNext)).then(this.respond, this.failed);
    } catch (exc) {
      this.failed(exc);
    }
  }

  private readonly respond = (response: Response): void => {
    try {
      if (response instanceof StreamedResponse && response.direct) response.stream(this.send, this.finished, this.failed);
      else response.call(this.scope, this.wrappedReceive, this.send).then(this.finished, this.failed);
    } catch (exc) {
      this.failed(exc);
    }
  };

  // dispatch, or its response, failed: the error is the middleware's at once.
  private readonly failed = (exc: unknown): void => {
    this.responseSent();
    this.settled = true;
    this.reject(exc);
  };

  private readonly finished = (): void => {
    this.responseSent();
    if (this.appsRunning === 0) this.settle();
  };

  private readonly appReturned = (): void => {
    this.appsRunning--;
    this.channel.closeSend();
    if (this.sent && this.appsRunning === 0) this.settle();
  };

  private readonly appFailed = (exc: unknown): void => {
    this.appError = { error: exc };
    this.appReturned();
  };

  readonly wrappedReceive: Receive = () => this.request.wrappedReceive();

  /** Settles once the middleware's response is out. */
  private whenSent(): Promise<void> {
    if (this.sent) return RESOLVED;
    return (this.sentSignal ??= new Promise<void>((resolve) => (this.signalSent = resolve)));
  }

  private responseSent(): void {
    this.sent = true;
    this.signalSent?.();
    this.channel.closeReceive();
  }

  /** An inner error that callNext did not already throw is thrown after the response. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.appError !== undefined && !this.errorAlreadyRaised) this.reject(this.appError.error);
    else this.resolve();
  }

  // Whichever comes first: the next request message, or the response going out.
  private readonly receiveOrDisconnect: Receive = async () => {
    if (this.sent) return DISCONNECT;
    return Promise.race([this.wrappedReceive(), this.whenSent().then(() => DISCONNECT)]);
  };

  private readonly sendToChannel: Send = (message) => {
    const taken = this.channel.send(message);
    // The inner app's background tasks start once the client has the whole response, which is
    // after the channel has taken this message (or dropped it, for a response of dispatch's own).
    if ((message.type === "http.response.body" && !message.more_body) || message.type === "http.response.pathsend") {
      return this.whenSent();
    }
    return taken;
  };

  private runApp(): void {
    let running: Promise<void>;
    try {
      running = Promise.resolve(this.app(this.scope, this.receiveOrDisconnect, this.sendToChannel));
    } catch (exc) {
      running = Promise.reject(exc);
    }
    this.appsRunning++;
    running.then(this.appReturned, this.appFailed);
  }

  // The start message resolves callNext as the inner app sends it: no await in between.
  readonly callNext: CallNext = () =>
    new Promise<StreamedResponse>((resolve, reject) => {
      const channel = this.channel;
      let info: unknown;
      let first = true;
      channel.sink = (message) => {
        if (first && message !== null && message.type === "http.response.debug" && message.info !== undefined) {
          info = message.info;
          first = false;
          return RESOLVED;
        }
        channel.sink = null;
        if (message === null) {
          if (this.appError !== undefined) {
            this.errorAlreadyRaised = true;
            reject(this.appError.error);
          } else reject(new Error("No response returned."));
        } else if (message.type !== "http.response.start") reject(new Error(`Unexpected message: ${message.type}`));
        else resolve(new StreamedResponse(message.status as number, message.headers ?? [], channel, info));
        return RESOLVED;
      };
      this.runApp();
    });
}

export type { StreamedResponse };
