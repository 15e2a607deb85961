// Differential test of the OpenAPI documents of FastAPI's tutorial chapters: for every chapter
// with a Python twin (tests/python/fastapi_apps) and a TS twin (tests/fastapi/apps), the
// /openapi.json both serve compared byte for byte (key order and Python's floats included), and
// /docs, /redoc and /docs/oauth2-redirect too. The places where they still differ are listed
// below, each with its reason, and compared with key order everywhere else in the same document;
// a listed difference that no longer occurs fails too (a stale entry).
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FastAPI } from "../../../src/fastapi/index.js";
import { TestClient } from "../../../src/fastapi/testclient.js";
import { zodKit } from "../kits/zod.js";
import type { Kit } from "../kits/kit.js";
import { assertValidDocument, fastapiPages, haveFastAPI, textDifferences, warned, type FastAPIPages } from "./helpers.js";

const APPS = fileURLToPath(new URL("../apps/", import.meta.url));
const TWINS = fileURLToPath(new URL("../../python/fastapi_apps/", import.meta.url));
const CHAPTERS = readdirSync(APPS)
  .filter((f) => f.endsWith(".ts") && existsSync(TWINS + f.replace(/\.ts$/, ".py")))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const SET = "pydantic's set[str] is an array of unique items, its default set() the list []; the kits' set is a list made a Set by a transform: no uniqueItems, and a Set default has no JSON form";

/** Differences that remain, by chapter: a pattern matching the difference's line, and why. */
const KNOWN: Record<string, Array<[RegExp, string]>> = {
  bigger_applications: [
    [
      /^\/paths\/~1items~1\{item_id\}\/put\/responses: key order: python \["200","404","403","422"\], ts \["200","403","404","422"\]$/,
      "the router's responses ({404}) merged with the route's ({403}) are a JS object, which lists integer-like keys in ascending order; FastAPI's dict keeps 404 first",
    ],
  ],
  body_nested_models: [
    [/^\/components\/schemas\/Image\/properties\/url\/(maxLength: python 2083|minLength: python 1), ts \(absent\)$/, "pydantic's HttpUrl has a length of 1 to 2083; zod's z.httpUrl() none"],
    [/^\/components\/schemas\/Item(00[345])?\/properties\/tags\/uniqueItems: python true, ts \(absent\)$/, SET],
    [/^\/components\/schemas\/Item(00[345])?\/properties\/tags\/default: python \[\], ts \(absent\)$/, SET],
  ],
  extra_data_types: [
    [/^\/paths\/~1items~1\{item_id\}\/put\/parameters\[0\]\/schema\/pattern: python \(absent\), ts "/, "zod's z.guid() writes its regular expression beside format: uuid"],
    [/^\/components\/schemas\/Body_read_items_items__item_id__put\/properties\/(start|end)_datetime\/format: python "date-time", ts \(absent\)$/, "zod's z.iso.datetime({ local: true }) accepts datetimes without an offset, which format: date-time does not: it writes no format"],
    [/^\/components\/schemas\/Body_read_items_items__item_id__put\/properties\/(start_datetime|end_datetime|process_after|repeat_at\/anyOf\[0\])\/pattern: python \(absent\), ts "/, "zod writes the regular expression of its ISO formats; pydantic none"],
    [/^\/components\/schemas\/Body_read_items_items__item_id__put\/properties\/repeat_at\/anyOf\[0\]\/format: python "time", ts \(absent\)$/, "zod's z.iso.time() writes a pattern, no format"],
  ],
};

/** Warnings the TS twins give while their documents are built, by chapter, with why. */
const EXPECTED_WARNINGS: Record<string, Array<[RegExp, string]>> = {};

let python: Record<string, FastAPIPages> = {};

test.before(() => {
  if (haveFastAPI()) python = fastapiPages({ chapters: CHAPTERS });
});

/** The chapter's TS app (with zod's kit where it is written in kits); null for an app that is no FastAPI. */
async function tsApp(chapter: string): Promise<FastAPI | null> {
  const mod = (await import(`../apps/${chapter}.js`)) as { app?: unknown; makeApp?: (kit: Kit) => unknown };
  const app = mod.app ?? (mod.makeApp as (kit: Kit) => unknown)(zodKit);
  return app instanceof FastAPI ? app : null;
}

function unmatched(lines: string[], known: Array<[RegExp, string]>): { unexpected: string[]; stale: string[] } {
  const used = new Set<number>();
  const unexpected = lines.filter((line) => {
    const i = known.findIndex(([pattern]) => pattern.test(line));
    if (i === -1) return true;
    used.add(i);
    return false;
  });
  return { unexpected, stale: known.filter((_, i) => !used.has(i)).map(([pattern, why]) => `${pattern} (${why})`) };
}

test("every chapter with two twins is compared", () => {
  assert.ok(CHAPTERS.length >= 29, `only ${CHAPTERS.length} chapters: ${CHAPTERS.join(", ")}`);
  for (const chapter of Object.keys(KNOWN)) assert.ok(CHAPTERS.includes(chapter), `KNOWN lists ${chapter}, which has no twins`);
});

for (const chapter of CHAPTERS) {
  test(`${chapter}: /openapi.json, /docs and /redoc byte for byte as FastAPI's`, async () => {
    const app = await tsApp(chapter);
    // A chapter of Starlette's (its twin a Starlette app): no OpenAPI document on either side.
    if (app === null) return;
    const client = new TestClient(app);
    const { value: response, warnings } = await warned(() => client.get("/openapi.json"));
    assert.is(response.statusCode, 200, response.text);
    const doc = response.json() as Record<string, unknown>;
    await assertValidDocument(doc, chapter);
    const expectedWarnings = unmatched(warnings, EXPECTED_WARNINGS[chapter] ?? []);
    assert.equal(expectedWarnings.unexpected, [], `${chapter}: unexpected warnings`);
    assert.equal(expectedWarnings.stale, [], `${chapter}: warnings no longer given`);
    if (!haveFastAPI()) return;
    const py = python[chapter];
    assert.is(py.status, 200, py.error);
    const { unexpected, stale } = unmatched(textDifferences(py.openapi_text as string, response.text), KNOWN[chapter] ?? []);
    if (KNOWN[chapter] === undefined) assert.is(response.text, py.openapi_text, `${chapter}: /openapi.json`);
    assert.equal(unexpected, [], `${chapter}: the documents differ`);
    assert.equal(stale, [], `${chapter}: listed differences that no longer occur`);
    for (const page of ["docs", "redoc", "docs/oauth2-redirect"] as const) {
      const ours = await client.get("/" + page);
      assert.is(ours.text, py[page], `${chapter}: /${page}`);
    }
  });
}

test.run();
