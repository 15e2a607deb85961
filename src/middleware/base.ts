// Port of starlette/middleware/base.py (1.x): BaseHTTPMiddleware, dispatch + callNext.
// anyio's task group and zero-buffer memory stream become a promise for the
// inner app and the small rendezvous channel below.
import { encodeUtf8, RESOLVED } from "../_utils.js";
import { ClientDisconnect, Request } from "../requests.js";
import { asgiObjectOf } from "./index.js";
import { Response } from "../responses.js";
import type { ASGIApp, HeaderList, Message, Receive, Scope, Send } from "../types.js";

/** Runs the rest of the app; resolves once it has started its response, whose body then streams through `bodyIterator`. */
export type CallNext = (request: Request) => Promise<StreamedResponse>;
export type DispatchFunction = (request: Request, callNext: CallNext) => Response | Promise<Response>;

const EMPTY = new Uint8Array(0);
const DISCONNECT: Message = Object.freeze({ type: "http.disconnect" });

const noop = (): void => undefined;

// One executor for every callNext promise, rather than a closure each: it runs at once, and its
// functions are taken from here before anything else can run.
const captured: { resolve: (response: StreamedResponse) => void; reject: (exc: unknown) => void } = { resolve: noop, reject: noop };
function capture(resolve: (response: StreamedResponse) => void, reject: (exc: unknown) => void): void {
  captured.resolve = resolve;
  captured.reject = reject;
}

/** Takes the channel's messages as they are sent, in place of receive(). */
interface Sink {
  /** One message (null once the sending side has closed); calls `gone` once it has been passed on. */
  pass(message: Message | null, gone: () => void): void;
  /** Whether pass() always calls `gone` before it returns. */
  readonly immediate: boolean;
}

// What a StreamedResponse sends is a chunk (not empty, more to come) or the end (empty, no more):
// every layer outside passes either on unchanged.
const OTHER = 0;
const CHUNK = 1;
const END = 2;

function relayKind(message: Message): number {
  const body = message.body;
  if (message.type !== "http.response.body" || body === undefined) return OTHER;
  if (message.more_body === true) return body.byteLength > 0 ? CHUNK : OTHER;
  return message.more_body === false && body.byteLength === 0 ? END : OTHER;
}

interface Queued {
  message: Message;
  taken: () => void;
}

/**
 * anyio's zero-buffer memory stream: a send completes when a receive takes the
 * message. One waiting message is the normal case (the inner app awaits each
 * send), so it has a slot of its own; a queue is made only for an app that sends
 * again without waiting.
 */
class Channel {
  private head: Queued | null = null;
  private rest: Queued[] | null = null;
  private waiter: ((message: Message | null) => void) | null = null;
  private sendClosed = false;
  private receiveClosed = false;

  /** Set while a response pipes the body through, or while callNext waits for the start. */
  sink: Sink | null = null;

  /** Whether receive() would settle at once. */
  get ready(): boolean {
    return this.head !== null || this.sendClosed || this.receiveClosed;
  }

  /**
   * Set while a direct StreamedResponse with another layer outside it streams
   * this channel: body chunks and the end skip it and go straight to that
   * layer's channel.
   */
  relaying: StreamedResponse | null = null;

  /**
   * Whether the sender is another BaseHTTPMiddleware's StreamedResponse, whose
   * messages are this package's own: passed on as they are, where the app's are
   * copied, as Starlette does.
   */
  fromLayer = false;

  send(message: Message): Promise<void> {
    // Once the response is out, late messages from the inner app are dropped.
    if (this.receiveClosed) return RESOLVED;
    const sink = this.sink;
    if (sink !== null && this.relaying === null) {
      if (sink.immediate) {
        sink.pass(message, noop);
        return RESOLVED;
      }
      let settle: (() => void) | null = null;
      let gone = false;
      sink.pass(message, () => {
        if (settle === null) gone = true;
        else settle();
      });
      return gone ? RESOLVED : new Promise((resolve) => (settle = resolve));
    }
    return new Promise((taken) => this.post(message, taken));
  }

  /** send() with a callback for once the message is taken, in place of a promise. */
  post(message: Message, taken: () => void): void {
    relayTarget(this, message).accept(message, taken, null);
  }

  /** post() of a message already queued elsewhere: the same entry is queued here if need be. */
  move(queued: Queued): void {
    relayTarget(this, queued.message).accept(queued.message, queued.taken, queued);
  }

