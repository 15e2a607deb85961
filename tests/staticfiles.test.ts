// Port of tests/test_staticfiles.py (Starlette 1.3 names, plus what 1.7 added), then
// what is this port's own: the options, packages from node_modules, file: URLs, the
// file cache (a changed file is served fresh), and hostile paths through the server.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPException } from "../src/exceptions.js";
import { FastAPI } from "../src/fastapi/applications.js";
import { StaticFiles as FastAPIStaticFiles } from "../src/fastapi/staticfiles.js";
import { FileCache } from "../src/_file_cache.js";
import { BaseHTTPMiddleware } from "../src/middleware/base.js";
import { Middleware } from "../src/middleware/index.js";
import type { Request } from "../src/requests.js";
import type { Response } from "../src/responses.js";
import { Mount } from "../src/routing.js";
import { serve } from "../src/server.js";
import { NotModifiedResponse, StaticFiles } from "../src/staticfiles.js";
import { TestClient } from "../src/testclient.js";
import type { Message, Scope } from "../src/types.js";
import { rejects, thrown } from "./helpers.js";

const dirs: string[] = [];
function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-static-"));
  dirs.push(dir);
  return dir;
}
test.after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A directory holding example.txt with "<file content>". */
function withExample(): string {
  const dir = tmp();
  writeFileSync(join(dir, "example.txt"), "<file content>");
  return dir;
}

const mounted = (app: StaticFiles, raise = true): TestClient => new TestClient(new App({ routes: [new Mount("/", { app, name: "static" })] }), { raiseServerExceptions: raise });
const getResponse = (app: StaticFiles, path: string) => app.getResponse(app.getPath({ type: "http", path }), { type: "http", method: "GET" });
const time = (text: string): number => new Date(text).getTime() / 1000;

test("test_staticfiles", async () => {
  const client = new TestClient(new StaticFiles({ directory: withExample() }));
  const response = await client.get("/example.txt");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<file content>");
});

test("test_staticfiles_with_pathlib (a file: URL here)", async () => {
  const client = new TestClient(new StaticFiles({ directory: pathToFileURL(withExample() + "/") }));
  const response = await client.get("/example.txt");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<file content>");
});

test("test_staticfiles_head_with_middleware", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "example.txt"), "x".repeat(100));
  const app = new App({
    routes: [new Mount("/static", { app: new StaticFiles({ directory: dir }), name: "static" })],
    middleware: [new Middleware(BaseHTTPMiddleware, (request: Request, callNext: (r: Request) => Promise<Response>) => callNext(request))],
  });
  const response = await new TestClient(app).head("/static/example.txt");
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("content-length"), "100");
});

test("test_staticfiles_with_package (an npm package here: its folder found in node_modules)", async () => {
  const app = new StaticFiles({ packages: [["uvu", "assert"]] });
  const response = await new TestClient(app).get("/index.d.ts");
  assert.is(response.statusCode, 200);
  assert.match(response.text, /export/);
  assert.equal(app.allDirectories.length, 1);
  assert.is(thrown(() => new StaticFiles({ packages: ["uvu"] })).message, "Directory ''statics'' in package 'uvu' could not be found.");
  assert.is(thrown(() => new StaticFiles({ packages: ["no-such-package-here"] })).message, "Package 'no-such-package-here' could not be found.");
  assert.is(thrown(() => new StaticFiles({ packages: ["fs"] })).message, "Package 'fs' could not be found.");
});

test("test_staticfiles_post", async () => {
  const response = await mounted(new StaticFiles({ directory: withExample() })).post("/example.txt");
  assert.is(response.statusCode, 405);
  assert.is(response.text, "Method Not Allowed");
});

test("test_staticfiles_with_directory_returns_404", async () => {
  const response = await mounted(new StaticFiles({ directory: withExample() })).get("/");
  assert.is(response.statusCode, 404);
  assert.is(response.text, "Not Found");
});

