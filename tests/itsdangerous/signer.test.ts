// Port of tests/test_itsdangerous/test_signer.py. describeSigner runs the
// whole suite on any Signer factory; timed.test.ts re-runs it on TimestampSigner,
// as itsdangerous's TestTimestampSigner inherits TestSigner.
import { createHmac } from "node:crypto";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BadSignature } from "../../src/itsdangerous/exc.js";
import { bytesRepr, HMACAlgorithm, NoneAlgorithm, Signer, SigningAlgorithm, type SignerOptions } from "../../src/itsdangerous/signer.js";

class ReverseAlgorithm extends SigningAlgorithm {
  getSignature(key: Buffer, value: Buffer): Buffer {
    return Buffer.concat([key, value]).reverse();
  }
}

export function describeSigner(name: string, factory: (options?: SignerOptions) => Signer, secretKeys: (keys: string[]) => Signer): void {
  const s = suite(name);

  s("test_signer", () => {
    const signer = factory();
    const signed = signer.sign(Buffer.from("my string"));
    assert.instance(signed, Buffer);
    assert.ok(signer.validate(signed));
    assert.is(signer.unsign(signed).toString(), "my string");
    assert.is(typeof signer.sign("my string"), "string");
    assert.is(signer.unsign(signer.sign("my string")), "my string");
  });

  s("test_no_separator", () => {
    const signer = factory();
    const signed = signer.sign("my string").replace(".", "*");
    assert.not.ok(signer.validate(signed));
    assert.throws(() => signer.unsign(signed), (e: unknown) => e instanceof BadSignature);
  });

  s("test_broken_signature", () => {
    const signer = factory();
    const badSigned = signer.sign("b").slice(0, -1);
    const badSig = badSigned.slice(badSigned.lastIndexOf(".") + 1);
    assert.not.ok(signer.verifySignature("b", badSig));
    try {
      signer.unsign(badSigned);
      assert.unreachable();
    } catch (e) {
      assert.instance(e, BadSignature);
      assert.is(Buffer.from((e as BadSignature).payload as Uint8Array).toString(), "b");
    }
  });

  s("test_changed_value", () => {
    const signer = factory();
    const signed = signer.sign("my string").replace("my", "other");
    assert.not.ok(signer.validate(signed));
    assert.throws(() => signer.unsign(signed), (e: unknown) => e instanceof BadSignature);
  });

  s("test_invalid_separator", () => {
    for (const sep of ["-", "a", "", "ab", "="]) {
      assert.throws(() => factory({ sep }), /separator cannot be used/);
    }
    assert.is(factory({ sep: "ba" }).unsign(factory({ sep: "ba" }).sign("x")), "x", "a substring test, as in Python");
  });

  s("test_key_derivation", () => {
    for (const keyDerivation of ["concat", "django-concat", "hmac", "none"] as const) {
      const signer = factory({ keyDerivation });
      assert.is(signer.unsign(signer.sign("value")), "value", keyDerivation);
    }
  });

  s("test_invalid_key_derivation", () => {
    const signer = factory({ keyDerivation: "invalid" as never });
    assert.throws(() => signer.deriveKey(), (e: unknown) => e instanceof TypeError && (e as Error).message === "Unknown key derivation method");
  });

  s("test_digest_method", () => {
    const signer = factory({ digestMethod: "md5" });
    assert.is(signer.unsign(signer.sign("value")), "value");
  });

  s("test_algorithm", () => {
    for (const algorithm of [null, new NoneAlgorithm(), new HMACAlgorithm(), new ReverseAlgorithm()]) {
      const signer = factory({ algorithm });
      assert.is(signer.unsign(signer.sign("value")), "value");
      if (algorithm === null) assert.is((signer.algorithm as HMACAlgorithm).digestMethod, signer.digestMethod);
    }
  });

  s("test_secret_keys", () => {
    const signed = secretKeys(["a"]).sign("my string");
    const rotated = secretKeys(["a", "b"]);
    assert.ok(rotated.validate(signed));
    assert.is(rotated.unsign(signed), "my string");
    assert.not.ok(secretKeys(["b"]).validate(signed));
    assert.equal(rotated.sign("x"), secretKeys(["b"]).sign("x"), "the newest key signs");
  });

  s("bytes in, bytes out; non-UTF-8 values survive", () => {
    const signer = factory();
    const value = Buffer.from([0xff, 0x00, 0xfe]);
    assert.equal([...signer.unsign(signer.sign(value))], [...value]);
    assert.ok(signer.validate(new Uint8Array(signer.sign(value))));
  });

  s.run();
}

describeSigner("TestSigner", (options) => new Signer("secret-key", options), (keys) => new Signer(keys));

