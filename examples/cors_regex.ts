// Origins by pattern: every preview deployment of one team, and any port of
// localhost. The string is Python's `re` syntax, matched against the whole
// origin as Starlette does; a RegExp works too, anchored at both ends.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";
import { CORSMiddleware } from "starlette-ts/middleware/cors";

export const app = new App();

app.addMiddleware(CORSMiddleware, {
  allowOrigins: ["https://example.com"],
  allowOriginRegex: String.raw`https://[a-z0-9-]+-myteam\.vercel\.app|http://localhost(:\d+)?`,
  exposeHeaders: ["X-Total-Count"],
  maxAge: 3600,
});

export const sameMeaning = new App();
sameMeaning.addMiddleware(CORSMiddleware, {
  allowOrigins: ["https://example.com"],
  allowOriginRegex: /https:\/\/[a-z0-9-]+-myteam\.vercel\.app|http:\/\/localhost(:\d+)?/,
  exposeHeaders: ["X-Total-Count"],
  maxAge: 3600,
});

for (const each of [app, sameMeaning]) each.get("/items")(() => [{ id: 1 }, { id: 2 }]);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
