// Port of tests/test_datastructures.py (URL, Headers, MutableHeaders, QueryParams, the multi-dicts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Address, FormData, Headers, ImmutableMultiDict, MultiDict, MutableHeaders, parseQsl, QueryParams, quotePlus, unquote, UploadFile, URL, urlencode } from "../src/datastructures.js";

test("test_url", () => {
  const u = new URL("https://example.org:123/path/to/somewhere?abc=123#anchor");
  assert.is(u.scheme, "https");
  assert.is(u.hostname, "example.org");
  assert.is(u.port, 123);
  assert.is(u.netloc, "example.org:123");
  assert.is(u.username, null);
  assert.is(u.password, null);
  assert.is(u.path, "/path/to/somewhere");
  assert.is(u.query, "abc=123");
  assert.is(u.fragment, "anchor");
  assert.ok(u.isSecure);
  let n = u.replace({ scheme: "http" });
  assert.is(String(n), "http://example.org:123/path/to/somewhere?abc=123#anchor");
  assert.not.ok(n.isSecure);
  n = u.replace({ port: null });
  assert.is(String(n), "https://example.org/path/to/somewhere?abc=123#anchor");
  n = u.replace({ port: 8000 });
  assert.is(String(n), "https://example.org:8000/path/to/somewhere?abc=123#anchor");
  n = u.replace({ hostname: "example.com" });
  assert.is(String(n), "https://example.com:123/path/to/somewhere?abc=123#anchor");
  n = u.replace({ username: "tom", password: "pw" });
  assert.is(String(n), "https://tom:pw@example.org:123/path/to/somewhere?abc=123#anchor");
  assert.is(n.username, "tom");
  assert.is(n.password, "pw");
  assert.is(n.replace({ username: "ann" }).username, "ann");
  assert.is(new URL("https://ann@h/").password, null);
  assert.is(new URL("http://[::1]:8080/").hostname, "::1");
  assert.is(new URL("http://[::1]:8080/").port, 8080);
  assert.is(new URL("/relative").hostname, null);
  assert.is(new URL("http://h:notaport/").port, null);
  assert.ok(new URL("http://a/").equals("http://a/"));
  assert.is(JSON.stringify({ u: new URL("/x") }), '{"u":"/x"}');
});

test("test_url_query_params", () => {
  let u = new URL("https://example.org/path/?page=3");
  assert.is(u.query, "page=3");
  u = u.includeQueryParams({ page: 4 });
  assert.is(String(u), "https://example.org/path/?page=4");
  u = u.includeQueryParams({ search: "testing" });
  assert.is(String(u), "https://example.org/path/?page=4&search=testing");
  u = u.replaceQueryParams({ order: "name" });
  assert.is(String(u), "https://example.org/path/?order=name");
  u = u.removeQueryParams("order");
  assert.is(String(u), "https://example.org/path/");
  u = u.includeQueryParams({ a: "é b" }).removeQueryParams(["x"]);
  assert.is(String(u), "https://example.org/path/?a=%C3%A9+b");
});

test("URL user info and replace(), as Starlette 0.26.1's URL on Python 3.11 gives them", () => {
  // [url, username, password, hostname, port, replace({port: 82}), replace({username: "u"}), replace({password: "s"})]
  const cases: [string, string | null, string | null, string | null, number | null, string, string, string][] = [
    ["http://a@b", "a", null, "b", null, "http://a@b:82", "http://u@b", "http://a:s@b"],
    ["http://user:pw@host:81/p", "user", "pw", "host", 81, "http://user:pw@host:82/p", "http://u:pw@host:81/p", "http://user:s@host:81/p"],
    ["http://host/p", null, null, "host", null, "http://host:82/p", "http://u@host/p", "http://host/p"],
    ["//host/p", null, null, "host", null, "//host:82/p", "//u@host/p", "//host/p"],
  ];
  for (const [url, username, password, hostname, port, withPort, withUser, withPassword] of cases) {
    const u = new URL(url);
    assert.equal([u.username, u.password, u.hostname, u.port], [username, password, hostname, port], url);
    assert.is(String(u.replace({ port: 82 })), withPort);
    assert.is(String(u.replace({ username: "u" })), withUser);
    assert.is(String(u.replace({ password: "s" })), withPassword);
  }
  // urlunsplit: a relative path under a host gains its slash; a path starting "//" keeps its empty host.
  assert.is(String(new URL("http://host").replace({ path: "p" })), "http://host/p");
  assert.is(String(new URL("http:////x").replace({ query: "q" })), "http:////x?q");
  // Where Starlette's replace() raises IndexError (no host), a URL comes back.
  assert.is(String(new URL("http:/x").replace({ port: 82 })), "http://:82/x");
});

