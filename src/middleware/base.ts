// Port of starlette/middleware/base.py (1.x): BaseHTTPMiddleware, dispatch + callNext.
// anyio's task group and zero-buffer memory stream become a promise for the
// inner app and the small rendezvous channel below.
import { ClientDisconnect, Request } from "../requests.js";
import { Response } from "../responses.js";
import type { ASGIApp, HeaderList, Message, Receive, Scope, Send } from "../types.js";

export type CallNext = (request: Request) => Promise<Response>;
export type DispatchFunction = (request: Request, callNext: CallNext) => Response | Promise<Response>;

const EMPTY = new Uint8Array(0);
const DISCONNECT: Message = Object.freeze({ type: "http.disconnect" });

/** Each send waits until the matching receive has taken the message (anyio's buffer of 0). */
class Channel {
  private readonly queue: Array<{ message: Message; taken: () => void }> = [];
  private waiter: ((message: Message | null) => void) | null = null;
  private sendClosed = false;
  private receiveClosed = false;

  send(message: Message): Promise<void> {
    // Once the response is out, late messages from the inner app are dropped.
    if (this.receiveClosed) return Promise.resolve();
    return new Promise((taken) => {
      if (this.waiter !== null) {
        const waiter = this.waiter;
        this.waiter = null;
        waiter(message);
        taken();
      } else {
        this.queue.push({ message, taken });
      }
    });
  }

  /** The next message, or null when the sending side has closed. */
  receive(): Promise<Message | null> {
    const item = this.queue.shift();
    if (item !== undefined) {
      item.taken();
      return Promise.resolve(item.message);
    }
    if (this.sendClosed || this.receiveClosed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  closeSend(): void {
    this.sendClosed = true;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(null);
  }

  closeReceive(): void {
    this.receiveClosed = true;
    for (const item of this.queue.splice(0)) item.taken();
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

/** The response callNext resolves to: the inner app's start message and its body, re-chunked. */
class StreamedResponse extends Response {
  constructor(
    statusCode: number,
    rawHeaders: HeaderList,
    readonly bodyIterator: AsyncGenerator<Uint8Array | Message, void, undefined>,
    private readonly info: unknown,
  ) {
    super(null, { statusCode });
    // The very list of the start message, so header edits in dispatch are what is sent.
    this.rawHeaders = rawHeaders;
  }

  override async call(_scope: Scope, _receive: Receive, send: Send): Promise<void> {
    if (this.info !== undefined) await send({ type: "http.response.debug", info: this.info });
    await send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    let closeBody = true;
    for await (const chunk of this.bodyIterator) {
      if (chunk instanceof Uint8Array) {
        await send({ type: "http.response.body", body: chunk, more_body: true });
      } else {
        // An ASGI message that is not a body (pathsend) ends the response itself.
        closeBody = false;
        await send(chunk);
      }
    }
    if (closeBody) await send({ type: "http.response.body", body: EMPTY, more_body: false });
    if (this.background !== null) await this.background.call();
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

    const request = new CachedRequest(scope, receive);
    const wrappedReceive: Receive = () => request.wrappedReceive();
    const channel = new Channel();
    let responseSent = false;
    let signalSent: () => void = () => undefined;
    const sentSignal = new Promise<Message>((resolve) => (signalSent = () => resolve(DISCONNECT)));
    let appError: { error: unknown } | undefined;
    let errorAlreadyRaised = false;
    let appTask: Promise<void> | undefined;

    const callNext: CallNext = async () => {
      const receiveOrDisconnect: Receive = async () => {
        if (responseSent) return DISCONNECT;
        // Whichever comes first: the next request message, or the response going out.
        return Promise.race([wrappedReceive(), sentSignal]);
      };
      const sendNoError: Send = async (message) => {
        await channel.send(message);
        // The inner app's background tasks start once the client has the whole response.
        if ((message.type === "http.response.body" && !message.more_body) || message.type === "http.response.pathsend") await sentSignal;
      };
      appTask = (async () => {
        try {
          await this.app(scope, receiveOrDisconnect, sendNoError);
        } catch (exc) {
          appError = { error: exc };
        } finally {
          channel.closeSend();
        }
      })();

      let message = await channel.receive();
      let info: unknown;
      if (message !== null && message.type === "http.response.debug" && message.info !== undefined) {
        info = message.info;
        message = await channel.receive();
      }
      if (message === null) {
        if (appError !== undefined) {
          errorAlreadyRaised = true;
          throw appError.error;
        }
        throw new Error("No response returned.");
      }
      if (message.type !== "http.response.start") throw new Error(`Unexpected message: ${message.type}`);

      async function* bodyStream(): AsyncGenerator<Uint8Array | Message, void, undefined> {
        for (;;) {
          const next = await channel.receive();
          if (next === null) return;
          if (next.type === "http.response.pathsend") {
            yield next;
            return;
          }
          if (next.type !== "http.response.body") throw new Error(`Unexpected message: ${next.type}`);
          if (next.body !== undefined && next.body.byteLength) yield next.body;
          if (!next.more_body) return;
        }
      }
      return new StreamedResponse(message.status as number, message.headers ?? [], bodyStream(), info);
    };

    try {
      const response = await this.dispatchFunc(request, callNext);
      await response.call(scope, wrappedReceive, send);
    } finally {
      responseSent = true;
      signalSent();
      channel.closeReceive();
    }
    // Like the task group, finish only when the inner app has (its background tasks included).
    if (appTask !== undefined) await appTask;
    if (appError !== undefined && !errorAlreadyRaised) throw appError.error;
  }
}
