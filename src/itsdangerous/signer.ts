// Port of itsdangerous/signer.py on node:crypto: Signer and its algorithms.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { BASE64_ALPHABET, base64DecodeByteString, fromByteString, toByteString, wantBytes, type BytesLike } from "./encoding.js";
import { BadSignature } from "./exc.js";

/** Produces and checks the raw signature bytes for a key and a value. */
export abstract class SigningAlgorithm {
  abstract getSignature(key: Buffer, value: Buffer): Buffer;

  /** The URL-safe base64 signature of a byte string (one char per byte); HMAC overrides it to skip copies. */
  signatureText(key: Buffer, value: string): string {
    return this.getSignature(key, Buffer.from(value, "latin1")).toString("base64url");
  }

  /** Constant-time comparison; a length mismatch is simply a mismatch. */
  verifySignature(key: Buffer, value: Buffer, sig: Buffer): boolean {
    return equalDigests(sig, this.getSignature(key, value));
  }
}

function equalDigests(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Two reusable views per length, so comparing signature texts allocates nothing.
const SCRATCH = Buffer.allocUnsafe(256);
const VIEWS = new Map<number, [Buffer, Buffer]>();

/** Constant-time equality of two short byte strings, through crypto.timingSafeEqual. */
function equalTexts(a: string, b: string): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  if (n > 128) return equalDigests(Buffer.from(a, "latin1"), Buffer.from(b, "latin1"));
  let views = VIEWS.get(n);
  if (views === undefined) VIEWS.set(n, (views = [SCRATCH.subarray(0, n), SCRATCH.subarray(128, 128 + n)]));
  SCRATCH.write(a, 0, n, "latin1");
  SCRATCH.write(b, 128, n, "latin1");
  return timingSafeEqual(views[0], views[1]);
}

/** No signing at all: an empty signature. */
export class NoneAlgorithm extends SigningAlgorithm {
  getSignature(): Buffer {
    return Buffer.alloc(0);
  }
}

/** HMAC with any node:crypto hash (Python's hashlib constructors become names). */
export class HMACAlgorithm extends SigningAlgorithm {
  static defaultDigestMethod = "sha1";
  readonly digestMethod: string;

  constructor(digestMethod?: string | null) {
    super();
    this.digestMethod = digestMethod ?? HMACAlgorithm.defaultDigestMethod;
  }

  getSignature(key: Buffer, value: Buffer): Buffer {
    return createHmac(this.digestMethod, key).update(value).digest();
  }

  override signatureText(key: Buffer, value: string): string {
    return createHmac(this.digestMethod, key).update(value, "latin1").digest("base64url");
  }
}

export type SecretKey = BytesLike | readonly BytesLike[];
export type KeyDerivation = "concat" | "django-concat" | "hmac" | "none";

export function makeKeysList(secretKey: SecretKey): Buffer[] {
  if (typeof secretKey === "string" || secretKey instanceof Uint8Array) return [wantBytes(secretKey)];
  return secretKey.map(wantBytes);
}

