// TS twin of tests/python/fastapi_apps/_middleware_twin.py: one app per
// middleware serving every option combination of _middleware_options.json,
// config k under /k/<kind>, each around the same inner app.
import { readFileSync } from "node:fs";
import { App } from "../../src/applications.js";
import { asASGIApp } from "../../src/middleware/index.js";
import { CORSMiddleware } from "../../src/middleware/cors.js";
import { GZipMiddleware } from "../../src/middleware/gzip.js";
import { HTTPSRedirectMiddleware } from "../../src/middleware/httpsredirect.js";
import { TrustedHostMiddleware } from "../../src/middleware/trustedhost.js";
import type { Request } from "../../src/requests.js";
import { JSONResponse, PlainTextResponse, Response, StreamingResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import type { ASGIApp, ASGIAppLike } from "../../src/types.js";
import type { MiddlewareName } from "./_inprocess.js";

type Spec = { product: Record<string, unknown[]>; alternate: Record<string, [unknown, unknown]> };
const OPTIONS = JSON.parse(readFileSync(new URL("../python/fastapi_apps/_middleware_options.json", import.meta.url), "utf8")) as Record<MiddlewareName, Spec>;

const camel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** itertools.product's order, then each alternate option from one bit of the index; camelCase names. */
export function configs(name: MiddlewareName): Array<Record<string, unknown>> {
  const spec = OPTIONS[name];
  const keys = Object.keys(spec.product);
  let combos: unknown[][] = [[]];
  for (const key of keys) combos = combos.flatMap((c) => spec.product[key].map((v) => [...c, v]));
  return combos.map((values, k) => {
    const config: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (values[i] !== null) config[camel(key)] = values[i];
    });
    Object.entries(spec.alternate).forEach(([key, choices], bit) => {
      const value = choices[(k >> bit) & 1];
      if (value !== null) config[camel(key)] = value;
    });
    return config;
  });
}

const JSON_10K = Array.from({ length: 240 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b"] }));

async function* chunks(chunk: string, count: number): AsyncGenerator<string> {
  for (let i = 0; i < count; i++) yield chunk;
}

function endpoint(request: Request): Response {
  switch (request.pathParams.kind) {
    case "plain":
      return new PlainTextResponse("Homepage");
    case "vary":
      return new PlainTextResponse("Homepage", { headers: { Vary: "Accept-Encoding" } });
    case "big":
      return new PlainTextResponse("x".repeat(4000));
    case "lorem":
      return new Response("Lorem ipsum dolor sit amet. ".repeat(200), { mediaType: "text/html" });
    case "json":
      return new JSONResponse(JSON_10K);
    case "stream":
      return new StreamingResponse(chunks("x".repeat(400), 10));
    case "sse":
      return new StreamingResponse(chunks("data: " + "x".repeat(400) + "\n\n", 3), { mediaType: "text/event-stream" });
    case "encoded":
      return new Response("x".repeat(4000), { headers: { "Content-Encoding": "text" } });
    case "png":
      return new Response(Buffer.concat([Buffer.from([0x89]), Buffer.from("PNG" + "x".repeat(1000))]), { mediaType: "image/png" });
    case "partial":
      return new Response("x".repeat(1000), { statusCode: 206, headers: { "Content-Range": "bytes 0-999/2000" } });
    case "empty":
      return new Response(null, { statusCode: 204 });
    default:
      return new PlainTextResponse("OK");
  }
}

const inner = new App({ routes: [new Route("/{k:int}/{kind}", endpoint, { methods: ["GET", "POST", "PUT", "OPTIONS", "DELETE"] })] });

const CLASSES = { cors: CORSMiddleware, gzip: GZipMiddleware, trustedhost: TrustedHostMiddleware, httpsredirect: HTTPSRedirectMiddleware } as const;

export function twin(name: MiddlewareName): ASGIAppLike {
  const Cls = CLASSES[name] as unknown as new (app: ASGIApp, options: Record<string, unknown>) => ASGIAppLike;
  const innerApp = asASGIApp(inner);
  const stacks = configs(name).map((config) => asASGIApp(new Cls(innerApp, config)));
  return (scope, receive, send) => {
    if (scope.type === "lifespan") return innerApp(scope, receive, send);
    return stacks[Number((scope.path as string).split("/")[1])](scope, receive, send);
  };
}
