// Cases for tests/python/fastapi_apps/extra_models.py (docs_src/extra_models).
import type { Case } from "../differential.js";

const user = { username: "john", password: "secret", email: "john@example.com", full_name: "John Doe" };

export const cases: Case[] = [
  { name: "t001: UserOut without the password", method: "POST", path: "/t001/user/", json: user, expect: 200 },
  { name: "t001: full_name omitted", method: "POST", path: "/t001/user/", json: { username: "john", password: "p", email: "e" }, expect: 200 },
  { name: "t001: password missing", method: "POST", path: "/t001/user/", json: { username: "john", email: "e" }, expect: 422, exact: true },
  { name: "t001: a hashed_password sent in is ignored", method: "POST", path: "/t001/user/", json: { ...user, hashed_password: "h" }, expect: 200 },
  { name: "t002: shared base", method: "POST", path: "/t002/user/", json: user, expect: 200 },
  { name: "t002: username not a string", method: "POST", path: "/t002/user/", json: { ...user, username: 1 }, expect: 422, exact: true },
  { name: "t003: a car", method: "GET", path: "/items/item1", expect: 200 },
  { name: "t003: a plane", method: "GET", path: "/items/item2", expect: 200 },
  { name: "t003: unknown item", method: "GET", path: "/items/item3", expect: 500 },
  { name: "t004: a list", method: "GET", path: "/items/", expect: 200 },
  { name: "t005: a dict of floats", method: "GET", path: "/keyword-weights/", expect: 200 },
  { name: "t005: dict of floats, byte for byte", method: "GET", path: "/keyword-weights/", expect: 200, exact: true },
];
