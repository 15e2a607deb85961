// Port of tests/test_itsdangerous/test_serializer.py and test_url_safe.py: the
// suite runs on Serializer, TimedSerializer, URLSafeSerializer and URLSafeTimedSerializer.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BadPayload, BadSignature, SignatureExpired } from "../../src/itsdangerous/exc.js";
import { Serializer, type SerializerOptions } from "../../src/itsdangerous/serializer.js";
import { Signer } from "../../src/itsdangerous/signer.js";
import { TimedSerializer, TimestampSigner } from "../../src/itsdangerous/timed.js";
import { URLSafeSerializer, URLSafeTimedSerializer } from "../../src/itsdangerous/url_safe.js";
import { compactJson } from "../../src/itsdangerous/_json.js";

const clock = { now: 1700000000 };
class FrozenTimestampSigner extends TimestampSigner {
  override getTimestamp(): number {
    return clock.now;
  }
}

const VALUES: unknown[] = [{ id: 42 }, "a string", 42, [1, 2, "three"], { nested: { list: [null, true, false] } }, "é☃😀"];

function describeSerializer(name: string, make: (options?: SerializerOptions) => Serializer): void {
  const s = suite(name);
  s.before.each(() => void (clock.now = 1700000000));

  s("test_serializer", () => {
    const serializer = make();
    for (const value of VALUES) {
      const token = serializer.dumps(value);
      assert.type(token, "string");
      assert.equal(serializer.loads(token), value);
    }
  });

  s("test_changed_value", () => {
    const serializer = make();
    const token = serializer.dumps(VALUES[0]);
    for (const changed of [token.toUpperCase(), token + "a", "a" + token.slice(1), token.replace(".", "*")]) {
      assert.throws(() => serializer.loads(changed), (e: unknown) => e instanceof BadSignature, changed);
    }
  });

  s("test_bad_signature_exception", () => {
    const serializer = make();
    const bad = serializer.dumps(VALUES[0]).slice(0, -1);
    try {
      serializer.loads(bad);
      assert.unreachable();
    } catch (e) {
      assert.instance(e, BadSignature);
      assert.equal(serializer.loadPayload((e as BadSignature).payload as Buffer), VALUES[0]);
    }
  });

  s("test_bad_payload_exception", () => {
    const serializer = make();
    const original = serializer.dumps(VALUES[0]);
    const payload = original.slice(0, original.indexOf("."));
    const bad = serializer.makeSigner().sign(payload.slice(0, -1));
    assert.throws(() => serializer.loads(bad), (e: unknown) => e instanceof BadPayload);
  });

  s("test_loads_unsafe", () => {
    const serializer = make();
    const token = serializer.dumps(VALUES[0]);
    assert.equal(serializer.loadsUnsafe(token), [true, VALUES[0]]);
    assert.equal(serializer.loadsUnsafe(token.slice(0, -1)), [false, VALUES[0]]);
    assert.equal(serializer.loadsUnsafe("no-separator-here"), [false, null]);
    const payload = token.slice(0, token.indexOf("."));
    assert.equal(serializer.loadsUnsafe(payload.slice(0, -1) + ".sig"), [false, null]);
  });

  s("test_alt_salt", () => {
    const serializer = make();
    const token = serializer.dumps(VALUES[0], "other");
    assert.throws(() => serializer.loads(token), (e: unknown) => e instanceof BadSignature);
    assert.equal(serializer.loads(token, { salt: "other" }), VALUES[0]);
  });

  s("test_signer_kwargs", () => {
    const serializer = make({ signerKwargs: { keyDerivation: "hmac" } });
    assert.equal(serializer.loads(serializer.dumps(VALUES[0])), VALUES[0]);
    assert.throws(() => make().loads(serializer.dumps(VALUES[0])), (e: unknown) => e instanceof BadSignature);
  });

  s("test_serializer_kwargs", () => {
    const serializer = make({ serializer: { dumps: (o) => JSON.stringify(o, null, 1), loads: (t) => JSON.parse(t) } });
    assert.equal(serializer.loads(serializer.dumps({ a: [1] })), { a: [1] });
  });

  s("test_fallback_signers", () => {
    const older = make({ signerKwargs: { digestMethod: "sha256" } });
    const token = older.dumps(VALUES[0]);
    const serializer = make({ fallbackSigners: [{ digestMethod: "sha256" }] });
    assert.equal(serializer.loads(token), VALUES[0]);
    const viaTuple = make({ fallbackSigners: [[(serializer.signer as typeof Signer), { digestMethod: "sha256" }]] });
    assert.equal(viaTuple.loads(token), VALUES[0]);
  });

  s("test_iter_unsigners", () => {
    const serializer = make({ fallbackSigners: [{ digestMethod: "sha256" }, serializer0Signer(make)] });
    const signers = [...serializer.iterUnsigners()];
    assert.is(signers.length, 3);
    assert.is(signers[1].digestMethod, "sha256");
  });

  s.run();
}

function serializer0Signer(make: (options?: SerializerOptions) => Serializer): typeof Signer {
  return make().signer;
}

