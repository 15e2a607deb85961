// Port of python_multipart/multipart.py 0.0.32 (parse_options_header, QuerystringParser,
// MultipartParser): the parts Starlette's formparsers use, with their callbacks and errors.
// Strings that stand for bytes are latin-1, one character a byte, as header values are here.

export class FormParserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormParserError";
  }
}

export class MultipartParseError extends FormParserError {
  constructor(
    message: string,
    readonly offset = -1,
  ) {
    super(message);
    this.name = "MultipartParseError";
  }
}

// email.message._parseparam as python-multipart vendors it: `;`-separated parts, where a `;`
// inside a double-quoted string does not separate. Kept verbatim, odd loop included.
function parseparam(value: string): string[] {
  const s = ";" + value;
  const plist: string[] = [];
  let start = 0;
  while (s.indexOf(";", start) === start) {
    start += 1;
    let end = s.indexOf(";", start);
    let ind = start;
    let diff = 0;
    while (end > 0) {
      diff += pyCount(s, '"', ind, end) - pyCount(s, '\\"', ind, end);
      if (diff % 2 === 0) break;
      [end, ind] = [ind, s.indexOf(";", end + 1)];
    }
    if (end < 0) end = s.length;
    const i = s.indexOf("=", start);
    const f = i === -1 || i >= end ? s.slice(start, end) : pyStrip(s.slice(start, i), "end").toLowerCase() + "=" + pyStrip(s.slice(i + 1, end), "start");
    plist.push(pyStrip(f));
    start = end;
  }
  return plist;
}

// Python's str.count(sub, start, end), whose bounds are slice indices (negative counts from the end).
function pyCount(s: string, sub: string, start: number, end: number): number {
  const from = start < 0 ? Math.max(0, s.length + start) : start;
  return end <= from ? 0 : s.slice(from, end).split(sub).length - 1;
}

