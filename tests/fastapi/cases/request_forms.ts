// Cases for tests/python/fastapi_apps/request_forms.py (docs_src/request_forms).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "urlencoded", method: "POST", path: "/login/", form: { username: "johndoe", password: "secret" }, expect: 200 },
  { name: "multipart without files", method: "POST", path: "/login/", form: { username: "johndoe", password: "secret" }, files: [], expect: 200 },
  { name: "plus and percent-encoding", method: "POST", path: "/login/", body: "username=john+doe%26co&password=x", headers: [["content-type", "application/x-www-form-urlencoded"]], expect: 200 },
  { name: "non-ASCII username", method: "POST", path: "/login/", form: { username: "jöhn 😀", password: "x" }, expect: 200 },
  { name: "password missing", method: "POST", path: "/login/", form: { username: "johndoe" }, expect: 422, exact: true },
  { name: "both missing", method: "POST", path: "/login/", form: {}, expect: 422, exact: true },
  { name: "empty password counts as missing", method: "POST", path: "/login/", form: { username: "johndoe", password: "" }, expect: 422, exact: true },
  { name: "empty username counts as missing", method: "POST", path: "/login/", body: "username=&password=x", headers: [["content-type", "application/x-www-form-urlencoded"]], expect: 422, exact: true },
  { name: "duplicate username: the last wins", method: "POST", path: "/login/", form: [["username", "first"], ["username", "second"], ["password", "x"]], expect: 200 },
  { name: "extra fields ignored", method: "POST", path: "/login/", form: { username: "a", password: "b", remember: "on", __proto__x: "y" }, expect: 200 },
  { name: "a __proto__ field", method: "POST", path: "/login/", body: "__proto__=x&username=a&password=b", headers: [["content-type", "application/x-www-form-urlencoded"]], expect: 200 },
  { name: "JSON instead of a form", method: "POST", path: "/login/", json: { username: "a", password: "b" }, expect: 422, exact: true },
  { name: "no content-type", method: "POST", path: "/login/", body: "username=a&password=b", expect: 422, exact: true },
  { name: "no body", method: "POST", path: "/login/", expect: 422, exact: true },
  { name: "multipart without a boundary", method: "POST", path: "/login/", body: "username=a", headers: [["content-type", "multipart/form-data"]], expect: 400 },
  { name: "malformed multipart", method: "POST", path: "/login/", body: "garbage", headers: [["content-type", "multipart/form-data; boundary=xyz"]], expect: 400 },
  { name: "a field without = in urlencoded", method: "POST", path: "/login/", body: "username&password=b", headers: [["content-type", "application/x-www-form-urlencoded"]], expect: 422, exact: true },
  { name: "a 10 000-character password", method: "POST", path: "/login/", form: { username: "a", password: "p".repeat(10_000) }, expect: 200 },
  { name: "a file where a field is expected", method: "POST", path: "/login/", form: { username: "a" }, files: [{ field: "password", filename: "p.txt", content: "secret" }], expect: 422, compare: "status+loc" },
];
