// Port of itsdangerous/exc.py: the Bad* family, one class per way data can be bad.

/** Base of every itsdangerous error. */
export class BadData extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
  override toString(): string {
    return this.message;
  }
}

/** A signature does not match. `payload` is what was signed, for inspection only. */
export class BadSignature extends BadData {
  readonly payload: Uint8Array | string | null;
  constructor(message: string, payload: Uint8Array | string | null = null) {
    super(message);
    this.payload = payload;
  }
}

/** A time-based signature is invalid. */
export class BadTimeSignature extends BadSignature {
  /** When the value was signed, if the timestamp could be read. */
  readonly dateSigned: Date | null;
  constructor(message: string, payload: Uint8Array | string | null = null, dateSigned: Date | null = null) {
    super(message, payload);
    this.dateSigned = dateSigned;
  }
}

/** The signature is older than max_age (or dated in the future). */
export class SignatureExpired extends BadTimeSignature {}

/** A signed header is invalid. */
export class BadHeader extends BadSignature {
  readonly header: unknown;
  readonly originalError: unknown;
  constructor(message: string, payload: Uint8Array | string | null = null, header: unknown = null, originalError: unknown = null) {
    super(message, payload);
    this.header = header;
    this.originalError = originalError;
  }
}

/** The payload could not be loaded (after the signature was checked, or in loadsUnsafe). */
export class BadPayload extends BadData {
  readonly originalError: unknown;
  constructor(message: string, originalError: unknown = null) {
    super(message);
    this.originalError = originalError;
  }
}
