// No Python counterpart: the OpenAPI documents of the tutorial samples. Each exchange of a sample
// marked `pythonOnly` whose FastAPI answer is JSON (its /openapi.json) is asked of the TS app too:
// status and content type alike, the documents equal whatever the order of keys, and the TS
// document a valid OpenAPI 3.1 one. Without the venv the TS documents are still built and validated.
import type { Test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../../src/testclient.js";
import { assertValidDocument, differences } from "../fastapi/openapi/helpers.js";
import type { Answer, Exchange, ExchangeOptions, Sample } from "./_samples.js";

/** Lines of `differences` a sample's document has by design: a pattern, and why. */
export type ByDesign = Record<string, Array<[RegExp, string]>>;

const options = (exchange: Exchange): ExchangeOptions => (typeof exchange === "string" ? { path: exchange } : exchange);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One test per document: "<module>.ts: GET <path> as FastAPI's, key order aside". `byDesign`
 * lists, by module, the lines of difference that are meant (each must still occur: a stale entry fails).
 */
export function compareDocuments(test: Test, samples: Sample[], python: Answer[][] | null, byDesign: ByDesign = {}): void {
  samples.forEach((sample, i) => {
    const app = sample.app;
    if (app === null) return;
    sample.requests.forEach((exchange, j) => {
      const { pythonOnly, path, method = "GET" } = options(exchange);
      if (!pythonOnly) return;
      test(`${sample.module}.ts: ${method} ${path} as FastAPI's, key order aside`, async () => {
        const ts = await new TestClient(app).request(method, path);
        const doc = parse(ts.text);
        if (ts.statusCode === 200) await assertValidDocument(doc, `${sample.module}.ts ${path}`);
        const py = python?.[i][j];
        if (py === undefined) return;
        assert.is(ts.statusCode, py.status, `${sample.module}: ${path}: status`);
        assert.is(ts.headers.get("content-type"), py.headers.get("content-type"), `${sample.module}: ${path}: content-type`);
        const found = differences(parse(py.body), doc);
        const known = byDesign[sample.module] ?? [];
        const unexpected = found.filter((line) => !known.some(([pattern]) => pattern.test(line)));
        const stale = known.filter(([pattern]) => !found.some((line) => pattern.test(line))).map(([pattern, why]) => `${pattern} (${why})`);
        assert.equal(unexpected, [], `${sample.module}: ${path} differs from FastAPI's`);
        assert.equal(stale, [], `${sample.module}: ${path}: differences by design that no longer occur`);
      });
    });
  });
}
