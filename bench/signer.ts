// TimestampSigner sign + unsign per second against a bare node:crypto loop
// doing the same HMAC work (two HMAC-SHA1s per round), in one run, as a ratio.
// Runs the built package (dist/), as users do:
//   npm run bench:signer
import { createHmac } from "node:crypto";
import { TimestampSigner } from "../dist/itsdangerous/index.js";

const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);
const value = "eyJ1c2VyIjogImFubiIsICJjb3VudCI6IDQyfQ=="; // a typical session payload
const signer = new TimestampSigner("some-random-string");
const key = signer.deriveKey();

/** Rounds per second over one slice of time. */
function slice(round: () => void, ms: number): number {
  let rounds = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) round();
    rounds += 1000;
    now = performance.now();
  }
  return (rounds / (now - start)) * 1000;
}

/** Alternate the contenders slice by slice (so machine noise hits both), keep each one's best slice. */
function compare(contenders: Record<string, () => void>): Record<string, number> {
  const best: Record<string, number> = {};
  for (const [name, round] of Object.entries(contenders)) {
    for (let i = 0; i < 20_000; i++) round(); // warm up
    best[name] = 0;
  }
  const slices = 10;
  for (let i = 0; i < slices; i++) {
    for (const [name, round] of Object.entries(contenders)) best[name] = Math.max(best[name], slice(round, DURATION_MS / slices));
  }
  for (const [name, perSecond] of Object.entries(best)) {
    console.log(`${name.padEnd(36)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} rounds/s`);
  }
  return best;
}

let sink = 0;
const results = compare({
  "bare createHmac x2 (the floor)": () => {
    const ts = "ZVPxAA";
    const mac = createHmac("sha1", key).update(value).update(".").update(ts).digest("base64url");
    const check = createHmac("sha1", key).update(value).update(".").update(ts).digest("base64url");
    sink += mac.length + check.length;
  },
  "TimestampSigner sign + unsign": () => {
    sink += signer.unsign(signer.sign(value), { maxAge: 1209600 }).length;
  },
});
const [bare, ours] = Object.values(results);
console.log(`ratio (ours / bare): ${(ours / bare).toFixed(2)}   (sink ${sink > 0})`);