const extra = suite("Signer vectors from the docs and spec 7.6");

extra("the docs example and every configuration of spec 7.6", () => {
  assert.is(new Signer("secret-key").sign("my string"), "my string.wh6tMHxLgJqB6oY1uT73iMlyrOA");
  const cases: Array<[SignerOptions, string]> = [
    [{}, "hello.GIG_I5genEs4rf1bcDRWLO8Yso4"],
    [{ keyDerivation: "concat" }, "hello.cDjete3t8elcz--gYkiMY69YpgI"],
    [{ keyDerivation: "hmac" }, "hello.ALZU3ey00YNgkgxl633Xs8VG_Eo"],
    [{ keyDerivation: "none" }, "hello.J5rb-6R5G3Md2aC4ofFuty27aR0"],
    [{ digestMethod: "sha256" }, "hello.upm5Ld0GfGoOMfOmRUKFct3MLmwAZ0b_6KKIrXsA3Jo"],
    [{ salt: "my-salt" }, "hello.CUETC0sFtbK_iFPkR_-UdQxONhs"],
    [{ sep: ":" }, "hello:GIG_I5genEs4rf1bcDRWLO8Yso4"],
  ];
  for (const [options, expected] of cases) assert.is(new Signer("secret-key", options).sign("hello"), expected, JSON.stringify(options));
  assert.is(new Signer("secret-key").deriveKey().toString("hex"), "95c1413ec52400db8a22b50e2f318e9204636448");
  assert.is(new Signer("secret-key").secretKey.toString(), "secret-key");
});

extra("HMAC-SHA1 over django-concat is what node:crypto computes by hand", () => {
  const key = Buffer.from("95c1413ec52400db8a22b50e2f318e9204636448", "hex");
  const sig = createHmac("sha1", key).update("hello").digest("base64url");
  assert.is(new Signer("secret-key").sign("hello"), `hello.${sig}`);
});

extra("messages embed Python's bytes repr", () => {
  assert.is(bytesRepr(Buffer.from(".")), "b'.'");
  assert.is(bytesRepr(Buffer.from("it's")), `b"it's"`);
  assert.is(bytesRepr(Buffer.from(`'"`)), `b'\\'"'`);
  assert.is(bytesRepr(Buffer.from([0x5c, 0x09, 0x0a, 0x0d, 0x00, 0xff])), "b'\\\\\\t\\n\\r\\x00\\xff'");
  assert.throws(() => new Signer("k").unsign("no-sep"), (e: unknown) => (e as Error).message === "No b'.' found in value");
  assert.throws(() => new Signer("k").unsign("v.bad"), (e: unknown) => (e as Error).message === "Signature b'bad' does not match");
});

extra("validate() re-throws what is not a BadSignature", () => {
  class Broken extends SigningAlgorithm {
    getSignature(): Buffer {
      throw new TypeError("broken algorithm");
    }
  }
  assert.throws(() => new Signer("k", { algorithm: new Broken() }).validate("a.YWJj"), /broken algorithm/);
});

extra("a custom algorithm with a signature longer than 128 characters: the bytes Python gives, verified", () => {
  // Python: class Long(SigningAlgorithm): get_signature = lambda self, key, value: hmac.new(key, value, hashlib.sha512).digest() * 2
  class Long extends SigningAlgorithm {
    getSignature(key: Buffer, value: Buffer): Buffer {
      const digest = createHmac("sha512", key).update(value).digest();
      return Buffer.concat([digest, digest]);
    }
  }
  const signer = new Signer("k", { algorithm: new Long() });
  const token =
    "v.f46VNTPpfuDwE9Sr709WgttDfHcqLyh7ybwxKrHrylwvthDkJxQ-mUXz4E-NO1jaUzKf2j_lHcvdTteummsQn3-OlTUz6X7g8BPUq-9PVoLbQ3x3Ki8oe8m8MSqx68pcL7YQ5CcUPplF8-BPjTtY2lMyn9o_5R3L3U7XrpprEJ8";
  assert.is(signer.sign("v"), token);
  assert.is(signer.unsign(token), "v");
  assert.not.ok(signer.validate(token.slice(0, 10) + (token[10] === "A" ? "B" : "A") + token.slice(11)));
  // The last character carries two unused bits: as in Python's lenient base64, "9" there decodes to the same bytes.
  assert.ok(signer.validate(token.slice(0, -1) + "9"));
});

extra("text in, text out: a signed non-ASCII text comes back as the same text", () => {
  const signer = new Signer("k");
  assert.is(signer.unsign(signer.sign("ünïcode ✓")), "ünïcode ✓");
});

extra.run();
