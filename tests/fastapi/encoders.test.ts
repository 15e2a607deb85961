// Port of FastAPI's tests/test_jsonable_encoder.py (the parts JavaScript values have), and a
// differential test against the real jsonable_encoder (tests/python/fastapi_encoders.py).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { URL as StarletteURL } from "../../src/datastructures.js";
import { Body, FastAPI } from "../../src/fastapi/index.js";
import { isoformat, jsonableEncoder, type CustomEncoder, type JsonableEncoderOptions } from "../../src/fastapi/encoders.js";
import { thrown } from "../helpers.js";
import { requirePython, runPython } from "../python.js";
import { fastapiAnswers, tsAnswers } from "./probe.js";

class Person {
  constructor(public name: string) {}
}

class Pet {
  constructor(public owner: Person, public name: string) {}
}

class Base {}
class Mid extends Base {}
class Leaf extends Mid {}

class Item {
  constructor(readonly name: string, readonly tags: Set<string>) {}
  toJSON(): unknown {
    return { name: this.name, tags: this.tags };
  }
}

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date => {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y); // Date.UTC reads years 0-99 as 1900-1999
  return date;
};

const withAttrs = <T extends object>(obj: T, attrs: Record<string, unknown>): T => Object.assign(obj, attrs);

function* squares(): Generator<number> {
  for (let i = 0; i < 3; i++) yield i * i;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Case {
  name: string;
  js: () => unknown;
  options?: JsonableEncoderOptions;
  py: string;
  pyOptions?: string;
  sort?: boolean;
}

const pet = { name: "Firulais", owner: { name: "Foo" } };
const pyPet = "{'name': 'Firulais', 'owner': {'name': 'Foo'}}";

// Each JavaScript value beside the Python value a FastAPI user would have in its place.
const CASES: Case[] = [
  { name: "dict", js: () => pet, py: pyPet },
  { name: "dict include", js: () => pet, options: { include: ["name"] }, py: pyPet, pyOptions: "include={'name'}" },
  { name: "dict exclude", js: () => pet, options: { exclude: new Set(["owner"]) }, py: pyPet, pyOptions: "exclude={'owner'}" },
  { name: "dict include nothing", js: () => pet, options: { include: [] }, py: pyPet, pyOptions: "include={}" },
  { name: "dict exclude nothing", js: () => pet, options: { exclude: [] }, py: pyPet, pyOptions: "exclude={}" },
  { name: "dict include and exclude", js: () => ({ a: 1, b: 2, c: 3 }), options: { include: ["a", "b", "z"], exclude: ["b"] }, py: "{'a': 1, 'b': 2, 'c': 3}", pyOptions: "include=['a', 'b', 'z'], exclude=['b']" },
  { name: "include stays at the top", js: () => ({ a: { a: 1, b: 2 }, b: 1 }), options: { include: ["a"] }, py: "{'a': {'a': 1, 'b': 2}, 'b': 1}", pyOptions: "include={'a'}" },
  { name: "include goes into lists", js: () => [{ a: 1, b: 2 }, [{ a: 3, b: 4 }], { b: 5 }], options: { include: ["a"] }, py: "[{'a': 1, 'b': 2}, [{'a': 3, 'b': 4}], {'b': 5}]", pyOptions: "include={'a'}" },
  { name: "class instance", js: () => new Pet(new Person("Foo"), "Firulais"), py: "Pet(owner=Person(name='Foo'), name='Firulais')" },
  { name: "class instance include", js: () => new Pet(new Person("Foo"), "Firulais"), options: { include: ["name"] }, py: "Pet(owner=Person(name='Foo'), name='Firulais')", pyOptions: "include={'name'}" },
  { name: "class instance exclude", js: () => new Pet(new Person("Foo"), "Firulais"), options: { exclude: ["owner"] }, py: "Pet(owner=Person(name='Foo'), name='Firulais')", pyOptions: "exclude={'owner'}" },
  { name: "datetime with milliseconds", js: () => utc(2024, 1, 2, 3, 4, 5, 123), py: "utc(2024, 1, 2, 3, 4, 5, 123000)" },
  { name: "datetime without", js: () => utc(2024, 1, 2, 3, 4, 5), py: "utc(2024, 1, 2, 3, 4, 5)" },
  { name: "datetime 1 ms", js: () => utc(2024, 12, 31, 23, 59, 59, 1), py: "utc(2024, 12, 31, 23, 59, 59, 1000)" },
  { name: "datetime year 1", js: () => utc(1, 1, 1), py: "utc(1, 1, 1)" },
  { name: "datetime year 9999", js: () => utc(9999, 12, 31, 23, 59, 59, 999), py: "utc(9999, 12, 31, 23, 59, 59, 999000)" },
  { name: "datetimes in a dict", js: () => ({ at: [utc(1970, 1, 1)], n: { d: utc(2000, 2, 29, 12) } }), py: "{'at': [utc(1970, 1, 1)], 'n': {'d': utc(2000, 2, 29, 12)}}" },
  {
    name: "nested dicts and lists",
    js: () => ({ a: [1, { b: [null, true, false, 1.5, -0, "x", ""] }], c: {}, d: [], "é☕": "😀" }),
    py: "{'a': [1, {'b': [None, True, False, 1.5, 0, 'x', '']}], 'c': {}, 'd': [], 'é☕': '😀'}",
  },
  { name: "set of numbers", js: () => new Set([3, 1, 2]), py: "{3, 1, 2}", sort: true },
  { name: "set of strings", js: () => new Set(["b", "a", "c"]), py: "frozenset({'b', 'a', 'c'})", sort: true },
  { name: "set in a dict", js: () => ({ tags: new Set(["only"]) }), py: "{'tags': {'only'}}" },
  { name: "deque", js: () => new Set([{ a: 1 }]), py: "deque([{'a': 1}])" },
  { name: "generator", js: () => squares(), py: "(i * i for i in range(3))" },
  { name: "map with keys of each type", js: () => new Map<unknown, unknown>([[2, "a"], [null, "b"], [true, "c"], [1.5, "d"], ["s", "e"]]), py: "{2: 'a', None: 'b', True: 'c', 1.5: 'd', 's': 'e'}" },
  { name: "map with a datetime key", js: () => new Map([[utc(2024, 1, 2), 1]]), py: "{utc(2024, 1, 2): 1}" },
  { name: "map include by raw key", js: () => new Map([[1, "a"], [2, "b"]]), options: { include: [1] }, py: "{1: 'a', 2: 'b'}", pyOptions: "include={1}" },
  { name: "exclude none", js: () => ({ a: null, b: { c: null, d: 1 }, e: [null], f: new Map([["g", null]]) }), options: { excludeNone: true }, py: "{'a': None, 'b': {'c': None, 'd': 1}, 'e': [None], 'f': {'g': None}}", pyOptions: "exclude_none=True" },
  { name: "none kept", js: () => ({ a: null }), py: "{'a': None}" },
  { name: "sqlalchemy keys", js: () => ({ _sa_instance_state: 1, _sample: 2, _s: 3, x: { _sa: 4 } }), py: "{'_sa_instance_state': 1, '_sample': 2, '_s': 3, 'x': {'_sa': 4}}" },
  { name: "sqlalchemy keys kept", js: () => ({ _sa_instance_state: 1, x: 2 }), options: { sqlalchemySafe: false }, py: "{'_sa_instance_state': 1, 'x': 2}", pyOptions: "sqlalchemy_safe=False" },
  { name: "sqlalchemy instance", js: () => withAttrs(new Person("a"), { _sa_instance_state: {} }), py: "with_attrs(Person('a'), _sa_instance_state=object())" },
  { name: "bytes", js: () => bytes("héllo ☕ 😀"), py: "'héllo ☕ 😀'.encode()" },
  { name: "Buffer with a BOM", js: () => Buffer.from([0xef, 0xbb, 0xbf, 0x61]), py: "b'\\xef\\xbb\\xbfa'" },
  { name: "bytes in a list", js: () => [new Uint8Array(0), bytes("a")], py: "[b'', b'a']" },
  { name: "pattern", js: () => /a+b\/[c]/, py: "re.compile(r'a+b\\/[c]')" },
  { name: "url", js: () => new URL("https://example.com/a?b=1"), py: "AnyUrl('https://example.com/a?b=1')" },
  { name: "exception", js: () => new Error("x"), py: "Exception('x')" },
  { name: "exception with attributes", js: () => withAttrs(new TypeError("x"), { code: 5 }), py: "with_attrs(ValueError('x'), code=5)" },
  { name: "nan and infinity", js: () => [NaN, Infinity, -Infinity], py: "[float('nan'), float('inf'), float('-inf')]" },
  { name: "undefined", js: () => undefined, py: "Undefined" },
  { name: "undefined in a dict", js: () => ({ value: undefined, other: 1 }), py: "{'other': 1}" },
  { name: "__proto__ key", js: () => JSON.parse('{"__proto__": {"x": 1}, "a": [1]}'), py: "{'__proto__': {'x': 1}, 'a': [1]}" },
  { name: "toJSON like a model", js: () => new Item("x", new Set(["t"])), py: "Item(name='x', at=utc(2024, 1, 1), tags=['t'])", pyOptions: "exclude={'at'}" },
  { name: "toJSON like a model, include", js: () => new Item("x", new Set(["t"])), options: { include: ["name"] }, py: "Item(name='x', at=utc(2024, 1, 1))", pyOptions: "include={'name'}" },
  { name: "custom encoder", js: () => ({ at: utc(2024, 1, 2) }), options: { customEncoder: new Map([[Date, () => "custom"]]) }, py: "{'at': utc(2024, 1, 2)}", pyOptions: "custom_encoder={datetime: lambda d: 'custom'}" },
  { name: "custom encoder exact class", js: () => new Mid(), options: { customEncoder: new Map([[Base, () => "base"], [Mid, () => "mid"]]) }, py: "Mid()", pyOptions: "custom_encoder={Base: lambda o: 'base', Mid: lambda o: 'mid'}" },
  { name: "custom encoder first match in order", js: () => [new Leaf()], options: { customEncoder: new Map([[Base, () => "base"], [Mid, () => "mid"]]) }, py: "[Leaf()]", pyOptions: "custom_encoder={Base: lambda o: 'base', Mid: lambda o: 'mid'}" },
  { name: "custom encoder for strings, keys too", js: () => ({ a: "x", b: ["y"] }), options: { customEncoder: new Map([[String, (s: string) => s.toUpperCase()]]) }, py: "{'a': 'x', 'b': ['y']}", pyOptions: "custom_encoder={str: lambda s: s.upper()}" },
  { name: "custom encoder for object", js: () => ({ a: 1 }), options: { customEncoder: new Map([[Object, () => "any"]]) }, py: "{'a': 1}", pyOptions: "custom_encoder={object: lambda o: 'any'}" },
  { name: "custom encoder no match", js: () => ({ a: [1, "s"] }), options: { customEncoder: new Map([[Base, () => "base"]]) }, py: "{'a': [1, 's']}", pyOptions: "custom_encoder={Base: lambda o: 'base'}" },
];

/** Non-finite numbers as the Python script writes them. */
function plain(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return { $float: Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf" };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

// Byte strings for the UTF-8 errors: every kind of bad sequence, then random ones biased to lead bytes.
const BYTES: string[] = [
  "ff", "80", "c0af", "c1bf", "c2", "c220", "e0", "e080", "e09f80", "e0a0", "e0a020", "eda080", "ed9fbf", "ef", "efbf",
  "f0", "f08f8080", "f0908080", "f09080", "f0908020", "f48f8080", "f4908080", "f5", "61e282ac62ff", "e282ace282", "efbbbf",
];
let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const LEADS = [0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x90, 0x8f];
for (let n = 0; n < 300; n++) {
  const len = 1 + Math.floor(random() * 6);
  BYTES.push(Array.from({ length: len }, () => (random() < 0.5 ? LEADS[Math.floor(random() * LEADS.length)] : Math.floor(random() * 256)).toString(16).padStart(2, "0")).join(""));
}

type Outcome = { ok: unknown } | { error: [string, string] };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: plain(fn()) };
  } catch (error) {
    return { error: [(error as Error).name, (error as Error).message] };
  }
}

