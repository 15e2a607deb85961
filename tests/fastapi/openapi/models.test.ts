// Port of what FastAPI's get_openapi ends with, `jsonable_encoder(OpenAPI(**output),
// by_alias=True, exclude_none=True)`, and Starlette's JSONResponse of it: documents given to
// dumpOpenapi + openapiJson (src/fastapi/openapi/models.ts) and to FastAPI's models, the two
// /openapi.json bodies compared byte for byte. Each document picks at the models' unions: which
// member pydantic's smart union takes decides the order of keys, the floats, the defaults.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dumpOpenapi, openapiJson, setKeyOrder, withOrderOf } from "../../../src/fastapi/openapi/models.js";
import { fastapiPages, haveFastAPI, textDifferences } from "./helpers.js";

type Json = Record<string, unknown>;

const INFO = { title: "T", version: "1" };
const RESPONSES = { 200: { description: "OK" } };

/** Documents as get_openapi's `output`: what FastAPI's models make of them is the expectation. */
const DOCUMENTS: Record<string, Json> = {
  // paths: dict[str, PathItem | Any]: a path item that validates strictly is a PathItem, in the
  // models' order; one that needs a lax conversion (an enum from a string, a URL, a set) is Any.
  paths: {
    paths: {
      "/model": { get: { responses: RESPONSES, security: [{ k: [] }], operationId: "m", summary: "S", "x-b": { b: 1, a: null } } },
      "/enum": { get: { security: [{ k: [] }], parameters: [{ name: "q", in: "query", required: true, schema: { type: "integer", minimum: 1 } }], responses: RESPONSES } },
      "/url": { get: { responses: RESPONSES, externalDocs: { url: "https://example.com" } } },
      "/set": { post: { requestBody: { content: { "application/json": { schema: { dependentRequired: { a: ["b"] } } } }, required: true }, responses: RESPONSES } },
      "/not-a-path-item": "x",
      // What no model takes: FastAPI's union falls back to Any (the path item as it is given).
      "/bad-int": { get: { responses: { 200: { description: "OK", content: { "application/json": { schema: { maxLength: "x" } } } } } } },
      "/negative": { get: { responses: { 200: { description: "OK", content: { "application/json": { schema: { maxItems: -1 } } } } } } },
      "/bad-float": { get: { responses: RESPONSES, requestBody: { content: { "application/json": { schema: { minimum: "abc" } } } } } },
      "/bad-enum": { get: { parameters: [{ name: "q", in: "body" }], responses: RESPONSES } },
      "/bad-bool": { get: { deprecated: "maybe", responses: RESPONSES } },
      "/bad-list": { get: { tags: { a: 1 }, responses: RESPONSES } },
      "/bad-str": { get: { tags: [{ a: 1 }], responses: RESPONSES } },
      "/null-in-dict": { get: { responses: { 200: { description: "OK", content: { "application/json": null } } } } },
      "/none-required": { get: { responses: { 200: { description: null } } } },
      "/strict": {
        post: {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", title: "B", minimum: 2, maximum: 2.5, exclusiveMinimum: 1e21, multipleOf: 1e-7, "x-a": 1, properties: { a: { title: "A", type: "string" } } },
                examples: { one: { value: { b: null, a: 1 }, summary: "One", "x-e": 1 }, ref: { $ref: "#/components/examples/x" } },
                encoding: { a: { headers: { "X-A": { schema: { type: "string" }, description: "d" } }, contentType: "text/plain" } },
              },
            },
          },
          responses: { 200: { description: "OK", links: { l: { server: { url: "https://example.com" }, operationId: "o" } }, headers: { H: { $ref: "#/components/headers/H" } } } },
          callbacks: { cb: { "{$url}": { post: { responses: RESPONSES } } } },
        },
      },
    },
  },
  // Lax conversions where no Any competes: the models convert, and dump the converted value.
  lax: {
    webhooks: {
      hook: {
        post: {
          parameters: [{ name: "q", in: "query", schema: { type: "integer", maximum: true, uniqueItems: "yes", maxLength: "5", minLength: true } }, { $ref: "#/components/parameters/P" }],
          externalDocs: { url: "https://example.com" },
          requestBody: { content: { "application/json": { schema: { $ref: "#/x", multipleOf: 0 } } } },
          responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/x", minimum: true, description: "d" } } } } },
          callbacks: { cb: { "{$url}": { post: { parameters: [{ in: "header", name: "h" }], responses: RESPONSES } } } },
        },
      },
      ref: { $ref: "#/components/pathItems/P" },
    },
    components: {
      schemas: {
        A: { properties: { a: { type: ["string", "null"], examples: [null, 1], const: "x", exclusiveMaximum: "2.5" } }, type: "object", readOnly: "off", writeOnly: 1, dependentRequired: { a: ["b"] }, discriminator: { mapping: { a: "#/A" }, propertyName: "k", extra: 1 } },
        B: { xml: { wrapped: true, name: "b" }, externalDocs: { url: "http://example.com/a b", description: "d" }, additionalProperties: false, not: true, $defs: { C: { type: "string" } } },
      },
      securitySchemes: {
        key: { name: "k", in: "header", description: "A key" },
        basic: { scheme: "basic", type: "http" },
        bearer: { bearerFormat: "JWT", scheme: "bearer", type: "http" },
        oauth: { flows: { password: { tokenUrl: "t" }, implicit: { authorizationUrl: "a", scopes: { read: "Read" }, refreshUrl: "r" } }, type: "oauth2" },
        oid: { openIdConnectUrl: "/o", type: "openIdConnect" },
        other: { $ref: "#/components/securitySchemes/key" },
      },
      callbacks: { c: { "{$url}": { get: { responses: RESPONSES } } }, r: { $ref: "#/x" }, any: 1 },
      examples: { e: { value: 1, externalValue: "https://example.com" } },
      "x-c": 1,
    },
  },
  // The document's own metadata: models all the way.
  metadata: {
    externalDocs: { url: "https://example.com", description: "d" },
    tags: [{ externalDocs: { url: "https://example.com/docs" }, name: "t", "x-t": 1 }],
    servers: [{ variables: { v: { default: "a", enum: ["a", "b"] } }, url: "https://example.com" }, { url: "/relative" }],
    info: { version: "1", contact: { email: "a@example.com", url: "https://example.com", name: "n" }, license: { url: "https://example.com", name: "MIT" }, title: "T", "x-logo": { url: "l" } },
    openapi: "3.1.0",
    security: [{ k: ["a", "b"] }],
    "x-top": [1, null, { a: null }],
  },
};