test("test_staticfiles_with_missing_file_returns_404", async () => {
  const response = await mounted(new StaticFiles({ directory: withExample() })).get("/404.txt");
  assert.is(response.statusCode, 404);
  assert.is(response.text, "Not Found");
});

test("test_staticfiles_instantiated_with_missing_directory", () => {
  const error = thrown(() => new StaticFiles({ directory: join(tmp(), "no_such_directory") }));
  assert.match(error.message, "does not exist");
});

test("test_staticfiles_configured_with_missing_directory", async () => {
  const app = new StaticFiles({ directory: join(tmp(), "no_such_directory"), checkDir: false });
  const error = await rejects(new TestClient(app).get("/example.txt"));
  assert.match(error.message, "does not exist");
});

test("test_staticfiles_configured_with_file_instead_of_directory", async () => {
  const app = new StaticFiles({ directory: join(withExample(), "example.txt"), checkDir: false });
  const error = await rejects(new TestClient(app).get("/example.txt"));
  assert.match(error.message, "is not a directory");
  // Anything else stat() says is the system's own error.
  const under = new StaticFiles({ directory: join(withExample(), "example.txt", "sub"), checkDir: false });
  assert.is(((await rejects(new TestClient(under).get("/x"))) as NodeJS.ErrnoException).code, "ENOTDIR");
});

test("test_staticfiles_config_check_occurs_only_once", async () => {
  const app = new StaticFiles({ directory: tmp() });
  const client = new TestClient(app);
  assert.not.ok(app.configChecked);
  assert.instance(await rejects(client.get("/")), HTTPException);
  assert.ok(app.configChecked);
  assert.instance(await rejects(client.get("/")), HTTPException);
});

test("test_staticfiles_prevents_breaking_out_of_directory", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "foo"));
  writeFileSync(join(dir, "example.txt"), "outside root dir");
  const app = new StaticFiles({ directory: join(dir, "foo") });
  // Not through the TestClient: its URLs are normalized, as httpx's are.
  const error = (await rejects(getResponse(app, "/../example.txt"))) as HTTPException;
  assert.is(error.statusCode, 404);
  assert.is(error.detail, "Not Found");
});

test("test_staticfiles_never_read_file_for_head_method", async () => {
  const response = await new TestClient(new StaticFiles({ directory: withExample() })).head("/example.txt");
  assert.is(response.statusCode, 200);
  assert.is(response.content.length, 0);
  assert.is(response.headers.get("content-length"), "14");
});

test("test_staticfiles_304_with_etag_match", async () => {
  const client = new TestClient(new StaticFiles({ directory: withExample() }));
  const first = await client.get("/example.txt");
  assert.is(first.statusCode, 200);
  const etag = first.headers.get("etag") as string;
  for (const ifNoneMatch of [etag, `W/${etag}, "123"`, `"123",\tW/${etag}`]) {
    const second = await client.get("/example.txt", { headers: { "if-none-match": ifNoneMatch } });
    assert.is(second.statusCode, 304);
    assert.is(second.content.length, 0);
  }
});

test("test_staticfiles_304_with_etag_star (Starlette 1.7: If-None-Match: * matches any file)", async () => {
  const client = new TestClient(new StaticFiles({ directory: withExample() }));
  const response = await client.get("/example.txt", { headers: { "if-none-match": " * " } });
  assert.is(response.statusCode, 304);
  assert.equal(response.headers.items().map(([k]) => k), ["etag"]);
});

test("test_staticfiles_200_with_etag_mismatch", async () => {
  const client = new TestClient(new StaticFiles({ directory: withExample() }));
  const first = await client.get("/example.txt");
  assert.is(first.statusCode, 200);
  assert.is.not(first.headers.get("etag"), '"123"');
  const second = await client.get("/example.txt", { headers: { "if-none-match": '"123"' } });
  assert.is(second.statusCode, 200);
  assert.is(second.text, "<file content>");
});