if (requirePython("fastapi")) {
  const python = runPython<{ cases: Outcome[]; bytes: Outcome[] }>("fastapi_encoders", {
    cases: CASES.map((c) => ({ py: c.py, opts: c.pyOptions ?? "", sort: c.sort ?? false })),
    bytes: BYTES,
  });

  test("jsonableEncoder gives what FastAPI's jsonable_encoder gives", () => {
    assert.is(python.cases.length, CASES.length);
    CASES.forEach((c, i) => {
      const js = outcome(() => {
        const out = jsonableEncoder(c.js(), c.options);
        return c.sort ? (out as Array<string | number>).sort() : out;
      });
      assert.equal(js, python.cases[i], c.name);
    });
  });

  test("bytes decode, and fail, as Python's bytes.decode()", () => {
    let failures = 0;
    BYTES.forEach((hex, i) => {
      const js = outcome(() => jsonableEncoder(Buffer.from(hex, "hex")));
      assert.equal(js, python.bytes[i], hex);
      if ("error" in js) failures++;
    });
    assert.ok(failures > 100, `the random bytes should mostly be invalid (${failures})`);
  });
}

// ---------------------------------------------------------------- FastAPI's own tests

test("test_encode_dict", () => {
  assert.equal(jsonableEncoder(pet), { name: "Firulais", owner: { name: "Foo" } });
  assert.equal(jsonableEncoder(pet, { include: new Set(["name"]) }), { name: "Firulais" });
  assert.equal(jsonableEncoder(pet, { exclude: new Set(["owner"]) }), { name: "Firulais" });
  assert.equal(jsonableEncoder(pet, { include: [] }), {});
  assert.equal(jsonableEncoder(pet, { exclude: [] }), { name: "Firulais", owner: { name: "Foo" } });
});

