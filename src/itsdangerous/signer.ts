// Port of itsdangerous/signer.py on node:crypto: Signer and its algorithms.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { BASE64_ALPHABET, base64Decode, base64Encode, wantBytes, type BytesLike } from "./encoding.js";
import { BadSignature } from "./exc.js";

/** Produces and checks the raw signature bytes for a key and a value. */
export abstract class SigningAlgorithm {
  abstract getSignature(key: Buffer, value: Buffer): Buffer;

  /** Constant-time comparison; a length mismatch is simply a mismatch. */
  verifySignature(key: Buffer, value: Buffer, sig: Buffer): boolean {
    const expected = this.getSignature(key, value);
    return sig.length === expected.length && timingSafeEqual(sig, expected);
  }
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
}

export type SecretKey = BytesLike | readonly BytesLike[];
export type KeyDerivation = "concat" | "django-concat" | "hmac" | "none";

export function makeKeysList(secretKey: SecretKey): Buffer[] {
  if (typeof secretKey === "string" || secretKey instanceof Uint8Array) return [wantBytes(secretKey)];
  return secretKey.map(wantBytes);
}

/** Python's repr() of bytes, which itsdangerous puts into its messages: b'.' */
export function bytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = "b" + quote;
  for (const b of bytes) {
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

// bytes.rsplit(sep, 1) that returns null when sep is absent.
export function rsplit(value: Buffer, sep: Buffer): [Buffer, Buffer] | null {
  const at = value.lastIndexOf(sep);
  if (at < 0) return null;
  return [value.subarray(0, at), value.subarray(at + sep.length)];
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
    const keys = this.derivedKeys();
    return base64Encode(this.algorithm.getSignature(keys[keys.length - 1], wantBytes(value)));
  }

  sign(value: string): string;
  sign(value: Uint8Array): Buffer;
  sign(value: BytesLike): string | Buffer;
  sign(value: BytesLike): string | Buffer {
    const bytes = wantBytes(value);
    const signed = Buffer.concat([bytes, this.sep, this.getSignature(bytes)]);
    return typeof value === "string" ? signed.toString("utf8") : signed;
  }

  /** Whether `sig` (base64) signs `value` under any of the keys, newest first. */
  verifySignature(value: BytesLike, sig: BytesLike): boolean {
    let raw: Buffer;
    try {
      raw = base64Decode(sig);
    } catch {
      return false;
    }
    const bytes = wantBytes(value);
    const keys = this.derivedKeys();
    for (let i = keys.length - 1; i >= 0; i--) {
      if (this.algorithm.verifySignature(keys[i], bytes, raw)) return true;
    }
    return false;
  }

  unsign(signedValue: string): string;
  unsign(signedValue: Uint8Array): Buffer;
  unsign(signedValue: BytesLike): string | Buffer;
  unsign(signedValue: BytesLike): string | Buffer {
    const value = this.unsignBytes(wantBytes(signedValue));
    return typeof signedValue === "string" ? value.toString("utf8") : value;
  }

  /** unsign() on bytes, always giving bytes (for subclasses that parse further). */
  protected unsignBytes(signed: Buffer): Buffer {
    const parts = rsplit(signed, this.sep);
    if (parts === null) throw new BadSignature(`No ${bytesRepr(this.sep)} found in value`);
    const [value, sig] = parts;
    if (this.verifySignature(value, sig)) return value;
    throw new BadSignature(`Signature ${bytesRepr(sig)} does not match`, value);
  }

  validate(signedValue: BytesLike): boolean {
    try {
      this.unsignBytes(wantBytes(signedValue));
      return true;
    } catch (exc) {
      if (exc instanceof BadSignature) return false;
      throw exc;
    }
  }
}

