// Port of starlette/formparsers.py: url-encoded and multipart form bodies, parsed by the
// python-multipart port in _multipart.ts. The parsers take the body as an iterable of chunks;
// Request.form() gives them the whole body at once.
import { FormData, Headers, UploadFile, unquote } from "./datastructures.js";
import { FormParserError, MultipartParser, QuerystringParser, parseOptionsHeader } from "./_multipart.js";

export interface FormLimits {
  /** @default 1000 */
  maxFiles: number;
  /** @default 1000 */
  maxFields: number;
  /** Largest field (url-encoded: name and value together, still encoded), in bytes. @default 1048576 */
  maxPartSize: number;
}

const DEFAULT_LIMITS: FormLimits = { maxFiles: 1000, maxFields: 1000, maxPartSize: 1024 * 1024 };

interface MultipartPart {
  contentDisposition: string | null;
  fieldName: string;
  data: Buffer[];
  size: number;
  file: { filename: string; headers: Headers } | null;
  itemHeaders: Array<[string, string]>;
}

function newPart(): MultipartPart {
  return { contentDisposition: null, fieldName: "", data: [], size: 0, file: null, itemHeaders: [] };
}

type Decode = (src: Buffer) => string;

const fatal = (label: string): Decode => {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  return (src) => decoder.decode(src);
};
const utf8 = fatal("utf-8");
const utf16le = fatal("utf-16le");
const utf16be = fatal("utf-16be");
// cp1252 from 0x80 to 0x9f ("\0" where it is undefined): Node 20's TextDecoder reads windows-1252 as latin-1.
const CP1252 = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";
const bom = (src: Buffer, ...bytes: number[]): boolean => bytes.every((b, i) => src[i] === b);
const refuse = (src: Buffer, bad: (b: number) => boolean): Buffer => {
  if (src.some(bad)) throw new RangeError("byte out of range");
  return src;
};

// Python's codecs (strict) that are ported exactly, by module name.
const CODECS = new Map<string, Decode>([
  ["utf_8", utf8],
  ["utf_8_sig", (src) => utf8(bom(src, 0xef, 0xbb, 0xbf) ? src.subarray(3) : src)],
  ["latin_1", (src) => src.toString("latin1")],
  ["ascii", (src) => refuse(src, (b) => b > 0x7f).toString("latin1")],
  ["cp1252", (src) => refuse(src, (b) => CP1252[b - 0x80] === "\0").toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80])],
  // Without a BOM, the native order: little-endian.
  ["utf_16", (src) => (bom(src, 0xfe, 0xff) ? utf16be(src.subarray(2)) : utf16le(bom(src, 0xff, 0xfe) ? src.subarray(2) : src))],
  ["utf_16_le", utf16le],
  ["utf_16_be", utf16be],
]);

// encodings.aliases for those codecs.
const ALIASES = new Map<string, string>([
  ...["cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4"].map((a) => [a, "utf_8"] as const),
  ...["8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"].map((a) => [a, "latin_1"] as const),
  ...["646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"].map((a) => [a, "ascii"] as const),
  ["1252", "cp1252"],
  ["windows_1252", "cp1252"],
  ["u16", "utf_16"],
  ["utf16", "utf_16"],
  ["unicodelittleunmarked", "utf_16_le"],
  ["utf_16le", "utf_16_le"],
  ["unicodebigunmarked", "utf_16_be"],
  ["utf_16be", "utf_16_be"],
]);

// codecs.lookup(): ASCII letters and digits (and ".") lower-cased, every run of anything else
// one "_" between them; then an alias, or a module of that name if the name has no ".".
function pythonCodec(name: string): Decode | null {
  const norm = name.replace(/[^A-Za-z0-9.]+/g, "_").replace(/^_|_$/g, "").toLowerCase();
  const exact = CODECS.get(ALIASES.get(norm) ?? ALIASES.get(norm.replaceAll(".", "_")) ?? norm);
  if (exact) return exact;
  // Python's other codecs are approximated by the WHATWG decoder of that label, if there is one.
  for (const label of [name, norm.replaceAll("_", "-"), norm]) {
    try {
      return fatal(label);
    } catch {
      // Not a WHATWG label.
    }
  }
  return null;
}

// Starlette's _user_safe_decode: `src` decoded with a Python codec, or as latin-1 when the
// codec is unknown or the bytes do not fit it.
function userSafeDecode(src: Buffer, codec: string): string {
  try {
    const decode = pythonCodec(codec);
    if (decode) return decode(src);
  } catch {
    // A UnicodeDecodeError.
  }
  return src.toString("latin1");
}

export class MultiPartException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MultiPartException";
  }
}

/** Starlette's FormParser: an application/x-www-form-urlencoded body, ending with an empty chunk as Request.stream() does. */
export class FormParser {
  readonly maxFields: number;
  readonly maxPartSize: number;
  private readonly items: Array<[string, string]> = [];
  private currentFieldSize = 0;
  private currentFields = 0;
  private fieldName = "";
  private fieldValue = "";

  constructor(
    readonly headers: Headers,
    readonly stream: Iterable<Uint8Array>,
    options: Partial<Omit<FormLimits, "maxFiles">> = {},
  ) {
    this.maxFields = options.maxFields ?? DEFAULT_LIMITS.maxFields;
    this.maxPartSize = options.maxPartSize ?? DEFAULT_LIMITS.maxPartSize;
  }

  onFieldStart(): void {
    this.currentFieldSize = 0;
    this.fieldName = "";
    this.fieldValue = "";
  }

  onFieldName(data: Buffer, start: number, end: number): void {
    this.fieldName += this.fieldChunk(data, start, end);
  }

  onFieldData(data: Buffer, start: number, end: number): void {
    this.fieldValue += this.fieldChunk(data, start, end);
  }

