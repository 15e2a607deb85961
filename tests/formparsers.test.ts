// Python counterpart: tests/test_formparsers.py (corpus cases named test_… are its inputs).
// Differential: Starlette 1.7's FormParser and MultiPartParser on python-multipart 0.0.32, run by
// tests/python/formparsers_oracle.py, against src/formparsers.ts on the same bodies, whole or in
// chunks: the same items (names, values, filenames, part headers, file bytes) or the same error.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Headers } from "../src/datastructures.js";
import { FormParser, MultiPartException, MultiPartParser, parseMultipart, parseUrlencoded, type FormLimits } from "../src/formparsers.js";
import { MultipartParseError, parseOptionsHeader } from "../src/_multipart.js";
import { requirePython, runPython } from "./python.js";

const HAVE_PYTHON = requirePython("starlette", "python_multipart");

interface Case {
  name: string;
  parser: "multipart" | "urlencoded" | "options";
  contentType: string;
  body?: string | Buffer;
  /** Sizes of the first chunks; the rest of the body is one more. */
  chunks?: number[];
  limits?: Partial<FormLimits>;
}

type Item = string | { filename: string | null; content_type: string | null; headers: Array<[string, string]>; content: string };
type Result = { items: Array<[string, Item]> } | { options: [string, Array<[string, string]>] } | { error: [string, string] };

const bytes = (body: string | Buffer | undefined): Buffer => (typeof body === "string" ? Buffer.from(body, "utf8") : (body ?? Buffer.alloc(0)));

// Like Request.stream(): the non-empty chunks, then an empty one.
function split(body: Buffer, sizes: number[], plain: boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  for (const size of [...sizes, Infinity]) {
    const chunk = body.subarray(pos, pos + size);
    if (chunk.length) out.push(plain ? new Uint8Array(chunk) : chunk);
    pos += size;
  }
  out.push(new Uint8Array(0));
  return out;
}

async function ours(c: Case, n: number): Promise<Result> {
  if (c.parser === "options") {
    const [value, options] = parseOptionsHeader(c.contentType);
    return { options: [value, [...options]] };
  }
  const body = bytes(c.body);
  const headers = new Headers({ raw: [["content-type", c.contentType]] });
  try {
    // Whole bodies go through the functions Request.form() calls; chunked ones through the classes.
    const form =
      c.parser === "multipart"
        ? c.chunks
          ? new MultiPartParser(headers, split(body, c.chunks, n % 2 === 0), c.limits).parse()
          : parseMultipart(c.contentType, body, c.limits)
        : c.chunks
          ? new FormParser(headers, split(body, c.chunks, n % 2 === 0), c.limits).parse()
          : parseUrlencoded(body, c.limits);
    const items: Array<[string, Item]> = [];
    for (const [name, value] of form.multiItems()) {
      items.push([
        name,
        typeof value === "string"
          ? value
          : {
              filename: value.filename,
              content_type: value.contentType,
              headers: value.headers.raw.map(([k, v]) => [k, v]),
              content: Buffer.from(await value.read()).toString("base64"),
            },
      ]);
    }
    return { items };
  } catch (exc) {
    if (!(exc instanceof MultiPartException)) throw exc;
    return { error: [exc.name, exc.message] };
  }
}

function theirs(cases: Case[]): Result[] {
  return runPython<Result[]>(
    "formparsers_oracle",
    cases.map((c) => ({
      parser: c.parser,
      content_type: c.contentType,
      body: bytes(c.body).toString("base64"),
      chunks: c.chunks ?? [],
      limits: { max_files: c.limits?.maxFiles, max_fields: c.limits?.maxFields, max_part_size: c.limits?.maxPartSize },
    })),
  );
}

async function compare(cases: Case[]): Promise<Result[]> {
  const python = theirs(cases);
  const differ: string[] = [];
  for (const [n, c] of cases.entries()) {
    const ts = await ours(c, n);
    if (JSON.stringify(ts) !== JSON.stringify(python[n])) {
      differ.push(`${c.name}\n    body ${JSON.stringify(bytes(c.body).toString("latin1"))} chunks ${JSON.stringify(c.chunks ?? [])}\n    python ${JSON.stringify(python[n])}\n    ts     ${JSON.stringify(ts)}`);
    }
  }
  assert.ok(differ.length === 0, `${differ.length} of ${cases.length} cases differ from Starlette:\n${differ.slice(0, 8).join("\n")}`);
  return python;
}