test("test_encode_class", () => {
  const value = new Pet(new Person("Foo"), "Firulais");
  const out = jsonableEncoder(value);
  assert.equal(out, { name: "Firulais", owner: { name: "Foo" } });
  assert.is(Object.getPrototypeOf(out), Object.prototype, "a class instance becomes a plain object");
  assert.equal(jsonableEncoder(value, { include: ["name"] }), { name: "Firulais" });
  assert.equal(jsonableEncoder(value, { exclude: ["owner"] }), { name: "Firulais" });
  assert.equal(jsonableEncoder(value, { include: [] }), {});
});

test("test_encode_unsupported", () => {
  const message = `[TypeError("'function' object is not iterable"), TypeError('vars() argument must have __dict__ attribute')]`;
  assert.is(thrown(() => jsonableEncoder(() => 1)).message, message);
  assert.is(thrown(() => jsonableEncoder({ a: [Symbol("s")] })).message, message.replace("function", "symbol"));
  assert.match(thrown(() => jsonableEncoder({ pending: Promise.resolve(1) })).message, `'Promise' object is not iterable`);
  async function* agen(): AsyncGenerator<number> {
    yield 1;
  }
  assert.match(thrown(() => jsonableEncoder(agen())).message, `'AsyncGenerator' object is not iterable`);
  class Thenable {
    then(): void {}
  }
  assert.match(thrown(() => jsonableEncoder(new Thenable())).message, `'Thenable' object is not iterable`);
});

