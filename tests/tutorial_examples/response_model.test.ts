// The samples of docs/tutorial/response-model.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../../src/testclient.js";
import { app as t001 } from "../../examples/tutorial/response_model/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/response_model/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/response_model/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/response_model/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/response_model/tutorial005.js";
import { app as t006 } from "../../examples/tutorial/response_model/tutorial006.js";
import { app as t007 } from "../../examples/tutorial/response_model/tutorial007.js";
import { app as t008 } from "../../examples/tutorial/response_model/tutorial008.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/response_model";
const user = { username: "rick", password: "portal-gun", email: "rick@example.com", full_name: "Rick Sanchez" };

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: t001,
    requests: [
      { method: "POST", path: "/items/", json: { name: "Plumbus", price: 3.5, secret: "not returned" } },
      { method: "POST", path: "/items/", json: { name: "Plumbus" } },
      { path: "/items/" },
    ],
  },
  { module: `${dir}/tutorial002`, app: t002, requests: [{ method: "POST", path: "/user/", json: user }] },
  {
    module: `${dir}/tutorial003`,
    app: t003,
    requests: [
      { method: "POST", path: "/user/", json: user },
      { method: "POST", path: "/user/", json: { username: "morty", password: "x", email: "morty@example.com" } },
    ],
  },
  { module: `${dir}/tutorial004`, app: t004, requests: [{ method: "POST", path: "/user/", json: user }] },
  {
    module: `${dir}/tutorial005`,
    app: t005,
    requests: [{ path: "/portal" }, { path: "/portal?teleport=true" }, { path: "/portal?teleport=maybe" }],
  },
  {
    module: `${dir}/tutorial006`,
    app: t006,
    requests: [{ path: "/portal" }, { path: "/portal?teleport=1" }],
  },
  {
    module: `${dir}/tutorial007`,
    app: t007,
    requests: [{ path: "/items/foo" }, { path: "/items/bar" }, { path: "/items/baz" }],
  },
  {
    module: `${dir}/tutorial008`,
    app: t008,
    requests: [{ path: "/items/bar/name" }, { path: "/items/foo/name" }, { path: "/items/bar/public" }, { path: "/items/foo/public" }],
  },
]);

test("tutorial005.ts and tutorial006.ts redirect with a 307 (both clients above follow it)", async () => {
  for (const app of [t005, t006]) {
    const response = await new TestClient(app, { followRedirects: false }).get("/portal?teleport=true");
    assert.is(response.statusCode, 307);
    assert.is(response.headers.get("location"), "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  }
});

test.run();
