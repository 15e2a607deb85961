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
  private answered = false;
  /** True when the app does not speak lifespan: it returned, or (lenient) failed, without answering. */
  unsupported = false;

  /** `lenient`: an app that fails before answering anything is taken not to support lifespan (uvicorn's "auto"). */
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
      if (reply !== undefined) this.answered = true;
      if (reply?.type === `${type}.complete`) return;
      if (reply?.type === `${type}.failed`) {
        await this.task;
        throw this.error ? this.error.error : new Error(String(reply.message));
      }
      if (reply !== undefined) continue;
      if (this.done) {
        if (this.error && !(this.lenient && !this.answered)) throw this.error.error;
        this.unsupported = true;
        return;
      }
      await new Promise<void>((resolve) => (this.wakeClient = resolve));
    }
  }
}