  private accept(message: Message, taken: () => void, queued: Queued | null): void {
    if (this.receiveClosed) taken();
    else if (this.sink !== null) this.sink.pass(message, taken);
    else if (this.waiter !== null) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(message);
      taken();
    } else {
      const entry = queued ?? { message, taken };
      if (this.head === null) this.head = entry;
      else (this.rest ??= []).push(entry);
    }
  }

  /** The next message, or null when the sending side has closed. */
  receive(): Promise<Message | null> {
    if (this.ready) return Promise.resolve(this.take());
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** What receive() would settle with, when `ready`. */
  take(): Message | null {
    const head = this.shift();
    if (head === null) return null;
    head.taken();
    return head.message;
  }

  /** The oldest waiting message; its send settles when the caller calls `taken`. */
  shift(): Queued | null {
    const head = this.head;
    if (head !== null) this.head = this.rest?.shift() ?? null;
    return head;
  }

  closeSend(): void {
    this.sendClosed = true;
    if (this.sink !== null) {
      this.sink.pass(null, noop);
      return;
    }
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(null);
  }

  closeReceive(): void {
    this.receiveClosed = true;
    this.sink = null;
    this.relaying = null;
    while (this.head !== null) this.take();
    this.closeSend();
  }
}

/**
 * Where a message posted into `channel` goes: through every response that
 * relays it as it is. An end ends each of those responses on its way.
 */