/** Python's repr() of bytes, which itsdangerous puts into its messages: b'.' */
export function bytesRepr(bytes: Uint8Array | string): string {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes;
  const quote = data.includes(0x27) && !data.includes(0x22) ? '"' : "'";
  let out = "b" + quote;
  for (const b of data) {
    if (b === 0x5c) out += "\\\\";
    else if (b === quote.charCodeAt(0)) out += "\\" + quote;
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}

export interface SignerOptions {
  /** Namespaces the signature; `null` means the default. @default "itsdangerous.Signer" */
  salt?: BytesLike | null;
  /** Must not be a character of the URL-safe base64 alphabet. @default "." */
  sep?: BytesLike;
  /** How the signing key is made from the secret. @default "django-concat" */
  keyDerivation?: KeyDerivation | null;
  /** A node:crypto hash name, used for the HMAC and key derivation. @default "sha1" */
  digestMethod?: string | null;
  algorithm?: SigningAlgorithm | null;
}

/**
 * Signs values and checks them. A string in gives a string out; bytes in give bytes out.
 *
 * @example
 * new Signer("secret-key").sign("my string") // "my string.wh6tMHxLgJqB6oY1uT73iMlyrOA"
 */
export class Signer {
  static defaultDigestMethod = "sha1";
  static defaultKeyDerivation: KeyDerivation = "django-concat";

  /** Oldest to newest: the newest signs, every one verifies. */
  readonly secretKeys: Buffer[];
  readonly sep: Buffer;
  readonly salt: Buffer;
  readonly keyDerivation: string;
  readonly digestMethod: string;
  readonly algorithm: SigningAlgorithm;
  /** The separator as a byte string. */
  protected readonly sepBytes: string;
  protected readonly asciiSep: boolean;
  private derived?: Buffer[];

  constructor(secretKey: SecretKey, options: SignerOptions = {}) {
    this.secretKeys = makeKeysList(secretKey);
    this.sep = wantBytes(options.sep ?? ".");
    // A substring test, as itsdangerous does: "" and runs like "ab" are refused too.
    if (BASE64_ALPHABET.includes(this.sep)) {
      throw new RangeError(
        "The given separator cannot be used because it may be contained in the signature itself. ASCII letters, digits, and '-_=' must not be used.",
      );
    }
    this.sepBytes = this.sep.toString("latin1");
    this.asciiSep = this.sep.every((b) => b < 0x80);
    this.salt = wantBytes(options.salt ?? "itsdangerous.Signer");
    this.keyDerivation = options.keyDerivation ?? (this.constructor as typeof Signer).defaultKeyDerivation;
    this.digestMethod = options.digestMethod ?? (this.constructor as typeof Signer).defaultDigestMethod;
    this.algorithm = options.algorithm ?? new HMACAlgorithm(this.digestMethod);
  }

  /** The newest key, the one that signs. */
  get secretKey(): Buffer {
    return this.secretKeys[this.secretKeys.length - 1];
  }

  /** The signing key for a secret; an unknown derivation is a TypeError, raised when first used. */
  deriveKey(secretKey: Buffer = this.secretKey): Buffer {
    switch (this.keyDerivation) {
      case "concat":
        return createHash(this.digestMethod).update(this.salt).update(secretKey).digest();
      case "django-concat":
        return createHash(this.digestMethod).update(this.salt).update("signer").update(secretKey).digest();
      case "hmac":
        return createHmac(this.digestMethod, secretKey).update(this.salt).digest();
      case "none":
        return secretKey;
      default:
        throw new TypeError("Unknown key derivation method");
    }
  }

  // Derived once: salt, derivation and digest are fixed at construction.
  private derivedKeys(): Buffer[] {
    return (this.derived ??= this.secretKeys.map((k) => this.deriveKey(k)));
  }

  /** The URL-safe base64 signature of `value` with the newest key. */
  getSignature(value: BytesLike): Buffer {
    return Buffer.from(this.signatureText(toByteString(value)), "latin1");
  }

  /** The signature of a byte string, as text. */
  protected signatureText(value: string): string {
    const keys = this.derivedKeys();
    return this.algorithm.signatureText(keys[keys.length - 1], value);
  }

  sign(value: string): string;
  sign(value: Uint8Array): Buffer;
  sign(value: BytesLike): string | Buffer;
  sign(value: BytesLike): string | Buffer {
    const bytes = toByteString(value);
    return fromByteString(bytes + this.sepBytes + this.signatureText(bytes), typeof value === "string");
  }

  /** Whether `sig` (base64) signs `value` under any of the keys, newest first. */
  verifySignature(value: BytesLike, sig: BytesLike): boolean {
    return this.verifyBytes(toByteString(value), toByteString(sig));
  }

  protected verifyBytes(value: string, sig: string): boolean {
    const keys = this.derivedKeys();
    // The common case: the signature is exactly the canonical text, compared in constant time.
    for (let i = keys.length - 1; i >= 0; i--) {
      if (equalTexts(sig, this.algorithm.signatureText(keys[i], value))) return true;
    }
    // Otherwise compare decoded bytes, as Python does: other encodings of the same bytes verify too.
    let raw: Buffer;
    try {
      raw = base64DecodeByteString(sig);
    } catch {
      return false;
    }
    const bytes = Buffer.from(value, "latin1");
    for (let i = keys.length - 1; i >= 0; i--) if (this.algorithm.verifySignature(keys[i], bytes, raw)) return true;
    return false;
  }

  unsign(signedValue: string): string;
  unsign(signedValue: Uint8Array): Buffer;
  unsign(signedValue: BytesLike): string | Buffer;
  unsign(signedValue: BytesLike): string | Buffer {
    return fromByteString(this.unsignBytes(toByteString(signedValue)), typeof signedValue === "string");
  }

  /** unsign() on a byte string (for subclasses that parse further). */
  protected unsignBytes(signed: string): string {
    const at = signed.lastIndexOf(this.sepBytes);
    if (at < 0) throw new BadSignature(`No ${bytesRepr(this.sepBytes)} found in value`);
    const value = signed.slice(0, at);
    const sig = signed.slice(at + this.sepBytes.length);
    if (this.verifyBytes(value, sig)) return value;
    throw new BadSignature(`Signature ${bytesRepr(sig)} does not match`, Buffer.from(value, "latin1"));
  }

  validate(signedValue: BytesLike): boolean {
    try {
      this.unsignBytes(toByteString(signedValue));
      return true;
    } catch (exc) {
      if (exc instanceof BadSignature) return false;
      throw exc;
    }
  }
}
