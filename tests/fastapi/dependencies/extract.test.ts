// No Python test file of its own: FastAPI's request_params_to_args and _extract_form_body
// (fastapi/dependencies/utils.py) for models of params and forms, each case run through FastAPI
// (tests/fastapi/probe.ts) and through the layer, the answers compared byte for byte.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { FastAPI, Form, Header, Path, Query } from "../../../src/fastapi/index.js";
import { fastapiAnswers, type ProbeRequest, tsAnswers } from "../probe.js";
import { requirePython } from "../../python.js";

const enabled = requirePython("fastapi", "httpx");

async function alike(source: string, app: FastAPI, requests: ProbeRequest[]): Promise<void> {
  if (!enabled) return;
  const theirs = fastapiAnswers(source, requests);
  const ours = await tsAnswers(app, requests);
  requests.forEach((r, i) => assert.equal(ours[i], theirs[i], `${r.method} ${r.path} ${JSON.stringify(r.headers ?? {})} ${r.content ?? ""}`));
}

test("a header model with convertUnderscores: false reads the names as written", async () => {
  const source = `
from typing import Annotated
from fastapi import FastAPI, Header
from pydantic import BaseModel

class CommonHeaders(BaseModel):
    save_data: bool
    x_tag: list[str] = []

app = FastAPI()

@app.get("/items/")
async def read_items(headers: Annotated[CommonHeaders, Header(convert_underscores=False)]):
    return headers
`;
  const app = new FastAPI();
  const CommonHeaders = z.object({ save_data: z.boolean(), x_tag: z.array(z.string()).default([]) });
  app.get("/items/", { params: { headers: Header(CommonHeaders, { convertUnderscores: false }) } }, ({ headers }) => headers);
  await alike(source, app, [
    { method: "GET", path: "/items/", headers: { save_data: "true", x_tag: "a" } },
    { method: "GET", path: "/items/", headers: { "save-data": "true" } },
  ]);
});

test("an absent model field with a default: in the model's input as FastAPI copies it in, None aside", async () => {
  const source = `
from typing import Annotated
from fastapi import FastAPI, Form, Query
from pydantic import BaseModel

class Filter(BaseModel):
    q: str
    limit: int = 100
    tags: list[str] = []
    note: str | None = None

app = FastAPI()

@app.get("/items/")
async def read_items(f: Annotated[Filter, Query()]):
    f.tags.append("changed")
    return f

@app.post("/login/")
async def login(f: Annotated[Filter, Form()]):
    return f
`;
  const app = new FastAPI();
  const Filter = z.object({ q: z.string(), limit: z.int().default(100), tags: z.array(z.string()).default([]), note: z.string().nullable().default(null) });
  app.get("/items/", { params: { f: Query(Filter) } }, ({ f }) => {
    f.tags.push("changed");
    return f;
  });
  app.post("/login/", { params: { f: Form(Filter) } }, ({ f }) => f);
  const form = { "content-type": "application/x-www-form-urlencoded" };
  await alike(source, app, [
    { method: "GET", path: "/items/?other=1" },
    { method: "GET", path: "/items/?q=a" },
    { method: "GET", path: "/items/?q=a", headers: {} }, // the default is not the one changed before
    { method: "POST", path: "/login/", content: "other=1", headers: form },
  ]);
});

test("a form model keeps an empty field; a Form param takes it for absent", async () => {
  const source = `
from typing import Annotated
from fastapi import FastAPI, Form
from pydantic import BaseModel

class FormData(BaseModel):
    username: str
    password: str

app = FastAPI()

@app.post("/model/")
async def model(data: Annotated[FormData, Form()]):
    return data

@app.post("/fields/")
async def fields(username: Annotated[str, Form()], password: Annotated[str, Form()]):
    return {"username": username, "password": password}
`;
  const app = new FastAPI();
  app.post("/model/", { params: { data: Form(z.object({ username: z.string(), password: z.string() })) } }, ({ data }) => data);
  app.post("/fields/", { params: { username: Form(z.string()), password: Form(z.string()) } }, ({ username, password }) => ({ username, password }));
  const form = { "content-type": "application/x-www-form-urlencoded" };
  await alike(source, app, [
    { method: "POST", path: "/model/", content: "username=a&password=", headers: form },
    { method: "POST", path: "/fields/", content: "username=a&password=", headers: form },
  ]);
});

test("a Path() that the path does not name is always missing", async () => {
  const source = `
from typing import Annotated
from fastapi import FastAPI, Path

app = FastAPI()

@app.get("/items/")
async def read_items(item_id: Annotated[int, Path()]):
    return item_id
`;
  const app = new FastAPI();
  app.get("/items/", { params: { item_id: Path(z.int()) } }, ({ item_id }) => item_id);
  await alike(source, app, [{ method: "GET", path: "/items/?item_id=1" }]);
});

test.run();