const frozen = { signer: FrozenTimestampSigner };
describeSerializer("TestSerializer", (o) => new Serializer("secret-key", o));
describeSerializer("TestTimedSerializer", (o) => new TimedSerializer("secret-key", { ...frozen, ...o }));
describeSerializer("TestURLSafeSerializer", (o) => new URLSafeSerializer("secret-key", o));
describeSerializer("TestURLSafeTimedSerializer", (o) => new URLSafeTimedSerializer("secret-key", { ...frozen, ...o }));

const extra = suite("serializer specifics");

extra("TimedSerializer: test_max_age and test_return_payload", () => {
  clock.now = 1700000000;
  const serializer = new TimedSerializer("secret_key", frozen);
  const signed = serializer.dumps({ a: 1 });
  clock.now += 1;
  assert.equal(serializer.loads(signed, { maxAge: 10 }), { a: 1 });
  clock.now += 10;
  try {
    serializer.loads(signed, { maxAge: 10 });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, SignatureExpired);
    assert.is((e as SignatureExpired).dateSigned?.getTime(), 1700000000000);
    assert.equal(serializer.loadPayload((e as SignatureExpired).payload as Buffer), { a: 1 });
  }
  const [value, date] = serializer.loadsWithTimestamp(signed);
  assert.equal(value, { a: 1 });
  assert.is(date.getTime(), 1700000000000);
  const fallback = new TimedSerializer("secret_key", { ...frozen, fallbackSigners: [{ digestMethod: "sha256" }] });
  clock.now += 100;
  assert.throws(() => fallback.loads(signed, { maxAge: 10 }), (e: unknown) => e instanceof SignatureExpired, "an expired signature is final");
});

extra("the spec's vectors (7.5), key rotation, compression", () => {
  clock.now = 1700000000;
  assert.is(new URLSafeSerializer("secret-key", { salt: "activate" }).dumps(42), "NDI.MHQqszw6Wc81wOBQszCrEE_RlzY");
  assert.is(new URLSafeSerializer("secret-key").dumps({ id: 5, name: "itsdangerous" }), "eyJpZCI6NSwibmFtZSI6Iml0c2Rhbmdlcm91cyJ9.dXsPurNnbsOsQDHMMaHDcM78D0s");
  assert.is(new URLSafeTimedSerializer("secret-key", frozen).dumps({ id: 5, name: "itsdangerous" }), "eyJpZCI6NSwibmFtZSI6Iml0c2Rhbmdlcm91cyJ9.ZVPxAA.yzYPWzx3NqYWlW8CzIMaspzfjgg");
  const compressed = new URLSafeTimedSerializer("secret-key", frozen).dumps({ data: "a".repeat(100) });
  assert.ok(compressed.startsWith("."));
  assert.equal(new URLSafeTimedSerializer("secret-key", frozen).loads(".eJyrVkpJLElUslJKpANQqgUA6jEpOQ.ZVPxAA.HWFMHflv7fFQiqc107Q1vauLbAs"), { data: "a".repeat(100) });
  const rotated = new URLSafeSerializer(["old-key", "new-key"]);
  assert.is(rotated.dumps("v"), "InYi.QWA0mu4MQ7ov1FSHgUFIjIiDzYY");
  assert.is(rotated.loads(new URLSafeSerializer("old-key").dumps("v")), "v");
  assert.is(rotated.secretKey.toString(), "new-key");
  assert.is(new Serializer("secret-key").dumps({ id: 5, name: "itsdangerous" }).split(".")[0], '{"id": 5, "name": "itsdangerous"}');
  assert.is(new Serializer("k", { salt: null }).makeSigner().salt.toString(), "itsdangerous.Signer");
});

extra("URL-safe payload errors are BadPayload with itsdangerous's messages", () => {
  const serializer = new URLSafeSerializer("k");
  const badBase64 = serializer.makeSigner().sign("a");
  assert.throws(() => serializer.loads(badBase64), (e: unknown) => e instanceof BadPayload && (e as Error).message === "Could not base64 decode the payload because of an exception");
  const badZlib = serializer.makeSigner().sign(".YWJj");
  assert.throws(() => serializer.loads(badZlib), (e: unknown) => e instanceof BadPayload && (e as Error).message === "Could not zlib decompress the payload before decoding the payload");
  assert.is(compactJson.dumps({ a: "é" }), '{"a":"é"}');
});

extra("errors other than BadSignature are not swallowed", () => {
  class Exploding extends Signer {
    override unsign(): never {
      throw new TypeError("exploded");
    }
  }
  assert.throws(() => new Serializer("k", { signer: Exploding as never }).loads("a.b"), /exploded/);
  assert.throws(() => new Serializer("k", { signer: Exploding as never }).loadsUnsafe("a.b"), /exploded/);
  class ExplodingTimed extends TimestampSigner {
    override unsignWithTimestamp(): never {
      throw new TypeError("exploded");
    }
  }
  assert.throws(() => new TimedSerializer("k", { signer: ExplodingTimed }).loads("a.b"), /exploded/);
  const weird = new Serializer("k", { serializer: { dumps: () => "x", loads: () => { throw new BadPayload("inner"); } } });
  const token = weird.dumps(1);
  assert.equal(weird.loadsUnsafe(token.slice(0, -1)), [false, null]);
});

extra.run();
