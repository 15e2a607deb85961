// No Python counterpart: the pieces StaticFiles and FileResponse are built from, each
// against what Python itself answers (tests/python/staticfiles_oracle.py), on chosen
// inputs and on seeded random ones: email.utils.parsedate, posixpath's normpath and
// realpath, FileResponse._parse_range_header, the ETag and Last-Modified of a stat,
// mimetypes.guess_type, urllib.parse.quote, and uvicorn's ProxyHeadersMiddleware.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parsedate } from "../src/_email_utils.js";
import { guessType } from "../src/_mimetypes.js";
import { normpath, realpath } from "../src/_posixpath.js";
import { applyProxyHeaders, ipAddress, ipNetwork, parseHostPort, TrustedHosts } from "../src/_proxy_headers.js";
import { FileResponse, fileValidators, pyFloatRepr } from "../src/responses.js";
import type { Scope } from "../src/types.js";
import { requirePython, runPython } from "./python.js";

/** A seeded generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(seed: number, count: number, tokens: string[], maxTokens: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * maxTokens) }, () => tokens[Math.floor(next() * tokens.length)]).join(""));
}

const DATES = [
  "Thu, 11 Oct 2013 15:30:19 GMT", "Thursday, 11-Oct-13 15:30:19 GMT", "Thu Oct 11 15:30:19 2013", "11 Oct 2013 15:30:19 +0500", "Thu,11 Oct 2013 15:30:19",
  "11 Oct 2013 15:30", "11 Oct 13 15:30:19", "11 Oct 69 15:30:19", "11 Oct 68 15:30:19", "Oct 11 2013 15:30:19", "11 October 2013 15.30.19", "11 oct 2013 15.30",
  "11 Oct 2013 15.30.19.5", "11 Oct 2013, 15:30:19", "11 Oct 2013 15:30:19,", "11, Oct 2013 15:30:19", "11 Oct 2013,15:30:19-0800", "11 Oct 2013 15:30:19+0800",
  "11 Oct ,2013 15:30:19", "11 Oct , 15:30:19 x", "Thu, 11 Oct 2013", "", "   ", "garbage", "Thu, 01 Jan 99999999999999999999 00:00:00 GMT", "Thu, 01 Jan 1970 1_0:00:00 GMT",
  "Thu, 01 Jan +1970 00:00:00 GMT", "Thu, 01 Jan -5 00:00:00 GMT", "Thu, 01 Jan ²1 00:00:00 2013", "Thu, 01 Jan x1 00:00:00 2013", "Thu, 01 Xyz 2013 00:00:00",
  "Thu, Jan 01 2013 00:00:00", "Thu, 01\x85Jan\xa02013\x1c00:00:00", "11 Oct 2013 25:61:61", "mon", "1 2 3 4 5 6 7", "11 Oct 2013 15:30:19 EST", "a,b,c 11 Oct 2013 15:30:19",
  "11-Oct-2013 15:30:19", "11--2013 15:30:19 GMT", "11 Oct 2013 -5:30:19", "Thu 11, Oct 2013 15:30:19", "Oct 11, 2013 15:30:19", "11 Oct 2013 :", "11 Oct 2013 15:", "11 Oct 2013 15::", `11 Oct ${"9".repeat(4301)} 15:30:19`,
];
const DATE_TOKENS = ["Thu", "Thu,", "Monday", "11", "01", "2013", "13", "Oct", "october", "Feb", ":", "15", "30", ".", ",", "-", "+0500", "-0000", "GMT", "EST", " ", " ", "  ", "\t", "1_0", "+", "x"];

test("email.utils.parsedate", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const inputs = [...DATES, ...sentences(19, 400, DATE_TOKENS, 14)];
  const python = runPython<{ parsedate: Array<string[] | null> }>("staticfiles_oracle", { parsedate: inputs }).parsedate;
  const wrong = inputs.flatMap((text, i) => {
    const ours = parsedate(text)?.map(String) ?? null;
    return JSON.stringify(ours) === JSON.stringify(python[i]) ? [] : [`${JSON.stringify(text)}: python ${JSON.stringify(python[i])}, ts ${JSON.stringify(ours)}`];
  });
  assert.equal(wrong, []);
});

test("posixpath.normpath", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const inputs = ["", ".", "..", "/", "//", "///", "//a//b/", "/../a", "a/../../b", "a/./b/.", "../..", "a/b/../../..", "./", "/a/b/../../../c", "//..", "a//b", "....", ".../a", ...sentences(7, 200, ["a", "b", ".", "..", "/", "//"], 10)];
  const python = runPython<{ normpath: string[] }>("staticfiles_oracle", { normpath: inputs }).normpath;
  assert.equal(inputs.map(normpath), python);
});

test("posixpath.realpath (non-strict): links, loops, missing parts, '..' after a link", async () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-realpath-"));
  try {
    mkdirSync(join(dir, "real", "sub"), { recursive: true });
    writeFileSync(join(dir, "real", "sub", "f.txt"), "f");
    symlinkSync("real", join(dir, "rel"));
    symlinkSync(join(dir, "real", "sub"), join(dir, "abs"));
    symlinkSync("loop2", join(dir, "loop1"));
    symlinkSync("loop1", join(dir, "loop2"));
    symlinkSync("missing/target", join(dir, "dangling"));
    symlinkSync("../real/./sub/..", join(dir, "real", "up"));
    symlinkSync("rel/sub", join(dir, "chain"));
    const inputs = [
      "rel/sub/f.txt", "abs/f.txt", "abs/../sub/f.txt", "rel/../abs", "loop1/x", "loop1", "dangling/x", "missing/../rel", "real/up/sub", "chain/f.txt", "chain/../..",
      "rel/sub/f.txt/x", "./rel//sub/", "../" + dir.split("/").pop() + "/rel", "rel/rel/x", "abs/../../../..", "rel/../rel/sub/f.txt", "abs/../abs/f.txt",
    ].map((p) => `${dir}/${p}`); // not path.join: it would fold the ".." that realpath must meet
    // Relative ones, from the working directory as both sides have it.
    inputs.push("..", "../..", "../../x", "a/../../b", "", ".", "x/..", "/..", "//..", "/x/..", `${dir}/loop1//x`, `${dir}//rel/./sub`);
    const python = runPython<{ realpath: string[] }>("staticfiles_oracle", { realpath: inputs }).realpath;
    assert.equal(await Promise.all(inputs.map(realpath)), python);
    // Relative paths start from the working directory, as os.path.realpath's.
    assert.is(await realpath("."), process.cwd());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const RANGES = [
  "bytes=0-100", "bytes=0-100, 200-300", "bytes: 0-1000", "bytes=0-9999", "bytes=527-", "items=0-100", "bytes=", "bytes=100-0", "bytes=0-100, 50-200", "bytes=100-200, 0-50",
  "bytes=100, 0-50", "bytes= - , 0-50", "bytes=abc-def, 0-50", "bytes=-100", "bytes=-1000", "bytes=5-5", "bytes=5-4", "bytes=0-99999999999999999999999", "bytes=99999999999999999999-",
  "bytes=-99999999999999999999", `bytes=0-${"9".repeat(4300)}`, `bytes=0-${"9".repeat(4301)}`, "bytes=1_0-2_0", "bytes=+5-10", "bytes=5--3", "bytes=--5", "bytes=-0", "bytes=0-0",
  "bytes=0-", "bytes=-", "bytes=,", "bytes=0-9,10-19", "bytes=0-10,5-15,12-20", "BYTES=0-5", " bytes =0-5", "bytes=\t0-5\x85", "bytes=0-5\xa0,7-8", "bytes=0x10-20", "=0-5", "",
  "bytes=1__0-5", "bytes=_1-5", "bytes=1_-5", "bytes=\x1c0-5", "bytes=0-5=6", "bytes==0-5", `bytes=${"0-1,".repeat(99)}0-1`, `bytes=${"0-1,".repeat(100)}0-1`,
];
const RANGE_TOKENS = ["bytes", "=", "-", "-", ",", ", ", " ", "0", "1", "5", "9", "10", "99", "100", "526", "527", "abc", "_", "+", "\t", "BYTES", "\xa0", "99999999999999999999"];

test("FileResponse._parse_range_header", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const inputs: Array<[string, number]> = [
    ...RANGES.flatMap((r): Array<[string, number]> => [[r, 526], [r, 0], [r, 1], [r, 101]]),
    ...sentences(23, 600, RANGE_TOKENS, 12).map((r, i): [string, number] => [r.startsWith("bytes") || i % 3 ? r : `bytes=${r}`, [526, 0, 10, 100][i % 4]]),
  ];
  const python = runPython<{ ranges: unknown[] }>("staticfiles_oracle", { ranges: inputs }).ranges;
  const ours = (header: string, size: number): unknown => {
    try {
      return { ranges: FileResponse.parseRangeHeader(header, size) };
    } catch (exc) {
      const e = exc as { content?: string; maxSize?: number };
      return e.content !== undefined ? { malformed: e.content } : { unsatisfiable: e.maxSize };
    }
  };
  const wrong = inputs.flatMap(([header, size], i) => {
    const mine = ours(header, size);
    return JSON.stringify(mine) === JSON.stringify(python[i]) ? [] : [`${JSON.stringify(header)} (size ${size}): python ${JSON.stringify(python[i])}, ts ${JSON.stringify(mine)}`];
  });
  assert.equal(wrong, []);
});

test("the ETag and Last-Modified of a stat: st_mtime as CPython makes it, repr'd", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const next = random(5);
  const mtimes: Array<[number, number]> = [
    [1700000000, 0], [1700000000, 999999999], [1700000000, 123456789], [0, 0], [0, 1], [0, 50000], [0, 999999999], [-1, 500000000], [-86401, 1], [1e10, 5], [9999999999, 999999999],
    [1715252525, 100], [1, 0], [12, 300000000], [0, 999999500], [0, 999999499], [0, 500], [0, 1500], [0, 2500], [-1, 999999999], [-1, 1], [-2, 999999500], [1700000000, 999999500],
    ...Array.from({ length: 300 }, (): [number, number] => [Math.floor(next() * 2e9), Math.floor(next() * 1e9)]),
  ];
  const python = runPython<{ mtimes: Array<{ repr: string; etag: string; last_modified: string }> }>("staticfiles_oracle", { mtimes }).mtimes;
  const wrong = mtimes.flatMap(([sec, nsec], i) => {
    const st = { size: 10n, mtimeMs: 0n, mtimeNs: BigInt(sec) * 1_000_000_000n + BigInt(nsec), isFile: () => true };
    const { etag, lastModified } = fileValidators(st);
    const mine = { repr: pyFloatRepr(sec + nsec * 1e-9), etag: etag.slice(1, -1), last_modified: lastModified };
    return JSON.stringify(mine) === JSON.stringify(python[i]) ? [] : [`${sec}.${nsec}: python ${JSON.stringify(python[i])}, ts ${JSON.stringify(mine)}`];
  });
  assert.equal(wrong, []);
  // repr's forms beyond file times.
  assert.equal([0, -0, 1e16, 1.5e16, 1e-5, 0.0001, 123.0, -2.5, 1e21, 1e-7].map(pyFloatRepr), ["0.0", "-0.0", "1e+16", "1.5e+16", "1e-05", "0.0001", "123.0", "-2.5", "1e+21", "1e-07"]);
  // A Stats without nanoseconds: milliseconds, as close as they go.
  assert.is(fileValidators({ size: 3, mtimeMs: 1_700_000_000_500, isFile: () => true }).lastModified, "Tue, 14 Nov 2023 22:13:20 GMT");
});

test("mimetypes.guess_type over the built-in tables", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const names = [
    "a.txt", "a.TXT", "a.html", "a.htm", "a.js", "a.mjs", "a.css", "a.json", "a.png", "a.webp", "a.woff2", "a.svg", "a.svgz", "a.tar.gz", "a.tgz", "a.tar.Z", "a.tar.bz2", "a.gz",
    "a.GZ", "a.tar.GZ", "a.tbz2", "a.txz", "a.br", "a.js.br", ".bashrc", "..txt", "a.", "noext", "/x/y/a.pdf", "/x.dir/y", "data:text/html,hi", "data:,x", "data:image/png;base64,AA",
    "data:a=b,x", "data:nocomma", "DATA:text/css,x", "http://x/a.png", "file:a.md", "C:a.wasm", "a.b.c.mp4", "a.xml", "a.unknown",
  ];
  const python = runPython<{ guess_type: Array<string | null> }>("staticfiles_oracle", { guess_type: names }).guess_type;
  assert.equal(names.map(guessType), python);
});

test("urllib.parse.quote, through Content-Disposition", () => {
  if (!requirePython("starlette", "uvicorn")) return;
  const names = ["hello.txt", "你好.txt", "a b.txt", "a/b.txt", 'a"b.txt', "a;b,c.txt", "~a-b_c.d", "ü.png", "%41.txt", "😀.txt", "\u00a0.txt", "a\u0301.txt", "*'().txt", "a\tb.txt", "\x7f.txt"];
  const python = runPython<{ quote: string[] }>("staticfiles_oracle", { quote: names }).quote;
  const disposition = (name: string): string => new FileResponse("/dev/null", { filename: name }).headers.get("content-disposition") as string;
  assert.equal(names.map(disposition), python.map((q, i) => (q === names[i] ? `attachment; filename="${q}"` : `attachment; filename*=utf-8''${q}`)));
  assert.match(String((() => { try { disposition("\ud800.txt"); } catch (e) { return e; } })()), "lone surrogate");
});

// uvicorn's tests/middleware/test_proxy_headers.py, as a table: trusted hosts, peer, headers.
const TRUSTED: Record<string, string | string[]> = {
  nothing: [],
  everything: "*",
  everythingList: ["*"],
  ipv4: "127.0.0.1, 10.0.0.1",
  ipv4Networks: ["127.0.0.0/8", "10.0.0.0/8"],
  ipv6: ["2001:db8::", "2001:0db8:0001:0000:0000:0ab9:C0A8:0102", "2001:db8:3333:4444:5555:6666:1.2.3.4", "::11.22.33.44"],
  ipv6Networks: "2001:db8:abcd:0012::0/64",
  literals: "some-literal , unix:///foo/bar  ,  /foo/bar, garba*gewith*",
};
const TEST_HOSTS = [
  "127.0.0.0", "127.0.0.1", "127.1.1.1", "127.255.255.255", "10.0.0.0", "10.0.0.1", "10.1.1.1", "10.255.255.255", "192.168.0.0", "192.168.0.1", "1.1.1.1",
  "2001:db8::", "2001:db8:abcd:0012::0", "2001:db8:abcd:0012::1:1", "::", "::1", "2001:db8:3333:4444:5555:6666:102:304", "::b16:212c", "a:b:c:d::", "::a:b:c:d",
  "some-literal", "unix:///foo/bar", "/foo/bar", "*", "another-literal", "unix:///another/path", "/another/path", "",
];
// uvicorn's expectations for test_forwarded_hosts, by table: the hosts trusted.
const EXPECTED_TRUSTED: Record<string, string[]> = {
  nothing: [],
  everything: TEST_HOSTS,
  everythingList: TEST_HOSTS,
  ipv4: ["127.0.0.1", "10.0.0.1"],
  ipv4Networks: ["127.0.0.0", "127.0.0.1", "127.1.1.1", "127.255.255.255", "10.0.0.0", "10.0.0.1", "10.1.1.1", "10.255.255.255"],
  ipv6: ["2001:db8::", "2001:db8:3333:4444:5555:6666:102:304", "::b16:212c"],
  ipv6Networks: ["2001:db8:abcd:0012::0", "2001:db8:abcd:0012::1:1"],
  literals: ["some-literal", "unix:///foo/bar", "/foo/bar"],
};

test("test_forwarded_hosts (uvicorn's table)", () => {
  for (const [name, init] of Object.entries(TRUSTED)) {
    const trusted = new TrustedHosts(init);
    for (const host of TEST_HOSTS) assert.is(trusted.has(host), EXPECTED_TRUSTED[name].includes(host), `${name}: ${host}`);
  }
});

interface ProxyCase {
  name: string;
  trusted: string | string[];
  headers: Array<[string, string]>;
  client?: [string, number];
  type?: "http" | "websocket";
  /** uvicorn's test expectation, "scheme://host:port". */
  expect?: string;
}

