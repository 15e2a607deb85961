// Differential test of docs_src/path_params: the real FastAPI (tests/python/fastapi_apps/path_params.py)
// and its TS twin (tests/fastapi/apps/path_params.ts), with each kit's schemas, answer
// tests/fastapi/cases/path_params.ts alike.
import { makeApp } from "../apps/path_params.js";
import { cases } from "../cases/path_params.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({
  python: "path_params",
  makeApp,
  cases,
  skip: {
    arktype: {
      "enum: wrong case": "arktype has no enum but a union of units: its error is literal_error where a Python Enum's is enum",
      "enum: unknown": "arktype has no enum but a union of units: its error is literal_error where a Python Enum's is enum",
    },
  },
});
