// serve()'s proxyHeaders and forwardedAllowIps, as uvicorn's --proxy-headers and
// --forwarded-allow-ips: end to end against uvicorn 0.54 (one configuration per
// FORWARDED_ALLOW_IPS, which both servers read), then the options themselves.
// uvicorn's own test table runs against its middleware in staticfiles_oracle.test.ts.
import { request } from "node:http";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serve, type ServeOptions } from "../src/server.js";
import type { ASGIApp } from "../src/types.js";
import { requireVenv, startPython, type Target } from "./fastapi/differential.js";

const echo: ASGIApp = async (scope, _receive, send) => {
  const body = Buffer.from(JSON.stringify({ scheme: scope.scheme, client: scope.client }));
  await send({ type: "http.response.start", status: 200, headers: [["content-type", "application/json"]] });
  await send({ type: "http.response.body", body });
};

async function startTs(options: ServeOptions = {}, lines: string[] = []): Promise<Target & { lines: string[] }> {
  const server = await serve(echo, { port: 0, handleSignals: false, log: (line) => void lines.push(line), ...options });
  return { label: "ts", url: server.url, host: "127.0.0.1", port: server.port, logs: () => lines.join("\n"), close: () => server.close(), lines };
}

interface Seen {
  scheme: string;
  client: [string, number];
}

function ask(target: Target, headers: Array<[string, string]>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: target.port, path: "/", headers: [["host", `127.0.0.1:${target.port}`], ...headers].flat(), agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        try {
          resolve(JSON.parse(body) as Seen);
        } catch {
          reject(new Error(`${target.label}: ${res.statusCode} ${JSON.stringify(body)} for ${JSON.stringify(headers)}`));
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** The peer's own port differs from server to server: only a forwarded client's port is compared. */
const shown = (seen: Seen): string => `${seen.scheme}://${seen.client[0]}:${seen.client[0] === "127.0.0.1" ? "<peer>" : seen.client[1]}`;

const HEADERS: Array<Array<[string, string]>> = [
  [],
  [["x-forwarded-for", "1.2.3.4"], ["x-forwarded-proto", "https"]],
  [["x-forwarded-for", "1.2.3.4:5678, 10.0.0.1"]],
  [["x-forwarded-for", "1.2.3.4, 10.1.1.1, 192.168.0.1"], ["x-forwarded-proto", "wss"]],
  [["x-forwarded-for", "[2001:db8::1]:443"]],
  [["x-forwarded-for", ""], ["x-forwarded-proto", "ftp"]],
  [["x-forwarded-for", "1.2.3.4"], ["x-forwarded-for", "10.0.0.1"], ["x-forwarded-proto", "http"], ["x-forwarded-proto", "https"]],
  [["X-Forwarded-Proto", " https "]],
];

for (const allowed of [undefined, "*", "10.0.0.0/8", "10.0.0.0/8,127.0.0.1", "127.0.0.0/255.0.0.0, 192.168.0.1", "::1"]) {
  test(`against uvicorn: FORWARDED_ALLOW_IPS=${allowed ?? "(unset: 127.0.0.1,::1)"}`, async () => {
    if (!requireVenv()) return;
    const saved = process.env.FORWARDED_ALLOW_IPS;
    if (allowed === undefined) delete process.env.FORWARDED_ALLOW_IPS;
    else process.env.FORWARDED_ALLOW_IPS = allowed;
    let py: Target | null = null;
    let ts: Target | null = null;
    try {
      [py, ts] = await Promise.all([startPython("_uvicorn_proxy_headers"), startTs()]);
      for (const headers of HEADERS) {
        const [a, b] = await Promise.all([ask(py, headers), ask(ts, headers)]);
        assert.is(shown(b), shown(a), JSON.stringify(headers));
      }
    } finally {
      if (saved === undefined) delete process.env.FORWARDED_ALLOW_IPS;
      else process.env.FORWARDED_ALLOW_IPS = saved;
      await Promise.all([py?.close(), ts?.close()]);
    }
  });
}

test("proxyHeaders: false leaves the peer as the client; the option beats the environment", async () => {
  const saved = process.env.FORWARDED_ALLOW_IPS;
  process.env.FORWARDED_ALLOW_IPS = "192.168.0.1";
  const forwarded: Array<[string, string]> = [["x-forwarded-for", "1.2.3.4"], ["x-forwarded-proto", "https"]];
  try {
    const off = await startTs({ proxyHeaders: false, forwardedAllowIps: "*" });
    try {
      assert.is(shown(await ask(off, forwarded)), "http://127.0.0.1:<peer>");
    } finally {
      await off.close();
    }
    const fromEnv = await startTs();
    try {
      assert.is(shown(await ask(fromEnv, forwarded)), "http://127.0.0.1:<peer>", "the environment trusts 192.168.0.1 only");
    } finally {
      await fromEnv.close();
    }
    const lines: string[] = [];
    const list = await startTs({ forwardedAllowIps: ["192.168.0.1", "127.0.0.1"] }, lines);
    try {
      assert.is(shown(await ask(list, forwarded)), "https://1.2.3.4:0");
      // The access log names the client the app saw, as uvicorn's does.
      await new Promise((r) => setTimeout(r, 10));
      assert.ok(lines.some((l) => l.startsWith('INFO:     1.2.3.4:0 - "GET / HTTP/1.1" 200')), lines.join("\n"));
    } finally {
      await list.close();
    }
  } finally {
    if (saved === undefined) delete process.env.FORWARDED_ALLOW_IPS;
    else process.env.FORWARDED_ALLOW_IPS = saved;
  }
});

test.run();
