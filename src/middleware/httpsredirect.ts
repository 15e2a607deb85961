// Port of starlette/middleware/httpsredirect.py (Starlette 1.7): every http
// or ws request is redirected (307) to the same URL on https or wss; ports 80
// and 443 are left out of the new URL.
import { checkOptions } from "../_options.js";
import { URL } from "../datastructures.js";
import { PlainTextResponse, RedirectResponse } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";

const SECURE_SCHEMES: Readonly<Record<string, string>> = { http: "https", ws: "wss" };

/**
 * Redirects plain-HTTP and plain-WebSocket requests to their secure scheme.
 * Behind a proxy that ends TLS, serve() must trust its X-Forwarded-Proto (or
 * every request looks like http and is redirected for ever).
 *
 * @example
 * app.addMiddleware(HTTPSRedirectMiddleware);
 */
export class HTTPSRedirectMiddleware {
  constructor(
    readonly app: ASGIApp,
    options: Record<string, never> = {},
  ) {
    checkOptions("HTTPSRedirectMiddleware", options, {});
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if ((scope.type !== "http" && scope.type !== "websocket") || (scope.scheme !== "http" && scope.scheme !== "ws")) {
      return this.app(scope, receive, send);
    }
    let url = URL.fromScope(scope);
    if (!url.netloc) return new PlainTextResponse("Invalid host header", { statusCode: 400 }).call(scope, receive, send);
    const port = url.port;
    const netloc = port === 80 || port === 443 ? (url.hostname as string) : url.netloc;
    url = url.replace({ scheme: SECURE_SCHEMES[url.scheme], netloc });
    return new RedirectResponse(url, { statusCode: 307 }).call(scope, receive, send);
  }
}
