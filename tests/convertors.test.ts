// Port of tests/test_convertors.py, with checks of what registerUrlConvertor accepts
// and of parameter and convertor names that are also names of Object's members.
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CONVERTOR_TYPES, registerUrlConvertor, type Convertor } from "../src/convertors.js";
import type { Request } from "../src/requests.js";
import { JSONResponse } from "../src/responses.js";
import { compilePath, Route, Router } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import { thrown } from "./helpers.js";

// Python's "%Y-%m-%dT%H:%M:%S", in UTC.
const DateTimeConvertor: Convertor<Date> = {
  regex: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(.[0-9]+)?",
  convert: (value) => new Date(value.slice(0, 19) + "Z"),
  toString: (value) => value.toISOString().slice(0, 19),
};

test.after.each(() => {
  // Starlette's refresh_convertor_types fixture: the registry is global.
  delete CONVERTOR_TYPES.datetime;
});

test("test_datetime_convertor", async () => {
  registerUrlConvertor("datetime", DateTimeConvertor);
  const datetimeConvertor = (request: Request) => {
    const param = request.pathParams.param;
    assert.instance(param, Date);
    return new JSONResponse({ datetime: DateTimeConvertor.toString(param as Date) });
  };
  const app = new Router({ routes: [new Route("/datetime/{param:datetime}", datetimeConvertor, { name: "datetime-convertor" })] });
  const client = new TestClient(app);
  const response = await client.get("/datetime/2020-01-01T00:00:00");
  assert.equal(response.json(), { datetime: "2020-01-01T00:00:00" });
  assert.is(app.urlPathFor("datetime-convertor", { param: new Date(Date.UTC(1996, 0, 22, 23, 0, 0)) }), "/datetime/1996-01-22T23:00:00");
  assert.is((await client.get("/datetime/2020-01-01")).statusCode, 404);
});

for (const [param, status] of [["1.0", 200], ["1-0", 404]] as const) {
  test(`test_default_float_convertor[${param}]`, async () => {
    const app = new Router({
      routes: [
        new Route("/{param:float}", (request: Request) => {
          assert.type(request.pathParams.param, "number");
          return new JSONResponse({ float: request.pathParams.param });
        }),
      ],
    });
    const response = await new TestClient(app).get(`/${param}`);
    assert.is(response.statusCode, status);
  });
}

test("a registered convertor takes the place of a built-in one of the same name", async () => {
  const original = CONVERTOR_TYPES.int;
  try {
    registerUrlConvertor("int", { regex: "-?[0-9]+", convert: (v) => Number(v), toString: (v) => String(v) });
    const app = new Router({ routes: [new Route("/{n:int}", (r: Request) => new JSONResponse({ n: r.pathParams.n }))] });
    assert.equal((await new TestClient(app).get("/-3")).json(), { n: -3 });
  } finally {
    CONVERTOR_TYPES.int = original;
  }
});

test("a route made before its convertor is registered fails at once", () => {
  const error = thrown(() => new Route("/{when:datetime}", () => new JSONResponse({})));
  assert.instance(error, AssertionError);
  assert.is(error.message, "Unknown path convertor 'datetime'");
});

test("names of Object's members are unknown convertors, not its methods", () => {
  for (const name of ["toString", "constructor", "hasOwnProperty", "valueOf", "__proto__"]) {
    const error = thrown(() => compilePath(`/x/{p:${name}}`));
    assert.instance(error, AssertionError);
    assert.is(error.message, `Unknown path convertor '${name}'`);
  }
});

test("parameters named like Object's members are parameters like any other", async () => {
  const app = new Router({
    routes: [
      new Route("/a/{constructor}/{toString}/{hasOwnProperty:int}", (r: Request) => new JSONResponse({ ...r.pathParams }), { name: "members" }),
      new Route("/b/{__proto__}", (r: Request) => new JSONResponse({ own: Object.keys(r.pathParams), value: r.pathParams.__proto__ === "x", proto: Object.getPrototypeOf(r.pathParams) === Object.prototype })),
    ],
  });
  const client = new TestClient(app);
  assert.equal((await client.get("/a/c/t/7")).json(), { constructor: "c", toString: "t", hasOwnProperty: 7 });
  assert.is(app.urlPathFor("members", { constructor: "c", toString: "t", hasOwnProperty: 7 }), "/a/c/t/7");
  // The value is the parameter's own property; the object keeps Object.prototype.
  assert.equal((await client.get("/b/x")).json(), { own: ["__proto__"], value: true, proto: true });
  // A path really repeating a name is still refused, as in Starlette.
  assert.is(thrown(() => compilePath("/{constructor}/{constructor}")).message, "Duplicated param name constructor at path /{constructor}/{constructor}");
});

test("registerUrlConvertor refuses what could never work, saying what to fix", () => {
  const good = { regex: "[a-z]+", convert: (v: string) => v, toString: (v: string) => v };
  const cases: [string, unknown, string][] = [
    ["1st", good, `registerUrlConvertor("1st"): a convertor's name is letters, digits and _, not starting with a digit, as in {when:date}`],
    ["with-dash", good, `registerUrlConvertor("with-dash"): a convertor's name is letters, digits and _, not starting with a digit, as in {when:date}`],
    ["nothing", null, `registerUrlConvertor("nothing"): the convertor needs a regex, a string such as "[0-9]+"`],
    ["noregex", { convert: good.convert, toString: good.toString }, `registerUrlConvertor("noregex"): the convertor needs a regex, a string such as "[0-9]+"`],
    ["badregex", { ...good, regex: "[a-" }, `registerUrlConvertor("badregex"): its regex is not a valid regular expression (Invalid regular expression: /[a-/: Unterminated character class)`],
    ["groups", { ...good, regex: "(?<year>[0-9]{4})" }, `registerUrlConvertor("groups"): its regex may not have named groups (?<name>...); use (...) or (?:...)`],
    ["noconvert", { regex: "x", toString: good.toString }, `registerUrlConvertor("noconvert"): the convertor needs convert(value: string), which turns the matched text into the parameter`],
    ["notostring", { regex: "x", convert: good.convert }, `registerUrlConvertor("notostring"): the convertor needs its own toString(value), which turns a parameter back into path text for urlPathFor`],
  ];
  for (const [key, convertor, message] of cases) {
    const error = thrown(() => registerUrlConvertor(key, convertor as Convertor));
    assert.instance(error, TypeError);
    assert.is(error.message, message);
    assert.not.ok(Object.hasOwn(CONVERTOR_TYPES, key), `${key} was registered anyway`);
  }
  // Lookarounds are not named groups; a class with its own toString is a convertor.
  class Slug {
    regex = "(?<=/)[a-z-]+(?!/)";
    convert(value: string): string {
      return value;
    }
    toString(value: string): string {
      return value;
    }
  }
  registerUrlConvertor("slug", new Slug());
  assert.ok(compilePath("/{s:slug}").regex.test("/a-b"));
  delete CONVERTOR_TYPES.slug;
});

test.run();