for (const doc of Object.values(DOCUMENTS)) {
  doc.openapi ??= "3.1.0";
  doc.info ??= INFO;
}

let python: Record<string, { openapi_text?: string | null; error?: string }> = {};

test.before(() => {
  if (!haveFastAPI()) return;
  const snippet = (doc: Json): string =>
    [
      "import json",
      "from fastapi import FastAPI",
      "from fastapi.encoders import jsonable_encoder",
      "from fastapi.openapi.models import OpenAPI",
      "app = FastAPI()",
      `DOC = json.loads(${JSON.stringify(JSON.stringify(doc))})`,
      "app.openapi = lambda: jsonable_encoder(OpenAPI(**DOC), by_alias=True, exclude_none=True)",
    ].join("\n");
  python = fastapiPages({ snippets: Object.fromEntries(Object.entries(DOCUMENTS).map(([name, doc]) => [name, snippet(doc)])) });
});

for (const [name, doc] of Object.entries(DOCUMENTS)) {
  test(`${name}: FastAPI's models dump the document so`, () => {
    const ours = openapiJson(dumpOpenapi(structuredClone(doc)));
    if (!haveFastAPI()) return;
    const py = python[name];
    assert.is(py.error, undefined, py.error);
    assert.equal(textDifferences(py.openapi_text as string, ours), [], `${name}: the bodies differ`);
  });
}