test("test_custom_encoders: the exact class first, then the first instance match in order", () => {
  const custom: CustomEncoder = new Map<unknown, (o: never) => unknown>([
    [Base, () => "base"],
    [Leaf, (o: Leaf) => `leaf ${o instanceof Leaf}`],
    [Number, (n: number) => n * 10],
  ]) as CustomEncoder;
  assert.equal(jsonableEncoder([new Leaf(), new Mid(), 2, "s", null, undefined], { customEncoder: custom }), ["leaf true", "base", 20, "s", null, null]);
  // The result is used as it is, not encoded again (FastAPI returns it directly).
  const set = new Set([1]);
  assert.is((jsonableEncoder({ a: new Base() }, { customEncoder: new Map([[Base, () => set]]) }) as { a: unknown }).a, set);
  // Primitive classes: BigInt, Boolean, Symbol have encoders too.
  const prims: CustomEncoder = new Map<unknown, (o: never) => unknown>([
    [BigInt, (b: bigint) => `big ${b}`],
    [Boolean, (b: boolean) => (b ? "yes" : "no")],
    [Symbol, (s: symbol) => s.description],
  ]) as CustomEncoder;
  assert.equal(jsonableEncoder([1n, true, Symbol("d")], { customEncoder: prims }), ["big 1", "yes", "d"]);
  // An empty Map or null is no custom encoder at all.
  const tree = { a: [1] };
  assert.is(jsonableEncoder(tree, { customEncoder: new Map() }), tree);
  assert.is(jsonableEncoder(tree, { customEncoder: null }), tree);
  // An object with no prototype has no class and is no instance of Object; its keys and values are.
  const bare = Object.create(null) as Record<string, unknown>;
  bare.k = 1;
  assert.equal(jsonableEncoder(bare, { customEncoder: new Map([[Object, () => "object"]]) }), { object: "object" });
});