// How many results are items (with at least one), or each error message.
function outcomes(results: Result[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of results) {
    const key = "error" in r ? r.error[1].replace(/\d+/g, "N") : "items" in r && r.items.length ? "items" : "other";
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return count;
}

// ---------------------------------------------------------------- the corpus

const B = "a7f7ac8d4e2e437c877bb7b8d7cc549c";
const MP = `multipart/form-data; boundary=${B}`;
const URLENCODED = "application/x-www-form-urlencoded";
const part = (headers: string, data: string, boundary = B): string => `--${boundary}\r\n${headers}\r\n\r\n${data}\r\n`;
const field = (name: string, value: string): string => part(`Content-Disposition: form-data; name="${name}"`, value);
const file = (name: string, filename: string, data: string, type = "text/plain"): string =>
  part(`Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}`, data);
const close = (boundary = B): string => `--${boundary}--\r\n`;
const latin1 = (s: string): Buffer => Buffer.from(s, "latin1");
const many = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join("");

const mixed = field("field0", "value0") + file("file", "file.txt", "<file content>") + field("field1", "value1") + close();

const urlencoded: Case[] = [
  { name: "test_urlencoded_request_data", body: "some=data" },
  { name: "test_urlencoded_percent_encoding", body: "some=da+ta" },
  { name: "test_urlencoded_percent_encoding_keys", body: "so+me=data" },
  { name: "test_urlencoded_multi_field_app_reads_body", body: "some=data&second=key+pair" },
  { name: "test_no_request_data", body: "" },
  { name: "percent escapes decode as UTF-8", body: "username=j%C3%B6hn+%F0%9F%98%80&password=x" },
  { name: "raw UTF-8 bytes stay latin-1 characters", body: "café=crème" },
  { name: "raw latin-1 bytes", body: latin1("caf\xe9=cr\xe8me") },
  { name: "an escape split by a raw byte", body: latin1("a=%C3\xb6%B6&%C3%=%") },
  { name: "fields without =", body: "a&b=&c=1&d" },
  { name: "repeated, leading and trailing &", body: "&&a=1&&&b=2&" },
  { name: "; does not separate", body: "a=1;b=2" },
  { name: "more than one =", body: "a=b=c&=&==&&=x" },
  { name: "bad escapes stay as they are", body: "%zz=%4&%=%%41&x=%C3&y=%c3%a9" },
  { name: "+ and its escape", body: "a=1+1%2B1&%2B=+" },
  { name: "a BOM, surrogates and overlongs escaped", body: "%EF%BB%BFa=%ED%A0%80%C0%AF%F4%90%80%80" },
  { name: "control characters and NUL", body: latin1("a\x00=\r\n\t&b=%00") },
  { name: "too many fields", body: "a=1&b=2&c=3", limits: { maxFields: 2 } },
  { name: "as many fields as allowed", body: "a=1&b=2&c=3", limits: { maxFields: 3 } },
  { name: "a field past the limit without =", body: "a=1&b", limits: { maxFields: 1 } },
  { name: "a field too large", body: "a=" + "x".repeat(1024), limits: { maxPartSize: 1024 } },
  { name: "a field as large as allowed", body: "a=" + "x".repeat(1023), limits: { maxPartSize: 1024 } },
  { name: "name and value count together", body: "n".repeat(600) + "=" + "v".repeat(500), limits: { maxPartSize: 1024 } },
  { name: "the size limit counts escapes undecoded", body: "a=" + "%41".repeat(400), limits: { maxPartSize: 1024 } },
  { name: "the first limit reached wins (size)", body: "a=1&b=" + "x".repeat(2000) + "&c=1", limits: { maxFields: 2, maxPartSize: 1024 } },
  { name: "the first limit reached wins (fields)", body: "a=1&b=1&c=1&d=" + "x".repeat(2000), limits: { maxFields: 2, maxPartSize: 1024 } },
  { name: "chunks split names, escapes and separators", body: "na+me=j%C3%B6hn&&x&y=1", chunks: [1, 2, 3, 1, 4, 1, 1] },
  { name: "a chunk that is only &", body: "a=1&b=2", chunks: [3, 1] },
].map((c) => ({ ...c, parser: "urlencoded" as const, contentType: URLENCODED }));

const multipart: Case[] = [
  { name: "test_multipart_request_data", body: field("some", "data") + close() },
  { name: "test_multipart_request_files", body: file("test", "test.txt", "<file content>") + close() },
  { name: "test_multipart_request_mixed_files_and_data", body: mixed },
  {
    name: "test_multipart_request_multiple_files_with_headers",
    body:
      field("test1", "<file1 content>") +
      part('Content-Disposition: form-data; name="test2"; filename="test2.txt"\r\nx-custom: f2\r\nContent-Type: text/plain', "<file2 content>") +
      close(),
  },
  { name: "test_multi_items", body: field("test1", "abc") + file("test1", "test1.txt", "<file1 content>") + file("test1", "test2.txt", "<file2 content>") + close() },
  {
    name: "test_multipart_request_with_charset_for_filename",
    contentType: `multipart/form-data; charset=utf-8; boundary=${B}`,
    body: file("file", "文書.txt", "<file content>") + close(),
  },
  { name: "test_multipart_request_without_charset_for_filename", body: file("file", "画像.jpg", "<file content>", "image/jpeg") + close() },
  { name: "test_multipart_request_with_encoded_value", contentType: `multipart/form-data; charset=utf-8; boundary=${B}`, body: field("value", "Transférer") + close() },
  { name: "test_missing_boundary_parameter", contentType: "multipart/form-data; charset=utf-8", body: 'Content-Disposition: form-data; name="file"\r\n\r\nx\r\n' },
  { name: "test_missing_name_parameter_on_content_disposition", body: part('Content-Disposition: form-data; ="field0"', "value0") },
  { name: "test_too_many_fields_raise", body: many(1001, (i) => part(`Content-Disposition: form-data; name="N${i}";`, "")) },
  { name: "test_too_many_files_raise", body: many(1001, (i) => part(`Content-Disposition: form-data; name="N${i}"; filename="F${i}";`, "")) },
  { name: "test_too_many_files_single_field_raise", body: many(1001, (i) => part(`Content-Disposition: form-data; name="N"; filename="F${i}";`, "")) },
  {
    name: "test_too_many_files_and_fields_raise",
    body: many(1001, (i) => part(`Content-Disposition: form-data; name="F${i}"; filename="F${i}";`, "") + part(`Content-Disposition: form-data; name="N${i}";`, "")),
  },
  { name: "test_max_fields_is_customizable_low_raises", body: many(2, (i) => part(`Content-Disposition: form-data; name="N${i}";`, "")), limits: { maxFields: 1 } },
  { name: "test_max_files_is_customizable_low_raises", body: many(2, (i) => part(`Content-Disposition: form-data; name="F${i}"; filename="F${i}";`, "")), limits: { maxFiles: 1 } },
  {
    name: "test_max_fields_is_customizable_high",
    body: many(2000, (i) => part(`Content-Disposition: form-data; name="N${i}";`, "") + part(`Content-Disposition: form-data; name="F${i}"; filename="F${i}";`, "")) + close(),
    limits: { maxFields: 2000, maxFiles: 2000 },
  },
  { name: "test_max_part_size_exceeds_limit", body: field("small", "small content") + field("large", "x".repeat(1024 * 1024 + 1)) + close() },
  { name: "test_max_part_size_exceeds_custom_limit", body: field("small", "small content") + field("large", "x".repeat(1024 * 10 + 1)) + close(), limits: { maxPartSize: 10240 } },
  { name: "a field as large as allowed", body: field("a", "x".repeat(1024)) + close(), limits: { maxPartSize: 1024 } },
  { name: "files have no size limit", body: file("a", "a.txt", "x".repeat(5000)) + close(), limits: { maxPartSize: 1024 } },
  { name: "a field too large in a body cut short", body: field("a", "x".repeat(2000)).slice(0, -2), limits: { maxPartSize: 1024 } },
  { name: "limits are counted at the headers of a part cut short", body: field("a", "1") + part('Content-Disposition: form-data; name="b"', "2").slice(0, -6), limits: { maxFields: 1 } },
  { name: "an empty form", body: close() },
  { name: "no body at all", body: "" },
  { name: "a preamble", body: "This is the preamble.\r\n" + mixed },
  { name: "leading blank lines", body: "\r\n\r\n\n" + mixed },
  { name: "leading blank line, then text without a hyphen before the boundary", body: "\r\nsome text\r\n" + mixed },
  { name: "leading blank line, then text with a hyphen", body: "\r\nsome-text\r\n" + mixed },
  { name: "only blank lines", body: "\r\n\r\n" },
  { name: "an epilogue", body: mixed + "This is the epilogue.\r\n--" + B + "\r\nmore" },
  { name: "the closing boundary without CRLF", body: mixed.slice(0, -2) },
  { name: "the closing boundary with one hyphen", body: field("a", "1") + `--${B}-\r\n` },
  { name: "an empty form with a wrong closing", body: `--${B}-x` },
  { name: "no closing boundary", body: field("a", "1") + file("f", "f.txt", "data") },
  { name: "a multipart body cut short has no file", contentType: "multipart/form-data; boundary=xyz", body: "--xyz\r\nnonsense" },
  { name: "garbage", body: "garbage" },
  { name: "LF line endings", body: mixed.replaceAll("\r\n", "\n") },
  { name: "a bare LF after the headers", body: `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r1\r\n` + close() },
  { name: "a CR without LF in a header value", body: `--${B}\r\nContent-Disposition: form-data; name="a"\rX\r\n\r\n1\r\n` + close() },
  { name: "a CR and no LF after the first boundary", body: `--${B}\rContent-Disposition: form-data; name="a"\r\n\r\n1\r\n` + close() },
  { name: "space after the boundary", body: `--${B}  \r\n` + field("a", "1").slice(B.length + 4) + close() },
  { name: "no space after the colon, and a tab", body: part('Content-Disposition:form-data;name=a\r\nContent-Type:\ttext/plain \r\nX-Empty:', "1") + close() },
  { name: "file headers keep tabs, inner spaces and trailing spaces", body: part('Content-Disposition:form-data; name="f"; filename="f"\r\nContent-Type:\ttext/plain \r\nX-Spaces:   a  b  \r\nX-Empty:\r\nX-Colons: a:b:c', "1") + close() },
  { name: "header names in capitals and a duplicate Content-Disposition", body: part('CONTENT-DISPOSITION: form-data; name="a"\r\ncontent-disposition: form-data; name="b"; filename="b.txt"', "1") + close() },
  { name: "a header name with a space", body: part('Content Disposition: form-data; name="a"', "1") + close() },
  { name: "a header line without a colon", body: part('Content-Disposition: form-data; name="a"\r\nno colon here', "1") + close() },
  { name: "a header without a name", body: part(': form-data; name="a"', "1") + close() },
  { name: "a header name with a non-ASCII byte", body: latin1(part('X-\xe9: 1\r\nContent-Disposition: form-data; name="a"', "1") + close()) },
  { name: "eight headers", body: part('Content-Disposition: form-data; name="a"' + many(7, (i) => `\r\nX-${i}: ${i}`), "1") + close() },
  { name: "nine headers", body: part('Content-Disposition: form-data; name="a"' + many(8, (i) => `\r\nX-${i}: ${i}`), "1") + close() },
  { name: "a header as long as allowed", body: part('Content-Disposition: form-data; name="a"\r\nX: ' + "v".repeat(4096 + 128 - 3), "1") + close() },
  { name: "a header too long", body: part('Content-Disposition: form-data; name="a"\r\nX: ' + "v".repeat(4096 + 128 - 2), "1") + close() },
  { name: "a header name too long", body: part('Content-Disposition: form-data; name="a"\r\n' + "X".repeat(5000) + ": 1", "1") + close() },
  { name: "spaces count toward the header size", body: part('Content-Disposition: form-data; name="a"\r\nX:' + " ".repeat(4300) + "1", "1") + close() },
  { name: "no Content-Disposition", body: part("Content-Type: text/plain", "no header") + close() },
  { name: "Content-Disposition without parameters", body: part("Content-Disposition: form-data", "no name") + close() },
  { name: "an empty Content-Disposition", body: part("Content-Disposition:", "x") + close() },
  { name: "a part without headers", body: `--${B}\r\n\r\nvalue\r\n` + close() },
  { name: "quoted strings: escapes, ; and = inside", body: part('Content-Disposition: form-data; name="a\\"b;c=d\\\\e"; filename="x;y.txt"', "1") + close() },
  { name: "an unterminated quote", body: part('Content-Disposition: form-data; name="a; filename=b', "1") + close() },
  { name: "unquoted and spaced parameters", body: part("Content-Disposition: form-data ;  name = a b ; filename= c.txt ", "1") + close() },
  { name: "filename*= (RFC 2231) is ignored", body: part("Content-Disposition: form-data; name=a; filename*=UTF-8''%C3%A9.txt", "1") + part("Content-Disposition: form-data; name=b; filename*=UTF-8''x.txt; filename=\"y.txt\"", "2") + close() },
  { name: "name* alone is no name", body: part("Content-Disposition: form-data; name*=UTF-8''a", "1") + close() },
  { name: "IE6 paths", body: part('Content-Disposition: form-data; name="a"; filename="C:\\Users\\me\\x.txt"', "1") + part('Content-Disposition: form-data; name="b"; filename="\\\\server\\share\\y.txt"', "2") + close() },
  { name: "an empty filename is a file", body: part('Content-Disposition: form-data; name="a"; filename=""', "") + close() },
  { name: "a parameter without a value", body: part('Content-Disposition: form-data; name="a"; filename', "1") + close() },
  { name: "duplicate and capitalised parameters", body: part('Content-Disposition: form-data; NAME="a"; name="b"; Filename="c"', "1") + close() },
  { name: "whitespace Python strips and JavaScript does not", body: latin1(part('Content-Disposition: form-data; name=\x1ca\x1f; filename=\x85b\xa0', "1") + close()) },
  { name: "non-ASCII names, values and filenames", body: field("ñämé 😀", "välüe ✓") + file("f", "fïlé 文書.txt", "ü") + close() },
  { name: "names and values that are not UTF-8 fall back to latin-1", body: latin1(field("caf\xe9", "cr\xe8me") + file("f", "\xff.txt", "\xff") + close()) },
  { name: "a BOM in a value stays", body: field("a", "\ufeffx") + close() },
  { name: "binary file content", body: latin1(file("f", "f.bin", "\x00\r\n\r\x00--\r\n-\xff\r", "application/octet-stream") + close()) },
  { name: "the boundary inside data, not after CRLF", body: field("a", `x--${B}y`) + close() },
  { name: "CRLF, the boundary and another byte is data", body: field("a", `1\r\n--${B}x`) + close() },
  { name: "CRLF, the boundary, CR and no LF is data", body: field("a", `1\r\n--${B}\rx`) + close() },
  { name: "CRLF, the boundary, a hyphen and another byte is data", body: field("a", `1\r\n--${B}-x\r\n--${B}\rx`) + close() },
  { name: "CRLF and part of the boundary is data", body: field("a", `1\r\n--${B.slice(0, 5)}\r\n\r\n--`) + close() },
  { name: "an empty boundary", contentType: "multipart/form-data; boundary=", body: "--\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n----\r\n" },
  { name: "a boundary parameter without =", contentType: "multipart/form-data; boundary", body: "--\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n----\r\n" },
  { name: "a quoted boundary with a space and ;", contentType: 'multipart/form-data; boundary="a b;c"', body: field("x", "1").replaceAll(B, "a b;c") + close("a b;c") },
  { name: "BOUNDARY in capitals, and a second boundary", contentType: `multipart/form-data; BOUNDARY=zz; boundary=${B}`, body: mixed },
  { name: "a boundary of 256 bytes", contentType: `multipart/form-data; boundary=${"b".repeat(256)}`, body: field("a", "1").replaceAll(B, "b".repeat(256)) + close("b".repeat(256)) },
  { name: "a boundary of 257 bytes", contentType: `multipart/form-data; boundary=${"b".repeat(257)}`, body: field("a", "1").replaceAll(B, "b".repeat(257)) + close("b".repeat(257)) },
  { name: "a boundary with a non-ASCII character", contentType: "multipart/form-data; boundary=b\xe9", body: latin1("--b\xe9\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b\xe9--") },
  { name: "not the boundary the header names", contentType: "multipart/form-data; boundary=other", body: mixed },
  { name: "1-byte chunks", body: mixed, chunks: Array(mixed.length).fill(1) },
  { name: "chunks that split the boundary after CRLF", body: mixed, chunks: [60, 5, 30, 12, 40, 9, 25] },
  { name: "a chunk ending in CR, then LF--", body: field("a", "1") + close(), chunks: [`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r`.length] },
  { name: "a partial boundary at a chunk's end that is data", body: field("a", `1\r\n--${B.slice(0, 9)}x`) + close(), chunks: [`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${B.slice(0, 9)}`.length] },
  { name: "a chunk ending after the boundary and CR, then no LF", body: field("a", `1\r\n--${B}\rz`) + close(), chunks: [`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${B}\r`.length] },
  { name: "a chunk ending after the boundary and a hyphen, then no hyphen", body: field("a", `1\r\n--${B}-z`) + close(), chunks: [`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${B}-`.length] },
  { name: "a chunk ending after the boundary", body: field("a", "1") + close(), chunks: [`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${B}`.length, 1] },
  { name: "a first chunk of blank lines only", body: "\r\n\r\n" + mixed, chunks: [2, 2] },
  { name: "an epilogue in its own chunk", body: mixed + "epilogue", chunks: [mixed.length] },
].map((c) => ({ contentType: MP, ...c, parser: "multipart" as const }));

const CHARSET_BODY = (value: Buffer): Buffer =>
  Buffer.concat([latin1(`--${B}\r\nContent-Disposition: form-data; name="n\xe9"; filename="f\x81.txt"\r\n\r\nfile\r\n--${B}\r\nContent-Disposition: form-data; name="v"\r\n\r\n`), value, latin1(`\r\n--${B}--\r\n`)]);
const charsets: Case[] = [
  ["latin-1", latin1("caf\xe9")],
  ["L1", latin1("caf\xe9")],
  ["ISO_8859-1", latin1("caf\xe9")],
  ["UTF8", Buffer.from("café")],
  [" utf 8 ", Buffer.from("café")],
  ["utf-8", latin1("caf\xe9")],
  ["utf-8-sig", Buffer.from("\ufeffcafé")],
  ["us-ascii", latin1("caf\xe9")],
  ["ascii", Buffer.from("cafe")],
  ["cp1252", latin1("\x80 caf\xe9")],
  ["windows-1252", latin1("\x81 caf\xe9")],
  ["utf-16", Buffer.from("\ufeffcafé", "utf16le")],
  ["utf-16", Buffer.from("café", "utf16le")],
  ["utf-16", Buffer.from([0xfe, 0xff, 0, 0x63, 0, 0xe9])],
  ["utf-16", Buffer.from([0x63, 0, 0xe9])],
  ["UTF-16LE", Buffer.from("\ufeffcafé", "utf16le")],
  ["utf_16_be", Buffer.from([0, 0x63, 0, 0xe9])],
  ["utf-16be", Buffer.from([0xd8, 0x00, 0, 0x63])],
  ["shift_jis", Buffer.from([0x93, 0xfa, 0x96, 0x7b])],
  ["latin-8", Buffer.from("abc")],
  ["", Buffer.from("café")],
  ["utf.8", Buffer.from("café")],
  ["ansi_x3.4_1968", latin1("caf\xe9")],
].map(([charset, value], i) => ({
  name: `charset ${JSON.stringify(charset)} (${i})`,
  parser: "multipart" as const,
  contentType: `multipart/form-data; boundary=${B}; charset=${charset}`,
  body: CHARSET_BODY(value as Buffer),
}));

const options: Case[] = [
  "",
  "Multipart/Form-Data",
  "  multipart/form-data  ",
  "Multipart/Form-Data; boundary=x",
  'form-data; name="a;b"; filename*=UTF-8\'\'x; filename="C:\\\\x\\\\y.txt"',
  'a; b="c\\"; d=e"; f=g',
  'a; b="c; d="e"; f',
  'a;;b=1; ;c = 2 ; D="3',
  '"a;b"; c=1',
  "a; b=\x1c1\x85; \xa0c=2",
  'a; b=""; c="; d=\\\\"',
].map((contentType) => ({ name: `options ${JSON.stringify(contentType)}`, parser: "options" as const, contentType }));

// A valid body cut at every position: parts completed so far, or an error where the cut leaves one.
const TRUNCATED = field("a", "1") + file("b", "b.txt", "xy\r\nz") + field("c", "") + close();
const truncations: Case[] = Array.from({ length: TRUNCATED.length }, (_, n) => ({
  name: `truncated at ${n}`,
  parser: "multipart" as const,
  contentType: MP,
  body: TRUNCATED.slice(0, n),
}));

test("differential corpus: Starlette's FormParser, MultiPartParser and parse_options_header answer alike", async () => {
  if (!HAVE_PYTHON) return;
  const corpus = [...urlencoded, ...multipart, ...charsets, ...options];
  assert.ok(corpus.length >= 60, `${corpus.length} hand-written cases`);
  await compare(corpus);
});

test("differential: a valid body truncated at every position", async () => {
  if (!HAVE_PYTHON) return;
  await compare(truncations);
});

test("Invalid multipart data. keeps python-multipart's error as its cause", () => {
  const error = (() => {
    try {
      parseMultipart("multipart/form-data; boundary=b", Buffer.from("--x"));
    } catch (exc) {
      return exc;
    }
  })();
  assert.instance(error, MultiPartException);
  const { message, cause } = error as MultiPartException;
  assert.is(message, "Invalid multipart data.");
  assert.instance(cause, MultipartParseError);
  assert.is((cause as MultipartParseError).offset, 2, "the offset of the byte that does not fit, in its chunk");
});

// ---------------------------------------------------------------- properties

const SEED = 20260501;
const text = (chars: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength });
// null two times in three.
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary, weight: 1 });
const NAME_CHARS = 'abcXYZ09 -_.;="\\\'\t\x1cé文😀';
const DATA_CHARS = `ab \r\n-${"=:;"}\x00é😀`;

