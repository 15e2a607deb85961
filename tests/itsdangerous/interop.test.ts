// No Python counterpart: live interoperability with the real itsdangerous
// (2.2, from the .venv-py virtualenv). Random keys, values, salts and timestamps,
// every key derivation, SHA-1 and SHA-256: Python signs, TypeScript verifies,
// and the other way round, in one run of the Python interpreter.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Signer, type KeyDerivation } from "../../src/itsdangerous/signer.js";
import { TimestampSigner } from "../../src/itsdangerous/timed.js";
import { URLSafeTimedSerializer } from "../../src/itsdangerous/url_safe.js";
import { BadData } from "../../src/itsdangerous/exc.js";
import { requirePython, runPython } from "../python.js";

type Key = string | { hex: string };
interface Case {
  kind: "signer" | "timestamp" | "serializer";
  keys: Key[];
  salt: string;
  derivation: KeyDerivation;
  digest: "sha1" | "sha256";
  value: Key;
  now: number;
  max_age: number | null;
  payload: unknown;
  theirs: string;
}

const toBytes = (k: Key): Buffer => (typeof k === "string" ? Buffer.from(k, "utf8") : Buffer.from(k.hex, "hex"));
const N = 300;

function frozen(now: number): typeof TimestampSigner {
  return class extends TimestampSigner {
    override getTimestamp(): number {
      return now;
    }
  };
}

if (requirePython("itsdangerous")) {
  test(`${N} random cases: the same bytes both ways, each side verifies the other's`, () => {
    const key: fc.Arbitrary<Key> = fc.oneof(fc.string({ maxLength: 24 }), fc.uint8Array({ maxLength: 24 }).map((a) => ({ hex: Buffer.from(a).toString("hex") })));
    const json = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).match(/-?\d+\.\d|e[+-]?\d|-0\b/));
    const cases = fc.sample(
      fc.record({
        kind: fc.constantFrom("signer", "timestamp", "serializer"),
        keys: fc.array(key, { minLength: 1, maxLength: 3 }),
        salt: fc.string({ maxLength: 12 }),
        derivation: fc.constantFrom("concat", "django-concat", "hmac", "none"),
        digest: fc.constantFrom("sha1", "sha256"),
        value: key,
        now: fc.integer({ min: 0, max: 2 ** 33 }),
        max_age: fc.option(fc.integer({ min: 0, max: 1000 })),
        payload: json,
      }),
      { numRuns: N, seed: 20261124 },
    ) as Omit<Case, "theirs">[];

    // What this port produces, for Python to verify.
    const ours = cases.map((c): Case => {
      const keys = c.keys.map(toBytes);
      const options = { salt: c.salt, keyDerivation: c.derivation, digestMethod: c.digest };
      if (c.kind === "signer") return { ...c, theirs: new Signer(keys, options).sign(toBytes(c.value)).toString("latin1") };
      if (c.kind === "timestamp") return { ...c, theirs: new (frozen(c.now))(keys, options).sign(toBytes(c.value)).toString("latin1") };
      return { ...c, theirs: new URLSafeTimedSerializer(keys, { salt: c.salt, signer: frozen(c.now) }).dumps(c.payload) };
    });
    const python = runPython<Array<Record<string, unknown>>>("itsdangerous_interop", ours);
    assert.is(python.length, N);

    let compressed = 0;
    ours.forEach((c, i) => {
      const py = python[i];
      const keys = c.keys.map(toBytes);
      const options = { salt: c.salt, keyDerivation: c.derivation, digestMethod: c.digest };
      const where = `case ${i} (${c.kind})`;
      if (c.kind === "signer") {
        assert.is(py.signed, c.theirs, `${where}: same signature`);
        assert.ok(py.verifies_theirs, `${where}: Python verifies ours`);
        assert.ok(new Signer(keys, options).validate(Buffer.from(py.signed as string, "latin1")), where);
      } else if (c.kind === "timestamp") {
        assert.is(py.signed, c.theirs, `${where}: same bytes`);
        const signer = new (frozen(c.now))(keys, options);
        assert.equal((py.theirs as { value: string }).value, signer.unsign(Buffer.from(c.theirs, "latin1"), { maxAge: c.max_age }).toString("latin1"), where);
      } else {
        const serializer = new URLSafeTimedSerializer(keys, { salt: c.salt, signer: frozen(c.now) });
        // zlib's output (and so whether compressing pays) depends on the build; uncompressed tokens must match exactly.
        if (!c.theirs.startsWith(".") && !(py.token as string).startsWith(".")) assert.is(py.token, c.theirs, `${where}: same token`);
        else compressed++;
        assert.equal((py.theirs as { payload: unknown }).payload, c.payload, `${where}: Python loads ours`);
        assert.equal(serializer.loads(py.token as string, { maxAge: c.max_age }), c.payload, `${where}: we load Python's`);
      }
    });
    assert.ok(compressed < N);
  });

  test("expired and tampered tokens fail the same way on both sides", () => {
    const now = 1700000000;
    const signed = new (frozen(now))("k").sign("value");
    const cases: Case[] = [
      { kind: "timestamp", keys: ["k"], salt: "itsdangerous.Signer", derivation: "django-concat", digest: "sha1", value: "v", now: now + 11, max_age: 10, payload: null, theirs: signed },
      { kind: "timestamp", keys: ["k"], salt: "itsdangerous.Signer", derivation: "django-concat", digest: "sha1", value: "v", now: now - 1, max_age: 10, payload: null, theirs: signed },
      { kind: "timestamp", keys: ["k"], salt: "itsdangerous.Signer", derivation: "django-concat", digest: "sha1", value: "v", now, max_age: 10, payload: null, theirs: signed.slice(0, -2) },
    ];
    const python = runPython<Array<{ theirs: { error: string; message: string } }>>("itsdangerous_interop", cases);
    cases.forEach((c, i) => {
      try {
        new (frozen(c.now))("k").unsign(c.theirs, { maxAge: c.max_age });
        assert.unreachable();
      } catch (e) {
        assert.instance(e, BadData);
        assert.is((e as Error).constructor.name, python[i].theirs.error);
        assert.is((e as Error).message, python[i].theirs.message);
      }
    });
  });

  test.run();
}
