// TS twin of tests/python/fastapi_apps/response_model.py (docs_src/response_model,
// tutorial001-006), written in a kit's schemas (tests/fastapi/kits): the same app with zod,
// valibot or arktype. A return annotation becomes `responseModel`, as FastAPI reads it.
import { Body, FastAPI, JSONResponse, Path, Query, RedirectResponse } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  const Item = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.array(s.string()), []),
  }, "Item");

  // tutorial001_01: return annotations
  app.post("/t001_01/items/", { params: { item: Body(Item) }, responseModel: Item, name: "create_item_001_01" }, async function createItem00101({ item }) {
    return item;
  });

  app.get("/t001_01/items/", { responseModel: s.array(Item), name: "read_items_001_01" }, async function readItems00101() {
    return [s.parse(Item, { name: "Portal Gun", price: 42.0 }), s.parse(Item, { name: "Plumbus", price: 32.0 })];
  });

  // tutorial001: response_model=
  app.post("/t001/items/", { params: { item: Body(Item) }, responseModel: Item }, async function createItem001({ item }) {
    return item;
  });

  app.get("/t001/items/", { responseModel: s.array(Item) }, async function readItems001() {
    return [
      { name: "Portal Gun", price: 42.0 },
      { name: "Plumbus", price: 32.0 },
    ];
  });

  // tutorial002: the input model as output (the docs' "don't do this")
  const UserIn = s.object({
    username: s.string(),
    password: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  }, "UserIn");

  app.post("/t002/user/", { params: { user: Body(UserIn) }, responseModel: UserIn }, async function createUser002({ user }) {
    return user;
  });

  // tutorial003: responseModel filters the password out
  const UserOut = s.object({
    username: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  }, "UserOut");

  app.post("/t003/user/", { params: { user: Body(UserIn) }, responseModel: UserOut }, async function createUser003({ user }) {
    return user;
  });

  // tutorial003_01: a base class as the return annotation
  // A subclass's fields: the base's, then its own.
  const baseUser = {
    username: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  };

  const BaseUser = s.object(baseUser, "BaseUser");

  const UserIn01 = s.object({ ...baseUser, password: s.string() }, "UserIn01");

  app.post("/t003_01/user/", { params: { user: Body(UserIn01) }, responseModel: BaseUser, name: "create_user_003_01" }, async function createUser00301({ user }) {
    return user;
  });

  // tutorial003_02: a Response annotation
  app.get("/t003_02/portal", { params: { teleport: Query(s.withDefault(s.boolean(), false)) }, name: "get_portal_003_02" }, async function getPortal00302({ teleport }) {
    if (teleport) {
      return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }
    return new JSONResponse({ message: "Here's your interdimensional portal." });
  });

  // tutorial003_03: a Response subclass annotation
  app.get("/t003_03/teleport", async function getTeleport() {
    return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  });

  // tutorial003_05: responseModel null beside a union annotation
  app.get("/t003_05/portal", { responseModel: null, params: { teleport: Query(s.withDefault(s.boolean(), false)) }, name: "get_portal_003_05" }, async function getPortal00305({ teleport }) {
    if (teleport) {
      return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }
    return { message: "Here's your interdimensional portal." };
  });

  // tutorial004: responseModelExcludeUnset
  const Item004 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.withDefault(s.number(), 10.5),
    tags: s.withDefault(s.array(s.string()), []),
  }, "Item004");

  // A missing key gives undefined where Python raises KeyError: the response model refuses it, a 500 as well.
  const items004: Record<string, Record<string, unknown>> = {
    foo: { name: "Foo", price: 50.2 },
    bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
    baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
  };

  app.get(
    "/t004/items/{item_id}",
    { params: { item_id: Path(s.string()) }, responseModel: Item004, responseModelExcludeUnset: true },
    async function readItem004({ item_id }) {
      return items004[item_id];
    },
  );

  // tutorial005 (sets) and tutorial006 (lists): include and exclude
  const Item005 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.withDefault(s.number(), 10.5),
  }, "Item005");

  const items005: Record<string, Record<string, unknown>> = {
    foo: { name: "Foo", price: 50.2 },
    bar: { name: "Bar", description: "The Bar fighters", price: 62, tax: 20.2 },
    baz: {
      name: "Baz",
      description: "There goes my baz",
      price: 50.2,
      tax: 10.5,
    },
  };

  app.get(
    "/t005/items/{item_id}/name",
    { params: { item_id: Path(s.string()) }, responseModel: Item005, responseModelInclude: new Set(["name", "description"]) },
    async function readItemName005({ item_id }) {
      return items005[item_id];
    },
  );

  app.get(
    "/t005/items/{item_id}/public",
    { params: { item_id: Path(s.string()) }, responseModel: Item005, responseModelExclude: new Set(["tax"]) },
    async function readItemPublicData005({ item_id }) {
      return items005[item_id];
    },
  );

  app.get(
    "/t006/items/{item_id}/name",
    { params: { item_id: Path(s.string()) }, responseModel: Item005, responseModelInclude: ["name", "description"] },
    async function readItemName006({ item_id }) {
      return items005[item_id];
    },
  );

  app.get(
    "/t006/items/{item_id}/public",
    { params: { item_id: Path(s.string()) }, responseModel: Item005, responseModelExclude: ["tax"] },
    async function readItemPublicData006({ item_id }) {
      return items005[item_id];
    },
  );

  return app;
}

export const app = makeApp(zodKit);