// A well-formed multipart body, then damaged: cut, a byte dropped, inserted or changed, or left alone.
const multipartCase = fc
  .record({
    boundary: text("abcXYZ019'()+_,-./:=? ", 12).filter((b) => b.length > 0 && !b.endsWith(" ")),
    parts: fc.array(
      fc.record({
        name: fc.option(text(NAME_CHARS, 6), { freq: 15 }),
        filename: fc.option(text(NAME_CHARS, 6), { freq: 15 }),
        type: fc.option(fc.constantFrom("text/plain", "application/octet-stream", "text/plain; charset=latin-1")),
        extra: fc.array(fc.tuple(fc.constantFrom("X-A", "x-b", "Content-Type"), text("ab :;\"\t", 6)), { maxLength: 2 }),
        data: text(DATA_CHARS, 24),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    closing: fc.constantFrom("--\r\n", "--", "", "-", "--\r\nepilogue"),
    preamble: fc.constantFrom(...Array(12).fill(""), "\r\n", "\r\n\r\n", "\r\nx-y\r\n", "pre\r\n"),
    charset: fc.option(fc.constantFrom("utf-8", "latin-1", "utf-16", "ascii", "cp1252", "nope")),
    mutation: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constantFrom("cut", "drop", "insert", "change"), at: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), byte: fc.constantFrom(13, 10, 45, 58, 32, 34, 59, 0, 0xe9, 97) }), weight: 2 },
    ),
    chunks: fc.option(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 })),
    limits: sometimes(fc.record({ maxFiles: fc.integer({ min: 0, max: 3 }), maxFields: fc.integer({ min: 0, max: 3 }), maxPartSize: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] })),
  })
  .map((g): Case => {
    const parts = g.parts.map((p) => {
      const disposition = ["form-data", ...(p.name === null ? [] : [`name="${p.name}"`]), ...(p.filename === null ? [] : [`filename="${p.filename}"`])].join("; ");
      const headers = [`Content-Disposition: ${disposition}`, ...(p.type === null ? [] : [`Content-Type: ${p.type}`]), ...p.extra.map(([k, v]) => `${k}: ${v}`)];
      return `--${g.boundary}\r\n${headers.join("\r\n")}\r\n\r\n${p.data}\r\n`;
    });
    let body = Buffer.from(g.preamble + parts.join("") + `--${g.boundary}${g.closing}`, "utf8");
    if (g.mutation) {
      const at = Math.floor(g.mutation.at * body.length);
      const { kind, byte } = g.mutation;
      const b = Buffer.from([byte]);
      body =
        kind === "cut" ? body.subarray(0, at) : kind === "drop" ? Buffer.concat([body.subarray(0, at), body.subarray(at + 1)]) : Buffer.concat([body.subarray(0, at), b, body.subarray(kind === "change" ? at + 1 : at)]);
    }
    const quoted = /[ '()+,/:=?]/.test(g.boundary) ? `"${g.boundary}"` : g.boundary;
    return {
      name: `generated ${JSON.stringify(g.mutation)}`,
      parser: "multipart",
      contentType: `multipart/form-data; boundary=${quoted}` + (g.charset === null ? "" : `; charset=${g.charset}`),
      body,
      ...(g.chunks === null ? {} : { chunks: g.chunks }),
      ...(g.limits === null ? {} : { limits: g.limits }),
    };
  });

const urlencodedCase = fc
  .record({
    body: fc.oneof(text("ab=&+%0123456789ABCDEFcdef;\x00\xe9\xff ", 40), fc.string({ unit: "binary", maxLength: 20 })),
    chunks: fc.option(fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 5 })),
    limits: sometimes(fc.record({ maxFields: fc.integer({ min: 0, max: 4 }), maxPartSize: fc.integer({ min: 0, max: 12 }) }, { requiredKeys: [] })),
  })
  .map((g): Case => ({
    name: "generated url-encoded",
    parser: "urlencoded",
    contentType: URLENCODED,
    body: Buffer.from(g.body, /[^\x00-\xff]/.test(g.body) ? "utf8" : "latin1"),
    ...(g.chunks === null ? {} : { chunks: g.chunks }),
    ...(g.limits === null ? {} : { limits: g.limits }),
  }));