test("test_staticfiles_200_with_etag_mismatch_and_timestamp_match", async () => {
  const client = new TestClient(new StaticFiles({ directory: withExample() }));
  const first = await client.get("/example.txt");
  assert.is(first.statusCode, 200);
  assert.is.not(first.headers.get("etag"), '"123"');
  // If-None-Match given, If-Modified-Since is not looked at.
  const headers = { "if-none-match": '"123"', "if-modified-since": first.headers.get("last-modified") as string };
  const second = await client.get("/example.txt", { headers });
  assert.is(second.statusCode, 200);
  assert.is(second.text, "<file content>");
});

test("test_staticfiles_304_with_last_modified_compare_last_req", async () => {
  const dir = withExample();
  const when = time("2013-10-10T23:40:00Z");
  utimesSync(join(dir, "example.txt"), when, when);
  const client = new TestClient(new StaticFiles({ directory: dir }));
  // Last modified before the date asked for: 304.
  const notModified = await client.get("/example.txt", { headers: { "If-Modified-Since": "Thu, 11 Oct 2013 15:30:19 GMT" } });
  assert.is(notModified.statusCode, 304);
  assert.is(notModified.content.length, 0);
  // Last modified after it: 200 with the content.
  const modified = await client.get("/example.txt", { headers: { "If-Modified-Since": "Thu, 20 Feb 2012 15:30:19 GMT" } });
  assert.is(modified.statusCode, 200);
  assert.is(modified.text, "<file content>");
});

function htmlTree(index: boolean, notFound: boolean): string {
  const dir = tmp();
  if (notFound) writeFileSync(join(dir, "404.html"), "<h1>Custom not found page</h1>");
  mkdirSync(join(dir, "dir"));
  if (index) writeFileSync(join(dir, "dir", "index.html"), "<h1>Hello</h1>");
  return dir;
}

test("test_staticfiles_html_normal", async () => {
  const client = new TestClient(new StaticFiles({ directory: htmlTree(true, true), html: true }));
  for (const [path, url] of [["/dir/", "http://testserver/dir/"], ["/dir", "http://testserver/dir/"], ["/dir/index.html", "http://testserver/dir/index.html"]]) {
    const response = await client.get(path);
    assert.is(String(response.url), url);
    assert.is(response.statusCode, 200);
    assert.is(response.text, "<h1>Hello</h1>");
  }
  const missing = await client.get("/missing");
  assert.is(missing.statusCode, 404);
  assert.is(missing.text, "<h1>Custom not found page</h1>");
});

test("test_staticfiles_html_without_index", async () => {
  const client = new TestClient(new StaticFiles({ directory: htmlTree(false, true), html: true }));
  for (const [path, url] of [["/dir/", "http://testserver/dir/"], ["/dir", "http://testserver/dir"], ["/missing", "http://testserver/missing"]]) {
    const response = await client.get(path);
    assert.is(String(response.url), url);
    assert.is(response.statusCode, 404);
    assert.is(response.text, "<h1>Custom not found page</h1>");
  }
});

test("test_staticfiles_html_without_404", async () => {
  const client = new TestClient(new StaticFiles({ directory: htmlTree(true, false), html: true }));
  for (const [path, url] of [["/dir/", "http://testserver/dir/"], ["/dir", "http://testserver/dir/"]]) {
    const response = await client.get(path);
    assert.is(String(response.url), url);
    assert.is(response.statusCode, 200);
    assert.is(response.text, "<h1>Hello</h1>");
  }
  const error = (await rejects(client.get("/missing"))) as HTTPException;
  assert.is(error.statusCode, 404);
});

test("test_staticfiles_html_only_files", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "hello.html"), "<h1>Hello</h1>");
  const client = new TestClient(new StaticFiles({ directory: dir, html: true }));
  assert.is(((await rejects(client.get("/"))) as HTTPException).statusCode, 404);
  const response = await client.get("/hello.html");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<h1>Hello</h1>");
});

