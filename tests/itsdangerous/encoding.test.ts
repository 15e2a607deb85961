// Port of tests/test_itsdangerous/test_encoding.py, plus Python's lenient base64 decoding.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { a2bBase64, b64decode, base64Decode, base64Encode, bytesToInt, intToBytes, wantBytes } from "../../src/itsdangerous/encoding.js";
import { BadData } from "../../src/itsdangerous/exc.js";

test("test_want_bytes", () => {
  assert.equal([...wantBytes("foobar")], [...Buffer.from("foobar")]);
  assert.equal([...wantBytes(new Uint8Array([1, 2]))], [1, 2]);
  const buf = Buffer.from("x");
  assert.is(wantBytes(buf), buf);
});

test("test_base64 round trips, URL-safe and unpadded", () => {
  for (const value of ["a", "ab", "abc", "\xff\xfe", "é😀"]) {
    const encoded = base64Encode(value).toString("latin1");
    assert.not.match(encoded, /[=+/]/);
    assert.is(base64Decode(encoded).toString("utf8"), Buffer.from(value).toString("utf8"));
  }
  assert.is(base64Encode(Buffer.from([0xfb, 0xff])).toString(), "-_8");
});

test("test_base64_bad: invalid data is BadData('Invalid base64-encoded data')", () => {
  assert.throws(() => base64Decode("12345"), (e: unknown) => e instanceof BadData && (e as Error).message === "Invalid base64-encoded data");
});

test("Python's leniency (spec 7.1): junk skipped, + and / accepted, extra padding tolerated", () => {
  assert.is(base64Decode("YWJj").toString(), "abc");
  assert.is(base64Decode("Y W J j").toString(), "abc");
  assert.equal([...base64Decode("YW-_")], [...base64Decode("YW+/")]);
  assert.is(base64Decode("é").length, 0);
  assert.throws(() => base64Decode("YWJjZ"), (e: unknown) => e instanceof BadData);
  assert.is(b64decode("YWJj====").toString(), "abc");
  assert.is(b64decode("YQ==YWJj").toString(), "a", "decoding stops at a complete pad");
  assert.is(b64decode("YR==").toString(), "a", "leftover bits are ignored");
  assert.is(b64decode("Y=Q==").toString(), "a", "a pad before two data characters is skipped");
  assert.throws(() => b64decode("Y=Q="), /Incorrect padding/);
  assert.throws(() => b64decode("YWJ"), /Incorrect padding/);
  assert.throws(() => a2bBase64(Buffer.from("Y")), /cannot be 1 more than a multiple of 4/);
  assert.is(b64decode(new Uint8Array(Buffer.from("YWJj"))).toString(), "abc");
});

test("test_int_bytes", () => {
  for (const num of [0, 1, 255, 256, 1700000000, 2 ** 53 - 1]) {
    assert.is(bytesToInt(intToBytes(num)), BigInt(num));
  }
  assert.is(intToBytes(0).length, 0);
  assert.equal([...intToBytes(256)], [1, 0]);
  assert.equal([...intToBytes(1700000000)], [0x65, 0x53, 0xf1, 0x00]);
  assert.is(bytesToInt(intToBytes(2n ** 64n - 1n)), 2n ** 64n - 1n);
  assert.throws(() => intToBytes(-1), RangeError as never);
  assert.throws(() => intToBytes(2n ** 64n), RangeError as never);
  assert.throws(() => bytesToInt(new Uint8Array(9)), /8 bytes/);
});

test.run();
