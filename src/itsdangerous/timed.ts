// Port of itsdangerous/timed.py: TimestampSigner (value.timestamp.signature)
// and TimedSerializer.
import { base64DecodeByteString, base64Encode, bytesToInt, fromByteString, intToBytes, toByteString, wantBytes, type BytesLike } from "./encoding.js";
import { BadSignature, BadTimeSignature, SignatureExpired } from "./exc.js";
import { Serializer } from "./serializer.js";
import { Signer } from "./signer.js";

// Python's datetime ends at 9999-12-31T23:59:59Z; later timestamps cannot become a date.
const MAX_TIMESTAMP = 253402300799n;

export interface UnsignOptions {
  /** Seconds a signature stays valid; `null` or omitted: no age check. */
  maxAge?: number | null;
}

/** The timestamp field: big-endian bytes, leading zeros stripped, URL-safe base64. */
function encodeTimestamp(ts: number): string {
  return base64Encode(intToBytes(ts)).toString("latin1");
}

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[B64URL.charCodeAt(i)] = i;

// Up to 6 bytes fits a double exactly (every real timestamp); longer ones are BigInts.
function decodeTimestamp(text: string): number | bigint | null {
  // The usual 6 canonical characters (4 bytes), read without a Buffer.
  if (text.length === 6) {
    let n = 0;
    for (let i = 0; i < 6; i++) {
      const v = SEXTET[text.charCodeAt(i)];
      if (v === undefined || v < 0) return decodeTimestampSlow(text);
      n = n * 64 + v;
    }
    return Math.floor(n / 16); // 36 bits read, 32 used: the last 4 are padding bits
  }
  return decodeTimestampSlow(text);
}

function decodeTimestampSlow(text: string): number | bigint | null {
  try {
    const bytes = base64DecodeByteString(text);
    if (bytes.length <= 6) return bytes.length ? bytes.readUIntBE(0, bytes.length) : 0;
    return bytesToInt(bytes);
  } catch {
    return null;
  }
}

/** A Signer that also signs the time, so signatures can expire. */
export class TimestampSigner extends Signer {
  // sign() is called many times a second with the same timestamp.
  private lastTimestamp = -1;
  private lastTimestampText = "";

  /** Current Unix time in whole seconds. Override it to freeze time in tests. */
  getTimestamp(): number {
    return Math.floor(Date.now() / 1000);
  }

  /** The UTC date of a timestamp; throws RangeError where Python's datetime would overflow. */
  timestampToDatetime(ts: number | bigint): Date {
    const n = BigInt(ts);
    if (n > MAX_TIMESTAMP) throw new RangeError(`year is out of range for timestamp ${n}`);
    return new Date(Number(n) * 1000);
  }

  override sign(value: string): string;
  override sign(value: Uint8Array): Buffer;
  override sign(value: BytesLike): string | Buffer;
  override sign(value: BytesLike): string | Buffer {
    const now = this.getTimestamp();
    if (now !== this.lastTimestamp) {
      this.lastTimestampText = encodeTimestamp(now);
      this.lastTimestamp = now;
    }
    const bytes = toByteString(value);
    const withTime = bytes + this.sepBytes + this.lastTimestampText;
    const signed = withTime + this.sepBytes + this.signatureText(withTime);
    // ASCII text in, ASCII separator: the byte string is already the answer.
    if (bytes === value && this.asciiSep) return signed;
    return fromByteString(signed, typeof value === "string");
  }

  override unsign(signedValue: string, options?: UnsignOptions): string;
  override unsign(signedValue: Uint8Array, options?: UnsignOptions): Buffer;
  override unsign(signedValue: BytesLike, options?: UnsignOptions): string | Buffer;
  override unsign(signedValue: BytesLike, options: UnsignOptions = {}): string | Buffer {
    const bytes = toByteString(signedValue);
    const value = this.unsignTimestamped(bytes, options.maxAge ?? null);
    // A slice of ASCII text is ASCII text.
    return bytes === signedValue ? value : fromByteString(value, typeof signedValue === "string");
  }

