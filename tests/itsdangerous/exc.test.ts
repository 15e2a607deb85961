// itsdangerous/exc.py: what Python's str() and attributes give, checked against itsdangerous 2.1.2:
//   str(BadHeader("bad header", payload=b"p", header={...}, original_error=ValueError("v"))) == "bad header"
//   BadHeader("m").payload, .header, .original_error are all None; BadHeader's MRO is
//   BadHeader, BadSignature, BadData, Exception.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BadData, BadHeader, BadPayload, BadSignature, BadTimeSignature, SignatureExpired } from "../../src/itsdangerous/exc.js";

test("String() of an error is its message alone, as Python's str()", () => {
  for (const error of [new BadData("d"), new BadSignature("s"), new BadTimeSignature("t"), new SignatureExpired("x"), new BadPayload("p"), new BadHeader("h")]) {
    assert.is(String(error), error.message);
    assert.is(error.name, error.constructor.name);
  }
});

test("BadHeader: a BadSignature with the header and the original error", () => {
  const original = new RangeError("v");
  const error = new BadHeader("bad header", Buffer.from("p"), { alg: "x" }, original);
  assert.instance(error, BadSignature);
  assert.instance(error, BadData);
  assert.instance(error, Error);
  assert.is(Buffer.from(error.payload as Uint8Array).toString(), "p");
  assert.equal(error.header, { alg: "x" });
  assert.is(error.originalError, original);
  const bare = new BadHeader("m");
  assert.equal([bare.payload, bare.header, bare.originalError], [null, null, null]);
});

test("defaults: BadPayload's original error and SignatureExpired's date are null", () => {
  assert.is(new BadPayload("pm").originalError, null);
  assert.is(new SignatureExpired("x").dateSigned, null);
  assert.instance(new SignatureExpired("x"), BadTimeSignature);
});

test.run();
