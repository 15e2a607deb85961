// Port of itsdangerous/url_safe.py: compact JSON, zlib when it pays (marked by
// a leading "."), URL-safe base64; safe to put in URLs and cookies.
import { deflateSync, inflateSync } from "node:zlib";
import { base64Decode, base64Encode, wantBytes } from "./encoding.js";
import { BadPayload } from "./exc.js";
import { compactJson, type TextSerializer } from "./_json.js";
import { Serializer } from "./serializer.js";
import { TimedSerializer } from "./timed.js";

const DOT = 0x2e;

function loadUrlSafe(payload: Uint8Array, load: (json: Uint8Array) => unknown): unknown {
  let bytes = wantBytes(payload);
  const decompress = bytes[0] === DOT;
  if (decompress) bytes = bytes.subarray(1);
  let json: Buffer;
  try {
    json = base64Decode(bytes);
  } catch (exc) {
    throw new BadPayload("Could not base64 decode the payload because of an exception", exc);
  }
  if (decompress) {
    try {
      json = inflateSync(json);
    } catch (exc) {
      throw new BadPayload("Could not zlib decompress the payload before decoding the payload", exc);
    }
  }
  return load(json);
}

function dumpUrlSafe(json: Buffer): Buffer {
  const compressed = deflateSync(json);
  if (compressed.length < json.length - 1) return Buffer.concat([Buffer.from("."), base64Encode(compressed)]);
  return base64Encode(json);
}

export class URLSafeSerializer extends Serializer {
  protected override defaultSerializer(): TextSerializer {
    return compactJson;
  }
  override loadPayload(payload: Uint8Array): unknown {
    return loadUrlSafe(payload, (json) => super.loadPayload(json));
  }
  override dumpPayload(obj: unknown): Buffer {
    return dumpUrlSafe(super.dumpPayload(obj));
  }
}

export class URLSafeTimedSerializer extends TimedSerializer {
  protected override defaultSerializer(): TextSerializer {
    return compactJson;
  }
  override loadPayload(payload: Uint8Array): unknown {
    return loadUrlSafe(payload, (json) => super.loadPayload(json));
  }
  override dumpPayload(obj: unknown): Buffer {
    return dumpUrlSafe(super.dumpPayload(obj));
  }
}