test("a scope with no path gives an empty URL path; an UploadFile with no options has no filename or headers", async () => {
  assert.is(URL.fromScope({ type: "http", headers: [["host", "example.org"]] }).path, "");
  const file = new UploadFile(Buffer.from("abc"));
  assert.is(file.filename, null);
  assert.equal([...file.headers.keys()], []);
  assert.is(file.contentType, null);
  assert.is(Buffer.from(await file.read()).toString(), "abc");
});

test("test_url_from_scope", () => {
  let u = URL.fromScope({ type: "http", path: "/path/to/somewhere", query_string: "abc=123", headers: [] });
  assert.is(String(u), "/path/to/somewhere?abc=123");
  u = URL.fromScope({ type: "http", scheme: "https", server: ["example.org", 123], path: "/path/to/somewhere", query_string: "abc=123", headers: [] });
  assert.is(String(u), "https://example.org:123/path/to/somewhere?abc=123");
  u = URL.fromScope({ type: "http", scheme: "https", server: ["example.org", 443], path: "/path", query_string: "", headers: [] });
  assert.is(String(u), "https://example.org/path");
  u = URL.fromScope({ type: "http", scheme: "http", path: "/some/path", query_string: "query=string", headers: [["content-type", "text/html"], ["host", "example.com:8000"], ["accept", "text/html"]] });
  assert.is(String(u), "http://example.com:8000/some/path?query=string");
  u = URL.fromScope({ type: "http", path: "/p", query_string: "q=%C3%A9", headers: [["host", "h"]] });
  assert.is(String(u), "http://h/p?q=%C3%A9");
  u = URL.fromScope({ type: "http", path: "/p", query_string: "q=\xc3\xa9", headers: [["host", "h"]] });
  assert.is(String(u), "http://h/p?q=é");
});

test("test_headers", () => {
  const h = new Headers({ raw: [["a", "123"], ["a", "456"], ["b", "789"]] });
  assert.ok(h.has("a"));
  assert.ok(h.has("A"));
  assert.not.ok(h.has("c"));
  assert.is(h.get("a"), "123");
  assert.equal(h.getlist("a"), ["123", "456"]);
  assert.is(h.get("nope"), null);
  assert.is(h.get("nope", "default"), "default");
  assert.equal(h.keys(), ["a", "a", "b"]);
  assert.equal(h.values(), ["123", "456", "789"]);
  assert.equal(h.items(), [["a", "123"], ["a", "456"], ["b", "789"]]);
  assert.equal([...h], ["a", "a", "b"]);
  assert.is(h.length, 3);
  assert.is(String(h), 'Headers(raw=[["a","123"],["a","456"],["b","789"]])');
  assert.equal(new Headers({ headers: { Abc: "1" } }).items(), [["abc", "1"]]);
  assert.equal(new Headers().items(), []);
  assert.equal(new Headers({ scope: { headers: [["x", "1"]] } }).items(), [["x", "1"]]);
  assert.equal(new Headers({ scope: {} }).items(), []);
});

test("test_mutable_headers", () => {
  const h = new MutableHeaders();
  assert.equal(h.raw, []);
  h.set("a", "1");
  assert.equal(h.raw, [["a", "1"]]);
  h.set("b", "2");
  h.append("a", "3");
  h.set("A", "4");
  assert.equal(h.raw, [["a", "4"], ["b", "2"]], "set replaces every value of the name, keeping the first's place");
  assert.is(h.setdefault("b", "x"), "2");
  assert.is(h.setdefault("c", "5"), "5");
  h.update({ d: "6" });
  h.delete("b");
  assert.equal(h.raw, [["a", "4"], ["c", "5"], ["d", "6"]]);
  h.addVaryHeader("Accept");
  h.addVaryHeader("Cookie");
  assert.is(h.get("vary"), "Accept, Cookie");
  const copy = h.mutablecopy();
  copy.set("a", "changed");
  assert.is(h.get("a"), "4");
});

test("MutableHeaders over a message copies its list and puts the copy back", () => {
  const original: Array<[string, string]> = [["x", "1"]];
  const message = { type: "http.response.start", headers: original };
  const h = new MutableHeaders({ scope: message });
  h.append("y", "2");
  assert.equal(message.headers, [["x", "1"], ["y", "2"]]);
  assert.equal(original, [["x", "1"]]);
  const bare: { type: string; headers?: Array<[string, string]> } = { type: "http.response.start" };
  new MutableHeaders({ scope: bare }).append("z", "1");
  assert.equal(bare.headers, [["z", "1"]]);
});

test("header values with CR, LF or NUL, or outside latin-1, are refused", () => {
  const h = new MutableHeaders();
  assert.throws(() => h.set("x", "a\r\nInjected: 1"), /must not contain CR, LF or NUL/);
  assert.throws(() => h.append("x\n", "a"), /must not contain CR, LF or NUL/);
  assert.throws(() => h.set("x", "snowman ☃"), /must be latin-1/);
});

