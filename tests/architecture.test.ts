// No Python counterpart: the import layers of STYLE.md and the public surface,
// checked so that neither depends on anyone remembering them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

const modules = files(src).map((f) => relative(src, f).replace(/\.ts$/, ""));

// Lower layers never import higher ones at run time (`import type` is free, like TYPE_CHECKING).
const LAYER: Record<string, number> = {
  types: 0, status: 0, exceptions: 0.5, _options: 0.5, _session: 0.5, _mimetypes: 0.5, _posixpath: 0.5, _email_utils: 0.5, _proxy_headers: 0.5, _authentication: 0.5,
  _utils: 0.9, datastructures: 1, "middleware/index": 1, convertors: 1, _lifespan: 1,
  background: 2, _multipart: 1.4, _websocket_bridge: 1.5, websockets: 2.5, endpoints: 4, formparsers: 1.5, requests: 2, responses: 3, _exception_handler: 3,
  authentication: 3.5, "middleware/authentication": 5,
  _file_cache: 3.5, staticfiles: 4,
  routing: 4, "middleware/errors": 5, "middleware/exceptions": 5, "middleware/base": 5, "middleware/sessions": 5,
  // Python's re syntax for CORSMiddleware's allowOriginRegex; the four middleware of Starlette's that need no request object.
  _python_re: 0.5, "middleware/_headerlist": 1, "middleware/cors": 5, "middleware/gzip": 5, "middleware/trustedhost": 5, "middleware/httpsredirect": 5,
  applications: 6, testclient: 6, server: 6, _fetch_exchange: 1.5, fetch: 6, index: 7,
  // The starlette-ts command: click's parsing, uvicorn's importer and supervisors, then main() on serve().
  "_cli/parser": 0.5, "_cli/importer": 0.5, "_cli/options": 0.6, "_supervisors/multiprocess": 0.5, "_supervisors/reload": 0.6, cli: 8,
  // The FastAPI layer, one floor above the core (which never imports it).
  "fastapi/_compat/standard_schema": 10, "fastapi/_compat/errors": 10, "fastapi/_compat/json_schema": 10,
  "fastapi/_compat/lax_scalars": 10, "fastapi/_compat/pyjson_decode": 9.9, "fastapi/_compat/pyjson": 10, "fastapi/params": 10, "fastapi/types": 10,
  "fastapi/utils": 10, "fastapi/status": 10, "fastapi/_compat/fields_set": 10, "fastapi/_exit_stack": 10, "fastapi/encoders": 10.25,
  "fastapi/_compat/lax": 10.5, "fastapi/_compat/issues": 10.5, "fastapi/_compat/constraints": 10.5, "fastapi/exceptions": 10.5,
  "fastapi/_compat/model_field": 11, "fastapi/_compat/serialize": 11.5, "fastapi/sse": 11, "fastapi/param_functions": 11,
  "fastapi/dependencies/models": 11, "fastapi/dependencies/analysis": 12, "fastapi/dependencies/extract": 12,
  "fastapi/exception_handlers": 12, "fastapi/dependencies/resolve": 13, "fastapi/_route_handler": 14, "fastapi/_websocket_handler": 14,
  "fastapi/routing": 15, "fastapi/applications": 16, "fastapi/index": 17, "fastapi/testclient": 10, "fastapi/staticfiles": 10, "fastapi/websockets": 10,
  // fastapi.security: the schemes raise the core's or the layer's HTTPException, the form declares params.
  "fastapi/security/base": 10, "fastapi/security/utils": 10, "fastapi/security/api_key": 10.25, "fastapi/security/open_id_connect_url": 10.25,
  "fastapi/security/http": 10.75, "fastapi/security/oauth2": 10.75, "fastapi/security/index": 10.9,
  // fastapi.openapi: the document is made from the routes (utils) and served by the app.
  "fastapi/openapi/constants": 10, "fastapi/openapi/models": 10, "fastapi/openapi/docs": 10.5, "fastapi/openapi/schemas": 10.5,
  "fastapi/openapi/utils": 15.5,
};

