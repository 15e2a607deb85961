// The samples of docs/tutorial/path-operation-configuration.md: each TS app answers as its FastAPI
// twin, and keeps on its routes the tags, summary, description and deprecation FastAPI puts in
// its OpenAPI document (asked of the Python app as /openapi.json).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { APIRoute, type FastAPI } from "../../src/fastapi/index.js";
import { IncludedRouter } from "../../src/fastapi/routing.js";
import { app as t001 } from "../../examples/tutorial/path_operation_configuration/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/path_operation_configuration/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/path_operation_configuration/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/path_operation_configuration/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/path_operation_configuration/tutorial005.js";
import { app as t006 } from "../../examples/tutorial/path_operation_configuration/tutorial006.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/path_operation_configuration";
const openapi: Exchange = { path: "/openapi.json", pythonOnly: true };
const createItem: Exchange[] = [
  { method: "POST", path: "/items/", json: { name: "Portal Gun", price: 42, tags: ["sci-fi"] } },
  { method: "POST", path: "/items/", json: { price: 42 } },
  openapi,
];
const apps: FastAPI[] = [t001, t002, t003, t004, t005, t006];

const python = comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests: createItem },
  { module: `${dir}/tutorial002`, app: t002, requests: [...createItem, { path: "/items/" }, { path: "/users/" }] },
  { module: `${dir}/tutorial003`, app: t003, requests: [{ path: "/items/" }, { path: "/users/" }, openapi] },
  { module: `${dir}/tutorial004`, app: t004, requests: createItem },
  { module: `${dir}/tutorial005`, app: t005, requests: createItem },
  { module: `${dir}/tutorial006`, app: t006, requests: [{ path: "/items/" }, { path: "/users/" }, { path: "/elements/" }, openapi] },
]);

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  responses: Record<string, { description: string }>;
}

function routes(app: FastAPI): APIRoute[] {
  return app.routes.flatMap((r) => (r instanceof APIRoute ? [r] : r instanceof IncludedRouter ? r.routes.filter((x) => x instanceof APIRoute) : []));
}

test("each TS route carries what FastAPI documents for it", () => {
  if (python === null) return;
  apps.forEach((app, i) => {
    const answer = python[i].find((a) => a.body.startsWith('{"openapi"'));
    assert.ok(answer, `tutorial00${i + 1}.py served no /openapi.json`);
    const paths = (JSON.parse(answer.body) as { paths: Record<string, Record<string, Operation>> }).paths;
    for (const route of routes(app)) {
      const method = [...(route.methods ?? [])][0].toLowerCase();
      const operation = paths[route.path][method];
      const where = `tutorial00${i + 1}: ${method} ${route.path}`;
      assert.equal(route.tags, operation.tags ?? [], `${where}: tags`);
      if (route.options.summary !== undefined) assert.is(route.options.summary, operation.summary, `${where}: summary`);
      if (route.options.description !== undefined) assert.is(route.options.description, operation.description, `${where}: description`);
      assert.is(route.options.deprecated ?? false, operation.deprecated ?? false, `${where}: deprecated`);
      const status = String(route.statusCode ?? 200);
      assert.is(route.options.responseDescription ?? "Successful Response", operation.responses[status]?.description, `${where}: response ${status}`);
    }
  });
});

test.run();
