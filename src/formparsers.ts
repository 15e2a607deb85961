// Port of starlette/formparsers.py: url-encoded and multipart form bodies.
// Starlette streams multipart through python-multipart; this parser works on
// the whole body (Request.form() reads it first) and needs no dependency.
import { FormData, Headers, UploadFile, parseQsl } from "./datastructures.js";

export interface FormLimits {
  /** @default 1000 */
  maxFiles: number;
  /** @default 1000 */
  maxFields: number;
  /** Largest non-file part, in bytes. @default 1048576 */
  maxPartSize: number;
}

const DEFAULT_LIMITS: FormLimits = { maxFiles: 1000, maxFields: 1000, maxPartSize: 1024 * 1024 };

export class MultiPartException extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MultiPartException";
  }
}

function latin1ToUtf8(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

export function parseUrlencoded(body: Uint8Array, limits: Partial<FormLimits> = {}): FormData {
  const { maxFields } = { ...DEFAULT_LIMITS, ...limits };
  const pairs = parseQsl(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1"));
  if (pairs.length > maxFields) throw new MultiPartException(`Too many fields. Maximum number of fields is ${maxFields}.`);
  // parseQsl decoded percent escapes as UTF-8; raw bytes arrive as latin-1 and are re-read as UTF-8 here.
  return new FormData(pairs.map(([k, v]) => [latin1ToUtf8(k), latin1ToUtf8(v)]));
}

/** Parameters of a header value such as `form-data; name="a"; filename="b.txt"`. */
function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) {
    params.set(m[1].toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3].trim());
  }
  return params;
}

export function parseMultipart(contentType: string, body: Uint8Array, limits: Partial<FormLimits> = {}): FormData {
  const { maxFiles, maxFields, maxPartSize } = { ...DEFAULT_LIMITS, ...limits };
  const boundary = headerParams(contentType).get("boundary");
  if (!boundary) throw new MultiPartException("Missing boundary in multipart.");
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const items: Array<[string, string | UploadFile]> = [];
  let files = 0;
  let fields = 0;

  let pos = buf.indexOf(delimiter);
  if (pos < 0) throw new MultiPartException("Missing boundary in multipart.");
  for (;;) {
    pos += delimiter.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing "--boundary--"
    const headerStart = buf.indexOf("\r\n", pos) + 2;
    const headerEnd = buf.indexOf("\r\n\r\n", headerStart);
    const next = buf.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd);
    if (headerStart < 2 || headerEnd < 0 || next < 0) throw new MultiPartException("Malformed multipart body.");
    const raw: Array<[string, string]> = [];
    for (const line of buf.toString("latin1", headerStart, headerEnd).split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) raw.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
    const headers = new Headers({ raw });
    const params = headerParams(headers.get("content-disposition") ?? "");
    const name = latin1ToUtf8(params.get("name") ?? "");
    const data = buf.subarray(headerEnd + 4, next);
    if (params.has("filename")) {
      if (++files > maxFiles) throw new MultiPartException(`Too many files. Maximum number of files is ${maxFiles}.`);
      items.push([name, new UploadFile(Buffer.from(data), { filename: latin1ToUtf8(params.get("filename") as string), headers })]);
    } else {
      if (++fields > maxFields) throw new MultiPartException(`Too many fields. Maximum number of fields is ${maxFields}.`);
      if (data.length > maxPartSize) throw new MultiPartException(`Part exceeded maximum size of ${Math.floor(maxPartSize / 1024)}KB.`);
      items.push([name, data.toString("utf8")]);
    }
    pos = next + 2;
  }
  return new FormData(items);
}
