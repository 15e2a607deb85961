// Port of itsdangerous/encoding.py, including the leniency of Python's base64
// decoder (binascii.a2b_base64 in non-strict mode), which decides which
// tampered tokens still verify.
import { BadData } from "./exc.js";

export type BytesLike = string | Uint8Array;

/** UTF-8 bytes of a string; bytes pass through. */
export function wantBytes(s: BytesLike): Buffer {
  if (typeof s === "string") return Buffer.from(s, "utf8");
  return Buffer.isBuffer(s) ? s : Buffer.from(s.buffer, s.byteOffset, s.byteLength);
}

/** URL-safe base64 with the padding stripped. */
export function base64Encode(s: BytesLike): Buffer {
  return Buffer.from(wantBytes(s).toString("base64url"), "latin1");
}

const STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE_TABLE = new Int8Array(256).fill(-1);
for (let i = 0; i < STANDARD.length; i++) DECODE_TABLE[STANDARD.charCodeAt(i)] = i;
const PAD = 0x3d; // "="

/**
 * binascii.a2b_base64(data, strict_mode=False): characters outside the
 * alphabet are skipped, decoding stops at a complete pad sequence, leftover
 * bits are ignored. Throws on a dangling character or missing padding.
 */
export function a2bBase64(data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(Math.floor((data.length * 3) / 4) + 3);
  let n = 0;
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === PAD) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return out.subarray(0, n);
      continue;
    }
    const v = DECODE_TABLE[c];
    if (v < 0) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftChar = v;
        break;
      case 1:
        quadPos = 2;
        out[n++] = (leftChar << 2) | (v >> 4);
        leftChar = v & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out[n++] = ((leftChar << 4) | (v >> 2)) & 0xff;
        leftChar = v & 0x03;
        break;
      default:
        quadPos = 0;
        out[n++] = ((leftChar << 6) | v) & 0xff;
        leftChar = 0;
    }
  }
  if (quadPos === 1) {
    throw new Error(`Invalid base64-encoded string: number of data characters (${Math.floor(n / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) throw new Error("Incorrect padding");
  return out.subarray(0, n);
}

const CANONICAL_STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;

/** Python's base64.b64decode(s) (standard alphabet, non-strict). */
export function b64decode(s: BytesLike): Buffer {
  // Well-formed text decodes the same with Node's decoder; anything else takes Python's path.
  if (typeof s === "string" && s.length % 4 === 0 && CANONICAL_STANDARD.test(s)) return Buffer.from(s, "base64");
  return a2bBase64(typeof s === "string" ? Buffer.from(s, "latin1") : s);
}

/**
 * itsdangerous's base64_decode: non-ASCII characters are dropped, padding is
 * added, then Python's lenient URL-safe decoder runs (so "+" and "/" are
 * read like "-" and "_"). Any failure is BadData("Invalid base64-encoded data").
 */
export function base64Decode(s: BytesLike): Buffer {
  const src = typeof s === "string" ? Buffer.from(s, "utf8") : s;
  const ascii: number[] = [];
  for (const byte of src) if (byte < 0x80) ascii.push(byte === 0x2d ? 0x2b : byte === 0x5f ? 0x2f : byte);
  while (ascii.length % 4) ascii.push(PAD);
  try {
    return a2bBase64(Uint8Array.from(ascii));
  } catch {
    throw new BadData("Invalid base64-encoded data");
  }
}

/** The characters a URL-safe base64 string (and so a signature) may contain. */
export const BASE64_ALPHABET = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=", "latin1");

/** Big-endian, leading zero bytes stripped (0 gives no bytes). Up to 2**64 - 1. */
export function intToBytes(num: number | bigint): Buffer {
  let n = BigInt(num);
  if (n < 0n || n >= 1n << 64n) throw new RangeError("argument out of range");
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return Buffer.from(bytes);
}

/** Big-endian unsigned integer of at most 8 bytes. */
export function bytesToInt(bytes: Uint8Array): bigint {
  if (bytes.length > 8) throw new RangeError("unpack requires a buffer of 8 bytes");
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

// ---------------------------------------------------------------- byte strings
// The signers work on "byte strings": one char per byte (latin-1). An ASCII
// string already is one, which makes the common case (cookies) copy-free.

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** The bytes of a value as a byte string (UTF-8 for text). */
export function toByteString(value: BytesLike): string {
  if (typeof value === "string") return NON_ASCII.test(value) ? Buffer.from(value, "utf8").toString("latin1") : value;
  return wantBytes(value).toString("latin1");
}

/** Back from a byte string: text for a text input, bytes for a bytes input. */
export function fromByteString(bytes: string, asText: boolean): string | Buffer {
  if (!asText) return Buffer.from(bytes, "latin1");
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
}

const CANONICAL = /^[A-Za-z0-9_-]*$/;

/**
 * base64Decode over a byte string. Canonical URL-safe text (the alphabet only,
 * a length Python can pad) decodes the same with Node's decoder; anything else
 * takes the lenient path.
 */
export function base64DecodeByteString(s: string): Buffer {
  if (s.length % 4 !== 1 && CANONICAL.test(s)) return Buffer.from(s, "base64url");
  return base64Decode(Buffer.from(s, "latin1"));
}
