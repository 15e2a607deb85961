// Port of tests/test_itsdangerous/test_timed.py: TimestampSigner re-runs the
// Signer suite with a frozen clock, then its own tests.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BadTimeSignature, SignatureExpired } from "../../src/itsdangerous/exc.js";
import { Signer } from "../../src/itsdangerous/signer.js";
import { TimestampSigner } from "../../src/itsdangerous/timed.js";
import { describeSigner } from "./signer.test.js";
import { thrown } from "../helpers.js";

// freezegun's role: a clock the test moves by hand. 2011-06-24T00:09:05Z, as in itsdangerous's tests.
const TS = Date.UTC(2011, 5, 24, 0, 9, 5) / 1000;
const clock = { now: TS };

class FrozenTimestampSigner extends TimestampSigner {
  override getTimestamp(): number {
    return clock.now;
  }
}

describeSigner("TestTimestampSigner (TestSigner re-run)", (options) => new FrozenTimestampSigner("secret-key", options), (keys) => new FrozenTimestampSigner(keys));

const s = suite("TestTimestampSigner");
s.before.each(() => void (clock.now = TS));

s("test_max_age", () => {
  const signer = new FrozenTimestampSigner("secret-key");
  const signed = signer.sign("value");
  clock.now += 1;
  assert.is(signer.unsign(signed, { maxAge: 10 }), "value");
  clock.now += 10;
  const e = thrown(() => signer.unsign(signed, { maxAge: 10 }));
  assert.instance(e, SignatureExpired);
  assert.is((e as SignatureExpired).message, "Signature age 11 > 10 seconds");
  assert.is((e as SignatureExpired).dateSigned?.getTime(), TS * 1000);
  assert.not.ok(signer.validate(signed, { maxAge: 10 }));
  assert.ok(signer.validate(signed, { maxAge: 11 }), "age == maxAge is still valid");
  assert.ok(signer.validate(signed));
});

s("test_return_timestamp", () => {
  const signer = new FrozenTimestampSigner("secret-key");
  const [value, date] = signer.unsignWithTimestamp(signer.sign("value"));
  assert.is(value, "value");
  assert.is(date.getTime(), TS * 1000);
  const [bytes] = signer.unsignWithTimestamp(Buffer.from(signer.sign("value")));
  assert.instance(bytes, Buffer);
});

s("test_timestamp_missing", () => {
  const signed = new Signer("secret-key").sign("value");
  const e = thrown(() => new FrozenTimestampSigner("secret-key").unsign(signed));
  assert.instance(e, BadTimeSignature);
  assert.ok((e as Error).message.includes("missing"));
  assert.is((e as BadTimeSignature).dateSigned, null);
});

s("test_malformed_timestamp", () => {
  const signed = new Signer("secret-key").sign(Buffer.from("value.____________"));
  const e = thrown(() => new FrozenTimestampSigner("secret-key").unsign(signed));
  assert.instance(e, BadTimeSignature);
  assert.ok((e as Error).message.includes("Malformed"));
  assert.is((e as BadTimeSignature).dateSigned, null);
});

s("test_malformed_future_timestamp", () => {
  const e = thrown(() => new FrozenTimestampSigner("secret-key").unsign("value.TgPVoaGhoQ.AGBfQ6G6cr07byTRt0zAdPljHOY"));
  assert.instance(e, BadTimeSignature);
  assert.ok((e as Error).message.includes("Malformed"));
  assert.is((e as BadTimeSignature).dateSigned, null);
});

s("test_future_age", () => {
  const signer = new FrozenTimestampSigner("secret-key");
  const signed = signer.sign("value");
  clock.now = Date.UTC(1971, 4, 31) / 1000;
  const e = thrown(() => signer.unsign(signed, { maxAge: 10 }));
  assert.instance(e, SignatureExpired);
  assert.match((e as Error).message, /^Signature age -\d+ < 0 seconds$/);
  assert.instance((e as SignatureExpired).dateSigned, Date);
});

s("test_sig_error_date_signed", () => {
  const signed = new FrozenTimestampSigner("secret-key").sign("my string").replace("my", "other");
  const e = thrown(() => new FrozenTimestampSigner("secret-key").unsign(signed));
  assert.instance(e, BadTimeSignature);
  assert.instance((e as BadTimeSignature).dateSigned, Date);
});

s("a bad signature with no timestamp part is the plain signature error (spec 7.3)", () => {
  assert.throws(
    () => new FrozenTimestampSigner("secret-key").unsign("hello.x"),
    (e: unknown) => (e as Error).constructor.name === "BadSignature" && (e as Error).message === "Signature b'x' does not match",
  );
});

s("the spec's vector and the real clock", () => {
  clock.now = 1700000000;
  assert.is(new FrozenTimestampSigner("secret-key").sign("hello"), "hello.ZVPxAA.UQx3EIPGLNk6IyY28rz4wwlRRWI");
  const now = Math.floor(Date.now() / 1000);
  const real = new TimestampSigner("k");
  assert.ok(Math.abs(real.getTimestamp() - now) <= 1);
  assert.throws(() => real.timestampToDatetime(253402300800), RangeError as never);
});

s("a timestamp past 2^53 with a max age: SignatureExpired with the exact age, and no date", () => {
  // The token Python's itsdangerous 2.1.2 makes for get_timestamp() == 2**60; Python then fails
  // making the date (OSError), here it stays a SignatureExpired (docs/itsdangerous.md).
  const token = "v.EAAAAAAAAAA.dD2Xw3XuplXCXaI7kCZ3Tt5XDhA";
  class Future extends TimestampSigner {
    override getTimestamp(): number {
      return 2 ** 60;
    }
  }
  assert.is(new Future("k").sign("v"), token);
  class Now extends TimestampSigner {
    override getTimestamp(): number {
      return 1_700_000_000;
    }
  }
  const error = thrown(() => new Now("k").unsign(token, { maxAge: 10 }));
  assert.instance(error, SignatureExpired);
  assert.is(error.message, "Signature age -1152921502906846976 < 0 seconds");
  assert.is((error as SignatureExpired).dateSigned, null);
  assert.is(new Now("k").unsign(token), "v");
});

s.run();