const XFF = "x-forwarded-for";
const XFP = "x-forwarded-proto";
const https = (forwardedFor: string): Array<[string, string]> => [[XFF, forwardedFor], [XFP, "https"]];

const PROXY_CASES: ProxyCase[] = [
  // test_proxy_headers_trusted_hosts
  ...([["*", "https://1.2.3.4:0"], ["127.0.0.1", "https://1.2.3.4:0"], [["127.0.0.1"], "https://1.2.3.4:0"], [["127.0.0.1", "10.0.0.1"], "https://1.2.3.4:0"],
    ["127.0.0.1, 10.0.0.1", "https://1.2.3.4:0"], ["127.0.0.0/24, 10.0.0.1", "https://1.2.3.4:0"], ["192.168.0.1", "http://127.0.0.1:123"],
    ["192.168.0.0/16", "http://127.0.0.1:123"], [["127.0.0.1", "1.2.3.4"], "https://1.2.3.4:0"]] as Array<[string | string[], string]>).map(
    ([trusted, expect], i): ProxyCase => ({ name: `test_proxy_headers_trusted_hosts[${i}]`, trusted, headers: https("1.2.3.4"), expect }),
  ),
  // test_proxy_headers_trusted_hosts_malformed
  ...([["", "", "http://127.0.0.1:123"], ["", null, "http://127.0.0.1:123"], ["", "asdf", "http://127.0.0.1:123"], [" , ", "https", "https://127.0.0.1:123"],
    [", , ", "https", "https://127.0.0.1:123"], [" , 10.0.0.1", "https", "https://127.0.0.1:123"], ["9.9.9.9 , , , 10.0.0.1", "https", "https://127.0.0.1:123"],
    [", , 9.9.9.9", "https", "https://9.9.9.9:0"], [", , 9.9.9.9, , ", "https", "https://127.0.0.1:123"]] as Array<[string, string | null, string]>).map(
    ([forwardedFor, proto, expect], i): ProxyCase => ({
      name: `test_proxy_headers_trusted_hosts_malformed[${i}]`,
      trusted: "127.0.0.1, 10.0.0.0/8",
      headers: [[XFF, forwardedFor], ...(proto === null ? [] : [[XFP, proto] as [string, string]])],
      expect,
    }),
  ),
  // test_proxy_headers_multiple_proxies
  ...([["*", "https://1.2.3.4:0"], [["127.0.0.1", "10.0.2.1", "192.168.0.2"], "https://1.2.3.4:0"], [["10.0.2.1", "192.168.0.2", "127.0.0.1"], "https://1.2.3.4:0"],
    [["192.168.0.2", "127.0.0.1"], "https://10.0.2.1:0"], [["127.0.0.1", "10.0.0.0/8", "192.168.0.2"], "https://1.2.3.4:0"]] as Array<[string | string[], string]>).map(
    ([trusted, expect], i): ProxyCase => ({ name: `test_proxy_headers_multiple_proxies[${i}]`, trusted, headers: https("1.2.3.4, 10.0.2.1, 192.168.0.2"), expect }),
  ),
  // test_proxy_headers_multiple_proxies_with_ports
  ...([["*", "https://1.2.3.4:1234"], [["127.0.0.1", "2001:db8::1", "192.168.0.2"], "https://1.2.3.4:1234"], [["192.168.0.2", "127.0.0.1"], "https://[2001:db8::1]:8080"],
    [["127.0.0.1", "2001:db8::/32", "192.168.0.2"], "https://1.2.3.4:1234"]] as Array<[string | string[], string]>).map(
    ([trusted, expect], i): ProxyCase => ({ name: `test_proxy_headers_multiple_proxies_with_ports[${i}]`, trusted, headers: https("1.2.3.4:1234, [2001:db8::1]:8080, 192.168.0.2:9000"), expect }),
  ),
  { name: "test_proxy_headers_invalid_x_forwarded_for", trusted: "*", headers: https("1.2.3.4, \xf0\xfd\xfd\xfd, unix:, ::1"), expect: "https://1.2.3.4:0" },
  // test_proxy_headers_x_forwarded_for_port_shapes
  ...([["1.2.3.4", "https://1.2.3.4:0"], ["1.2.3.4:1234", "https://1.2.3.4:1234"], ["[2001:db8::1]:443", "https://[2001:db8::1]:443"], ["[2001:db8::1]", "https://[2001:db8::1]:0"],
    ["2001:db8::1", "https://[2001:db8::1]:0"], ["1.2.3.4:notaport", "https://1.2.3.4:notaport:0"], ["[2001:db8::1]:notaport", "https://[2001:db8::1]:0"],
    ["[2001:db8::1]extra", "https://[2001:db8::1]extra:0"], ["[2001:db8::1", "https://[2001:db8::1:0"]] as Array<[string, string]>).map(
    ([forwardedFor, expect], i): ProxyCase => ({ name: `test_proxy_headers_x_forwarded_for_port_shapes[${i}]`, trusted: "*", headers: https(forwardedFor), expect }),
  ),
  // test_proxy_headers_websocket_x_forwarded_proto
  ...([["http", "ws://1.2.3.4:0"], ["https", "wss://1.2.3.4:0"], ["ws", "ws://1.2.3.4:0"], ["wss", "wss://1.2.3.4:0"]] as Array<[string, string]>).map(
    ([proto, expect], i): ProxyCase => ({ name: `test_proxy_headers_websocket_x_forwarded_proto[${i}]`, trusted: "*", type: "websocket", headers: [[XFF, "1.2.3.4"], [XFP, proto]], expect }),
  ),
  { name: "test_proxy_headers_empty_x_forwarded_for", trusted: "*", headers: https(""), expect: "https://127.0.0.1:123" },
  { name: "test_proxy_headers_duplicate_x_forwarded_for_is_combined", trusted: "127.0.0.1", headers: [[XFF, "203.0.113.66, 198.51.100.23"], [XFF, "127.0.0.1"]], expect: "http://198.51.100.23:0" },
  { name: "test_proxy_headers_duplicate_x_forwarded_proto_uses_last[0]", trusted: "127.0.0.1", headers: [[XFP, "https"], [XFP, "http"]], expect: "http://127.0.0.1:123" },
  { name: "test_proxy_headers_duplicate_x_forwarded_proto_uses_last[1]", trusted: "127.0.0.1", headers: [[XFP, "http"], [XFP, "https"]], expect: "https://127.0.0.1:123" },
  { name: "test_proxy_headers_haproxy_behind_alb", trusted: ["127.0.0.1", "10.0.0.1"], headers: [[XFF, "1.2.3.4"], [XFF, "10.0.0.1"], [XFP, "https"], [XFP, "https"]], expect: "https://1.2.3.4:0" },
  // Beyond uvicorn's tests: asked of uvicorn itself below.
  ...["wss", "WSS", " https ", "https\xa0", "ftp", "https, http"].map((proto): ProxyCase => ({ name: `proto ${JSON.stringify(proto)}`, trusted: "*", headers: [[XFP, proto]] })),
  ...[
    "1.2.3.4: 80", "1.2.3.4:+80", "1.2.3.4:-0", "1.2.3.4:-5", "1.2.3.4:8_0", "1.2.3.4:\xa080", "1.2.3.4:\x1c80", "[::1]: 80", "[::1]:", ":80", "[]:80", "a:b:c", "1.2.3.4:99999999999999999999",
    `1.2.3.4:${"9".repeat(4301)}`, "\t1.2.3.4\t", "::ffff:127.0.0.1", "fe80::1%eth0", "unix:/tmp/sock",
  ].map((forwardedFor): ProxyCase => ({ name: `x-forwarded-for ${JSON.stringify(forwardedFor.slice(0, 40))}`, trusted: "*", headers: [[XFF, forwardedFor]] })),
  ...[
    ["127.0.0.1/32", "127.0.0.1"], ["127.0.0.1/8", "127.0.0.1"], ["127.0.0.0/255.0.0.0", "127.9.9.9"], ["127.0.0.0/0.255.255.255", "127.9.9.9"], ["0.0.0.0/0", "8.8.8.8"],
    ["127.0.0.0/33", "127.0.0.1"], ["127.0.0.0/08", "127.9.9.9"], ["127.0.0.0/+8", "127.9.9.9"], ["127.0.0.0/255.0.255.0", "127.9.9.9"], ["::/0", "::1"], ["::1/128", "::1"],
    ["fe80::/10", "fe80::1%eth0"], ["fe80::1%eth0", "fe80::1%eth0"], ["fe80::1%eth0", "fe80::1"], ["fe80::1", "fe80::1%eth0"], ["::ffff:127.0.0.1", "::ffff:127.0.0.1"],
    ["127.0.0.1", "::ffff:127.0.0.1"], ["127.0.0.01", "127.0.0.01"], ["127.0.0.01", "127.0.0.1"], ["::1/1/1", "::1/1/1"], ["10.0.0.0/8/", "10.1.1.1"],
    ["1::2::3", "1::2::3"], ["1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8"], ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"], ["::1:2:3:4:5:6:7:8", "::1"], [":1::", ":1::"],
    ["1::2:", "1::2"], ["1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:0"], [":1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7"], ["1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"], ["::1.2.3", "::1.2.3"],
    ["12345::", "12345::"], ["g::", "g::"], ["fe80::1%", "fe80::1%"], ["fe80::1%a%b", "fe80::1%a%b"], ["1.2.3.4%x", "1.2.3.4%x"], ["1.2.3", "1.2.3"], ["1.2.3.256", "1.2.3.256"],
    ["1.2.3.x", "1.2.3.x"], ["1.2.3.1234", "1.2.3.1234"], ["1.2..4", "1.2..4"], ["1:2:3:4::5:6:7:8", "1:2:3:4::5:6:7:8"], ["fe80::1%eth0/64", "fe80::5"], ["", ""], [" 127.0.0.1", "127.0.0.1"], ["*", "*"], [" *", "*"], ["127.0.0.1,", "127.0.0.1"],
  ].map(([trusted, peer]): ProxyCase => ({ name: `trusted ${JSON.stringify(trusted)}, peer ${JSON.stringify(peer)}`, trusted, client: [peer, 5], headers: https("9.9.9.9") })),
  { name: "trusted list with '*' among others", trusted: ["*", "10.0.0.1"], headers: https("9.9.9.9") },
  { name: "trusted list with '*' only, as a list", trusted: ["*"], client: ["anything", 1], headers: https("9.9.9.9") },
  { name: "all hops trusted: the first is the client", trusted: "127.0.0.1, 10.0.0.0/8", headers: https("10.1.1.1, 10.2.2.2") },
  { name: "a hop longer than a DNS name", trusted: "127.0.0.1", headers: https(`${"a".repeat(300)}, 127.0.0.1`) },
];