const optionsCase = text('ab=;"\\* \t\x1c\x85\xa0:', 30).map((contentType): Case => ({ name: "generated options", parser: "options", contentType }));

test("property: damaged multipart bodies, in random chunks, under random limits and charsets", async () => {
  if (!HAVE_PYTHON) return;
  const count = outcomes(await compare(fc.sample(multipartCase, { seed: SEED, numRuns: 400 })));
  // The sample reaches forms, malformed bodies and every limit.
  for (const [key, least] of [
    ["items", 100],
    ["Invalid multipart data.", 50],
    ['The Content-Disposition header field "name" must be provided.', 5],
    ["Too many files. Maximum number of files is N.", 3],
    ["Too many fields. Maximum number of fields is N.", 3],
    ["Part exceeded maximum size of NKB.", 3],
  ] as const) {
    assert.ok((count.get(key) ?? 0) >= least, `${key}: ${count.get(key) ?? 0} of 400 cases (${JSON.stringify([...count])})`);
  }
});

test("property: url-encoded bodies and Content-Disposition parameters", async () => {
  if (!HAVE_PYTHON) return;
  await compare([...fc.sample(urlencodedCase, { seed: SEED, numRuns: 200 }), ...fc.sample(optionsCase, { seed: SEED, numRuns: 200 })]);
});

test.run();
