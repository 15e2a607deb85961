// No Python counterpart: the four middleware over real HTTP, Starlette 1.7's
// under uvicorn (tests/python/fastapi_apps/starlette_<name>.py) and ours under
// serve() (tests/middleware/_http_twin.ts), every option combination of
// _middleware_options.json against the same requests. Status, every response
// header in order (but those the servers add: date, server, connection,
// keep-alive, transfer-encoding) and the body are compared; a gzip body
// decompressed, its bytes and Content-Length where both zlibs make the same.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { gunzipSync } from "node:zlib";
import { buildRequest, requireVenv, send, startPython, startTs, type Case as HttpCase, type Reply, type Target } from "../fastapi/differential.js";
import { configs, twin } from "./_http_twin.js";
import type { MiddlewareName } from "./_inprocess.js";

const SERVER_HEADERS = new Set(["date", "server", "connection", "keep-alive", "transfer-encoding"]);
const enabled = requireVenv();

interface Request_ {
  name: string;
  method: string;
  path: string;
  headers: Array<[string, string]>;
}

/** At most `limit` requests in flight; replies in the order of the requests. */
async function sendAll(target: Target, requests: Request_[], limit = 12): Promise<Reply[]> {
  const out: Reply[] = new Array(requests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < requests.length; i = next++) {
      const r = requests[i];
      try {
        out[i] = await send(target, buildRequest({ name: r.name, method: r.method, path: r.path, headers: r.headers } as HttpCase));
      } catch (exc) {
        // What the client refused to read (a 204 with a body): compared as such.
        out[i] = { status: -1, headers: [], body: Buffer.from(`client error: ${(exc as Error).message}`) };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

function appHeaders(reply: Reply, target: Target): string[] {
  return reply.headers.filter(([k]) => !SERVER_HEADERS.has(k)).map(([k, v]) => `${k}: ${v.split(`${target.host}:${target.port}`).join("<host>")}`);
}

interface Tally {
  compared: number;
  gzip: number;
  gzipSame: number;
  /** 204s whose empty body Starlette gzips (minimumSize 0): uvicorn sends the 20 bytes, which no client parses; node drops them. */
  gzipped204: number;
}

function compare(r: Request_, py: Reply, ts: Reply, targets: { py: Target; ts: Target }, tally: Tally): string[] {
  const diffs: string[] = [];
  if (py.status === -1 && ts.status === 204 && /Data after `Connection: close`/.test(py.body.toString())) {
    tally.gzipped204++;
    return ts.headers.some(([k, v]) => k === "content-encoding" && v === "gzip") ? [] : ["a 204 uvicorn sent a body with, not gzipped here"];
  }
  if (py.status !== ts.status) diffs.push(`status: python ${py.status}, ts ${ts.status}`);
  const gzip = py.headers.some(([k, v]) => k === "content-encoding" && v === "gzip") && ts.headers.some(([k, v]) => k === "content-encoding" && v === "gzip");
  const same = py.body.equals(ts.body);
  let [a, b] = [appHeaders(py, targets.py), appHeaders(ts, targets.ts)];
  if (gzip) {
    tally.gzip++;
    if (same) tally.gzipSame++;
    else [a, b] = [a, b].map((list) => list.map((line) => (line.startsWith("content-length:") ? "content-length: <compressed length>" : line)));
    if (!gunzipSync(py.body).equals(gunzipSync(ts.body))) diffs.push("decompressed bodies differ");
  } else if (!same) {
    diffs.push(`body: python ${JSON.stringify(py.body.toString("latin1").slice(0, 200))}, ts ${JSON.stringify(ts.body.toString("latin1").slice(0, 200))}`);
  }
  if (a.join("\n") !== b.join("\n")) diffs.push(`headers:\n      python ${JSON.stringify(a)}\n      ts     ${JSON.stringify(b)}`);
  return diffs;
}

function register(name: MiddlewareName, requests: () => Request_[]): void {
  const s = suite(`${name}: Starlette 1.7 under uvicorn and starlette-ts under serve(), over HTTP`);
  let py: Target | null = null;
  let ts: Target | null = null;
  s.before(async () => {
    if (!enabled) return;
    [py, ts] = await Promise.all([startPython(`starlette_${name}`), startTs(twin(name))]);
  });
  s.after(async () => {
    await Promise.all([py?.close(), ts?.close()]);
  });
  s(`every option combination (${configs(name).length}) against the same requests`, async () => {
    if (py === null || ts === null) return;
    const list = requests();
    const [a, b] = await Promise.all([sendAll(py, list), sendAll(ts, list)]);
    const tally: Tally = { compared: list.length, gzip: 0, gzipSame: 0, gzipped204: 0 };
    const blocks: string[] = [];
    list.forEach((r, i) => {
      const diffs = compare(r, a[i], b[i], { py: py as Target, ts: ts as Target }, tally);
      if (diffs.length > 0) blocks.push(`✘ ${r.name} (${r.method} ${r.path} ${JSON.stringify(r.headers)})\n    ${diffs.join("\n    ")}`);
    });
    const notes = [
      tally.gzip ? `gzip bytes identical in ${tally.gzipSame} of ${tally.gzip}` : "",
      tally.gzipped204 ? `${tally.gzipped204} gzipped 204s: uvicorn sends their body, which the client cannot parse, serve() drops it` : "",
    ].filter(Boolean);
    console.log(`  (${name} over HTTP: ${list.length} requests, ${list.length - blocks.length - tally.gzipped204} alike${notes.length ? "; " + notes.join("; ") : ""})`);
    let message = `${blocks.length} of ${list.length} requests differ:\n${blocks.slice(0, 15).join("\n")}`;
    if (blocks.length > 0) message += `\n\npython log:\n${(py as Target).logs().slice(-3000)}\n\nts log:\n${(ts as Target).logs().slice(-3000)}`;
    assert.is(blocks.length, 0, message);
  });
  s.run();
}

register("cors", () => {
  const out: Request_[] = [];
  configs("cors").forEach((config, k) => {
    const add = (name: string, method: string, kind: string, headers: Array<[string, string]>) => out.push({ name: `config ${k} ${JSON.stringify(config)}: ${name}`, method, path: `/${k}/${kind}`, headers });
    for (const origin of ["https://a.example", "https://b.example.org", "https://evil.com", "null"]) {
      add(`preflight from ${origin}`, "OPTIONS", "plain", [["Origin", origin], ["Access-Control-Request-Method", "GET"]]);
      add(`preflight PUT with headers from ${origin}`, "OPTIONS", "plain", [["Origin", origin], ["Access-Control-Request-Method", "PUT"], ["Access-Control-Request-Headers", "X-Example, content-type"]]);
      add(`preflight for a private network from ${origin}`, "OPTIONS", "plain", [["Origin", origin], ["Access-Control-Request-Method", "QUERY"], ["Access-Control-Request-Private-Network", "true"]]);
      add(`simple from ${origin}`, "GET", "vary", [["Origin", origin]]);
      add(`credentialed from ${origin}`, "POST", "plain", [["Origin", origin], ["Cookie", "a=b"]]);
    }
    add("no origin", "GET", "plain", []);
    add("an OPTIONS that is no preflight", "OPTIONS", "plain", [["Origin", "https://a.example"]]);
  });
  return out;
});

register("gzip", () => {
  const out: Request_[] = [];
  configs("gzip").forEach((config, k) => {
    for (const kind of ["small", "big", "lorem", "json", "stream", "sse", "encoded", "png", "partial", "empty", "vary"]) {
      for (const accept of [null, "gzip", "gzip, deflate, br", "identity", "GZIP", "gzip;q=0"]) {
        out.push({ name: `config ${k} ${JSON.stringify(config)}: ${kind}, accept-encoding ${accept}`, method: "GET", path: `/${k}/${kind}`, headers: accept === null ? [] : [["Accept-Encoding", accept]] });
      }
    }
  });
  return out;
});

const HOSTS = ["127.0.0.1", "example.com", "www.example.com", "sub.example.com", "EXAMPLE.com", "example.com:8000", "localhost", "[::1]", "[::1]:80", "evil.com", "www.evil.com",
  "exa_mple.com", "a~b.example", "example.com:99999", "[v1.x]", "example.com."];

register(
  "trustedhost",
  () => {
    const out: Request_[] = [];
    configs("trustedhost").forEach((config, k) => {
      for (const host of HOSTS) out.push({ name: `config ${k} ${JSON.stringify(config)}: host ${host}`, method: "GET", path: `/${k}/plain?a=1`, headers: [["Host", host]] });
    });
    return out;
  },
);

register(
  "httpsredirect",
  () => [
    ...HOSTS.flatMap((host) => ["/0/plain", "/0/plain?x=1&y=%C3%A4", "/0/a%20b", "/0/p%3Fq"].map((path) => ({ name: `host ${host} ${path}`, method: "GET", path, headers: [["Host", host]] as Array<[string, string]> }))),
    // Behind a TLS proxy on 127.0.0.1, which both servers trust by default: its X-Forwarded-Proto decides.
    ...["https", "http", "wss", "HTTPS"].map((proto) => ({ name: `X-Forwarded-Proto ${proto}`, method: "GET", path: "/0/plain", headers: [["Host", "example.com"], ["X-Forwarded-Proto", proto]] as Array<[string, string]> })),
  ],
);
