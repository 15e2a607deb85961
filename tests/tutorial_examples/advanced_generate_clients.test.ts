// The samples of docs/advanced/generate-clients.md against their FastAPI twins: the answers, and
// /openapi.json whatever the order of keys. The custom unique id (tutorial003) is built from the
// handler's own name, camelCase in TypeScript: its operation IDs are the one difference, by design.
// tutorial004 (the openapi.json preprocessor) runs in both languages on each app's saved document.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app as t001 } from "../../examples/advanced/generate_clients/tutorial001.js";
import { app as t002 } from "../../examples/advanced/generate_clients/tutorial002.js";
import { app as t003 } from "../../examples/advanced/generate_clients/tutorial003.js";
import { modifyOpenapiFile } from "../../examples/advanced/generate_clients/tutorial004.js";
import { pythonName } from "../../src/fastapi/utils.js";
import { TestClient } from "../../src/testclient.js";
import { PYTHON } from "../python.js";
import { compareDocuments } from "./_openapi.js";
import { comparePairs, type Exchange, type Sample } from "./_samples.js";

const dir = "examples/advanced/generate_clients";
const openapi: Exchange = { path: "/openapi.json", pythonOnly: true };
const items: Exchange[] = [
  { method: "POST", path: "/items/", json: { name: "Plumbus", price: 5 } },
  { method: "POST", path: "/items/", json: { name: "Plumbus" } },
  "/items/",
];
const users: Exchange[] = [
  { method: "POST", path: "/users/", json: { username: "rick", email: "rick@example.com" } },
  { method: "POST", path: "/users/", json: { username: "rick" } },
];

const samples: Sample[] = [
  { module: `${dir}/tutorial001`, app: t001, requests: [...items, openapi] },
  { module: `${dir}/tutorial002`, app: t002, requests: [...items, ...users, openapi] },
  { module: `${dir}/tutorial003`, app: t003, requests: [...items, ...users, openapi] },
];

const CAMEL = "the unique id is the handler's own name, camelCase in TypeScript (createItem), snake_case in Python (create_item)";
const python = comparePairs(test, samples);
compareDocuments(test, samples, python, {
  [`${dir}/tutorial003`]: [
    [/^\/paths\/~1(items|users)~1\/(get|post)\/operationId: python "(items|users)-[a-z_]+", ts "(items|users)-[a-zA-Z]+"$/, CAMEL],
    // The response model's title is made of the unique id too: "Response_items-getItems", title-cased as Python does.
    [/^\/paths\/~1items~1\/get\/responses\/200\/content\/application~1json\/schema\/title: python "Response Items-Get Items", ts "Response Items-Getitems"$/, CAMEL],
  ],
});

type Doc = { paths: Record<string, Record<string, { operationId: string }>> };
/** The operation IDs in one order whatever the order of keys: POST /items/, GET /items/, POST /users/. */
const operationIds = (doc: Doc) => [doc.paths["/items/"].post, doc.paths["/items/"].get, doc.paths["/users/"].post].map((op) => op.operationId);

test("tutorial003: the operation IDs are the tag and the handler's name, FastAPI's the same in snake_case", async () => {
  const doc = (await new TestClient(t003).get("/openapi.json")).json() as Doc;
  const ours = operationIds(doc);
  assert.equal(ours, ["items-createItem", "items-getItems", "users-createUser"]);
  if (python === null) return;
  const theirs = operationIds(JSON.parse(python[2][5].body) as Doc);
  assert.equal(theirs, ours.map((id) => id.replace(/-(.*)/, (_, name: string) => `-${pythonName(name)}`)));
});

test("tutorial004: both scripts take the tag prefix off the operation IDs of a saved openapi.json", async () => {
  const doc = (await new TestClient(t003).get("/openapi.json")).json() as Doc;
  const work = mkdtempSync(join(tmpdir(), "generate-clients-"));
  try {
    const file = join(work, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    await modifyOpenapiFile(file);
    const ours = JSON.parse(readFileSync(file, "utf8")) as Doc;
    assert.equal(operationIds(ours), ["createItem", "getItems", "createUser"]);
    // Nothing else changed.
    for (const [path, item] of Object.entries(ours.paths)) for (const [method, op] of Object.entries(item)) op.operationId = doc.paths[path][method].operationId;
    assert.equal(ours, doc);
    if (python === null) return;
    // The Python script, on the TS document and on FastAPI's: a plain python, FastAPI not imported.
    const script = fileURLToPath(new URL(`../../${dir}/tutorial004.py`, import.meta.url));
    for (const [source, expected] of [
      [doc, ["createItem", "getItems", "createUser"]],
      [JSON.parse(python[2][5].body) as Doc, ["create_item", "get_items", "create_user"]],
    ] as const) {
      writeFileSync(file, JSON.stringify(source));
      const run = spawnSync(PYTHON, [script, file], { encoding: "utf8" });
      assert.is(run.status, 0, run.stderr);
      assert.equal(operationIds(JSON.parse(readFileSync(file, "utf8")) as Doc), expected);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