  private fieldChunk(data: Buffer, start: number, end: number): string {
    this.currentFieldSize += end - start;
    if (this.currentFieldSize > this.maxPartSize) throw new MultiPartException(`Field exceeded maximum size of ${Math.trunc(this.maxPartSize / 1024)}KB.`);
    return data.toString("latin1", start, end);
  }

  onFieldEnd(): void {
    this.currentFields += 1;
    if (this.currentFields > this.maxFields) throw new MultiPartException(`Too many fields. Maximum number of fields is ${this.maxFields}.`);
    // unquote_plus(bytes.decode("latin-1")): escapes decode as UTF-8, raw bytes stay latin-1 characters.
    this.items.push([unquote(this.fieldName.replaceAll("+", " ")), unquote(this.fieldValue.replaceAll("+", " "))]);
  }

  onEnd(): void {}

  parse(): FormData {
    const parser = new QuerystringParser(this);
    for (const chunk of this.stream) {
      if (chunk.length) parser.write(chunk);
      else parser.finalize();
    }
    return new FormData(this.items);
  }
}

/** Starlette's MultiPartParser: a multipart/form-data body, its boundary (and charset) named by the Content-Type header. */
export class MultiPartParser {
  readonly maxFiles: number;
  readonly maxFields: number;
  readonly maxPartSize: number;
  readonly items: Array<[string, string | UploadFile]> = [];
  private currentFiles = 0;
  private currentFields = 0;
  private currentPartialHeaderName = "";
  private currentPartialHeaderValue = "";
  private currentPart = newPart();
  private charset = "";

  constructor(
    readonly headers: Headers,
    readonly stream: Iterable<Uint8Array>,
    options: Partial<FormLimits> = {},
  ) {
    this.maxFiles = options.maxFiles ?? DEFAULT_LIMITS.maxFiles;
    this.maxFields = options.maxFields ?? DEFAULT_LIMITS.maxFields;
    this.maxPartSize = options.maxPartSize ?? DEFAULT_LIMITS.maxPartSize;
  }

  onPartBegin(): void {
    this.currentPart = newPart();
  }

  onPartData(data: Buffer, start: number, end: number): void {
    const part = this.currentPart;
    if (part.file === null && part.size + end - start > this.maxPartSize) {
      throw new MultiPartException(`Part exceeded maximum size of ${Math.trunc(this.maxPartSize / 1024)}KB.`);
    }
    part.data.push(Buffer.from(data.subarray(start, end)));
    part.size += end - start;
  }

  onPartEnd(): void {
    const { fieldName, data, file } = this.currentPart;
    const bytes = Buffer.concat(data);
    this.items.push([fieldName, file === null ? userSafeDecode(bytes, this.charset) : new UploadFile(bytes, file)]);
  }

  onHeaderField(data: Buffer, start: number, end: number): void {
    this.currentPartialHeaderName += data.toString("latin1", start, end);
  }

  onHeaderValue(data: Buffer, start: number, end: number): void {
    this.currentPartialHeaderValue += data.toString("latin1", start, end);
  }

  onHeaderEnd(): void {
    // Header names are ASCII (the parser refuses anything else), so lower case is bytes.lower().
    const field = this.currentPartialHeaderName.toLowerCase();
    if (field === "content-disposition") this.currentPart.contentDisposition = this.currentPartialHeaderValue;
    this.currentPart.itemHeaders.push([field, this.currentPartialHeaderValue]);
    this.currentPartialHeaderName = "";
    this.currentPartialHeaderValue = "";
  }

  onHeadersFinished(): void {
    const [, options] = parseOptionsHeader(this.currentPart.contentDisposition);
    const name = options.get("name");
    if (name === undefined) throw new MultiPartException('The Content-Disposition header field "name" must be provided.');
    this.currentPart.fieldName = userSafeDecode(Buffer.from(name, "latin1"), this.charset);
    const filename = options.get("filename");
    if (filename !== undefined) {
      this.currentFiles += 1;
      if (this.currentFiles > this.maxFiles) throw new MultiPartException(`Too many files. Maximum number of files is ${this.maxFiles}.`);
      this.currentPart.file = {
        filename: userSafeDecode(Buffer.from(filename, "latin1"), this.charset),
        headers: new Headers({ raw: this.currentPart.itemHeaders }),
      };
    } else {
      this.currentFields += 1;
      if (this.currentFields > this.maxFields) throw new MultiPartException(`Too many fields. Maximum number of fields is ${this.maxFields}.`);
      this.currentPart.file = null;
    }
  }

  onEnd(): void {}

  parse(): FormData {
    const [, params] = parseOptionsHeader(this.headers.get("content-type"));
    this.charset = params.get("charset") ?? "utf-8";
    const boundary = params.get("boundary");
    if (boundary === undefined) throw new MultiPartException("Missing boundary in multipart.");
    try {
      const parser = new MultipartParser(boundary, this);
      for (const chunk of this.stream) parser.write(chunk);
      parser.finalize();
    } catch (exc) {
      if (exc instanceof FormParserError) throw new MultiPartException("Invalid multipart data.", { cause: exc });
      throw exc;
    }
    return new FormData(this.items);
  }
}

/** An application/x-www-form-urlencoded body, whole. */
export function parseUrlencoded(body: Uint8Array, limits: Partial<FormLimits> = {}): FormData {
  return new FormParser(new Headers(), [body, new Uint8Array(0)], limits).parse();
}

/** A multipart/form-data body, whole, with the request's Content-Type. */
export function parseMultipart(contentType: string, body: Uint8Array, limits: Partial<FormLimits> = {}): FormData {
  return new MultiPartParser(new Headers({ raw: [["content-type", contentType]] }), [body], limits).parse();
}
