// Cases for tests/python/fastapi_apps/request_form_models.py (docs_src/request_form_models).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "urlencoded", method: "POST", path: "/login/", form: { username: "Foo", password: "secret" }, expect: 200 },
  { name: "multipart", method: "POST", path: "/login/", form: { username: "Foo", password: "secret" }, files: [], expect: 200 },
  { name: "password missing", method: "POST", path: "/login/", form: { username: "Foo" }, expect: 422, exact: true },
  { name: "an empty password is kept (a model field is no Form param)", method: "POST", path: "/login/", form: { username: "Foo", password: "" }, expect: 200 },
  { name: "nothing sent", method: "POST", path: "/login/", form: {}, expect: 422, exact: true },
  { name: "no body", method: "POST", path: "/login/", expect: 422, exact: true },
  { name: "extra fields are dropped", method: "POST", path: "/login/", form: { username: "Foo", password: "x", extra: "y" }, expect: 200 },
  { name: "duplicate username: the last wins", method: "POST", path: "/login/", form: [["username", "a"], ["username", "b"], ["password", "x"]], expect: 200 },
  { name: "a file for a field", method: "POST", path: "/login/", form: { username: "Foo" }, files: [{ field: "password", filename: "p.txt", content: "secret" }], expect: 422, compare: "status+loc" },
  // tutorial002: extra="forbid"
  { name: "forbid: the model's own fields", method: "POST", path: "/t002/login/", form: { username: "Foo", password: "x" }, expect: 200 },
  { name: "forbid: an extra field", method: "POST", path: "/t002/login/", form: { username: "Foo", password: "x", extra: "extra" }, expect: 422, exact: true },
  { name: "forbid: an extra field given twice", method: "POST", path: "/t002/login/", form: [["username", "Foo"], ["password", "x"], ["extra", "1"], ["extra", "2"]], expect: 422, exact: true },
  { name: "forbid: an empty extra field", method: "POST", path: "/t002/login/", form: { username: "Foo", password: "x", extra: "" }, expect: 422, exact: true },
];