test("test_staticfiles_cache_invalidation_for_deleted_file_html_mode", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "404.html"), "<p>404 file</p>");
  writeFileSync(join(dir, "some.html"), "<p>some file</p>");
  const when = time("2013-10-10T23:40:00Z");
  utimesSync(join(dir, "404.html"), when, when);
  utimesSync(join(dir, "some.html"), when, when);
  const client = new TestClient(new StaticFiles({ directory: dir, html: true }));
  const exists = await client.get("/some.html");
  assert.is(exists.statusCode, 200);
  assert.is(exists.text, "<p>some file</p>");
  const headers = { "If-Modified-Since": exists.headers.get("last-modified") as string };
  assert.is((await client.get("/some.html", { headers })).statusCode, 304);
  unlinkSync(join(dir, "some.html"));
  const deleted = await client.get("/some.html", { headers });
  assert.is(deleted.statusCode, 404);
  assert.is(deleted.text, "<p>404 file</p>");
});

test("test_staticfiles_with_invalid_dir_permissions_returns_401", async () => {
  const dir = withExample();
  // Root passes every permission check: the test runs as nobody for the time of the request.
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0);
  try {
    if (asRoot) process.seteuid?.(65534);
    const response = await mounted(new StaticFiles({ directory: dir, checkDir: false })).get("/example.txt");
    assert.is(response.statusCode, 401);
    assert.is(response.text, "Unauthorized");
  } finally {
    if (asRoot) process.seteuid?.(0);
    chmodSync(dir, 0o700);
  }
});

test("test_staticfiles_with_missing_dir_returns_404", async () => {
  const response = await mounted(new StaticFiles({ directory: withExample() })).get("/foo/example.txt");
  assert.is(response.statusCode, 404);
  assert.is(response.text, "Not Found");
});

test("test_staticfiles_access_file_as_dir_returns_404", async () => {
  const response = await mounted(new StaticFiles({ directory: withExample() })).get("/example.txt/foo");
  assert.is(response.statusCode, 404);
  assert.is(response.text, "Not Found");
});

test("test_staticfiles_null_byte_in_path", async () => {
  const response = await mounted(new StaticFiles({ directory: tmp() })).get("/example%00.txt");
  assert.is(response.statusCode, 404);
});

test("test_staticfiles_filename_too_long", async () => {
  const client = mounted(new StaticFiles({ directory: tmp() }));
  for (const path of [`/${"a".repeat(4096)}.txt`, `/${"a".repeat(300)}.txt`]) {
    const response = await client.get(path);
    assert.is(response.statusCode, 404);
    assert.is(response.text, "Not Found");
  }
});

test("test_staticfiles_unhandled_os_error_returns_500", async () => {
  const app = new StaticFiles({ directory: withExample() });
  app.lookupPath = () => Promise.reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }));
  const response = await mounted(app, false).get("/example.txt");
  assert.is(response.statusCode, 500);
  assert.is(response.text, "Internal Server Error");
});

test("test_staticfiles_follows_symlinks", async () => {
  const statics = join(tmp(), "statics");
  mkdirSync(statics);
  const source = tmp();
  writeFileSync(join(source, "page.html"), "<h1>Hello</h1>");
  symlinkSync(join(source, "page.html"), join(statics, "index.html"));
  const response = await new TestClient(new StaticFiles({ directory: statics, followSymlink: true })).get("/index.html");
  assert.is(String(response.url), "http://testserver/index.html");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<h1>Hello</h1>");
  // Not followed unless asked: the link leads out of the directory.
  assert.is(((await rejects(new TestClient(new StaticFiles({ directory: statics })).get("/index.html"))) as HTTPException).statusCode, 404);
});

test("test_staticfiles_follows_symlink_directories", async () => {
  const statics = join(tmp(), "statics");
  mkdirSync(statics);
  const source = tmp();
  writeFileSync(join(source, "page.html"), "<h1>Hello</h1>");
  symlinkSync(source, join(statics, "html"));
  const response = await new TestClient(new StaticFiles({ directory: statics, followSymlink: true })).get("/html/page.html");
  assert.is(String(response.url), "http://testserver/html/page.html");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<h1>Hello</h1>");
});

