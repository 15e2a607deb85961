// No Python counterpart: runs the examples of docs/static-files.md, the ranges section of
// docs/responses.md and the proxy section of docs/server.md (the tutorial pair runs against
// FastAPI in tutorial_examples/static_files.test.ts).
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app as fileRanges } from "../examples/file_ranges.js";
import { start } from "../examples/proxy_headers.js";
import { app as staticFiles } from "../examples/static_files.js";
import { TestClient } from "../src/testclient.js";

const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../examples/${path}`, import.meta.url)), "utf8");

test("static_files.ts: the site in html mode, the assets, the API and its URL", async () => {
  const client = new TestClient(staticFiles);
  const home = await client.get("/");
  assert.is(home.text, read("static_site/index.html"));
  assert.is(home.headers.get("content-type"), "text/html; charset=utf-8");
  const guide = await client.get("/guide", { followRedirects: false });
  assert.is(guide.statusCode, 307);
  assert.is(guide.headers.get("location"), "http://testserver/guide/");
  assert.is((await client.get("/guide")).text, read("static_site/guide/index.html"));
  const missing = await client.get("/nowhere");
  assert.is(missing.statusCode, 404);
  assert.is(missing.text, read("static_site/404.html"));
  const css = await client.get("/assets/styles.css");
  assert.is(css.headers.get("content-type"), "text/css; charset=utf-8");
  assert.equal((await client.get("/api/stylesheet")).json(), { url: "/assets/styles.css" });
});

test("file_ranges.ts: one range, several, past the end, the dispositions", async () => {
  const client = new TestClient(fileRanges);
  const source = Buffer.from(read("file_ranges.ts"));
  const one = await client.get("/media", { headers: { range: "bytes=0-99" } });
  assert.is(one.statusCode, 206);
  assert.is(one.headers.get("content-range"), `bytes 0-99/${source.length}`);
  assert.equal(Buffer.from(one.content), source.subarray(0, 100));
  const several = await client.get("/media", { headers: { range: "bytes=0-9, 50-59" } });
  assert.match(several.headers.get("content-type") as string, /^multipart\/byteranges; boundary=/);
  const past = await client.get("/media", { headers: { range: `bytes=${source.length}-` } });
  assert.is(past.statusCode, 416);
  assert.is(past.headers.get("content-range"), `bytes */${source.length}`);
  assert.is((await client.get("/download")).headers.get("content-disposition"), "attachment; filename*=utf-8''r%C3%A9sum%C3%A9.txt");
  assert.is((await client.get("/inline")).headers.get("content-disposition"), 'inline; filename="notes.txt"');
});

test("proxy_headers.ts: the forwarded client and scheme, from a trusted peer", async () => {
  const log = console.error;
  console.error = () => undefined;
  const server = await start(0);
  const whoami = (headers: Record<string, string>) =>
    new Promise<{ client: string; url: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: server.port, path: "/whoami", headers, agent: false }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(JSON.parse(body) as { client: string; url: string }));
      });
      req.on("error", reject);
      req.end();
    });
  try {
    assert.equal(await whoami({}), { client: "127.0.0.1", url: `http://127.0.0.1:${server.port}/whoami` });
    assert.equal(await whoami({ "x-forwarded-for": "203.0.113.7, 10.1.2.3", "x-forwarded-proto": "https", host: "example.com" }), { client: "203.0.113.7", url: "https://example.com/whoami" });
  } finally {
    await server.close();
    console.error = log;
  }
});

test.run();