test("dumpOpenapi: the refs given their final form, wherever they are", () => {
  const doc = dumpOpenapi({ openapi: "3.1.0", info: INFO, components: { schemas: { A: { $ref: "#x", default: { $ref: "#y" } } } }, "x-any": { $ref: "#z" } }, (ref) => ref.toUpperCase());
  assert.equal(doc.components?.schemas?.A, { $ref: "#X", default: { $ref: "#Y" } });
  assert.equal(doc["x-any"], { $ref: "#Z" });
});

test("dumpOpenapi: what fits no member of a union is written as it is (FastAPI raises)", () => {
  const doc = dumpOpenapi({ openapi: "3.1.0", info: INFO, components: { schemas: { A: 5, B: { type: "nope" } }, securitySchemes: { s: [1] } }, tags: "t", servers: [null] });
  assert.equal(doc.components?.schemas, { A: 5, B: { type: "nope" } });
  assert.equal(doc.components?.securitySchemes, { s: [1] });
  assert.equal([doc.tags, doc.servers], ["t", [null]]);
  // A model's field of the wrong kind: no conversion is tried.
  assert.equal(dumpOpenapi({ openapi: 3, info: { title: { a: 1 }, version: "1" } }).info, { title: { a: 1 }, version: "1" });
});

test("dumpOpenapi: a key named __proto__ is a key, in a model as in a dict", () => {
  const doc = dumpOpenapi(JSON.parse('{"openapi": "3.1.0", "info": {"title": "T", "version": "1", "__proto__": {"a": 1}}, "x": {"__proto__": 1}}') as Json);
  assert.ok(Object.hasOwn(doc.info, "__proto__"));
  assert.ok(Object.hasOwn(doc.x as object, "__proto__"));
  assert.is(({} as Json).a, undefined);
  assert.is(openapiJson(doc), '{"openapi":"3.1.0","info":{"title":"T","version":"1","__proto__":{"a":1}},"x":{"__proto__":1}}');
});

test("dumpOpenapi: a key whose value is undefined is no key (JSON has no undefined)", () => {
  const doc = dumpOpenapi({ openapi: "3.1.0", info: { title: "T", summary: undefined, version: "1" }, paths: { "/a": undefined } });
  assert.equal(Object.keys(doc.info), ["title", "version"]);
  assert.equal(doc.paths, {});
});

test("openapiJson: Python's json.dumps as Starlette's JSONResponse calls it", () => {
  assert.is(openapiJson({ s: 'é "q" \\ \n \u0001 \u2028', n: [1, 1.5, 1e-7, 1e16, -2], t: true, f: false, z: null }), '{"s":"é \\"q\\" \\\\ \\n \\u0001 \u2028","n":[1,1.5,1e-07,1e+16,-2],"t":true,"f":false,"z":null}');
  // What JSON has no word for: left out of an object, null in an array, as JSON.stringify does.
  assert.is(openapiJson({ u: undefined, f: () => 1, s: Symbol("s"), a: [undefined, () => 1] }), '{"a":[null,null]}');
  assert.throws(() => openapiJson({ n: NaN }), (err: Error) => err instanceof RangeError && /Out of range float values are not JSON compliant/.test(err.message));
  assert.throws(() => openapiJson([Infinity]), RangeError);
});

test("setKeyOrder: the order a JS object cannot keep, keys added later after it, keys removed left out", () => {
  const responses: Json = { 201: { description: "Created" }, 200: { description: "Also" } };
  setKeyOrder(responses, ["201", "200", "gone"]);
  responses[422] = { description: "Validation Error" };
  assert.is(openapiJson(responses), '{"201":{"description":"Created"},"200":{"description":"Also"},"422":{"description":"Validation Error"}}');
  // Copies keep it: the dump, and a copy made with withOrderOf.
  assert.is(openapiJson(dumpOpenapi({ openapi: "3.1.0", info: INFO, "x-r": responses })["x-r"]), openapiJson(responses));
  assert.is(openapiJson(withOrderOf(responses, { ...responses })), openapiJson(responses));
});

test.run();
