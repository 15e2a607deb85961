// No Python counterpart: property tests. Whatever string or bytes arrive, the
// signers and serializers either return a value or raise an itsdangerous error.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BadData } from "../../src/itsdangerous/exc.js";
import { Signer } from "../../src/itsdangerous/signer.js";
import { TimestampSigner } from "../../src/itsdangerous/timed.js";
import { URLSafeSerializer, URLSafeTimedSerializer } from "../../src/itsdangerous/url_safe.js";

const RUNS = 2000;
const signer = new Signer("secret-key");
const timed = new TimestampSigner("secret-key");
const serializer = new URLSafeSerializer("secret-key");
const timedSerializer = new URLSafeTimedSerializer("secret-key");

/** Only itsdangerous errors may escape. */
function onlyBadData(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (e) {
    return e instanceof BadData;
  }
}

// A valid token with random damage: bit flips, truncation, insertions, duplicated separators.
const mutated = (valid: string) =>
  fc
    .tuple(fc.nat(valid.length), fc.nat(7), fc.constantFrom("flip", "truncate", "insert", "sep", "non-ascii"), fc.string({ maxLength: 4 }))
    .map(([at, bit, kind, extra]) => {
      const bytes = Buffer.from(valid, "latin1");
      if (kind === "flip" && bytes.length) bytes[at % bytes.length] ^= 1 << bit;
      if (kind === "truncate") return bytes.subarray(0, at);
      if (kind === "insert") return Buffer.concat([bytes.subarray(0, at), Buffer.from(extra), bytes.subarray(at)]);
      if (kind === "sep") return Buffer.concat([bytes.subarray(0, at), Buffer.from("."), bytes.subarray(at)]);
      if (kind === "non-ascii") return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]);
      return bytes;
    });

test("any string into unsign/validate/loads raises only BadData", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (input) =>
      [() => signer.unsign(input), () => timed.unsign(input, { maxAge: 10 }), () => serializer.loads(input), () => timedSerializer.loads(input, { maxAge: 10 }), () => signer.validate(input), () => timed.validate(input)].every(onlyBadData),
    ),
    { numRuns: RUNS },
  );
});

test("mutated valid tokens raise only BadData, and never verify unless unchanged", () => {
  const value = { user: "ann", roles: ["a", "b"], n: 1 };
  const tokens = [signer.sign("some value"), timed.sign("some value"), serializer.dumps(value), timedSerializer.dumps(value)];
  for (const token of tokens) {
    fc.assert(
      fc.property(mutated(token), (bytes) =>
        [() => signer.unsign(bytes), () => timed.unsign(bytes, { maxAge: 100 }), () => serializer.loads(bytes), () => timedSerializer.loads(bytes, { maxAge: 100 })].every(onlyBadData),
      ),
      { numRuns: RUNS / 4 },
    );
  }
});

test("huge inputs are handled, not hung on", () => {
  const huge = "a".repeat(4 * 1024 * 1024);
  assert.ok(onlyBadData(() => signer.unsign(huge)));
  assert.ok(onlyBadData(() => timed.unsign(huge + "." + huge)));
  assert.ok(onlyBadData(() => serializer.loads("." + huge + ".x")));
});

test("sign then unsign is the identity for any bytes, keys, salts", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 256 }), fc.string({ minLength: 0, maxLength: 32 }), fc.string({ maxLength: 16 }), (value, key, salt) => {
      const s = new TimestampSigner(key, { salt });
      return Buffer.compare(s.unsign(s.sign(value), { maxAge: 5 }), Buffer.from(value)) === 0;
    }),
    { numRuns: RUNS / 4 },
  );
});

test.run();
