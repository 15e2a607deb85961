// TS twin of tests/python/fastapi_apps/extra_models.py (docs_src/extra_models, tutorial001-005).
import * as z from "zod";
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

function fakePasswordHasher(raw_password: string) {
  return "supersecret" + raw_password;
}

// tutorial001: three separate models
const UserIn = z.object({
  username: z.string(),
  password: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserOut = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserInDB = z.object({
  username: z.string(),
  hashed_password: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

function fakeSaveUser(user_in: z.infer<typeof UserIn>) {
  const hashed_password = fakePasswordHasher(user_in.password);
  const user_in_db = UserInDB.parse({ ...user_in, hashed_password });
  // print("User saved! ..not really") left out: it would land amid the test output.
  return user_in_db;
}

app.post("/t001/user/", { params: { user_in: Body(UserIn) }, responseModel: UserOut }, async function createUser001({ user_in }) {
  const user_saved = fakeSaveUser(user_in);
  return user_saved;
});

// tutorial002: a shared base
const UserBase = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserIn002 = UserBase.extend({ password: z.string() });

const UserOut002 = UserBase.extend({});

const UserInDB002 = UserBase.extend({ hashed_password: z.string() });

function fakeSaveUser002(user_in: z.infer<typeof UserIn002>) {
  const hashed_password = fakePasswordHasher(user_in.password);
  const user_in_db = UserInDB002.parse({ ...user_in, hashed_password });
  return user_in_db;
}

app.post("/t002/user/", { params: { user_in: Body(UserIn002) }, responseModel: UserOut002 }, async function createUser002({ user_in }) {
  const user_saved = fakeSaveUser002(user_in);
  return user_saved;
});

// tutorial003: a union response model
const BaseItem = z.object({
  description: z.string(),
  type: z.string(),
});

const CarItem = BaseItem.extend({ type: z.string().default("car") });

const PlaneItem = BaseItem.extend({ type: z.string().default("plane"), size: z.int() });

const items: Record<string, Record<string, unknown>> = {
  item1: { description: "All my friends drive a low rider", type: "car" },
  item2: {
    description: "Music is my aeroplane, it's my aeroplane",
    type: "plane",
    size: 5,
  },
};

// An unknown item_id gives undefined (Python: KeyError): the response model refuses it, a 500 too.
app.get("/items/{item_id}", { params: { item_id: Path(z.string()) }, responseModel: z.union([PlaneItem, CarItem]) }, async function readItem({ item_id }) {
  return items[item_id];
});

// tutorial004: a list response model
const Item = z.object({
  name: z.string(),
  description: z.string(),
});

const list_items = [
  { name: "Foo", description: "There comes my hero" },
  { name: "Red", description: "It's my aeroplane" },
];

app.get("/items/", { responseModel: z.array(Item) }, async function readItems() {
  return list_items;
});

// tutorial005: a dict response model
app.get("/keyword-weights/", { responseModel: z.record(z.string(), z.number()) }, async function readKeywordWeights() {
  return { foo: 2.3, bar: 3.4 };
});