function relayTarget(channel: Channel, message: Message): Channel {
  let relaying = channel.relaying;
  if (relaying === null) return channel;
  const kind = relayKind(message);
  if (kind === OTHER) return channel;
  do {
    const outer = relaying.outerChannel;
    if (kind === END) relaying.ended();
    channel = outer;
    relaying = channel.relaying;
  } while (relaying !== null);
  return channel;
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
      // stream() yields at least once (an empty chunk at the end), so a fresh one never starts done.
      return { type: "http.request", body: next.value as Uint8Array, more_body: !this.streamConsumed };
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
class StreamedResponse extends Response implements Sink {
  private iterator?: AsyncGenerator<Uint8Array | Message, void, undefined>;
  private done = false;
  // Where stream() sends the body, what it calls at the end, and whether it failed.
  private downstream: Send | null = null;
  private whenDone: () => void = noop;
  private whenFailed: (exc: unknown) => void = noop;
  private broken = false;
  // The cycle whose channel `downstream` sends into, when known: messages are then posted to it with callbacks, not promises.
  private outer: DispatchCycle | null = null;

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
      for await (const chunk of chunks) yield typeof chunk === "string" ? encodeUtf8(chunk) : chunk;
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

  get immediate(): boolean {
    return false;
  }

  /** An end relayed through this response's channel: the response is done once the layer outside has sent its own. */
  ended(): void {
    this.done = true;
    this.channel.sink = null;
    this.channel.relaying = null;
    (this.outer as DispatchCycle).whenResponseSent(this.whenDone);
  }

  /** The channel of the layer outside, while relaying. */
  get outerChannel(): Channel {
    return (this.outer as DispatchCycle).channel;
  }

  /** Whether stream() can send this response: nothing dispatch asked for needs the general path. */
  get direct(): boolean {
    return this.info === undefined && this.iterator === undefined && this.background === null;
  }

  /**
   * call() for a `direct` response, with callbacks in place of a promise: the
   * start, then what the inner app has already sent, then the rest straight from
   * its send() to ours with no queue in between (the response is the channel's
   * sink), then the end of the body. A send that settled at once is not waited
   * for: each layer of a stack passes every message on this way.
   */
  stream(send: Send, done: () => void, error: (exc: unknown) => void, outer: DispatchCycle | null = null): void {
    this.downstream = send;
    this.outer = outer;
    this.whenDone = done;
    this.whenFailed = error;
    let started: Promise<void>;
    try {
      started = send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    } catch (exc) {
      this.fail(exc);
      return;
    }
    if (started === RESOLVED) this.drain();
    else started.then(() => this.drain(), (exc: unknown) => this.fail(exc));
  }

  /** The body only, once the start has gone. */
  private pipe(send: Send, done: () => void, error: (exc: unknown) => void): void {
    this.downstream = send;
    this.whenDone = done;
    this.whenFailed = error;
    this.drain();
  }

  // The error of take() or of our send() is the response's, as in Starlette; the inner app's send returns quietly.
  private fail(exc: unknown): void {
    this.broken = true;
    this.channel.sink = null;
    this.channel.relaying = null;
    this.whenFailed(exc);
  }

  /**
   * What the inner app sent before the response went out, in order, each send
   * settling once its message has gone on; then the channel's messages come
   * straight to pass().
   */
  private drain(): void {
    const channel = this.channel;
    const relays = this.outer !== null && channel.fromLayer;
    while (!this.broken && !this.done) {
      const queued = channel.shift();
      if (queued === null) {
        if (channel.ready) this.pass(null, noop); // the inner app has returned
        else {
          channel.sink = this;
          // Chunks and the end need nothing of this layer: they go on to the outer layer's channel.
          if (relays) channel.relaying = this;
        }
        return;
      }
      // A chunk on its own goes on as it is, with its sender's callback (more than one keep their order below).
      if (relays && channel.ready === false && relayKind(queued.message) === CHUNK) {
        this.outerChannel.move(queued);
        continue;
      }
      let waiting = true;
      let gone = false;
      this.pass(queued.message, () => {
        queued.taken();
        if (waiting) gone = true;
        else this.drain();
      });
      waiting = false;
      if (!gone) return;
    }
  }

  /** One inner message on its way out; `gone` is called once it has gone (at once when nothing is sent). */
  pass(message: Message | null, gone: () => void): void {
    let chunk: Uint8Array | Message | null | undefined;
    try {
      chunk = this.take(message);
    } catch (exc) {
      this.fail(exc);
      gone();
      return;
    }
    if (this.done) {
      this.channel.sink = null;
      this.channel.relaying = null;
    }
    if (!(chunk instanceof Uint8Array)) {
      // An end as a StreamedResponse writes it goes on as it is.
      if (this.done) this.end(chunk ?? (message !== null && this.channel.fromLayer && relayKind(message) === END ? message : null));
      gone();
      return;
    }
    const next = this.done
      ? () => {
          this.end(null);
          gone();
        }
      : gone;
    const own = this.channel.fromLayer && (message as Message).more_body === true;
    this.forward(own ? (message as Message) : { type: "http.response.body", body: chunk, more_body: true }, next, gone);
  }

  // An ASGI message that is not a body (pathsend) ends the response itself.
  private end(last: Message | null): void {
    const message = last ?? { type: "http.response.body", body: EMPTY, more_body: false };
    const outer = this.outer;
    if (outer !== null) outer.sendLast(message, this.whenDone);
    else this.forward(message, this.whenDone, noop);
  }

  /**
   * Sends one message downstream, then calls `next`; on an error, fails the
   * response and calls `failed`. Into another BaseHTTPMiddleware's channel, with
   * no promise.
   */
  private forward(message: Message, next: () => void, failed: () => void): void {
    const outer = this.outer;
    if (outer !== null) {
      outer.channel.post(message, next);
      return;
    }
    try {
      (this.downstream as Send)(message).then(next, (exc: unknown) => {
        this.fail(exc);
        failed();
      });
    } catch (exc) {
      this.fail(exc);
      failed();
    }
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
    if (iterator === undefined) await new Promise<void>((resolve, reject) => this.pipe(send, resolve, reject));
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
  // The BaseHTTPMiddleware one layer in, if that is what `app` is: it is run with callbacks, not a promise.
  private readonly inner: BaseHTTPMiddleware | null;

  constructor(
    readonly app: ASGIApp,
    dispatch?: DispatchFunction | null,
  ) {
    this.dispatchFunc = dispatch ?? ((request, callNext) => this.dispatch(request, callNext));
    const inner = asgiObjectOf(app);
    this.inner = inner instanceof BaseHTTPMiddleware ? inner : null;
  }

  dispatch(_request: Request, _callNext: CallNext): Response | Promise<Response> {
    throw new Error("BaseHTTPMiddleware needs a dispatch function, or a subclass that overrides dispatch()");
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    return new Promise<void>((resolve, reject) =>
      new DispatchCycle(this.app, this.inner, scope, receive, send, null, resolve, reject).run(this.dispatchFunc),
    );
  }

  /**
   * call() for an http scope, run by the cycle one layer out, to which it
   * reports with method calls: how a layer runs this one when neither has a
   * `call` of its own.
   * @internal
   */
  handle(scope: Scope, receive: Receive, outer: DispatchCycle): void {
    new DispatchCycle(this.app, this.inner, scope, receive, outer.sendToChannel, outer, noop, noop).run(this.dispatchFunc);
  }
}

const baseCall = BaseHTTPMiddleware.prototype.call;

/**
 * One request through a BaseHTTPMiddleware: the inner app, its channel, its
 * errors. Settles the middleware's promise once both the response is out and the
 * inner app has returned, as the task group does; callbacks rather than promise
 * chains, since every layer of a stack runs all of this for every request.
 */
class DispatchCycle implements Sink {
  readonly request: CachedRequest;
  readonly channel = new Channel();
  private sent = false;
  private signalSent: (() => void) | null = null;
  private sentSignal: Promise<void> | null = null;
  private appError: { error: unknown } | undefined;
  private errorAlreadyRaised = false;
  private appsRunning = 0;
  private settled = false;
  // What sendLast() was given: called once the response is out.
  private afterSent: Array<() => void> | null = null;

  constructor(
    private readonly app: ASGIApp,
    private readonly inner: BaseHTTPMiddleware | null,
    private readonly scope: Scope,
    receive: Receive,
    private readonly send: Send,
    // The cycle that runs this one (whose channel `send` sends into), told with method calls; else the promise's callbacks.
    private readonly outer: DispatchCycle | null,
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
      if (response instanceof StreamedResponse && response.direct) response.stream(this.send, this.finished, this.failed, this.outer);
      else response.call(this.scope, () => this.request.wrappedReceive(), this.send).then(this.finished, this.failed);
    } catch (exc) {
      this.failed(exc);
    }
  };

  // dispatch, or its response, failed: the error is the middleware's at once.
  private readonly failed = (exc: unknown): void => {
    this.responseSent();
    this.settled = true;
    this.raise(exc);
  };

  private readonly finished = (): void => {
    this.responseSent();
    if (this.appsRunning === 0) this.settle();
  };

  /** The inner app has returned. */
  appReturned(): void {
    this.appsRunning--;
    this.channel.closeSend();
    if (this.sent && this.appsRunning === 0) this.settle();
  }

  appFailed(exc: unknown): void {
    this.appError = { error: exc };
    this.appReturned();
  }

  private raise(exc: unknown): void {
    if (this.outer !== null) this.outer.appFailed(exc);
    else this.reject(exc);
  }

  /** Settles once the middleware's response is out. */
  private whenSent(): Promise<void> {
    if (this.sent) return RESOLVED;
    return (this.sentSignal ??= new Promise<void>((resolve) => (this.signalSent = resolve)));
  }

  private responseSent(): void {
    this.sent = true;
    this.signalSent?.();
    this.channel.closeReceive();
    // The responses one layer in are done too: told now, each telling the next layer in.
    const callbacks = this.afterSent;
    if (callbacks !== null) {
      this.afterSent = null;
      for (const callback of callbacks) callback();
    }
  }

  /** sendToChannel() for the last message of an inner StreamedResponse, with a callback for once the response is out. */
  sendLast(message: Message, sent: () => void): void {
    this.channel.post(message, noop);
    this.whenResponseSent(sent);
  }

  /** Calls `sent` once this layer's response is out. */
  whenResponseSent(sent: () => void): void {
    if (this.sent) sent();
    else (this.afterSent ??= []).push(sent);
  }

  /** An inner error that callNext did not already throw is thrown after the response. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.appError !== undefined && !this.errorAlreadyRaised) this.raise(this.appError.error);
    else if (this.outer !== null) this.outer.appReturned();
    else this.resolve();
  }

  // Whichever comes first: the next request message, or the response going out.
  private readonly receiveOrDisconnect: Receive = async () => {
    if (this.sent) return DISCONNECT;
    return Promise.race([this.request.wrappedReceive(), this.whenSent().then(() => DISCONNECT)]);
  };

  readonly sendToChannel: Send = (message) => {
    const taken = this.channel.send(message);
    // The inner app's background tasks start once the client has the whole response, which is
    // after the channel has taken this message (or dropped it, for a response of dispatch's own).
    if ((message.type === "http.response.body" && !message.more_body) || message.type === "http.response.pathsend") {
      return this.whenSent();
    }
    return taken;
  };

  private runApp(): void {
    this.appsRunning++;
    const inner = this.inner;
    // handle() does not throw: dispatch's errors, even synchronous ones, come to appFailed.
    if (inner !== null && inner.call === baseCall) {
      this.channel.fromLayer = true;
      inner.handle(this.scope, this.receiveOrDisconnect, this);
      return;
    }
    let running: Promise<void>;
    try {
      running = Promise.resolve(this.app(this.scope, this.receiveOrDisconnect, this.sendToChannel));
    } catch (exc) {
      running = Promise.reject(exc);
    }
    running.then(
      () => this.appReturned(),
      (exc: unknown) => this.appFailed(exc),
    );
  }

  private started: ((response: StreamedResponse) => void) | null = null;
  private startFailed: (exc: unknown) => void = noop;
  private info: unknown;

  // The cycle is the channel's sink until the start message comes: it resolves callNext with no await in between.
  readonly callNext: CallNext = () => {
    const promise = new Promise<StreamedResponse>(capture);
    this.started = captured.resolve;
    this.startFailed = captured.reject;
    this.channel.sink = this;
    this.runApp();
    return promise;
  };

  get immediate(): boolean {
    return true;
  }

  pass(message: Message | null, gone: () => void): void {
    if (message !== null && message.type === "http.response.debug" && message.info !== undefined && this.info === undefined) {
      this.info = message.info;
      gone();
      return;
    }
    this.channel.sink = null;
    if (message === null) {
      if (this.appError !== undefined) {
        this.errorAlreadyRaised = true;
        this.startFailed(this.appError.error);
      } else this.startFailed(new Error("No response returned."));
    } else if (message.type !== "http.response.start") this.startFailed(new Error(`Unexpected message: ${message.type}`));
    else (this.started as (response: StreamedResponse) => void)(new StreamedResponse(message.status as number, message.headers ?? [], this.channel, this.info));
    gone();
  }
}

export type { StreamedResponse };
