// No Python counterpart: a real browser (Debian's Chromium, driven by
// playwright-core, as tests/browser.test.ts) loads a page from one origin
// (http://127.0.0.1:<page port>) whose script calls APIs on other origins
// (http://127.0.0.1:<api port>: same site, another origin; http://localhost:<api
// port>: another site) through CORSMiddleware, and the test checks what the
// page's fetch() sees against the Fetch standard's CORS outcome.
import { hasChromium, launch } from "../browser.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { CORSMiddleware, type CORSOptions } from "../../src/middleware/cors.js";
import type { Request } from "../../src/requests.js";
import { HTMLResponse, JSONResponse } from "../../src/responses.js";
import { serve, type ServerHandle } from "../../src/server.js";


/** An API behind CORSMiddleware that records which requests reached its endpoint, and with which cookie. */
function api(options: CORSOptions): { app: App; reached: string[] } {
  const reached: string[] = [];
  const app = new App();
  app.addMiddleware(CORSMiddleware, options);
  const answer = (request: Request) => {
    reached.push(`${request.method} ${request.url.path} cookie=${request.cookies.session ?? "-"}`);
    return new JSONResponse({ hello: "world", method: request.method }, { headers: { "X-Status": "exposed", "X-Secret": "hidden" } });
  };
  app.get("/data")(answer);
  app.put("/data")(answer);
  return { app, reached };
}

/** The page: same host as the API on 127.0.0.1, so its cookie (ports do not part cookies) can go with credentials. */
const page = new App();
page.get("/")(() => {
  const response = new HTMLResponse("<!doctype html><title>page</title><p>CORS page</p>");
  response.setCookie("session", "abc", { samesite: "lax" });
  return response;
});

interface Outcome {
  ok: boolean;
  status?: number;
  body?: string;
  exposed?: string | null;
  secret?: string | null;
  error?: string;
}

const SCRIPT = `async ([url, init]) => {
  try {
    const r = await fetch(url, init);
    return { ok: true, status: r.status, body: await r.text(), exposed: r.headers.get("x-status"), secret: r.headers.get("x-secret") };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}`;