function runtimeImports(module: string): string[] {
  const text = readFileSync(join(src, module + ".ts"), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)";/gms)) {
    if (m[1]) continue;
    const specifiers = /\{([^}]*)\}/.exec(m[0])?.[1];
    if (specifiers && specifiers.split(",").every((s) => s.trim() === "" || s.trim().startsWith("type "))) continue;
    out.push(join(module, "..", m[2]).replace(/\.js$/, ""));
  }
  return out;
}

test("every module has a layer, and runtime imports only point down", () => {
  for (const module of modules) {
    if (module.startsWith("itsdangerous/")) continue;
    assert.ok(module in LAYER, `${module} has no layer in tests/architecture.test.ts`);
    for (const target of runtimeImports(module)) {
      if (target.startsWith("itsdangerous/")) {
        // Python's json.dumps lives in itsdangerous/_json: sessions sign with it, FastAPI streams with it.
        const allowed = module === "middleware/sessions" || (module.startsWith("fastapi/") && target === "itsdangerous/_json");
        assert.ok(allowed, `${module} imports ${target}: only sessions uses itsdangerous`);
        continue;
      }
      assert.ok(LAYER[target] < LAYER[module], `${module} (layer ${LAYER[module]}) imports ${target} (layer ${LAYER[target]})`);
    }
  }
});

