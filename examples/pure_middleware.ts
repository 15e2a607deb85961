// A pure ASGI middleware, two ways: a class with constructor(app, options) and
// call(scope, receive, send), and a factory function. Both add a header.
import { fileURLToPath } from "node:url";
import { App, MutableHeaders, serve, type ASGIApp, type Message, type Receive, type Scope, type Send } from "starlette-ts";

export class AddHeaderMiddleware {
  constructor(
    readonly app: ASGIApp,
    readonly options: { name: string; value: string },
  ) {}

  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    const sendWithHeader = async (message: Message) => {
      if (message.type === "http.response.start") new MutableHeaders({ scope: message }).append(this.options.name, this.options.value);
      await send(message);
    };
    await this.app(scope, receive, sendWithHeader);
  }
}

export function addHeader(app: ASGIApp, name: string, value: string): ASGIApp {
  return (scope, receive, send) => new AddHeaderMiddleware(app, { name, value }).call(scope, receive, send);
}

export const app = new App();
app.addMiddleware(AddHeaderMiddleware, { name: "X-Class", value: "yes" });
app.addMiddleware(addHeader, "X-Factory", "yes");
app.get("/")(() => ({ ok: true }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
