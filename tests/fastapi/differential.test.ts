// No Python counterpart: the differential harness's own test. Python side:
// tests/python/fastapi_apps/harness_selftest.py; TS side: two hand-written core apps,
// one answering as FastAPI does and one that differs on purpose. Also checks every
// case in tests/fastapi/cases against its Python twin (the status it claims).
import { readdirSync } from "node:fs";
import { suite, test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { HTTPException } from "../../src/exceptions.js";
import type { Request } from "../../src/requests.js";
import { JSONResponse, PlainTextResponse, RedirectResponse, StreamingResponse } from "../../src/responses.js";
import {
  buildRequest,
  type Case,
  compare,
  diffCases,
  differential,
  jsonDiff,
  PYTHON_APPS,
  requireVenv,
  send,
  startPython,
  startPythonMany,
  startTs,
  type Target,
} from "./differential.js";

const enabled = requireVenv();

const INT_422 = (input: string) => ({
  detail: [{ type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input }],
});

/** Answers every selftest route as harness_selftest.py does (floats aside: JS writes 1 for 1.0). */
function twin(): App {
  const app = new App();
  app.addExceptionHandler(HTTPException, (_request, exc) => {
    const e = exc as HTTPException;
    return new JSONResponse({ detail: e.detail }, { statusCode: e.statusCode, headers: e.headers ?? undefined });
  });
  const echo = async (request: Request) => ({
    method: request.method,
    query: request.scope.query_string ?? "",
    headers: request.scope.headers ?? [],
    body: Buffer.from(await request.body()).toString("hex"),
  });
  app.get("/echo")(echo);
  app.post("/echo")(echo);
  app.get("/float")(() => ({ value: 1.0, half: 0.5, list: [2.0, 3] }));
  app.get("/cookies")(() => {
    const response = new JSONResponse({ ok: true });
    response.setCookie("a", "1");
    response.setCookie("b", "2", { httponly: true });
    return response;
  });
  app.get("/items/{item_id}")((request: Request) => {
    const raw = request.pathParams.item_id as string;
    if (!/^[+-]?\d+$/.test(raw)) return new JSONResponse(INT_422(raw), { statusCode: 422 });
    return { item_id: Number(raw) };
  });
  app.post("/only-post")(() => ({ ok: true }));
  app.get("/text")(() => new PlainTextResponse("hello\nworld"));
  app.get("/redirect")(() => new RedirectResponse("/echo"));
  app.get("/slash/")(() => ({ slash: true }));
  app.get("/lines")(() => new StreamingResponse(["{\"n\":1}\n", "{\"n\":2}\n"], { mediaType: "application/jsonl" }));
  app.get("/cut")(() => new StreamingResponse(cutOff(), { mediaType: "application/jsonl" }));
  return app;
}

async function* cutOff(): AsyncGenerator<string> {
  yield '{"n": 1}\n';
  throw new Error("cut off mid-stream");
}

/** The same routes, each answering differently in one known way. */
function liar(): App {
  const app = new App();
  app.get("/float")(() => ({ half: 0.5, value: 2, list: [2] }));
  app.get("/cookies")(() => {
    const response = new JSONResponse({ ok: true });
    response.setCookie("a", "1");
    return response;
  });
  app.get("/items/{item_id}")((request: Request) => {
    const raw = request.pathParams.item_id as string;
    const body = INT_422(raw);
    body.detail[0].msg = "Expected an integer";
    if (raw === "y") body.detail[0].loc = ["query", "item_id"];
    return new JSONResponse(body, { statusCode: 422 });
  });
  app.route("/only-post", { methods: ["POST", "DELETE"] })(() => new JSONResponse({ ok: true }));
  app.get("/text")(() => new PlainTextResponse("hello\nWorld"));
  app.get("/redirect")(() => new RedirectResponse("/elsewhere"));
  app.get("/lines")(() => new StreamingResponse(["{\"n\":1}\n", "{\"n\":3}\n"], { mediaType: "application/jsonl" }));
  app.get("/cut")(() => new StreamingResponse(['{"n": 1}\n'], { mediaType: "application/jsonl" }));
  return app;
}

const ALIKE: Case[] = [
  { name: "floats with a zero fraction", method: "GET", path: "/float", expect: 200 },
  { name: "two cookies", method: "GET", path: "/cookies", expect: 200 },
  { name: "int path param", method: "GET", path: "/items/5", expect: 200 },
  { name: "int_parsing 422, byte for byte", method: "GET", path: "/items/x", expect: 422, exact: true },
  { name: "405 with allow", method: "GET", path: "/only-post", expect: 405 },
  { name: "plain text", method: "GET", path: "/text", expect: 200 },
  { name: "relative redirect", method: "GET", path: "/redirect", expect: 307 },
  { name: "slash redirect to an absolute URL", method: "GET", path: "/slash", expect: 307 },
  { name: "JSON lines, 1.0 against 1", method: "GET", path: "/lines", expect: 200 },
  {
    name: "echo: duplicate headers and raw bytes",
    method: "POST",
    path: "/echo?a=1&a=2",
    headers: [["X-Token", "one"], ["x-token", "two"]],
    body: new Uint8Array([0xff, 0x00, 0x41]),
    expect: 200,
  },
  { name: "echo: urlencoded form", method: "POST", path: "/echo", form: { a: ["1", "2"], b: "é &" }, expect: 200 },
  { name: "echo: multipart", method: "POST", path: "/echo", form: { token: "t" }, files: [{ field: "f", filename: "a.txt", content: "hi" }], expect: 200 },
  { name: "echo: cookies and json", method: "POST", path: "/echo", cookies: { a: "1", b: "2" }, json: { x: [1, 2] }, expect: 200 },
  { name: "echo: POST without body", method: "POST", path: "/echo", expect: 200 },
  { name: "a stream cut off after its first line", method: "GET", path: "/cut", expect: 200 },
];

let py: Target | null = null;
let ts: Target | null = null;
let lying: Target | null = null;

test.before(async () => {
  if (!enabled) return;
  [py, ts, lying] = await Promise.all([startPython("harness_selftest"), startTs(twin()), startTs(liar())]);
});

test.after(async () => {
  await Promise.all([py?.close(), ts?.close(), lying?.close()]);
});

function sides(): [Target, Target, Target] {
  assert.ok(py !== null && ts !== null && lying !== null, "servers started");
  return [py as Target, ts as Target, lying as Target];
}

test("a TS app that answers as FastAPI does passes every case", async () => {
  if (!enabled) return;
  const [python, typescript] = sides();
  for (const c of ALIKE) assert.is((await send(python, c)).status, c.expect, `${c.name}: FastAPI's status`);
  await compare(ALIKE, python, typescript);
});

test("duplicate headers, their case and order, and exact body bytes reach both servers", async () => {
  if (!enabled) return;
  for (const target of sides().slice(0, 2)) {
    const reply = await send(target, ALIKE[9]);
    const echoed = JSON.parse(reply.body.toString()) as { query: string; headers: string[][]; body: string };
    assert.is(echoed.body, "ff0041", `${target.label}: body bytes`);
    assert.is(echoed.query, "a=1&a=2", `${target.label}: query string`);
    const tokens = echoed.headers.filter(([k]) => k.toLowerCase() === "x-token").map(([, v]) => v);
    assert.equal(tokens, ["one", "two"], `${target.label}: both x-token lines, in order`);
  }
});

test("floats with a zero fraction: equal as JSON, different in exact mode", async () => {
  if (!enabled) return;
  const [python, typescript] = sides();
  assert.equal(await diffCases([ALIKE[0], ALIKE[8]], python, typescript), []);
  const blocks = await diffCases([{ ...ALIKE[0], exact: true }], python, typescript);
  assert.is(blocks.length, 1, blocks.join("\n"));
  assert.match(blocks[0], 'body differs from character 10: python "{\\"value\\":1.0,');
});

test("every mismatch of a case list is reported, in one assertion", async () => {
  if (!enabled) return;
  const [python, , wrong] = sides();
  const cases = ALIKE.filter((c) => !c.path.startsWith("/echo") && c.path !== "/slash" && c.path !== "/items/5");
  const blocks = await diffCases(cases, python, wrong);
  const text = blocks.join("\n");
  for (const line of [
    "body.value: python 1, ts 2",
    "body.list: python has 2 items, ts 1",
    'body: keys in another order: python ["value","half","list"], ts ["half","value","list"]',
    'set-cookie names: python ["a","b"], ts ["a"]',
    'body differs from character 65: python "arsing\\",\\"loc\\"',
    'header content-type: python "application/json", ts "text/plain; charset=utf-8"',
    'header allow: python "POST", ts "POST, DELETE"',
    'body differs from character 6: python "hello\\nworld", ts "hello\\nWorld"',
    'header location: python "/echo", ts "/elsewhere"',
    "lines[1].n: python 2, ts 3",
    "response: python cut off after 9 bytes (aborted), ts complete",
  ]) {
    assert.ok(text.includes(line), `report lacks ${JSON.stringify(line)}:\n${text}`);
  }
  try {
    await compare(cases, python, wrong);
  } catch (err) {
    const message = (err as Error).message;
    assert.ok(message.startsWith(`${blocks.length} of ${cases.length} cases differ`), message);
    for (const c of cases.slice(0, 3)) assert.ok(message.includes(`✘ ${c.name} (GET ${c.path})`), `${c.name} in\n${message}`);
    assert.match(message, /\n\npython log:\n[\s\S]*RuntimeError: cut off mid-stream/);
    return;
  }
  assert.unreachable("compare() should have thrown");
});

test('compare: "status+loc" looks at each error\'s loc and type only', async () => {
  if (!enabled) return;
  const [python, , wrong] = sides();
  const msgOnly: Case = { name: "msg differs", method: "GET", path: "/items/x", compare: "status+loc" };
  const locToo: Case = { name: "loc differs", method: "GET", path: "/items/y", compare: "status+loc" };
  assert.equal(await diffCases([msgOnly], python, wrong), []);
  const plain = await diffCases([{ ...msgOnly, compare: undefined }], python, wrong);
  assert.match(plain.join(), 'body.detail[0].msg: python "Input should be a valid integer, unable to parse string as an integer", ts "Expected an integer"');
  const blocks = await diffCases([locToo], python, wrong);
  assert.match(blocks.join(), 'body.detail[0].loc[0]: python "path", ts "query"');
  assert.equal(await diffCases([{ ...msgOnly, compare: "status" }, { ...locToo, compare: "status" }], python, wrong), []);
});

test("pythonOnly cases are left out of the comparison", async () => {
  if (!enabled) return;
  const [python, , wrong] = sides();
  assert.equal(await diffCases([{ ...ALIKE[5], pythonOnly: "the TS side words it otherwise" }], python, wrong), []);
});

test("a request either side cannot answer is a mismatch, not a crash", async () => {
  if (!enabled) return;
  const [python, typescript] = sides();
  await python.close();
  try {
    const blocks = await diffCases([ALIKE[0]], python, typescript);
    assert.match(blocks.join(), "✘ floats with a zero fraction (GET /float)\n    python: request failed: connect ECONNREFUSED");
  } finally {
    py = await startPython("harness_selftest");
  }
});

test("buildRequest: bodies, content types, cookies, lengths", () => {
  const multipart = buildRequest(ALIKE[11]);
  assert.match(multipart.body?.toString() ?? "", 'content-disposition: form-data; name="f"; filename="a.txt"\r\ncontent-type: application/octet-stream\r\n\r\nhi\r\n');
  const text = multipart.body?.toString() ?? "";
  assert.ok(text.indexOf('name="token"') >= 0 && text.indexOf('name="token"') < text.indexOf('name="f"'), "fields before files");
  assert.ok(text.endsWith("------starlette-ts-differential-boundary--\r\n"), "closing boundary");
  const untyped = buildRequest({ name: "no type", method: "POST", path: "/", files: [{ field: "f", filename: "x", content: "y", contentType: null }] });
  assert.not.match(untyped.body?.toString() ?? "", "content-type", "a part without a content-type line");
  const form = buildRequest(ALIKE[10]);
  assert.is(form.body?.toString(), "a=1&a=2&b=%C3%A9+%26");
  assert.equal(form.headers, [["content-type", "application/x-www-form-urlencoded"], ["content-length", "20"]]);
  const json = buildRequest(ALIKE[12]);
  assert.equal(json.headers, [["content-type", "application/json"], ["cookie", "a=1; b=2"], ["content-length", "11"]]);
  assert.equal(buildRequest(ALIKE[13]).headers, [["content-length", "0"]]);
  assert.equal(buildRequest({ name: "get", method: "get", path: "/" }), { method: "GET", path: "/", headers: [], body: null });
  const own = buildRequest({ name: "own type", method: "POST", path: "/", json: 1, headers: [["Content-Type", "text/plain"]] });
  assert.equal(own.headers, [["Content-Type", "text/plain"], ["content-length", "1"]]);
  assert.throws(() => buildRequest({ name: "two", method: "POST", path: "/", json: 1, body: "1" }), /at most one of json, body, form\/files/);
  assert.throws(() => buildRequest({ name: "both", method: "GET", path: "/", exact: true, compare: "status" }), /contradict/);
});

test("jsonDiff: absent keys, kinds, arrays, ignoreKeyOrder", () => {
  assert.equal(jsonDiff({ a: 1, b: [1] }, { a: 1, b: [1] }), []);
  assert.equal(jsonDiff({ a: 1 }, { b: 1 }), ["body.a: python 1, ts (absent)", "body.b: python (absent), ts 1"]);
  assert.equal(jsonDiff({ "x-y": null }, { "x-y": 0 }), ['body["x-y"]: python null, ts 0']);
  assert.equal(jsonDiff({ a: 1, b: 2 }, { b: 2, a: 1 }, "body", true), []);
  assert.equal(jsonDiff(1.0, 1), []);
  const many = jsonDiff(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => -i - 1));
  assert.is(many.length, 21, "twenty lines, then an ellipsis");
  assert.is(many[20], "…");
});

