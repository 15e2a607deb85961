// Differential test of docs_src/body_nested_models: the real FastAPI (tests/python/fastapi_apps/body_nested_models.py)
// and its TS twin (tests/fastapi/apps/body_nested_models.ts), with each kit's schemas, answer
// tests/fastapi/cases/body_nested_models.ts alike.
import { makeApp } from "../apps/body_nested_models.js";
import { cases } from "../cases/body_nested_models.js";
import { differentialKits } from "../kits/differential.js";

const NO_HTTP_URL = "no http(s)-only URL check: the scheme is tested by a check of the user's (pydantic's value_error), where HttpUrl's error is url_scheme";

differentialKits({
  python: "body_nested_models",
  makeApp,
  cases,
  skip: {
    valibot: { "t005: ftp is not http": `valibot has ${NO_HTTP_URL}` },
    arktype: {
      "t005: ftp is not http": `arktype has ${NO_HTTP_URL}`,
      "t006: second image invalid": "two errors in one model come in arktype's key order (name before url: it sorts required keys), where pydantic's follow the declaration",
    },
  },
});
