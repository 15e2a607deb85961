// No Python test file of its own: FastAPI's get_dependant / analyze_param checks at registration
// (fastapi/dependencies/utils.py), with FastAPI's messages asked of FastAPI itself.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type } from "arktype";
import * as z from "zod";
import { Depends, FastAPI, Path, Query, Security, SecurityScopes } from "../../../src/fastapi/index.js";
import { fastapiAnswers, tsAnswers } from "../probe.js";
import { requirePython } from "../../python.js";
import { thrown } from "../../helpers.js";

const enabled = requirePython("fastapi", "httpx");

/** The message of the error (an AssertionError unless `type` says) FastAPI raises while registering `source`'s path operation. */
function fastapiAssertion(source: string, type = "AssertionError"): string {
  try {
    fastapiAnswers(source, []);
  } catch (exc) {
    const line = new RegExp(`${type}: (.*)`).exec((exc as Error).message)?.[1];
    if (line !== undefined) return line;
    throw exc;
  }
  throw new Error("FastAPI registered it");
}

test("a path param is a scalar: a list or a model is refused at registration, as FastAPI asserts", () => {
  const expected = enabled
    ? fastapiAssertion(`
from typing import Annotated
from fastapi import FastAPI, Path

app = FastAPI()

@app.get("/items/{item_ids}")
async def read_items(item_ids: Annotated[list[int], Path()]):
    return item_ids
`)
    : "Path params must be of one of the supported types";
  for (const schema of [z.array(z.int()), z.object({ a: z.int() }), z.array(z.int()).nullable()]) {
    const app = new FastAPI();
    assert.throws(() => app.get("/items/{item_ids}", { params: { item_ids: Path(schema) } }, ({ item_ids }) => item_ids), (exc: Error) => exc.message === expected);
  }
  const app = new FastAPI();
  for (const schema of [z.int(), z.unknown(), z.union([z.int(), z.string()]), z.enum(["a", "b"])]) {
    app.get("/items/{item_id}", { params: { item_id: Path(schema) } }, ({ item_id }) => item_id);
  }
});

test("a param named in the path must be a Path(), as FastAPI asserts", () => {
  const expected = enabled
    ? fastapiAssertion(`
from typing import Annotated
from fastapi import FastAPI, Query

app = FastAPI()

@app.get("/items/{item_id}")
async def read_item(item_id: Annotated[int, Query()]):
    return item_id
`)
    : "Cannot use `Query` for path param 'item_id'";
  const app = new FastAPI();
  assert.throws(() => app.get("/items/{item_id}", { params: { item_id: Query(z.int()) } }, ({ item_id }) => item_id), (exc: Error) => exc.message === expected);
});

test("a request-scoped generator without a name that depends on a function-scoped one: FastAPI's <unnamed_callable>", () => {
  const expected = enabled
    ? fastapiAssertion(
        `
from functools import partial
from typing import Annotated
from fastapi import Depends, FastAPI

def f():
    return 1

async def gen(x: Annotated[int, Depends(f, scope="function")]):
    yield x

app = FastAPI()

@app.get("/")
async def read(v: Annotated[int, Depends(partial(gen), scope="request")]):
    return v
`,
        "DependencyScopeError",
      )
    : 'The dependency "<unnamed_callable>" has a scope of "request", it cannot depend on dependencies with scope "function".';
  const f = () => 1;
  const app = new FastAPI();
  // A function expression in an array literal gets no name.
  const anonymous = [async function* ({ x }: { x: number }) {
    yield x;
  }][0];
  const v = Depends(anonymous, { params: { x: Depends(f, { scope: "function" }) }, scope: "request" });
  assert.throws(() => app.get("/", { params: { v } }, ({ v }) => v), (exc: Error) => exc.message === expected);
});

test("a path operation's dependencies: [Security(...)] ask for their scopes", async () => {
  if (!enabled) return;
  const source = `
from fastapi import FastAPI, Security
from fastapi.security import SecurityScopes

seen = []

def dep(security_scopes: SecurityScopes):
    seen.append(security_scopes.scopes)

app = FastAPI()

@app.get("/", dependencies=[Security(dep, scopes=["items"])])
async def read():
    return seen
`;
  const seen: string[][] = [];
  const app = new FastAPI();
  const dep = ({ security_scopes }: { security_scopes: SecurityScopes }) => void seen.push(security_scopes.scopes);
  app.get("/", { dependencies: [Security(dep, { params: { security_scopes: SecurityScopes }, scopes: ["items"] })] }, () => seen);
  const requests = [{ method: "GET", path: "/" }];
  assert.equal(await tsAnswers(app, requests), fastapiAnswers(source, requests));
});

test("a declaration without a Standard Schema validator is a TypeError naming the param", () => {
  const app = new FastAPI();
  const notASchema = thrown(() => app.get("/", { params: { q: Query({} as never) } }, () => null));
  assert.instance(notASchema, TypeError);
  assert.match(notASchema.message, /^params\.q: Query\(\) needs a validator that implements Standard Schema/);
  const tuple = thrown(() => app.get("/", { params: { flag: Query(type("boolean").default(false) as never) } }, () => null));
  assert.match(tuple.message, /^params\.flag: Query\(\) needs a validator .* \(an arktype default is a tuple: declare it in an object, or use \.optional\(\)\)$/s);
});

test.run();
