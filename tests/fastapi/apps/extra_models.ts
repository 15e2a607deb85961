// TS twin of tests/python/fastapi_apps/extra_models.py (docs_src/extra_models, tutorial001-005),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";
import type { Infer, Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

function fakePasswordHasher(raw_password: string) {
  return "supersecret" + raw_password;
}

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  // tutorial001: three separate models
  const UserIn = s.object({
    username: s.string(),
    password: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  }, "UserIn");

  const UserOut = s.object({
    username: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  }, "UserOut");

  const UserInDB = s.object({
    username: s.string(),
    hashed_password: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  }, "UserInDB");

  function fakeSaveUser(user_in: Infer<typeof UserIn>) {
    const hashed_password = fakePasswordHasher(user_in.password);
    const user_in_db = s.parse(UserInDB, { ...user_in, hashed_password });
    // print("User saved! ..not really") left out: it would land amid the test output.
    return user_in_db;
  }

  app.post("/t001/user/", { params: { user_in: Body(UserIn) }, responseModel: UserOut }, async function createUser001({ user_in }) {
    const user_saved = fakeSaveUser(user_in);
    return user_saved;
  });

  // tutorial002: a shared base (a subclass's fields: the base's, then its own)
  const userBase = {
    username: s.string(),
    email: s.string(),
    full_name: s.orNone(s.string()),
  };

  const UserIn002 = s.object({ ...userBase, password: s.string() }, "UserIn002");

  const UserOut002 = s.object({ ...userBase }, "UserOut002");

  const UserInDB002 = s.object({ ...userBase, hashed_password: s.string() }, "UserInDB002");

  function fakeSaveUser002(user_in: Infer<typeof UserIn002>) {
    const hashed_password = fakePasswordHasher(user_in.password);
    const user_in_db = s.parse(UserInDB002, { ...user_in, hashed_password });
    return user_in_db;
  }

  app.post("/t002/user/", { params: { user_in: Body(UserIn002) }, responseModel: UserOut002 }, async function createUser002({ user_in }) {
    const user_saved = fakeSaveUser002(user_in);
    return user_saved;
  });

  // tutorial003: a union response model (a subclass may redeclare a field of its base)
  const baseItem = {
    description: s.string(),
    type: s.string(),
  };

  const CarItem = s.object({ ...baseItem, type: s.withDefault(s.string(), "car") }, "CarItem");

  const PlaneItem = s.object({ ...baseItem, type: s.withDefault(s.string(), "plane"), size: s.int() }, "PlaneItem");

  const items: Record<string, Record<string, unknown>> = {
    item1: { description: "All my friends drive a low rider", type: "car" },
    item2: {
      description: "Music is my aeroplane, it's my aeroplane",
      type: "plane",
      size: 5,
    },
  };

  // An unknown item_id gives undefined (Python: KeyError): the response model refuses it, a 500 too.
  app.get("/items/{item_id}", { params: { item_id: Path(s.string()) }, responseModel: s.union([PlaneItem, CarItem]) }, async function readItem({ item_id }) {
    return items[item_id];
  });

  // tutorial004: a list response model
  const Item = s.object({
    name: s.string(),
    description: s.string(),
  }, "Item");

  const list_items = [
    { name: "Foo", description: "There comes my hero" },
    { name: "Red", description: "It's my aeroplane" },
  ];

  app.get("/items/", { responseModel: s.array(Item) }, async function readItems() {
    return list_items;
  });

  // tutorial005: a dict response model
  app.get("/keyword-weights/", { responseModel: s.record("str", s.number()) }, async function readKeywordWeights() {
    return { foo: 2.3, bar: 3.4 };
  });

  return app;
}

export const app = makeApp(zodKit);
