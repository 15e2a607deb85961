// No Python counterpart: replays tests/spec/seed-scenarios.fastapi-0.92.txt (a copy of ../shared/spec),
// what real FastAPI 0.92 / Starlette 0.26.1 printed, returned and set, against
// the example apps. Starlette 1.x (decision 1) differs in one way: a response
// that did not modify the session carries no Set-Cookie, and every response
// that read the session carries Vary: Cookie.
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { App } from "../src/applications.js";
import { TimestampSigner } from "../src/itsdangerous/timed.js";
import type { SessionOptions } from "../src/middleware/sessions.js";
import { TestClient } from "../src/testclient.js";
import { app as correctApp } from "../examples/middleware_order_correct.js";
import { app as incorrectApp } from "../examples/middleware_order_incorrect.js";
import { app as unguardedApp } from "../examples/middleware_order_unguarded.js";
import { app as missingApp } from "../examples/session_missing.js";
import { createApp } from "../examples/sessions.js";

interface Step {
  label: string;
  path: string;
  cookie: string | null;
  printed: string;
  status?: number;
  body?: string;
  setCookies: string[];
  headers: Array<[string, string]>;
  exception?: string;
}

interface Scenario {
  title: string;
  steps: Step[];
}

const text = readFileSync(new URL("spec/seed-scenarios.fastapi-0.92.txt", import.meta.url), "utf8");

// Python literals as they appear in the recording: 'x', b'x', None.
function pyString(literal: string): string {
  return JSON.parse('"' + literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"') + '"') as string;
}

function parseScenarios(): Scenario[] {
  // Each block after a "Scenario" title holds its steps.
  const parts = text.split(/^Scenario /m).slice(1);
  return parts.map((part) => {
    const title = part.slice(0, part.indexOf("\n"));
    const steps = part.split(/^--- /m).slice(1).map((s): Step => {
      const field = (name: string): string | undefined => new RegExp(`^ {4}${name} *: (.*)$`, "m").exec(s)?.[1];
      const cookie = field("request Cookie header sent") as string;
      const headers = field("all response headers");
      return {
        label: s.slice(0, s.indexOf("\n")),
        path: / GET (\S+)/.exec(s)?.[1] as string,
        cookie: cookie === "None" ? null : pyString(cookie),
        printed: pyString(field("app printed") ?? "''"),
        status: field("status") ? Number(field("status")) : undefined,
        body: field("body") ? pyString(field("body") as string) : undefined,
        setCookies: [...s.matchAll(/^ {4}Set-Cookie {17}: (.*)$/gm)].map((m) => m[1]),
        headers: headers ? [...headers.matchAll(/\(b'([^']*)', b'([^']*)'\)/g)].map((m) => [m[1], m[2]]) : [],
        exception: field("str\\(exception\\)") ? pyString(field("str\\(exception\\)") as string) : undefined,
      };
    });
    return { title, steps };
  });
}

const scenarios = parseScenarios();

const OPTION_NAMES: Record<string, keyof SessionOptions> = {
  max_age: "maxAge",
  https_only: "httpsOnly",
  same_site: "sameSite",
  path: "path",
  session_cookie: "sessionCookie",
};

function appFor(title: string): App {
  if (title.startsWith("INCORRECT_DIRECT")) return unguardedApp;
  if (title.startsWith("INCORRECT")) return incorrectApp;
  if (title.startsWith("CORRECT")) return correctApp;
  if (title.startsWith("MISSING")) return missingApp;
  const options = /options (\{.*\}) :/.exec(title)?.[1];
  if (options) {
    const json = options.replace(/'/g, '"').replace(/\bNone\b/g, "null").replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false");
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return createApp(Object.fromEntries(Object.entries(parsed).map(([k, v]) => [OPTION_NAMES[k], v])));
  }
  if (title.includes("cookie expires")) return createApp({ maxAge: 100 });
  return createApp();
}

// Routes of the seed apps that only read the session.
const READ_ONLY = new Set(["/get-session", "/read-session", "/noop"]);

/** What Starlette 1.x sends for a recorded 0.26.1 step. */
function expectedHeaders(step: Step): Array<[string, string]> {
  const readOnly = READ_ONLY.has(step.path);
  const headers = step.headers.filter(([k]) => !(readOnly && k === "set-cookie"));
  const at = headers.findIndex(([k]) => k === "set-cookie");
  headers.splice(at < 0 ? headers.length : at, 0, ["vary", "Cookie"]);
  return headers;
}

const seed = suite("seed scenarios (FastAPI 0.92 recording)");

seed("the recording was parsed: every scenario and step", () => {
  assert.is(scenarios.length, (text.match(/^Scenario /gm) ?? []).length);
  assert.is(scenarios.length, 23);
  assert.is(scenarios.reduce((n, s) => n + s.steps.length, 0), (text.match(/^--- \[/gm) ?? []).length);
});

for (const scenario of scenarios) {
  seed(scenario.title, async () => {
    const app = appFor(scenario.title);
    const client = new TestClient(app, { raiseServerExceptions: !scenario.title.includes("raise_server_exceptions=False") });
    const realTimestamp = TimestampSigner.prototype.getTimestamp;
    const realLog = console.log;
    try {
      for (const step of scenario.steps) {
        const offset = /t=1700000000\+(\d+)/.exec(step.label)?.[1];
        const now = 1700000000 + Number(offset ?? 0);
        TimestampSigner.prototype.getTimestamp = () => now;
        let printed = "";
        console.log = (...args: unknown[]) => void (printed += args.join(" ") + "\n");
        client.cookies.clear();
        const headers: Array<[string, string]> = step.cookie === null ? [] : [["cookie", step.cookie]];
        const where = `${scenario.title} ${step.label}`;
        if (step.exception !== undefined) {
          const error = await client.get(step.path, { headers }).then(
            () => null,
            (e: unknown) => e,
          );
          assert.instance(error, Error, where);
          assert.is((error as Error).name, "AssertionError", where);
          assert.is((error as Error).message.split("\n")[0], step.exception, where);
          continue;
        }
        const response = await client.get(step.path, { headers });
        assert.is(printed, step.printed, `${where}: printed`);
        assert.is(response.statusCode, step.status, `${where}: status`);
        assert.is(response.text, step.body, `${where}: body`);
        if (response.statusCode === 500) {
          assert.equal(response.headers.items(), step.headers, `${where}: headers`);
        } else {
          assert.equal(response.headers.items(), expectedHeaders(step), `${where}: headers`);
        }
      }
    } finally {
      TimestampSigner.prototype.getTimestamp = realTimestamp;
      console.log = realLog;
    }
  });
}

seed("the ordering bug's error names its cause and fix on a second line", async () => {
  const error = await new TestClient(unguardedApp).get("/test-session").catch((e: unknown) => e as Error);
  const [first, ...rest] = (error as Error).message.split("\n");
  assert.is(first, "SessionMiddleware must be installed to access request.session");
  assert.match(rest.join("\n"), /Add SessionMiddleware after the middleware that reads the session/);
  const missing = await new TestClient(missingApp).get("/test-session").catch((e: unknown) => e as Error);
  assert.is((missing as Error).message, "SessionMiddleware must be installed to access request.session");
});

seed("domain= is supported (Starlette 0.32+), unlike the recorded 0.26.1", async () => {
  const response = await new TestClient(createApp({ domain: "example.com" })).get("/set-session");
  assert.match(response.headers.get("set-cookie") as string, /; httponly; samesite=lax; domain=example\.com$/);
});

seed.run();
