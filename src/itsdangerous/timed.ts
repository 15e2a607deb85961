// Port of itsdangerous/timed.py: TimestampSigner (value.timestamp.signature)
// and TimedSerializer.
import { base64Decode, base64Encode, bytesToInt, intToBytes, wantBytes, type BytesLike } from "./encoding.js";
import { BadSignature, BadTimeSignature, SignatureExpired } from "./exc.js";
import { Serializer } from "./serializer.js";
import { rsplit, Signer } from "./signer.js";

// Python's datetime ends at 9999-12-31T23:59:59Z; later timestamps cannot become a date.
const MAX_TIMESTAMP = 253402300799n;

export interface UnsignOptions {
  /** Seconds a signature stays valid; `null` or omitted: no age check. */
  maxAge?: number | null;
}

/** A Signer that also signs the time, so signatures can expire. */
export class TimestampSigner extends Signer {
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
    const timestamp = base64Encode(intToBytes(this.getTimestamp()));
    const withTime = Buffer.concat([wantBytes(value), this.sep, timestamp]);
    const signed = Buffer.concat([withTime, this.sep, this.getSignature(withTime)]);
    return typeof value === "string" ? signed.toString("utf8") : signed;
  }

  override unsign(signedValue: string, options?: UnsignOptions): string;
  override unsign(signedValue: Uint8Array, options?: UnsignOptions): Buffer;
  override unsign(signedValue: BytesLike, options?: UnsignOptions): string | Buffer;
  override unsign(signedValue: BytesLike, options: UnsignOptions = {}): string | Buffer {
    const [value] = this.unsignTimestamped(wantBytes(signedValue), options.maxAge ?? null);
    return typeof signedValue === "string" ? value.toString("utf8") : value;
  }

  /** unsign() that also gives the signing date (Python's `return_timestamp=True`). */
  unsignWithTimestamp(signedValue: string, options?: UnsignOptions): [string, Date];
  unsignWithTimestamp(signedValue: Uint8Array, options?: UnsignOptions): [Buffer, Date];
  unsignWithTimestamp(signedValue: BytesLike, options: UnsignOptions = {}): [string | Buffer, Date] {
    const [value, ts] = this.unsignTimestamped(wantBytes(signedValue), options.maxAge ?? null);
    return [typeof signedValue === "string" ? value.toString("utf8") : value, this.timestampToDatetime(ts)];
  }

  private unsignTimestamped(signed: Buffer, maxAge: number | null): [Buffer, bigint] {
    let sigError: BadSignature | null = null;
    let result: Buffer;
    try {
      result = this.unsignBytes(signed);
    } catch (exc) {
      if (!(exc instanceof BadSignature)) throw exc;
      sigError = exc;
      result = exc.payload === null ? Buffer.alloc(0) : wantBytes(exc.payload);
    }
    const parts = rsplit(result, this.sep);
    // No timestamp: report the signature error if there was one.
    if (parts === null) {
      if (sigError !== null) throw sigError;
      throw new BadTimeSignature("timestamp missing", result);
    }
    const [value, tsBytes] = parts;
    let ts: bigint | null = null;
    try {
      ts = bytesToInt(base64Decode(tsBytes));
    } catch {
      ts = null;
    }
    if (sigError !== null) {
      let date: Date | null = null;
      if (ts !== null) {
        try {
          date = this.timestampToDatetime(ts);
        } catch {
          throw new BadTimeSignature("Malformed timestamp", value);
        }
      }
      throw new BadTimeSignature(sigError.message, value, date);
    }
    if (ts === null) throw new BadTimeSignature("Malformed timestamp", value);
    if (maxAge !== null) {
      const age = BigInt(this.getTimestamp()) - ts;
      // Python fails here with a bare ValueError for a year past 9999; this stays a SignatureExpired.
      const date = (): Date | null => (ts <= MAX_TIMESTAMP ? this.timestampToDatetime(ts) : null);
      if (Number(age) > maxAge) throw new SignatureExpired(`Signature age ${age} > ${maxAge} seconds`, value, date());
      if (age < 0n) throw new SignatureExpired(`Signature age ${age} < 0 seconds`, value, date());
    }
    return [value, ts];
  }

  override validate(signedValue: BytesLike, options: UnsignOptions = {}): boolean {
    try {
      this.unsignTimestamped(wantBytes(signedValue), options.maxAge ?? null);
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