test("proxy headers: uvicorn's tests as a table, and more, against uvicorn's ProxyHeadersMiddleware", () => {
  const python = requirePython("starlette", "uvicorn")
    ? runPython<{ proxy: Array<{ client: [string, number]; scheme: string }> }>("staticfiles_oracle", {
        proxy: PROXY_CASES.map((c) => ({ trusted: c.trusted, client: c.client ?? ["127.0.0.1", 123], headers: c.headers, type: c.type ?? "http" })),
      }).proxy
    : null;
  const wrong: string[] = [];
  PROXY_CASES.forEach((c, i) => {
    const scope: Scope = { type: c.type ?? "http", scheme: c.type === "websocket" ? "ws" : "http", client: c.client ?? ["127.0.0.1", 123], headers: c.headers };
    applyProxyHeaders(scope, new TrustedHosts(c.trusted));
    const [host, port] = scope.client as [string, number];
    const shown = `${scope.scheme}://${ipAddress(host)?.version === 6 ? `[${host}]` : host}:${port}`;
    if (c.expect !== undefined && shown !== c.expect) wrong.push(`${c.name}: uvicorn's test expects ${c.expect}, ts ${shown}`);
    const py = python?.[i];
    if (py !== undefined && JSON.stringify([py.scheme, py.client]) !== JSON.stringify([scope.scheme, scope.client])) {
      wrong.push(`${c.name}: uvicorn ${JSON.stringify([py.scheme, py.client])}, ts ${JSON.stringify([scope.scheme, scope.client])}`);
    }
  });
  assert.equal(wrong, []);
});