if (hasChromium()) {
  const s = suite("CORSMiddleware in Chromium");
  const servers: ServerHandle[] = [];
  let browser: Awaited<ReturnType<typeof launch>>;
  let pageUrl = "";
  const listen = async (app: App): Promise<number> => {
    const handle = await serve(app, { host: "127.0.0.1", port: 0, handleSignals: false, accessLog: false, log: () => undefined });
    servers.push(handle);
    return handle.port;
  };
  // One page per test, its console kept: Chromium says there why it blocked a response.
  const open = async () => {
    const tab = await browser.newPage();
    const console_: string[] = [];
    tab.on("console", (m) => void console_.push(m.text()));
    await tab.goto(pageUrl);
    const call = (url: string, init: Record<string, unknown> = {}) => tab.evaluate(`(${SCRIPT})(${JSON.stringify([url, init])})`) as Promise<Outcome>;
    return { tab, call, console: console_ };
  };

  s.before(async () => {
    browser = await launch();
    pageUrl = `http://127.0.0.1:${await listen(page)}/`;
  });
  s.after(async () => {
    await browser?.close();
    await Promise.all(servers.map((h) => h.close()));
  });

  s("an allowed origin reads the answer, and only the exposed header; a refused one gets a network error", async () => {
    const allowed = api({ allowOrigins: [pageUrl.slice(0, -1)], exposeHeaders: ["X-Status"] });
    const refused = api({ allowOrigins: ["https://elsewhere.example"] });
    const [a, b] = [await listen(allowed.app), await listen(refused.app)];
    const { tab, call, console: log } = await open();
    try {
      const ok = await call(`http://localhost:${a}/data`);
      assert.equal(ok, { ok: true, status: 200, body: '{"hello":"world","method":"GET"}', exposed: "exposed", secret: null });
      const blocked = await call(`http://localhost:${b}/data`);
      assert.equal(blocked, { ok: false, error: "TypeError: Failed to fetch" });
      // The request itself went through (a simple GET is not preflighted); the browser hid the answer.
      assert.equal(refused.reached, ["GET /data cookie=-"]);
      assert.ok(log.some((line) => line.includes("has been blocked by CORS policy") && line.includes("No 'Access-Control-Allow-Origin' header")), log.join("\n"));
    } finally {
      await tab.close();
    }
  });

  s("a preflighted PUT: allowed, it goes through; a header not allowed stops it at the preflight", async () => {
    const allowed = api({ allowOrigins: [pageUrl.slice(0, -1)], allowMethods: ["GET", "PUT"], allowHeaders: ["X-Example"] });
    const port = await listen(allowed.app);
    const { tab, call, console: log } = await open();
    try {
      const init = { method: "PUT", headers: { "X-Example": "1", "Content-Type": "application/json" }, body: "{}" };
      assert.equal(await call(`http://localhost:${port}/data`, init), { ok: true, status: 200, body: '{"hello":"world","method":"PUT"}', exposed: null, secret: null });
      const refused = await call(`http://localhost:${port}/data?2`, { ...init, headers: { ...init.headers, "X-Other": "2" } });
      assert.equal(refused, { ok: false, error: "TypeError: Failed to fetch" });
      // The refused PUT never reached the endpoint: the preflight's 400 ("Disallowed CORS headers") stopped it,
      // and a preflight answer that is not 2xx is all the browser needs to know.
      assert.equal(allowed.reached, ["PUT /data cookie=-"]);
      assert.ok(log.some((line) => line.includes("Response to preflight request doesn't pass access control check: It does not have HTTP ok status")), log.join("\n"));
    } finally {
      await tab.close();
    }
  });

  s("credentials: the cookie goes, and the answer is read, when credentials are allowed (the origin echoed, never *)", async () => {
    const withCredentials = api({ allowOrigins: ["*"], allowCredentials: true });
    const without = api({ allowOrigins: ["*"] });
    const [a, b] = [await listen(withCredentials.app), await listen(without.app)];
    const { tab, call, console: log } = await open();
    try {
      // 127.0.0.1 on another port: another origin, the same site, so the page's SameSite=Lax cookie goes along.
      assert.equal(await call(`http://127.0.0.1:${a}/data`, { credentials: "include" }), { ok: true, status: 200, body: '{"hello":"world","method":"GET"}', exposed: null, secret: null });
      assert.equal(withCredentials.reached, ["GET /data cookie=abc"]);
      // allow-origin "*" and credentials do not mix: the browser refuses the answer.
      assert.equal(await call(`http://127.0.0.1:${b}/data`, { credentials: "include" }), { ok: false, error: "TypeError: Failed to fetch" });
      assert.ok(log.some((line) => line.includes("must not be the wildcard '*' when the request's credentials mode is 'include'")), log.join("\n"));
      // Without credentials the wildcard is enough, and no cookie is sent.
      assert.equal((await call(`http://127.0.0.1:${b}/data`, { credentials: "omit" })).ok, true);
      assert.equal(without.reached, ["GET /data cookie=abc", "GET /data cookie=-"]);
    } finally {
      await tab.close();
    }
  });

  s("allowOriginRegex in Python syntax: a port range of the page's host allowed, another host refused", async () => {
    const byRegex = api({ allowOriginRegex: String.raw`http://127\.0\.0\.1:\d{2,5}`, allowCredentials: true });
    const port = await listen(byRegex.app);
    const { tab, call } = await open();
    try {
      assert.equal((await call(`http://localhost:${port}/data`)).ok, true);
      const other = await browser.newPage();
      try {
        // The same API seen from a page on "localhost": its Origin does not match.
        await other.goto(pageUrl.replace("127.0.0.1", "localhost"));
        const outcome = (await other.evaluate(`(${SCRIPT})(${JSON.stringify([`http://127.0.0.1:${port}/data`, {}])})`)) as Outcome;
        assert.equal(outcome, { ok: false, error: "TypeError: Failed to fetch" });
      } finally {
        await other.close();
      }
    } finally {
      await tab.close();
    }
  });

  s.run();
}