test("startPython: an app that cannot load fails with uvicorn's output", async () => {
  if (!enabled) return;
  try {
    await startPython("no_such_module_here");
  } catch (err) {
    assert.match((err as Error).message, /uvicorn for no_such_module_here exited with 3:\nERROR: +Error loading ASGI app\. Could not import module "no_such_module_here"/);
    return;
  }
  assert.unreachable("startPython should have failed");
});

test("startPythonMany: several twins at once, or none when one fails", async () => {
  if (!enabled) return;
  const servers = await startPythonMany(["path_params", "cookie_params"]);
  try {
    assert.is((await send(servers.get("path_params") as Target, { name: "p", method: "GET", path: "/items/3" })).body.toString(), '{"item_id":3}');
    assert.is((await send(servers.get("cookie_params") as Target, { name: "c", method: "GET", path: "/items/" })).body.toString(), '{"ads_id":null}');
  } finally {
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
  try {
    await startPythonMany(["path_params", "no_such_twin"]);
  } catch (err) {
    assert.match((err as Error).message, "uvicorn for no_such_twin exited");
    return;
  }
  assert.unreachable("startPythonMany should have failed");
});

// Each cases/<chapter>.ts against tests/python/fastapi_apps/<chapter>.py: the case lists
// must exercise what they claim (an "invalid" case really gets FastAPI's 422, ...).
test("cases: every case gets from FastAPI the status it claims", async () => {
  if (!enabled) return;
  const chapters = readdirSync(new URL("./cases/", import.meta.url)).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
  const twins = readdirSync(PYTHON_APPS).filter((f) => f.endsWith(".py") && !f.startsWith("_") && f !== "harness_selftest.py").map((f) => f.replace(/\.py$/, ""));
  assert.equal(chapters.sort(), twins.sort(), "one case file per Python twin");
  // One uvicorn for all the twins, each chosen by Host: a status check needs no more.
  const server = await startPython("_by_host");
  const problems: string[] = [];
  try {
    for (const chapter of chapters) {
      const { cases } = (await import(`./cases/${chapter}.ts`)) as { cases: Case[] };
      const names = new Set<string>();
      for (const c of cases) {
        const where = `${chapter}: ${c.name} (${c.method} ${c.path})`;
        if (names.has(c.name)) problems.push(`${where}: duplicate case name`);
        names.add(c.name);
        if (c.expect === undefined) {
          problems.push(`${where}: no expect`);
          continue;
        }
        const request = buildRequest(c);
        request.headers.unshift(["host", chapter]);
        const reply = await send(server, request);
        if (reply.status !== c.expect) problems.push(`${where}: FastAPI gives ${reply.status}, the case claims ${c.expect}: ${reply.body.toString().slice(0, 300)}`);
        if (c.compare === "status+loc") {
          const body = JSON.parse(reply.body.toString()) as { detail?: unknown };
          if (!Array.isArray(body.detail)) problems.push(`${where}: status+loc, but FastAPI's body has no detail list`);
        }
      }
    }
  } finally {
    await server.close();
  }
  assert.ok(problems.length === 0, problems.join("\n"));
});

test.run();

// differential() wires the servers and one comparison test onto a suite of its own.
const wired = suite("differential()");
differential(wired, { python: "harness_selftest", ts: twin, cases: ALIKE, title: "harness_selftest against the twin" });
wired.run();