  /** unsign() that also gives the signing date (Python's `return_timestamp=True`). */
  unsignWithTimestamp(signedValue: string, options?: UnsignOptions): [string, Date];
  unsignWithTimestamp(signedValue: Uint8Array, options?: UnsignOptions): [Buffer, Date];
  unsignWithTimestamp(signedValue: BytesLike, options: UnsignOptions = {}): [string | Buffer, Date] {
    const value = this.unsignTimestamped(toByteString(signedValue), options.maxAge ?? null);
    return [fromByteString(value, typeof signedValue === "string"), this.timestampToDatetime(this.unsignedAt)];
  }

  // The timestamp of the last value unsignTimestamped() accepted (saves a tuple per call).
  private unsignedAt: number | bigint = 0;

  private unsignTimestamped(signed: string, maxAge: number | null): string {
    let sigError: BadSignature | null = null;
    let result: string;
    try {
      result = this.unsignBytes(signed);
    } catch (exc) {
      if (!(exc instanceof BadSignature)) throw exc;
      sigError = exc;
      result = exc.payload === null ? "" : toByteString(exc.payload);
    }
    const at = result.lastIndexOf(this.sepBytes);
    // No timestamp: report the signature error if there was one.
    if (at < 0) {
      if (sigError !== null) throw sigError;
      throw new BadTimeSignature("timestamp missing", Buffer.from(result, "latin1"));
    }
    const value = result.slice(0, at);
    const ts = decodeTimestamp(result.slice(at + this.sepBytes.length));
    if (sigError !== null) {
      let date: Date | null = null;
      if (ts !== null) {
        try {
          date = this.timestampToDatetime(ts);
        } catch {
          throw new BadTimeSignature("Malformed timestamp", Buffer.from(value, "latin1"));
        }
      }
      throw new BadTimeSignature(sigError.message, Buffer.from(value, "latin1"), date);
    }
    if (ts === null) throw new BadTimeSignature("Malformed timestamp", Buffer.from(value, "latin1"));
    if (maxAge !== null) {
      const age = typeof ts === "number" ? this.getTimestamp() - ts : BigInt(this.getTimestamp()) - ts;
      if (age > maxAge || age < 0) this.expired(value, ts, age, maxAge);
    }
    this.unsignedAt = ts;
    return value;
  }

  private expired(value: string, ts: number | bigint, age: number | bigint, maxAge: number): never {
    // Python fails here with a bare ValueError for a year past 9999; this stays a SignatureExpired.
    const date = ts <= MAX_TIMESTAMP ? this.timestampToDatetime(ts) : null;
    const message = age > maxAge ? `Signature age ${age} > ${maxAge} seconds` : `Signature age ${age} < 0 seconds`;
    throw new SignatureExpired(message, Buffer.from(value, "latin1"), date);
  }

  override validate(signedValue: BytesLike, options: UnsignOptions = {}): boolean {
    try {
      this.unsignTimestamped(toByteString(signedValue), options.maxAge ?? null);
      return true;
    } catch (exc) {
      if (exc instanceof BadSignature) return false;
      throw exc;
    }
  }
}

export interface TimedLoadsOptions extends UnsignOptions {
  salt?: BytesLike | null;
}

/** A Serializer whose signatures carry the time, so loads() can enforce a max age. */
export class TimedSerializer extends Serializer {
  protected override defaultSigner(): typeof Signer {
    return TimestampSigner;
  }

  override loads(s: BytesLike, options: TimedLoadsOptions = {}): unknown {
    return this.loadsTimed(s, options)[0];
  }

  /** loads() that also gives the signing date (Python's `return_timestamp=True`). */
  loadsWithTimestamp(s: BytesLike, options: TimedLoadsOptions = {}): [unknown, Date] {
    return this.loadsTimed(s, options);
  }

  private loadsTimed(s: BytesLike, options: TimedLoadsOptions): [unknown, Date] {
    const bytes = wantBytes(s);
    let last: BadSignature | undefined;
    for (const signer of this.iterUnsigners(options.salt)) {
      try {
        const [payload, date] = (signer as TimestampSigner).unsignWithTimestamp(bytes, { maxAge: options.maxAge });
        return [this.loadPayload(payload), date];
      } catch (exc) {
        // An expired signature is final: fallbacks are not tried.
        if (exc instanceof SignatureExpired || !(exc instanceof BadSignature)) throw exc;
        last = exc;
      }
    }
    throw last as BadSignature;
  }
}