test("test_staticfiles_disallows_path_traversal_with_symlinks", async () => {
  const statics = join(tmp(), "statics");
  const root = tmp();
  mkdirSync(join(root, "statics"));
  writeFileSync(join(root, "index.html"), "<h1>Hello</h1>");
  symlinkSync(join(root, "statics"), statics);
  const app = new StaticFiles({ directory: statics, followSymlink: true });
  const error = (await rejects(getResponse(app, "/../index.html"))) as HTTPException;
  assert.is(error.statusCode, 404);
  assert.is(error.detail, "Not Found");
});

test("test_staticfiles_avoids_path_traversal", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "static"));
  mkdirSync(join(dir, "static_disallow"));
  writeFileSync(join(dir, "static", "index.html"), "<h1>Hello</h1>");
  writeFileSync(join(dir, "static_disallow", "index.html"), "<h1>Private</h1>");
  writeFileSync(join(dir, "static1.txt"), "Private");
  const app = new StaticFiles({ directory: join(dir, "static") });
  for (const path of ["/../static1.txt", "/../static_disallow/index.html"]) {
    const error = (await rejects(getResponse(app, path))) as HTTPException;
    assert.is(error.statusCode, 404);
    assert.is(error.detail, "Not Found");
  }
});

test("test_staticfiles_rejects_absolute_paths", async () => {
  const app = new StaticFiles({ directory: tmp() });
  assert.equal(await app.lookupPath("/etc/passwd"), ["", null]);
});

test("test_staticfiles_rejects_absolute_windows_paths", async () => {
  const app = new StaticFiles({ directory: tmp() });
  assert.equal(await app.lookupPath("\\\\server\\share"), ["", null]);
});

test("test_staticfiles_self_symlinks", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "statics"));
  writeFileSync(join(dir, "statics", "index.html"), "<h1>Hello</h1>");
  symlinkSync(join(dir, "statics"), join(dir, "statics_symlink"));
  const response = await new TestClient(new StaticFiles({ directory: join(dir, "statics_symlink"), followSymlink: true })).get("/index.html");
  assert.is(String(response.url), "http://testserver/index.html");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "<h1>Hello</h1>");
});

test("test_staticfiles_relative_directory_symlinks", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "real"));
  writeFileSync(join(dir, "real", "example.txt"), "123\n");
  symlinkSync("real", join(dir, "statics"));
  const app = new StaticFiles({ directory: relative(process.cwd(), join(dir, "statics")), followSymlink: true });
  const response = await new TestClient(app).get("/example.txt");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "123\n");
});

