// Port of starlette/middleware/errors.py: always the outermost middleware.
// Turns an unhandled error into a 500 (if nothing was sent yet), then re-throws
// it so that the server logs it and the TestClient can raise it.
import { Request } from "../requests.js";
import { HTMLResponse, PlainTextResponse, type Response } from "../responses.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "../types.js";

export type ServerErrorHandler = (request: Request, exc: unknown) => Response | Promise<Response>;

export interface ServerErrorMiddlewareOptions {
  handler?: ServerErrorHandler | null;
  /** @default false */
  debug?: boolean;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function traceback(exc: unknown): string {
  if (exc instanceof Error) return exc.stack ?? `${exc.name}: ${exc.message}`;
  return `Error: ${String(exc)}`;
}

export class ServerErrorMiddleware {
  readonly handler: ServerErrorHandler | null;
  readonly debug: boolean;

  constructor(
    readonly app: ASGIApp,
    options: ServerErrorMiddlewareOptions = {},
  ) {
    this.handler = options.handler ?? null;
    this.debug = options.debug ?? false;
  }

  // Not async: it hands the app's promise on, and the error path is a function of its own.
  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    let responseStarted = false;
    const tracked: Send = (message: Message) => {
      if (message.type === "http.response.start") responseStarted = true;
      return send(message);
    };
    const handle = (exc: unknown): Promise<void> => this.handleError(exc, responseStarted, scope, receive, send);
    try {
      // Promise.resolve: an ASGI app written without async may return nothing.
      return Promise.resolve(this.app(scope, receive, tracked)).then(undefined, handle);
    } catch (exc) {
      return handle(exc);
    }
  }

  private async handleError(exc: unknown, responseStarted: boolean, scope: Scope, receive: Receive, send: Send): Promise<void> {
    const request = new Request(scope);
    let response: Response;
    if (this.debug) response = this.debugResponse(request, exc);
    else if (this.handler === null) response = this.errorResponse(request, exc);
    else response = await this.handler(request, exc);
    if (!responseStarted) await response.call(scope, receive, send);
    // Always re-thrown: the server logs it, the TestClient may raise it in the test.
    throw exc;
  }

  generateHtml(exc: unknown): string {
    const title = exc instanceof Error ? `${exc.name}: ${exc.message}` : String(exc);
    return `<!DOCTYPE html>
<html>
    <head>
        <meta charset="utf-8">
        <title>Starlette Debugger</title>
    </head>
    <body>
        <h1>500 Server Error</h1>
        <h2>${escapeHtml(title)}</h2>
        <div class="traceback-container">
            <p class="traceback-title">Traceback</p>
            <pre>${escapeHtml(traceback(exc))}</pre>
        </div>
    </body>
</html>
`;
  }

  debugResponse(request: Request, exc: unknown): Response {
    const accept = request.headers.get("accept", "");
    if (accept.includes("text/html")) return new HTMLResponse(this.generateHtml(exc), { statusCode: 500 });
    return new PlainTextResponse(traceback(exc), { statusCode: 500 });
  }

  errorResponse(_request: Request, _exc: unknown): Response {
    return new PlainTextResponse("Internal Server Error", { statusCode: 500 });
  }
}