// Python's str.strip(), .lstrip() and .rstrip(): its whitespace includes \x1c-\x1f and \x85, JavaScript's does not.
const PY_SPACE = /[\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function pyStrip(s: string, side: "start" | "end" | "both" = "both"): string {
  let from = 0;
  let to = s.length;
  if (side !== "end") while (from < to && PY_SPACE.test(s[from])) from++;
  if (side !== "start") while (to > from && PY_SPACE.test(s[to - 1])) to--;
  return s.slice(from, to);
}

/** A header value such as `form-data; name="a"` as its value and its parameters (keys lower case). */
export function parseOptionsHeader(value: string | null | undefined): [string, Map<string, string>] {
  const options = new Map<string, string>();
  if (!value) return ["", options];
  if (!value.includes(";")) return [pyStrip(value.toLowerCase()), options];
  const [ctype, ...segments] = parseparam(value);
  for (const segment of segments) {
    const eq = segment.indexOf("=");
    const key = eq < 0 ? segment : segment.slice(0, eq);
    let val = eq < 0 ? "" : segment.slice(eq + 1);
    // RFC 7578 forbids RFC 2231's `key*=` in form data: such parameters are ignored.
    if (key.includes("*")) continue;
    if (val.length >= 2 && val[0] === '"' && val[val.length - 1] === '"') val = val.slice(1, -1).replaceAll("\\\\", "\\").replaceAll('\\"', '"');
    // IE6 sent the whole path as the filename.
    if (key === "filename" && (val.slice(1, 3) === ":\\" || val.slice(0, 2) === "\\\\")) val = val.split("\\").at(-1) as string;
    options.set(key, val);
  }
  return [ctype, options];
}

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const HYPHEN = 0x2d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const AMPERSAND = 0x26;

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

type DataCallback = (data: Buffer, start: number, end: number) => void;

export interface QuerystringCallbacks {
  onFieldStart(): void;
  onFieldName: DataCallback;
  onFieldData: DataCallback;
  onFieldEnd(): void;
  onEnd(): void;
}

const BEFORE_FIELD = 0;
const FIELD_NAME = 1;
const FIELD_DATA = 2;

/** python-multipart's QuerystringParser as Starlette runs it: not strict, no size limit. */
export class QuerystringParser {
  private state = BEFORE_FIELD;

  constructor(private readonly callbacks: QuerystringCallbacks) {}

  write(chunk: Uint8Array): number {
    const data = asBuffer(chunk);
    const length = data.length;
    const cb = this.callbacks;
    let state = this.state;
    for (let i = 0; i < length; i++) {
      if (state === BEFORE_FIELD) {
        // Separators between fields, repeated or not, are skipped.
        if (data[i] !== AMPERSAND) {
          cb.onFieldStart();
          i -= 1;
          state = FIELD_NAME;
        }
      } else {
        const sep = data.indexOf(AMPERSAND, i);
        const end = sep !== -1 ? sep : length;
        // An "=" before the separator, looked for no further (a body of fields without "=" stays linear).
        const equals = state === FIELD_NAME ? data.subarray(0, end).indexOf(EQUALS, i) : -1;
        if (equals !== -1) {
          if (i !== equals) cb.onFieldName(data, i, equals);
          i = equals;
          state = FIELD_DATA;
        } else {
          if (i !== end) {
            if (state === FIELD_NAME) cb.onFieldName(data, i, end);
            else cb.onFieldData(data, i, end);
          }
          if (sep !== -1) {
            // A field without "=" ends here with no data at all.
            cb.onFieldEnd();
            state = BEFORE_FIELD;
          }
          i = end - 1;
        }
      }
    }
    this.state = state;
    return length;
  }

  finalize(): void {
    if (this.state !== BEFORE_FIELD) this.callbacks.onFieldEnd();
    this.callbacks.onEnd();
  }
}

export interface MultipartCallbacks {
  onPartBegin(): void;
  onPartData: DataCallback;
  onPartEnd(): void;
  onHeaderField: DataCallback;
  onHeaderValue: DataCallback;
  onHeaderEnd(): void;
  onHeadersFinished(): void;
  onEnd(): void;
}

// MultipartState.
const START = 0;
const START_BOUNDARY = 1;
const HEADER_FIELD_START = 2;
const HEADER_FIELD = 3;
const HEADER_VALUE_START = 4;
const HEADER_VALUE = 5;
const HEADER_VALUE_ALMOST_DONE = 6;
const HEADERS_ALMOST_DONE = 7;
const PART_DATA_START = 8;
const PART_DATA = 9;
const END_BOUNDARY = 11;
const END = 12;

const FLAG_PART_BOUNDARY = 1;
const FLAG_LAST_BOUNDARY = 2;

// RFC 7230 token characters: what a part's header name may hold.
const TOKEN = new Uint8Array(256);
for (const c of Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~")) TOKEN[c] = 1;

const MAX_BOUNDARY_LENGTH = 256;

type Mark = "header_field" | "header_value" | "part_data";

/**
 * python-multipart's streaming multipart/form-data parser: write() the body in chunks of any
 * size, then finalize() (which, as in 0.0.32, accepts a body cut short). on_header_begin and
 * max_size are left out: Starlette uses neither.
 */
export class MultipartParser {
  state = START;
  index = 0;
  flags = 0;
  readonly boundary: Buffer;
  readonly maxHeaderCount: number;
  readonly maxHeaderSize: number;
  private headerCount = 0;
  private headerSize = 0;
  // Where the data of a header name, header value or part begins in the chunk being parsed;
  // a negative mark counts back into a partial boundary carried over from the last chunk.
  private readonly marks = new Map<Mark, number>();

  constructor(
    boundary: string,
    private readonly callbacks: MultipartCallbacks,
    options: { maxHeaderCount?: number; maxHeaderSize?: number } = {},
  ) {
    this.maxHeaderCount = options.maxHeaderCount ?? 8;
    this.maxHeaderSize = options.maxHeaderSize ?? 4096 + 128;
    if (boundary.length > MAX_BOUNDARY_LENGTH) throw new FormParserError(`Boundary length ${boundary.length} exceeds maximum of ${MAX_BOUNDARY_LENGTH}`);
    this.boundary = Buffer.from("\r\n--" + boundary, "latin1");
  }

  write(chunk: Uint8Array): number {
    const data = asBuffer(chunk);
    const length = data.length;
    const boundary = this.boundary;
    const boundaryLength = boundary.length;
    const cb = this.callbacks;
    const marks = this.marks;
    let { state, index, flags, headerCount, headerSize } = this;
    let i = 0;

    const fail = (message: string, offset = i): never => {
      throw new MultipartParseError(message, offset);
    };
    const advanceHeaderSize = (amount = 1): void => {
      headerSize += amount;
      if (headerSize > this.maxHeaderSize) fail("Maximum header size exceeded");
    };
    // Never with an empty range: dataCallback checks for that, as BaseParser.callback does.
    const callback = (name: Mark, buffer: Buffer, start: number, end: number): void => {
      if (name === "part_data") cb.onPartData(buffer, start, end);
      else if (name === "header_field") cb.onHeaderField(buffer, start, end);
      else cb.onHeaderValue(buffer, start, end);
    };
    // Emit the data from a mark up to endI; with `remaining`, keep the mark for the next chunk.
    const dataCallback = (name: Mark, endI: number, remaining = false): void => {
      const marked = marks.get(name);
      if (marked === undefined) return;
      if (endI <= marked) {
        // Nothing new to send.
      } else if (marked >= 0) {
        callback(name, data, marked, endI);
      } else {
        // Part of the data is a partial boundary match that turned out not to be one.
        const lookbehind = -marked;
        if (lookbehind <= boundaryLength) callback(name, boundary, 0, lookbehind);
        else if (this.flags & FLAG_PART_BOUNDARY) callback(name, Buffer.concat([boundary, Buffer.from("\r\n")]), 0, lookbehind);
        else callback(name, Buffer.concat([boundary, Buffer.from("--\r\n")]), 0, lookbehind);
        if (endI > 0) callback(name, data, 0, endI);
      }
      if (remaining) marks.set(name, endI - length);
      else marks.delete(name);
    };

    while (i < length) {
      let c = data[i];
      if (state === START) {
        // Skip leading newlines, and whatever follows them up to the first "-".
        if (c === CR || c === LF) {
          i = data.indexOf(HYPHEN, i);
          if (i === -1) {
            i = length;
            break;
          }
          continue;
        }
        index = 0;
        state = START_BOUNDARY;
        i -= 1;
      } else if (state === START_BOUNDARY) {
        if (index === boundaryLength - 2) {
          if (c === HYPHEN) state = END_BOUNDARY;
          else if (c !== CR) fail(`Did not find CR at end of boundary (${i})`);
          index += 1;
        } else if (index === boundaryLength - 1) {
          if (c !== LF) fail(`Did not find LF at end of boundary (${i})`);
          index = 0;
          cb.onPartBegin();
          headerCount = 0;
          headerSize = 0;
          state = HEADER_FIELD_START;
        } else {
          if (c !== boundary[index + 2]) fail(`Expected boundary character ${boundary[index + 2]}, got ${c} at index ${index + 2}`);
          index += 1;
        }
      } else if (state === HEADER_FIELD_START) {
        index = 0;
        if (c !== CR) {
          headerCount += 1;
          if (headerCount > this.maxHeaderCount) fail("Maximum header count exceeded");
          headerSize = 0;
        }
        marks.set("header_field", i);
        state = HEADER_FIELD;
        i -= 1;
      } else if (state === HEADER_FIELD) {
        // A CR where a header would start: the blank line after the headers.
        if (c === CR && index === 0) {
          marks.delete("header_field");
          state = HEADERS_ALMOST_DONE;
          i += 1;
          continue;
        }
        const colon = data.indexOf(COLON, i);
        const end = colon !== -1 ? colon : length;
        advanceHeaderSize(colon === -1 ? end - i : end - i + 1);
        for (let j = i; j < end; j++) if (!TOKEN[data[j]]) fail(`Found invalid character ${data[j]} in header at ${j}`, j);
        index += end - i;
        if (colon === -1) {
          i = length;
        } else {
          if (index === 0) fail(`Found 0-length header at ${i}`);
          i = colon;
          dataCallback("header_field", i);
          state = HEADER_VALUE_START;
        }
      } else if (state === HEADER_VALUE_START) {
        if (c === SPACE) {
          advanceHeaderSize();
          i += 1;
          continue;
        }
        marks.set("header_value", i);
        state = HEADER_VALUE;
        i -= 1;
      } else if (state === HEADER_VALUE) {
        const cr = data.indexOf(CR, i);
        const end = cr !== -1 ? cr : length;
        advanceHeaderSize(end - i);
        if (cr !== -1) {
          i = cr;
          dataCallback("header_value", i);
          cb.onHeaderEnd();
          headerSize = 0;
          state = HEADER_VALUE_ALMOST_DONE;
        } else {
          i = length;
        }
      } else if (state === HEADER_VALUE_ALMOST_DONE) {
        if (c !== LF) fail(`Did not find LF character at end of header (found ${c})`);
        state = HEADER_FIELD_START;
      } else if (state === HEADERS_ALMOST_DONE) {
        if (c !== LF) fail(`Did not find LF at end of headers (found ${c})`);
        cb.onHeadersFinished();
        state = PART_DATA_START;
      } else if (state === PART_DATA_START) {
        marks.set("part_data", i);
        state = PART_DATA;
        i -= 1;
      } else if (state === PART_DATA) {
        const prevIndex = index;
        if (index === 0) {
          const found = data.indexOf(boundary, i);
          if (found >= 0) {
            // The whole boundary is in this chunk: jump to its last byte.
            index = boundaryLength - 1;
            i = found + boundaryLength - 1;
            c = data[i];
          } else {
            // The tail may hold the start of a boundary that ends in the next chunk. The
            // boundary starts with CR, so the last CR of the tail is the only candidate.
            const tail = data.subarray(Math.max(i, length - boundaryLength + 1));
            const k = tail.lastIndexOf(CR);
            if (k !== -1 && boundary.subarray(0, tail.length - k).equals(tail.subarray(k))) index = tail.length - k;
            i = length;
            continue;
          }
        }
        if (index < boundaryLength) {
          if (boundary[index] === c) index += 1;
          else index = 0;
        } else if (index === boundaryLength) {
          index += 1;
          if (c === CR) flags |= FLAG_PART_BOUNDARY;
          else if (c === HYPHEN) flags |= FLAG_LAST_BOUNDARY;
          else index = 0;
        } else if (flags & FLAG_PART_BOUNDARY) {
          // index is boundaryLength + 1, after "\r\n--boundary\r".
          if (c === LF) {
            flags &= ~FLAG_PART_BOUNDARY;
            dataCallback("part_data", i - index);
            cb.onPartEnd();
            cb.onPartBegin();
            headerCount = 0;
            headerSize = 0;
            index = 0;
            state = HEADER_FIELD_START;
            i += 1;
            continue;
          }
          index = 0;
          flags &= ~FLAG_PART_BOUNDARY;
        } else if (c === HYPHEN) {
          // After "\r\n--boundary-" (the last-boundary flag is the only other way here).
          dataCallback("part_data", i - index);
          cb.onPartEnd();
          cb.onEnd();
          state = END;
        } else {
          index = 0;
        }
        // A partial match that failed is part data after all: look at this byte again.
        if (index === 0 && prevIndex > 0) i -= 1;
      } else if (state === END_BOUNDARY) {
        // Entered with index at the boundary's last byte, after "--boundary-".
        if (c !== HYPHEN) fail(`Did not find - at end of boundary (${i})`);
        index += 1;
        cb.onEnd();
        state = END;
      } else {
        // END: the epilogue after the closing boundary is discarded.
        i = length;
        break;
      }
      i += 1;
    }

    // Emit what this chunk holds of the thing being parsed; a partial boundary match stays behind.
    dataCallback("header_field", length, true);
    dataCallback("header_value", length, true);
    dataCallback("part_data", length - index, true);
    Object.assign(this, { state, index, flags, headerCount, headerSize });
    return length;
  }

  /** Like 0.0.32's, checks nothing: a body without its closing boundary keeps the parts it completed. */
  finalize(): void {}
}
