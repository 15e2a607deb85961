// Cases for tests/python/fastapi_apps/request_forms_and_files.py (docs_src/request_forms_and_files).
import type { Case } from "../differential.js";

const file = { field: "file", filename: "a.txt", content: "hello", contentType: "text/plain" };
const fileb = { field: "fileb", filename: "b.png", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: "image/png" };

export const cases: Case[] = [
  { name: "everything", method: "POST", path: "/files/", form: { token: "foo" }, files: [file, fileb], expect: 200 },
  { name: "two token fields: the last wins; files in another order", method: "POST", path: "/files/", form: [["token", "first"], ["token", "second"]], files: [fileb, file], expect: 200 },
  { name: "fileb content-type with parameters", method: "POST", path: "/files/", form: { token: "t" }, files: [file, { ...fileb, contentType: "text/plain; charset=utf-8" }], expect: 200 },
  { name: "fileb without a content-type", method: "POST", path: "/files/", form: { token: "t" }, files: [file, { ...fileb, contentType: null }], expect: 200 },
  { name: "token missing", method: "POST", path: "/files/", files: [file, fileb], expect: 422, exact: true },
  { name: "empty token is missing", method: "POST", path: "/files/", form: { token: "" }, files: [file, fileb], expect: 422, exact: true },
  { name: "file missing", method: "POST", path: "/files/", form: { token: "t" }, files: [fileb], expect: 422, exact: true },
  { name: "everything missing", method: "POST", path: "/files/", form: {}, files: [], expect: 422, exact: true },
  { name: "urlencoded, no files possible", method: "POST", path: "/files/", form: { token: "t", file: "x", fileb: "y" }, expect: 422, exact: true },
  { name: "the token sent as a file", method: "POST", path: "/files/", files: [file, fileb, { field: "token", filename: "t.txt", content: "t" }], expect: 422, compare: "status+loc" },
  { name: "JSON body", method: "POST", path: "/files/", json: { token: "t" }, expect: 422, exact: true },
  { name: "no body", method: "POST", path: "/files/", expect: 422, exact: true },
];