test("test_queryparams", () => {
  const q = new QueryParams("a=123&a=456&b=789");
  assert.ok(q.has("a"));
  assert.not.ok(q.has("c"));
  assert.is(q.get("a"), "456");
  assert.is(q.get("nope"), null);
  assert.is(q.get("nope", "d"), "d");
  assert.equal(q.getlist("a"), ["123", "456"]);
  assert.equal(q.keys(), ["a", "b"]);
  assert.equal(q.values(), ["456", "789"]);
  assert.equal(q.items(), [["a", "456"], ["b", "789"]]);
  assert.equal(q.multiItems(), [["a", "123"], ["a", "456"], ["b", "789"]]);
  assert.is(q.size, 2);
  assert.equal([...q], ["a", "b"]);
  assert.is(String(q), "a=123&a=456&b=789");
  assert.equal(new QueryParams({ a: "1" }).items(), [["a", "1"]]);
  assert.equal(new QueryParams([["a", "1"], ["a", "2"]]).getlist("a"), ["1", "2"]);
  assert.equal({ ...new QueryParams("a=%E2%98%83&b=\xe2\x98\x83&c&=d&&").toJSON() }, { a: "☃", b: "☃", c: "", "": "d" });
  assert.is(Object.getPrototypeOf(new QueryParams("__proto__=x").toJSON()), null);
});

test("parse_qsl, unquote, quote_plus and urlencode as Python's", () => {
  assert.equal(parseQsl("a=1+2&b=%20&c"), [["a", "1 2"], ["b", " "], ["c", ""]]);
  assert.is(unquote("%E2%98%83%zz%FF"), "☃%zz\ufffd");
  assert.is(quotePlus("a b/é~"), "a+b%2F%C3%A9~");
  assert.is(urlencode([["k y", "v&"]]), "k+y=v%26");
});

test("test_multidict", () => {
  const q = new MultiDict([["a", "123"], ["a", "456"], ["b", "789"]]);
  q.set("a", "x");
  assert.equal(q.multiItems(), [["b", "789"], ["a", "x"]]);
  q.append("a", "y");
  assert.equal(q.getlist("a"), ["x", "y"]);
  q.setlist("b", ["1", "2"]);
  assert.equal(q.getlist("b"), ["1", "2"]);
  q.delete("a");
  assert.not.ok(q.has("a"));
  const imm = new ImmutableMultiDict({ a: "1" });
  assert.equal(imm.items(), [["a", "1"]]);
});

test("a long query is looked up through a map, a short one in place, with the same answers", () => {
  const pairs = Array.from({ length: 12 }, (_, i) => `k${i % 10}=${i}`).join("&");
  const long = new QueryParams(pairs);
  assert.is(long.get("k1"), "11");
  assert.is(long.get("k9"), "9");
  assert.is(long.get("nope", "d"), "d");
  assert.ok(long.has("k0"));
  assert.not.ok(long.has("nope"));
  const short = new QueryParams("a=1&b=2&a=3");
  assert.equal(short.keys(), ["a", "b"]); // made its map
  assert.is(short.get("a"), "3");
  assert.ok(short.has("b"));
});

test("a key set again keeps its first place among the keys, as in Python's dict", () => {
  // MultiDict([("a", "1"), ("b", "2")]); q["a"] = "3"; list(q.keys()) == ["a", "b"]
  const q = new MultiDict([["a", "1"], ["b", "2"]]);
  q.set("a", "3");
  assert.equal(q.keys(), ["a", "b"]);
  assert.equal(q.multiItems(), [["b", "2"], ["a", "3"]]);
  assert.is(q.get("a"), "3");
});

test("FormData and Address", () => {
  const form = new FormData([["a", "1"]]);
  assert.is(form.get("a"), "1");
  const address = new Address("127.0.0.1", 123);
  assert.is(address.host, "127.0.0.1");
  assert.is(address.port, 123);
  assert.is(String(address), "Address(host='127.0.0.1', port=123)");
});

test("URL.fromScope reads the Host header as Starlette 1.7's parse_host_header, else the server", () => {
  const url = (host: string | null, server: [string, number] = ["10.0.0.1", 8000]) =>
    String(URL.fromScope({ type: "http", scheme: "http", path: "/p", query_string: "", headers: host === null ? [] : [["host", host]], server }));
  // Starlette 1.7 takes the RFC 3986 sub-delims, "~" and "_", and IPvFuture literals.
  assert.is(url("my_host~1:81"), "http://my_host~1:81/p");
  assert.is(url("[v1.fe]:80"), "http://[v1.fe]:80/p");
  // Leading zeros count for nothing: "000" is port 0, a valid one; past 65535 falls back to the server.
  assert.is(url("example.com:000"), "http://example.com:000/p");
  assert.is(url("example.com:99999"), "http://10.0.0.1:8000/p");
  // A path or user info in the Host header is refused; an IPv6 server gets its brackets.
  assert.is(url("evil.com/x"), "http://10.0.0.1:8000/p");
  assert.is(url(null, ["::1", 80]), "http://[::1]/p");
});

test.run();
