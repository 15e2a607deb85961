// Port of starlette/middleware/trustedhost.py (Starlette 1.7): requests whose
// Host header names no allowed host get 400 "Invalid host header", or a
// redirect to "www." + host when only that is allowed.
import { checkOptions, BOOLEAN, type OptionRule } from "../_options.js";
import { parseHostHeader } from "../_utils.js";
import { Headers, URL } from "../datastructures.js";
import { PlainTextResponse, RedirectResponse, type Response } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";

export const ENFORCE_DOMAIN_WILDCARD = "Domain wildcard patterns must be like '*.example.com'.";

export interface TrustedHostOptions {
  /**
   * Host names served, without port: "example.com", "*.example.com" for any
   * subdomain, "*" for any host. Compared case-sensitively, as Starlette does.
   * @default ["*"]
   */
  allowedHosts?: readonly string[] | null;
  /** Redirect "example.com" to "www.example.com" when only the latter is allowed. @default true */
  wwwRedirect?: boolean;
}

const RULES: Record<keyof TrustedHostOptions, OptionRule> = {
  allowedHosts: [(v) => v === null || (Array.isArray(v) && v.every((h) => typeof h === "string")), "an array of host names, or null"],
  wwwRedirect: BOOLEAN,
};

/**
 * Answers 400 to a request for a host that is not allowed.
 *
 * @example
 * app.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["example.com", "*.example.com"] });
 */
export class TrustedHostMiddleware {
  readonly allowedHosts: readonly string[];
  readonly allowAny: boolean;
  readonly wwwRedirect: boolean;

  constructor(
    readonly app: ASGIApp,
    options: TrustedHostOptions = {},
  ) {
    checkOptions("TrustedHostMiddleware", options, RULES);
    const allowedHosts = options.allowedHosts ?? ["*"];
    for (const pattern of allowedHosts) {
      if (pattern.slice(1).includes("*") || (pattern.startsWith("*") && pattern !== "*" && !pattern.startsWith("*."))) {
        throw new TypeError(`TrustedHostMiddleware option "allowedHosts": ${JSON.stringify(pattern)}: ${ENFORCE_DOMAIN_WILDCARD}`);
      }
    }
    this.allowedHosts = [...allowedHosts];
    this.allowAny = allowedHosts.includes("*");
    this.wwwRedirect = options.wwwRedirect ?? true;
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (this.allowAny || (scope.type !== "http" && scope.type !== "websocket")) return this.app(scope, receive, send);

    const parsed = parseHostHeader(new Headers({ scope }).get("host"));
    if (parsed === null) return new PlainTextResponse("Invalid host header", { statusCode: 400 }).call(scope, receive, send);
    const host = parsed.host;

    let isValidHost = false;
    let foundWwwRedirect = false;
    for (const pattern of this.allowedHosts) {
      if (host === pattern || (pattern.startsWith("*") && host.endsWith(pattern.slice(1)))) {
        isValidHost = true;
        break;
      } else if ("www." + host === pattern) {
        foundWwwRedirect = true;
      }
    }

    if (isValidHost) return this.app(scope, receive, send);
    let response: Response;
    if (foundWwwRedirect && this.wwwRedirect) {
      const url = URL.fromScope(scope);
      response = new RedirectResponse(url.replace({ netloc: "www." + url.netloc }));
    } else {
      response = new PlainTextResponse("Invalid host header", { statusCode: 400 });
    }
    return response.call(scope, receive, send);
  }
}
