// Drives an app through the ASGI lifespan protocol; the server and the
// TestClient both use it (uvicorn's LifespanOn plays this role in Python).
import type { ASGIApp, Message, Scope } from "./types.js";
import type { State } from "./datastructures.js";

export class LifespanDriver {
  private readonly inbox: Message[] = [];
  private readonly outbox: Message[] = [];
  private wakeApp?: () => void;
  private wakeClient?: () => void;
  private task: Promise<void> = Promise.resolve();
  private done = false;
  private error?: { error: unknown };
  /** True when the app does not speak lifespan: it returned without answering, or (lenient) failed without saying so. */
  unsupported = false;
  /** The message of the app's last `*.failed` answer. */
  failure: string | null = null;

  /**
   * `lenient` is uvicorn's "auto" mode: an app that raises without having sent a `*.failed`
   * message is taken not to support lifespan, at startup or later.
   */
  constructor(
    private readonly app: ASGIApp,
    readonly state: State,
    private readonly lenient = false,
  ) {}

  async startup(): Promise<void> {
    const receive = async (): Promise<Message> => {
      while (this.inbox.length === 0) await new Promise<void>((resolve) => (this.wakeApp = resolve));
      return this.inbox.shift() as Message;
    };
    const send = async (message: Message): Promise<void> => {
      this.outbox.push(message);
      this.wakeClient?.();
    };
    const scope: Scope = { type: "lifespan", asgi: { version: "3.0", spec_version: "2.0" }, state: this.state };
    this.task = (async () => {
      try {
        await this.app(scope, receive, send);
      } catch (exc) {
        this.error = { error: exc };
      }
      this.done = true;
      this.wakeClient?.();
    })();
    await this.step("lifespan.startup");
  }

  async shutdown(): Promise<void> {
    if (!this.unsupported) await this.step("lifespan.shutdown");
    await this.task;
  }

  private async step(type: string): Promise<void> {
    this.inbox.push({ type });
    this.wakeApp?.();
    for (;;) {
      const reply = this.outbox.shift();
      if (reply?.type === `${type}.complete`) return;
      if (reply?.type === `${type}.failed`) {
        this.failure = reply.message === undefined ? null : String(reply.message);
        await this.task;
        throw this.error ? this.error.error : new Error(String(reply.message));
      }
      if (reply !== undefined) continue;
      if (this.done) {
        if (this.error && !this.lenient) throw this.error.error;
        this.unsupported = true;
        return;
      }
      await new Promise<void>((resolve) => (this.wakeClient = resolve));
    }
  }
}
