// Port of itsdangerous/serializer.py: sign serialized objects, load them back.
import { wantBytes, type BytesLike } from "./encoding.js";
import { BadPayload, BadSignature } from "./exc.js";
import { json, type TextSerializer } from "./_json.js";
import { makeKeysList, Signer, type SecretKey, type SignerOptions } from "./signer.js";

// Python decodes strictly: bytes that are not UTF-8 make a BadPayload, not U+FFFD.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A signer class, its options, or both, tried after the main signer when loading. */
export type FallbackSigner = typeof Signer | SignerOptions | [typeof Signer, SignerOptions];

export interface SerializerOptions {
  /** `null` falls through to the signer's own default salt. @default "itsdangerous" */
  salt?: BytesLike | null;
  serializer?: TextSerializer;
  signer?: typeof Signer;
  signerKwargs?: SignerOptions;
  fallbackSigners?: FallbackSigner[];
}

export interface LoadsOptions {
  salt?: BytesLike | null;
}

/** Serializes (JSON by default) and signs; loads() checks the signature before parsing. */
export class Serializer {
  readonly secretKeys: Buffer[];
  readonly salt: Buffer | null;
  readonly serializer: TextSerializer;
  readonly signer: typeof Signer;
  readonly signerKwargs: SignerOptions;
  readonly fallbackSigners: FallbackSigner[];

  constructor(secretKey: SecretKey, options: SerializerOptions = {}) {
    this.secretKeys = makeKeysList(secretKey);
    const salt = options.salt === undefined ? "itsdangerous" : options.salt;
    this.salt = salt === null ? null : wantBytes(salt);
    this.serializer = options.serializer ?? this.defaultSerializer();
    this.signer = options.signer ?? this.defaultSigner();
    this.signerKwargs = options.signerKwargs ?? {};
    this.fallbackSigners = options.fallbackSigners ?? [];
  }

  protected defaultSerializer(): TextSerializer {
    return json;
  }

  protected defaultSigner(): typeof Signer {
    return Signer;
  }

  get secretKey(): Buffer {
    return this.secretKeys[this.secretKeys.length - 1];
  }

  /** Parse a payload whose signature has been checked. */
  loadPayload(payload: Uint8Array): unknown {
    try {
      return this.serializer.loads(UTF8.decode(payload));
    } catch (exc) {
      throw new BadPayload("Could not load the payload because an exception occurred on unserializing the data.", exc);
    }
  }

  dumpPayload(obj: unknown): Buffer {
    return wantBytes(this.serializer.dumps(obj));
  }

  makeSigner(salt: BytesLike | null = null): Signer {
    return new this.signer(this.secretKeys, { ...this.signerKwargs, salt: salt ?? this.salt });
  }

  /** The main signer, then each fallback once per secret key. */
  *iterUnsigners(salt: BytesLike | null = null): Generator<Signer> {
    const s = salt ?? this.salt;
    yield this.makeSigner(s);
    for (const fallback of this.fallbackSigners) {
      let cls = this.signer;
      let kwargs = this.signerKwargs;
      if (Array.isArray(fallback)) [cls, kwargs] = fallback;
      else if (typeof fallback === "function") cls = fallback;
      else kwargs = fallback;
      for (const key of this.secretKeys) yield new cls(key, { ...kwargs, salt: s });
    }
  }

  dumps(obj: unknown, salt: BytesLike | null = null): string {
    return this.makeSigner(salt).sign(this.dumpPayload(obj)).toString("utf8");
  }

  loads(s: BytesLike, options: LoadsOptions = {}): unknown {
    const bytes = wantBytes(s);
    let last: BadSignature | undefined;
    for (const signer of this.iterUnsigners(options.salt)) {
      try {
        return this.loadPayload(signer.unsign(bytes));
      } catch (exc) {
        if (!(exc instanceof BadSignature)) throw exc;
        last = exc;
      }
    }
    throw last as BadSignature;
  }

  /**
   * Load without failing on a bad signature: `[signatureOk, payload]`, where
   * the payload is null if it could not be loaded. Never trust it blindly.
   */
  loadsUnsafe(s: BytesLike, options: LoadsOptions = {}): [boolean, unknown] {
    try {
      return [true, this.loads(s, options)];
    } catch (exc) {
      if (!(exc instanceof BadSignature)) throw exc;
      if (exc.payload === null) return [false, null];
      try {
        return [false, this.loadPayload(wantBytes(exc.payload))];
      } catch (inner) {
        if (inner instanceof BadPayload) return [false, null];
        throw inner;
      }
    }
  }
}
