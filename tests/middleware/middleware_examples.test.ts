// No Python counterpart: the examples of docs/cors.md, docs/gzip.md and
// docs/advanced-middleware.md run here, and each one with a Python original in
// examples/python/ answers the same requests as it (tests/python/run_example.py:
// FastAPI with Starlette 1.7's middleware, in-process, through httpx).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { TestClient, type TestResponse } from "../../src/testclient.js";
import type { ASGIAppLike } from "../../src/types.js";
import { app as cors } from "../../examples/cors.js";
import { app as corsRegex, sameMeaning } from "../../examples/cors_regex.js";
import { app as gzip } from "../../examples/gzip_middleware.js";
import { app as trustedHost, wwwOnly } from "../../examples/trusted_host.js";
import { app as httpsRedirect } from "../../examples/https_redirect.js";
import { requirePython, runPython } from "../python.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface PyRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
}

interface PyResult {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** The headers a client sees, as httpx gives them: a gzip body decompressed, so its length is left out. */
function seen(response: TestResponse): { status: number; headers: string[]; body: string } {
  const gzipped = response.headers.get("content-encoding") === "gzip";
  return {
    status: response.statusCode,
    headers: response.headers.items().filter(([k]) => !(gzipped && k === "content-length")).map(([k, v]) => `${k}: ${v}`),
    body: gzipped ? gunzipSync(response.content).toString() : response.text,
  };
}

function seenPy(result: PyResult): { status: number; headers: string[]; body: string } {
  const gzipped = result.headers.some(([k, v]) => k === "content-encoding" && v === "gzip");
  return { status: result.status, headers: result.headers.filter(([k]) => !(gzipped && k === "content-length")).map(([k, v]) => `${k}: ${v}`), body: result.body };
}

const python = requirePython("fastapi", "starlette", "httpx");

/** Sends the same requests to the TS example and its Python original; both clients follow redirects, as httpx's TestClient does. */
async function sameAsPython(module: string, app: ASGIAppLike, requests: PyRequest[]): Promise<void> {
  const client = new TestClient(app);
  const ours: Array<ReturnType<typeof seen>> = [];
  for (const r of requests) ours.push(seen(await client.request(r.method ?? "GET", r.path, { headers: r.headers })));
  if (!python) return;
  const theirs = runPython<PyResult[]>("run_example", { module: `${root}examples/python/${module}.py`, requests: requests.map((r) => ({ method: r.method ?? "GET", path: r.path, headers: r.headers ?? {} })) });
  requests.forEach((r, i) => assert.equal(ours[i], seenPy(theirs[i]), `${module}: ${r.method ?? "GET"} ${r.path} ${JSON.stringify(r.headers ?? {})}`));
}

const examples = suite("examples of the middleware pages");

examples("cors.ts: FastAPI's tutorial, preflights and simple requests as FastAPI answers them", async () => {
  const preflight = (origin: string, extra: Record<string, string> = {}) => ({ method: "OPTIONS", path: "/", headers: { Origin: origin, "Access-Control-Request-Method": "POST", ...extra } });
  await sameAsPython("cors", cors, [
    { path: "/" },
    { path: "/", headers: { Origin: "http://localhost:8080" } },
    { path: "/", headers: { Origin: "http://evil.example" } },
    preflight("http://localhost:8080", { "Access-Control-Request-Headers": "X-Token, Content-Type" }),
    preflight("https://localhost.tiangolo.com"),
    preflight("http://localhost:3000"),
  ]);
  const response = await new TestClient(cors).get("/", { headers: { Origin: "http://localhost" } });
  assert.is(response.headers.get("access-control-allow-origin"), "http://localhost");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");
  assert.is(response.headers.get("vary"), "Origin");
});

examples("cors_regex.ts: the Python pattern and the RegExp allow the same origins", async () => {
  const origins = ["https://example.com", "https://app-git-main-myteam.vercel.app", "https://app-myteam.vercel.app.evil.com", "http://localhost", "http://localhost:5173", "http://localhost:x", "https://evil.com"];
  for (const origin of origins) {
    const [a, b] = await Promise.all([corsRegex, sameMeaning].map((app) => new TestClient(app).get("/items", { headers: { Origin: origin } })));
    assert.is(a.headers.get("access-control-allow-origin"), b.headers.get("access-control-allow-origin"), origin);
    assert.is(a.headers.get("access-control-allow-origin") !== null, !/evil|:x$/.test(origin), origin);
    assert.is(a.headers.get("access-control-expose-headers"), "X-Total-Count");
  }
  const preflight = await new TestClient(corsRegex).options("/items", { headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "GET" } });
  assert.is(preflight.headers.get("access-control-max-age"), "3600");
});

examples("gzip_middleware.ts: FastAPI's example and a stream, as FastAPI answers them", async () => {
  await sameAsPython("gzip_middleware", gzip, [
    { path: "/", headers: { "Accept-Encoding": "gzip" } },
    { path: "/", headers: { "Accept-Encoding": "identity" } },
    { path: "/small", headers: { "Accept-Encoding": "gzip" } },
    { path: "/report", headers: { "Accept-Encoding": "gzip" } },
  ]);
  const streamed = await new TestClient(gzip).get("/report", { headers: { "Accept-Encoding": "gzip" } });
  const chunks = streamed.messages.filter((m) => m.type === "http.response.body" && m.more_body);
  assert.is(chunks.length, 5, "one compressed chunk per line, each sent as it came");
});

examples("trusted_host.ts: the allowed hosts, a stranger's 400, and the www redirect", async () => {
  const host = (value: string) => ({ path: "/", headers: { Host: value } });
  await sameAsPython("trusted_host", trustedHost, [host("example.com"), host("api.example.com"), host("example.com:8000"), host("evil.com"), host("example.com.evil.com"), host("bad host")]);
  const redirected = await new TestClient(wwwOnly, { baseUrl: "https://example.com", followRedirects: false }).get("/?q=1");
  assert.is(redirected.statusCode, 307);
  assert.is(redirected.headers.get("location"), "https://www.example.com/?q=1");
});

examples("https_redirect.ts: http to https, 307, default ports dropped", async () => {
  await sameAsPython("https_redirect", httpsRedirect, [{ path: "/" }, { path: "/?a=1" }, { path: "/", headers: { Host: "testserver:80" } }, { path: "/", headers: { Host: "testserver:8080" } }]);
  const secure = await new TestClient(httpsRedirect, { baseUrl: "https://testserver" }).get("/");
  assert.equal(secure.json(), { message: "Hello World" });
  const client = new TestClient(httpsRedirect, { followRedirects: false });
  for (const [host, location] of [["testserver", "https://testserver/?a=1"], ["testserver:80", "https://testserver/?a=1"], ["testserver:8080", "https://testserver:8080/?a=1"]]) {
    const response = await client.get("/?a=1", { headers: { Host: host } });
    assert.is(response.statusCode, 307);
    assert.is(response.headers.get("location"), location);
  }
});

examples.run();