test("test_encode_deque_encodes_child_models", () => {
  assert.equal((jsonableEncoder(new Set([new Item("test", new Set())])) as Array<{ name: string }>)[0].name, "test");
});

test("test_encode_pydantic_undefined", () => {
  assert.equal(jsonableEncoder({ value: undefined }), {});
  assert.is(jsonableEncoder(undefined), null);
  assert.equal(jsonableEncoder([undefined, 1]), [null, 1]);
  // eslint-disable-next-line no-sparse-arrays
  assert.equal(jsonableEncoder([1, , 3]), [1, null, 3]);
  assert.equal(jsonableEncoder(new Map([["a", undefined]])), {});
});

// ---------------------------------------------------------------- the JavaScript value table

test("Dates as Python's isoformat of an aware UTC datetime; an invalid Date is null", () => {
  assert.is(jsonableEncoder(new Date("2024-01-02T03:04:05.123Z")), "2024-01-02T03:04:05.123000+00:00");
  assert.is(jsonableEncoder(new Date(0)), "1970-01-01T00:00:00+00:00");
  assert.is(jsonableEncoder(new Date(NaN)), null);
  assert.is(isoformat(new Date(NaN)), null);
  // Beyond Python's years 1-9999: the extended years of toISOString.
  assert.is(jsonableEncoder(new Date("+010000-01-01T00:00:00.500Z")), "+010000-01-01T00:00:00.500000+00:00");
});

test("bigint: a number when exact, else its digits as a string", () => {
  assert.equal(jsonableEncoder([1n, -5n, 2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 53n, -(2n ** 64n)]), [1, -5, 2 ** 53 - 1, -(2 ** 53 - 1), "9007199254740992", "-18446744073709551616"]);
});

test("URLs, boxed primitives, typed arrays and Maps inside Maps", () => {
  assert.is(jsonableEncoder(new StarletteURL("http://a.b/c?d")), "http://a.b/c?d");
  assert.is(jsonableEncoder(new URL("http://a.b/ c")), "http://a.b/%20c");
  // eslint-disable-next-line no-new-wrappers
  assert.equal(jsonableEncoder([new String("s"), new Number(2), new Boolean(false)]), ["s", 2, false]);
  assert.equal(jsonableEncoder(new Int16Array([1, -2])), [1, -2]);
  assert.equal(jsonableEncoder(new Map([["m", new Map([["n", new Set([1])]])]])), { m: { n: [1] } });
});

test("Map keys: encoded, and a key that encodes to a list or object is unhashable", () => {
  assert.equal(jsonableEncoder(new Map<unknown, number>([[undefined, 1], [10n, 2], [utc(2024, 1, 2), 3]])), { null: 1, 10: 2, "2024-01-02T00:00:00+00:00": 3 });
  const list = thrown(() => jsonableEncoder(new Map([[[1], 1]])));
  assert.instance(list, TypeError);
  assert.is(list.message, "unhashable type: 'list'");
  assert.is(thrown(() => jsonableEncoder(new Map([[{ a: 1 }, 1]]))).message, "unhashable type: 'dict'");
  assert.is(thrown(() => jsonableEncoder(new Map([[Symbol("k"), 1]]))).message.includes("'symbol'"), true);
  // Keys that become the same text: the last one wins, as in a JavaScript object.
  assert.equal(jsonableEncoder(new Map<unknown, string>([[1, "number"], ["1", "string"]])), { 1: "string" });
});