// Every reference from one module to another: `import type` too, re-exports, import() in code and in types.
function allImports(module: string): string[] {
  const text = readFileSync(join(src, module + ".ts"), "utf8");
  const out = new Set<string>();
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.[^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s+["'](\.[^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g),
  ];
  for (const m of specifiers) {
    const target = join(module, "..", m[1]).replace(/\.js$/, "");
    out.add(modules.includes(target) ? target : join(target, "index"));
  }
  return [...out];
}

test("no import cycle in src/, counting `import type`", () => {
  // Depth-first, with the path so far: a module met again on it closes a cycle.
  const done = new Set<string>();
  const cycles: string[] = [];
  const visit = (module: string, path: string[]): void => {
    const at = path.indexOf(module);
    if (at >= 0) return void cycles.push([...path.slice(at), module].join(" -> "));
    if (done.has(module)) return;
    // A missing module is tsc's to report; only cycles are looked for here.
    for (const target of allImports(module)) if (modules.includes(target)) visit(target, [...path, module]);
    done.add(module);
  };
  for (const module of modules) visit(module, []);
  assert.equal(cycles, [], cycles.join("\n"));
});

test("itsdangerous is a sealed leaf with itsdangerous's import chain", () => {
  const order = ["itsdangerous/exc", "itsdangerous/encoding", "itsdangerous/_json", "itsdangerous/signer", "itsdangerous/serializer", "itsdangerous/timed", "itsdangerous/url_safe", "itsdangerous/index"];
  for (const module of modules.filter((m) => m.startsWith("itsdangerous/"))) {
    assert.ok(order.includes(module), `${module} is not in the chain`);
    for (const target of runtimeImports(module)) {
      assert.ok(target.startsWith("itsdangerous/"), `${module} imports ${target} from outside itsdangerous`);
      assert.ok(order.indexOf(target) < order.indexOf(module), `${module} imports ${target}, which is above it`);
    }
  }
});

test("the core never imports the FastAPI layer, not even for types", () => {
  for (const module of modules.filter((m) => !m.startsWith("fastapi/"))) {
    for (const target of allImports(module)) assert.not.ok(target.startsWith("fastapi/"), `${module} imports ${target}`);
  }
});

test("testclient, server and fetch depend on types (and data helpers) only", () => {
  for (const module of ["testclient", "server", "fetch", "_fetch_exchange"]) {
    for (const target of runtimeImports(module)) assert.ok(["datastructures", "_lifespan", "status", "_utils", "_options", "_mimetypes", "_proxy_headers", "_fetch_exchange", "_websocket_bridge", "exceptions"].includes(target), `${module} imports ${target}`);
  }
});

test("the root does not pull in sessions or itsdangerous", () => {
  const seen = new Set<string>();
  const visit = (m: string): void => {
    if (seen.has(m)) return;
    seen.add(m);
    runtimeImports(m).forEach(visit);
  };
  visit("index");
  assert.not.ok([...seen].some((m) => m.startsWith("itsdangerous/") || m === "middleware/sessions"), [...seen].join(", "));
});

test("no bare assert(): node:assert would re-read the source file to write a message", () => {
  for (const module of modules) {
    const text = readFileSync(join(src, module + ".ts"), "utf8");
    for (const m of text.matchAll(/\bassert\(([^;]*)\);/g)) assert.ok(/,\s*["'`]/.test(m[1]), `${module}: assert(${m[1]}) has no message`);
  }
});

test("no `any` in the sources", () => {
  for (const module of modules) {
    const text = readFileSync(join(src, module + ".ts"), "utf8").replace(/\/\/.*$/gm, "");
    assert.not.match(text, /:\s*any\b|<any>|as any\b/, module);
  }
});

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { source: string; types: string; import: string }>; dependencies?: object };

test("the exports map: explicit subpaths, each with types, no wildcard, no private module", () => {
  const subpaths = Object.keys(pkg.exports);
  assert.equal(subpaths, [
    ".", "./applications", "./authentication", "./background", "./convertors", "./datastructures", "./endpoints", "./exceptions", "./fetch", "./formparsers",
    "./middleware", "./middleware/authentication", "./middleware/base", "./middleware/cors", "./middleware/errors", "./middleware/exceptions", "./middleware/gzip",
    "./middleware/httpsredirect", "./middleware/sessions", "./middleware/trustedhost",
    "./requests", "./responses", "./routing", "./server", "./staticfiles", "./status", "./testclient", "./types", "./websockets", "./itsdangerous",
    "./fastapi", "./fastapi/encoders", "./fastapi/exceptions", "./fastapi/openapi/docs", "./fastapi/openapi/models", "./fastapi/openapi/utils", "./fastapi/params", "./fastapi/routing", "./fastapi/security", "./fastapi/sse", "./fastapi/staticfiles", "./fastapi/testclient", "./fastapi/websockets",
  ]);
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    assert.not.match(subpath, /\*|\/_/);
    assert.ok(modules.includes(target.source.replace(/^\.\/src\//, "").replace(/\.ts$/, "")), `${subpath} -> ${target.source}`);
    assert.is(target.types, target.import.replace(/\.js$/, ".d.ts"));
  }
  // `ws` is the one runtime dependency, loaded only by the server's websocket bridge (see below).
  assert.equal(Object.keys(pkg.dependencies ?? {}), ["ws"], "no runtime dependency but ws");
});

test("the root's export list (a change here is a change to the public API)", async () => {
  const root = await import("../src/index.js");
  assert.equal(Object.keys(root).sort(), [
    "Address", "App", "BackgroundTask", "BackgroundTasks", "BaseHTTPMiddleware", "ClientDisconnect", "FileResponse", "FormData",
    "HTMLResponse", "HTTPConnection", "HTTPException", "Headers", "JSONResponse", "Middleware", "Mount", "MutableHeaders",
    "PlainTextResponse", "QueryParams", "RedirectResponse", "Request", "Response", "Route", "Router", "StreamingResponse",
    "TestClient", "URL", "UploadFile", "serve", "version",
  ]);
  const its = await import("../src/itsdangerous/index.js");
  assert.equal(Object.keys(its).sort(), [
    "BadData", "BadHeader", "BadPayload", "BadSignature", "BadTimeSignature", "HMACAlgorithm", "NoneAlgorithm", "Serializer",
    "SignatureExpired", "Signer", "SigningAlgorithm", "TimedSerializer", "TimestampSigner", "URLSafeSerializer", "URLSafeTimedSerializer",
    "base64Decode", "base64Encode", "wantBytes",
  ]);
  assert.is(root.version, (pkg as unknown as { version: string }).version);
});

test.run();
