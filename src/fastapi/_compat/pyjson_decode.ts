// Port of the bytes half of Python 3.11's json.loads (json/__init__.py):
// `s.decode(detect_encoding(s), 'surrogatepass')`, with CPython's UTF-8, UTF-16 and UTF-32
// decoders (Objects/unicodeobject.c) under the "surrogatepass" handler (Python/codecs.c) and
// their UnicodeDecodeError messages.

/**
 * A failure of json.loads on a body other than a JSONDecodeError, which FastAPI answers with 400
 * "There was an error parsing the body": `type` is Python's exception (UnicodeDecodeError here,
 * RecursionError and ValueError in pyjson.ts, which re-exports it) and `message` its str().
 */
export class BodyDecodeError extends Error {
  constructor(readonly type: "UnicodeDecodeError" | "RecursionError" | "ValueError", message: string) {
    super(message);
    this.name = "BodyDecodeError";
  }
}

/**
 * A body made a str: `text` as UTF-16, and `splits`, the indexes of high surrogates that the
 * bytes held apart from the low surrogate after them (two code points to Python, not one).
 */
export interface Decoded {
  text: string;
  splits: readonly number[];
}

/** `body.decode(detect_encoding(body), "surrogatepass")`; throws BodyDecodeError("UnicodeDecodeError"). */
export function decodeBytes(body: Uint8Array): Decoded {
  const encoding = detectEncoding(body);
  if (encoding === "utf-8" || encoding === "utf-8-sig") {
    const bytes = encoding === "utf-8" ? body : body.subarray(3);
    try {
      return { text: UTF8.decode(bytes), splits: NO_SPLITS };
    } catch {
      // Not UTF-8, or UTF-8 with encoded surrogates, which "surrogatepass" lets through.
      return decodeUtf8(bytes);
    }
  }
  return encoding.startsWith("utf-16") ? decodeUtf16(body, encoding) : decodeUtf32(body, encoding);
}

const NO_SPLITS: readonly number[] = [];

// Strict, as Python's decoder is. Node 20, a 240-byte body: 80 ns ASCII, 410 ns with an "é",
// against 110 ns and 420 ns for buffer.isUtf8 then toString("utf8"); the same from 2 kB to 1 MB.
// ignoreBOM keeps a second BOM after utf-8-sig's, as Python does.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// json.detect_encoding. Past the end of `b`, b[i] is undefined: no byte matches it.
function detectEncoding(b: Uint8Array): string {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if ((b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) || (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)) return "utf-32";
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe)) return "utf-16";
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8-sig";
  if (b.length >= 4) {
    if (!b0) return b1 ? "utf-16-be" : "utf-32-be";
    if (!b1) return b2 || b3 ? "utf-16-le" : "utf-32-le";
  } else if (b.length === 2) {
    if (!b0) return "utf-16-be";
    if (!b1) return "utf-16-le";
  }
  return "utf-8";
}

// CPython's UTF-8 decoder with the "surrogatepass" handler: ED A0-BF 80-BF is a lone surrogate.
function decodeUtf8(b: Uint8Array): Decoded {
  const units = new Uint16Array(b.length);
  const splits: number[] = [];
  let n = 0;
  let passedHigh = -1; // index of the last high surrogate let through by "surrogatepass"
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c === 0xed && b[i + 1] >= 0xa0 && b[i + 1] <= 0xbf && (b[i + 2] & 0xc0) === 0x80) {
      const unit = 0xd000 | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      if (unit >= 0xdc00 && passedHigh === n - 1) splits.push(passedHigh);
      if (unit < 0xdc00) passedHigh = n;
      units[n++] = unit;
      i += 3;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (c < 0x80) need = 0;
    else if (c < 0xc2) throw utf8Error(b, i, i + 1, "invalid start byte");
    else if (c < 0xe0) need = 1;
    else if (c < 0xf0) {
      need = 2;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c < 0xf5) {
      need = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else throw utf8Error(b, i, i + 1, "invalid start byte");
    let point = need === 0 ? c : c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) throw utf8Error(b, i, b.length, "unexpected end of data");
      const next = b[i + k];
      if (next < low || next > high) throw utf8Error(b, i, i + k, "invalid continuation byte");
      point = (point << 6) | (next & 0x3f);
      low = 0x80;
      high = 0xbf;
    }
    if (point >= 0x10000) {
      units[n++] = 0xd800 | ((point - 0x10000) >> 10);
      units[n++] = 0xdc00 | (point & 0x3ff);
    } else {
      units[n++] = point;
    }
    i += need + 1;
  }
  return { text: utf16String(units, n), splits };
}

function utf8Error(b: Uint8Array, start: number, end: number, reason: string): BodyDecodeError {
  return unicodeError("utf-8", b, start, end, reason);
}

// "utf-16" reads its BOM and drops it; with "surrogatepass" every whole code unit decodes.
function decodeUtf16(b: Uint8Array, encoding: string): Decoded {
  const bigEndian = encoding === "utf-16-be" || (encoding === "utf-16" && b[0] === 0xfe);
  const start = encoding === "utf-16" ? 2 : 0;
  if ((b.length - start) % 2) throw unicodeError(bigEndian ? "utf-16-be" : "utf-16-le", b, b.length - 1, b.length, "truncated data");
  const copy = Buffer.from(b.subarray(start));
  if (bigEndian) copy.swap16();
  return { text: copy.toString("utf16le"), splits: [] };
}

// "utf-32" likewise; "surrogatepass" lets D800-DFFF through, each its own code point.
function decodeUtf32(b: Uint8Array, encoding: string): Decoded {
  const bigEndian = encoding === "utf-32-be" || (encoding === "utf-32" && b[0] === 0x00);
  const name = bigEndian ? "utf-32-be" : "utf-32-le";
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const units = new Uint16Array(b.length / 2);
  const splits: number[] = [];
  let n = 0;
  let passedHigh = -1;
  let i = encoding === "utf-32" ? 4 : 0;
  for (; i + 4 <= b.length; i += 4) {
    const point = view.getUint32(i, !bigEndian);
    if (point > 0x10ffff) throw unicodeError(name, b, i, i + 4, "code point not in range(0x110000)");
    if (point >= 0x10000) {
      units[n++] = 0xd800 | ((point - 0x10000) >> 10);
      units[n++] = 0xdc00 | (point & 0x3ff);
    } else {
      if ((point & 0xfc00) === 0xdc00 && passedHigh === n - 1) splits.push(passedHigh);
      if ((point & 0xfc00) === 0xd800) passedHigh = n;
      units[n++] = point;
    }
  }
  if (i !== b.length) throw unicodeError(name, b, i, b.length, "truncated data");
  return { text: utf16String(units, n), splits };
}

function utf16String(units: Uint16Array, n: number): string {
  return Buffer.from(units.buffer, 0, 2 * n).toString("utf16le");
}

function unicodeError(encoding: string, b: Uint8Array, start: number, end: number, reason: string): BodyDecodeError {
  const where = end - start === 1 ? `byte 0x${b[start].toString(16).padStart(2, "0")} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return new BodyDecodeError("UnicodeDecodeError", `'${encoding}' codec can't decode ${where}: ${reason}`);
}