test("toJSON: called once, and what it returns is encoded but not asked for toJSON again", () => {
  let calls = 0;
  const inner = { toJSON: () => "inner" };
  const outer = {
    toJSON() {
      calls++;
      return { nested: inner, when: new Date(0) };
    },
  };
  const out = jsonableEncoder(outer) as Record<string, unknown>;
  assert.is(calls, 1);
  assert.equal(out, { nested: "inner", when: "1970-01-01T00:00:00+00:00" });
  // A toJSON on what toJSON returned is a property like any other: a function, which is an error.
  const twice = { toJSON: () => ({ toJSON: () => "never" }) };
  assert.match(thrown(() => jsonableEncoder(twice)).message, "'function' object");
  class Selfish {
    a = 1;
    toJSON(): unknown {
      return this;
    }
  }
  assert.equal(jsonableEncoder(new Selfish()), { a: 1 });
  class ReturnsDate {
    toJSON(): unknown {
      return new Date(0);
    }
  }
  assert.is(jsonableEncoder(new ReturnsDate()), "1970-01-01T00:00:00+00:00");
});

test("a __proto__ key is data: no prototype is ever set", () => {
  const input = JSON.parse('{"a": null, "__proto__": {"polluted": true}, "b": {"__proto__": {"x": 1}}}') as Record<string, unknown>;
  const out = jsonableEncoder(input, { excludeNone: true }) as Record<string, unknown>;
  assert.is.not(out, input);
  assert.is(Object.getPrototypeOf(out), Object.prototype);
  assert.equal(Object.keys(out), ["__proto__", "b"]);
  assert.equal(Object.getOwnPropertyDescriptor(out, "__proto__")?.value, { polluted: true });
  assert.is((out as { polluted?: unknown }).polluted, undefined);
  assert.is(({} as { polluted?: unknown }).polluted, undefined);
  assert.is(JSON.stringify(out), '{"__proto__":{"polluted":true},"b":{"__proto__":{"x":1}}}');
  const fromMap = jsonableEncoder(new Map([["__proto__", { y: 1 }]])) as Record<string, unknown>;
  assert.is(Object.getPrototypeOf(fromMap), Object.prototype);
  assert.equal(Object.keys(fromMap), ["__proto__"]);
  class Holder {
    constructor() {
      Object.defineProperty(this, "__proto__", { value: 1, enumerable: true });
    }
  }
  assert.equal(Object.keys(jsonableEncoder(new Holder()) as object), ["__proto__"]);
});

test("nothing is copied when nothing changes; only the path to a change is copied", () => {
  const leaf = { x: [1, "two", true, null, 3.5] };
  const sibling = { s: [{ t: 1 }] };
  const tree = { a: leaf, b: sibling, c: "c", n: null };
  assert.is(jsonableEncoder(tree), tree);
  const list = [tree, [tree]];
  assert.is(jsonableEncoder(list), list);
  // A Date deep inside: the objects on its path are new, everything beside it is the same object.
  const changed = { a: leaf, b: sibling, d: { when: new Date(0), keep: leaf } };
  const out = jsonableEncoder(changed) as typeof changed;
  assert.is.not(out, changed);
  assert.is(out.a, leaf);
  assert.is(out.b, sibling);
  assert.is.not(out.d, changed.d);
  assert.is(out.d.keep, leaf);
  assert.equal(out.d.when, "1970-01-01T00:00:00+00:00");
  const arr = [leaf, sibling, new Set([1]), leaf];
  const arrOut = jsonableEncoder(arr) as unknown[];
  assert.is.not(arrOut, arr);
  assert.is(arrOut[0], leaf);
  assert.is(arrOut[3], leaf);
  assert.equal(arrOut[2], [1]);
  // Objects without a prototype come back as they are too.
  const bare = Object.assign(Object.create(null) as object, { a: 1 });
  assert.is(jsonableEncoder(bare), bare);
  // The input is never written to.
  const input = { a: null, b: new Date(0) };
  jsonableEncoder(input, { excludeNone: true });
  assert.equal(Object.keys(input), ["a", "b"]);
  assert.instance(input.b, Date);
});