test("test_staticfiles_websocket_closes (Starlette 1.7: a websocket is closed with 1000)", async () => {
  const sent: Message[] = [];
  await new StaticFiles({ directory: tmp() }).call({ type: "websocket", path: "/" }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  assert.equal(sent, [{ type: "websocket.close", code: 1000, reason: "" }]);
  const lifespan = await rejects(new StaticFiles({ directory: tmp() }).call({ type: "lifespan" }, async () => ({ type: "lifespan.startup" }), async () => undefined));
  assert.is(lifespan.message, "StaticFiles serves http requests, not a lifespan scope");
});

// ---------------------------------------------------------------- this port's own

test("options are checked at construction, naming the option", () => {
  const cases: Array<[unknown, string]> = [
    [{ directroy: "x" }, 'StaticFiles got an unexpected option "directroy"; did you mean "directory"?'],
    [{ check_dir: false }, 'StaticFiles got an unexpected option "check_dir"; did you mean "checkDir"?'],
    [{ directory: 1 }, 'StaticFiles option "directory" must be a path (a string or a file: URL), or null, got 1'],
    [{ html: "yes" }, 'StaticFiles option "html" must be true or false, got "yes"'],
    [{ packages: "pkg" }, 'StaticFiles option "packages" must be a list of package names or [name, folder] pairs, or null, got "pkg"'],
    [{ packages: [["pkg"]] }, "StaticFiles option \"packages\" must be a list of package names or [name, folder] pairs, or null, got [ [Array] ]"],
    [{ cacheSize: -1 }, 'StaticFiles option "cacheSize" must be a whole number of bytes (0 keeps nothing in memory), got -1'],
    [{ cacheSize: 1.5 }, 'StaticFiles option "cacheSize" must be a whole number of bytes (0 keeps nothing in memory), got 1.5'],
  ];
  for (const [options, message] of cases) assert.is(thrown(() => new StaticFiles(options as object)).message, message);
  assert.is(String(new StaticFiles({ directory: "/tmp", packages: null })), "StaticFiles(directory='/tmp')");
  assert.is(String(new StaticFiles({ packages: [["uvu", "assert"]] })), "StaticFiles(directory=None)");
  assert.equal(new StaticFiles({ directory: null, checkDir: true }).allDirectories, []);
});

test("app.mount and urlPathFor('static', { path }); FastAPI's 404 is its JSON", async () => {
  const dir = withExample();
  const app = new App();
  app.mount("/static", new StaticFiles({ directory: dir }), "static");
  assert.is(app.router.urlPathFor("static", { path: "/css/site.css" }), "/static/css/site.css");
  assert.is((await new TestClient(app).get("/static/example.txt")).text, "<file content>");
  const api = new FastAPI();
  api.mount("/static", new FastAPIStaticFiles({ directory: dir }), "static");
  const client = new TestClient(api);
  assert.is((await client.get("/static/example.txt")).text, "<file content>");
  const missing = await client.get("/static/missing.txt");
  assert.is(missing.statusCode, 404);
  assert.equal(missing.json(), { detail: "Not Found" });
});

test("the root directory itself: every absolute path is inside it", async () => {
  const dir = withExample();
  const response = await new TestClient(new StaticFiles({ directory: "/" })).get(`${dir}/example.txt`);
  assert.is(response.text, "<file content>");
});

test("several directories: the first that has the file serves it", async () => {
  const app = new StaticFiles({ directory: withExample(), packages: [["uvu", "assert"]] });
  const client = new TestClient(app);
  assert.is((await client.get("/example.txt")).text, "<file content>");
  // From the package (not remembered: only the first directory's files are).
  assert.match((await client.get("/index.d.ts")).text, /export/);
  assert.match((await client.get("/index.d.ts")).text, /export/);
});

test("a changed file is served fresh: new bytes, new ETag, with the cache on", async () => {
  const dir = withExample();
  const path = join(dir, "example.txt");
  const app = new StaticFiles({ directory: dir });
  const client = new TestClient(app);
  const cache = (app as unknown as { cache: FileCache }).cache;
  const settle = FileCache.settleMs;
  FileCache.settleMs = 0;
  try {
    const mtime = 1_700_000_000;
    utimesSync(path, mtime, mtime);
    await new Promise((r) => setTimeout(r, 30));
    const first = await client.get("/example.txt");
    assert.is((await client.get("/example.txt")).text, "<file content>");
    assert.ok((await cache.check("example.txt"))?.file.content, "the bytes are served from memory now");
    // The same size and the same mtime as before: only the ctime (which no one can set) tells.
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(path, "<FILE CONTENT>");
    utimesSync(path, mtime, mtime);
    const changed = await client.get("/example.txt");
    assert.is(changed.text, "<FILE CONTENT>");
    assert.is(changed.headers.get("etag"), first.headers.get("etag"), "same size and mtime: Starlette's ETag is the same");
    // Replaced by another file (a deploy's rename), then by a link out of the directory, then removed.
    writeFileSync(join(dir, "next.txt"), "<next content!>");
    const { renameSync } = await import("node:fs");
    renameSync(join(dir, "next.txt"), path);
    assert.is((await client.get("/example.txt")).text, "<next content!>");
    const outside = join(tmp(), "secret.txt");
    writeFileSync(outside, "<secret content>");
    unlinkSync(path);
    symlinkSync(outside, path);
    assert.is(((await rejects(client.get("/example.txt"))) as HTTPException).statusCode, 404);
    unlinkSync(path);
    assert.is(((await rejects(client.get("/example.txt"))) as HTTPException).statusCode, 404);
    mkdirSync(path);
    assert.is(((await rejects(client.get("/example.txt"))) as HTTPException).statusCode, 404);
  } finally {
    FileCache.settleMs = settle;
  }
});

test("the cache: bytes kept only once the file has settled, within the budget, least recent out first", async () => {
  const dir = tmp();
  for (const name of ["a", "b", "c"]) writeFileSync(join(dir, `${name}.txt`), name.repeat(10));
  writeFileSync(join(dir, "big.txt"), "x".repeat(40));
  const cache = new FileCache(25, 30);
  const { stat } = await import("node:fs/promises");
  const remember = async (name: string) => {
    const st = await stat(join(dir, name), { bigint: true });
    const file = cache.remember(name, join(dir, name), join(dir, name), st);
    return { file, st };
  };
  // Just written: read, but not kept (a change within the same clock tick would not show).
  const fresh = await remember("a.txt");
  assert.is(Buffer.from((await cache.content(fresh.file, fresh.st)) as Uint8Array).toString(), "a".repeat(10));
  assert.is(fresh.file.content, null);
  const settle = FileCache.settleMs;
  FileCache.settleMs = 0;
  try {
    const a = await remember("a.txt");
    await cache.content(a.file, a.st);
    assert.ok(a.file.content !== null);
    assert.is(await cache.content(a.file, a.st), a.file.content, "from memory the second time");
    const b = await remember("b.txt");
    await cache.content(b.file, b.st);
    assert.ok((await cache.check("a.txt")) !== null);
    // c does not fit beside a and b: b, the least recently served, goes.
    const c = await remember("c.txt");
    await cache.content(c.file, c.st);
    assert.is(await cache.check("b.txt"), null);
    assert.ok((await cache.check("a.txt")) !== null);
    // Too large for the cache: read from disk each time.
    const big = await remember("big.txt");
    assert.is(await cache.content(big.file, big.st), null);
    // Gone since its stat: nothing to keep.
    const gone = await remember("c.txt");
    unlinkSync(join(dir, "c.txt"));
    assert.is(await cache.content(gone.file, gone.st), null);
    // Changed between the stat and the read: read again by the response itself.
    const changing = await remember("a.txt");
    writeFileSync(join(dir, "a.txt"), "A".repeat(11));
    assert.is(await cache.content(changing.file, changing.st), null);
    // Remembering a path again replaces its entry; the cache holds a bounded number of files.
    const many = new FileCache(1 << 20, 1 << 20);
    const st = await stat(join(dir, "b.txt"), { bigint: true });
    for (let i = 0; i < 4100; i++) many.remember(`k${i}`, join(dir, "b.txt"), join(dir, "b.txt"), st);
    assert.is(await many.check("k0"), null);
    assert.ok((await many.check("k4099")) !== null);
    // Off: nothing remembered.
    const off = new FileCache(0, 1 << 20);
    off.remember("b.txt", join(dir, "b.txt"), join(dir, "b.txt"), st);
    assert.is(await off.check("b.txt"), null);
  } finally {
    FileCache.settleMs = settle;
  }
});

test("cacheSize 0: Starlette's own path, a stat and a read on every request", async () => {
  const dir = withExample();
  const client = new TestClient(new StaticFiles({ directory: dir, cacheSize: 0 }));
  assert.is((await client.get("/example.txt")).text, "<file content>");
  writeFileSync(join(dir, "example.txt"), "<changed!>");
  assert.is((await client.get("/example.txt")).text, "<changed!>");
  const ranged = await client.get("/example.txt", { headers: { range: "bytes=1-3" } });
  assert.is(ranged.statusCode, 206);
  assert.is(ranged.text, "cha");
});

test("ranges, HEAD and 304 from memory", async () => {
  const dir = withExample();
  const client = new TestClient(new StaticFiles({ directory: dir }));
  const settle = FileCache.settleMs;
  FileCache.settleMs = 0;
  try {
    const first = await client.get("/example.txt");
    const second = await client.get("/example.txt");
    assert.equal(second.headers.items(), first.headers.items());
    const ranged = await client.get("/example.txt", { headers: { range: "bytes=1-4, 6-" } });
    assert.is(ranged.statusCode, 206);
    assert.match(ranged.text, /Content-Range: bytes 1-4\/14\r\n\r\nfile\r\n/);
    const head = await client.head("/example.txt");
    assert.is(head.content.length, 0);
    assert.is(head.headers.get("content-length"), "14");
    const notModified = await client.get("/example.txt", { headers: { "if-none-match": first.headers.get("etag") as string } });
    assert.is(notModified.statusCode, 304);
  } finally {
    FileCache.settleMs = settle;
  }
});

test("NotModifiedResponse keeps only the validators and cache headers", async () => {
  const { Headers } = await import("../src/datastructures.js");
  const response = new NotModifiedResponse(new Headers({ raw: [["etag", '"a"'], ["content-type", "text/plain"], ["cache-control", "max-age=1"], ["vary", "a"], ["vary", "b"]] }));
  assert.is(response.statusCode, 304);
  assert.equal(response.headers.items(), [["etag", '"a"'], ["cache-control", "max-age=1"], ["vary", "b"]]);
});

test("hostile paths through serve(): 404, never a byte from outside", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "static"));
  writeFileSync(join(dir, "static", "ok.txt"), "ok");
  writeFileSync(join(dir, "secret.txt"), "SECRET");
  symlinkSync(join(dir, "secret.txt"), join(dir, "static", "link.txt"));
  const app = new App({ routes: [new Mount("/static", { app: new StaticFiles({ directory: join(dir, "static") }) })] });
  const server = await serve(app, { port: 0, accessLog: false, handleSignals: false, log: () => undefined });
  const { request } = await import("node:http");
  const get = (path: string) =>
    new Promise<[number, string]>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: server.port, path, agent: false }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("latin1")));
        res.on("end", () => resolve([res.statusCode as number, body]));
      });
      req.on("error", reject);
      req.end();
    });
  try {
    assert.equal(await get("/static/ok.txt"), [200, "ok"]);
    const hostile = [
      "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt", "/static/..%2fsecret.txt", "/static/..%5csecret.txt",
      "/static/..\\secret.txt", "/static/%00", "/static/ok.txt%00", "/static/%2fetc%2fpasswd", "/static//etc/passwd", "/static/link.txt",
      "/static/%c0%ae%c0%ae/secret.txt", "/static/....//secret.txt", `/static/${"../".repeat(50)}etc/passwd`, "/static/%ff",
    ];
    for (const path of hostile) {
      const [status, body] = await get(path);
      assert.is(status, 404, path);
      assert.not.match(body, "SECRET");
    }
  } finally {
    await server.close();
  }
});

test("Python's lookups a symlink loop or an unreadable link falls back to: the system's error", async () => {
  const dir = tmp();
  symlinkSync("b", join(dir, "a"));
  symlinkSync("a", join(dir, "b"));
  const error = (await rejects(new TestClient(new StaticFiles({ directory: dir })).get("/a"))) as NodeJS.ErrnoException;
  assert.is(error.code, "ELOOP");
  // A directory that was a link and is gone: Python's realpath keeps the name, and the lookup misses.
  const app = new StaticFiles({ directory: join(dir, "gone"), checkDir: false });
  app.configChecked = true;
  assert.equal(await app.lookupPath("x.txt"), ["", null]);
});

test.run();