test("proxy headers: the pieces", () => {
  assert.equal(parseHostPort("[::1]:80"), ["::1", 80]);
  assert.is(ipNetwork("10.0.0.0/8")?.version, 4);
  assert.is(ipNetwork("10.0.0.1/8"), null, "host bits set: not a network");
  assert.equal(ipNetwork("10.0.0.1"), { version: 4, network: 167772161n, mask: 0xffffffffn }, "a bare address is a /32, as in Python");
  // A peer without an address (a socket already gone) is never trusted, unless every peer is.
  const scope: Scope = { type: "http", scheme: "http", client: null, headers: https("1.2.3.4") };
  applyProxyHeaders(scope, new TrustedHosts("127.0.0.1"));
  assert.is(scope.client, null);
  applyProxyHeaders(scope, new TrustedHosts("*"));
  assert.equal(scope.client, ["1.2.3.4", 0]);
  const noHeaders: Scope = { type: "http", scheme: "http", client: ["127.0.0.1", 1] };
  applyProxyHeaders(noHeaders, new TrustedHosts("*"));
  assert.equal([noHeaders.scheme, noHeaders.client], ["http", ["127.0.0.1", 1]]);
  // Many peers: the memory of trust decisions stays bounded, and still answers right.
  const trusted = new TrustedHosts("10.0.0.0/8");
  for (let i = 0; i < 5000; i++) trusted.has(`10.0.${i >> 8}.${i & 255}`);
  assert.ok(trusted.has("10.0.0.1"));
  assert.not.ok(trusted.has("11.0.0.1"));
});

test.run();