test("a cycle is an error, not a stack overflow", () => {
  const obj: Record<string, unknown> = { a: 1 };
  obj.self = { again: [obj] };
  const error = thrown(() => jsonableEncoder(obj));
  assert.is(error.message, "Circular reference detected: jsonableEncoder met the same Object inside itself");
  const arr: unknown[] = [];
  arr.push(arr);
  assert.match(thrown(() => jsonableEncoder(arr)).message, "same Array inside");
  const map = new Map<string, unknown>();
  map.set("m", map);
  assert.match(thrown(() => jsonableEncoder(map)).message, "same Map inside");
  const pet = new Pet(new Person("p"), "x");
  (pet.owner as unknown as { pet: Pet }).pet = pet;
  assert.match(thrown(() => jsonableEncoder(pet)).message, "same Pet inside");
  const set = new Set<unknown>();
  set.add(set);
  assert.match(thrown(() => jsonableEncoder(set)).message, "same Set inside");
  class Loop {
    toJSON(): unknown {
      return { loop: this };
    }
  }
  assert.match(thrown(() => jsonableEncoder(new Loop())).message, "same Loop inside");
  const bare = Object.create(null) as Record<string, unknown>;
  bare.b = bare;
  assert.match(thrown(() => jsonableEncoder(bare)).message, "same Object inside");
  // Deep but acyclic, and the same object twice side by side, are fine.
  let deep: unknown = "end";
  for (let i = 0; i < 1000; i++) deep = { d: [deep] };
  assert.is(jsonableEncoder(deep), deep);
  const shared = { s: 1 };
  assert.equal(jsonableEncoder([shared, shared, { x: shared }]), [shared, shared, { x: shared }]);
});

test("byAlias, excludeUnset and excludeDefaults are accepted and change nothing for plain values", () => {
  const value = { a: 1, b: null, c: { d: 2 }, e: [new Date(0)] };
  assert.equal(jsonableEncoder(value, { byAlias: false, excludeUnset: true, excludeDefaults: true }), { ...value, e: ["1970-01-01T00:00:00+00:00"] });
  const plain = { a: 1, b: null, c: { d: [2] } };
  assert.is(jsonableEncoder(plain, { excludeUnset: true }), plain);
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
  assert.is(jsonableEncoder(bare, { excludeUnset: true }), bare);
});

test("excludeUnset on a value a path operation validated: only what the request sent, as model_dump(exclude_unset=True)", async () => {
  const source = `
from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
class Sub(BaseModel):
    a: int = 1
    b: list[int] = []
class Item(BaseModel):
    name: str | None = None
    tax: float = 10.5
    sub: Sub = Sub()
    subs: list[Sub] = []
app = FastAPI()
@app.patch("/")
def patch(item: Item):
    return {"unset": jsonable_encoder(item, exclude_unset=True), "all": jsonable_encoder(item), "wrapped": jsonable_encoder({"i": [item]}, exclude_unset=True)}
`;
  const Sub = z.object({ a: z.int().default(1), b: z.array(z.int()).default([]) });
  const Item = z.object({ name: z.string().nullable().default(null), tax: z.number().default(10.5), sub: Sub.default({ a: 1, b: [] }), subs: z.array(Sub).default([]) });
  const app = new FastAPI();
  app.patch("/", { params: { item: Body(Item) } }, ({ item }) => ({
    unset: jsonableEncoder(item, { excludeUnset: true }),
    all: jsonableEncoder(item),
    wrapped: jsonableEncoder({ i: [item] }, { excludeUnset: true }),
  }));
  const requests = [{}, { name: null }, { tax: 3.5, sub: { b: [1] }, subs: [{ a: 2 }, {}] }, { colour: "red" }].map((json) => ({ method: "PATCH", path: "/", json }));
  const ts = await tsAnswers(app, requests);
  if (requirePython("fastapi")) assert.equal(ts, fastapiAnswers(source, requests));
});

test("NaN and Infinity stay numbers (JSON.stringify would write null)", () => {
  const out = jsonableEncoder({ n: NaN, i: -Infinity }) as { n: number; i: number };
  assert.ok(Number.isNaN(out.n), "NaN");
  assert.is(out.i, -Infinity);
});

test.run();
