// No Python counterpart: serve()'s websockets as a client no one here wrote sees them. Python's
// websockets 17.1 client (tests/python/ws_client.py) runs the same scenarios against uvicorn 0.54
// serving tests/python/fastapi_apps/_ws_twin.py and against serve() serving its TS twin
// (tests/websocket_twin.ts), both bare ASGI apps, and what it saw must be the same, bar the
// differences listed in DIFFERENCES (decision 11).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { requirePython } from "./python.js";
import { pythonClient, startServe, startUvicorn } from "./websocket_servers.js";

const SCENARIOS = [
  "scope", "subprotocol_pick", "subprotocol_none_offered", "subprotocol_unoffered", "subprotocol_not_in_list", "accept_headers",
  "no_compression", "echo", "large", "fragmented", "ping", "server_close", "client_close", "abrupt", "crash_after", "return_after",
  "deny", "http_deny", "crash_before", "return_before", "send_before", "oversize", "oversize_text", "invalid_utf8", "serves_on",
];

type Seen = Record<string, unknown>;
type Closed = { received: { code: number; reason: string } | null; ok: boolean; app?: { code: number; reason?: string } };

/**
 * Where serve() differs on purpose, checked on both sides and then set aside: a handler that
 * raises after accept gets a 1011 close frame where uvicorn drops the connection (1006: nothing
 * received); ws fails an oversized message with 1009 and no reason, where websockets says which
 * limit it met.
 */
function setDifferencesAside(python: Seen, ts: Seen): void {
  assert.equal(python.crash_after, { received: null, ok: false }, "uvicorn drops the connection of a handler that raised");
  assert.equal(ts.crash_after, { received: { code: 1011, reason: "" }, ok: false }, "serve() closes it with 1011");
  delete python.crash_after;
  delete ts.crash_after;
  for (const name of ["oversize", "oversize_text"]) {
    const [p, t] = [python[name] as Closed, ts[name] as Closed];
    assert.match(p.received?.reason ?? "", /exceeds limit of 16777216 bytes/);
    assert.is(t.received?.reason, "");
    for (const seen of [p, t]) {
      (seen.received as { reason: string }).reason = "(the limit)";
      if (seen.app) seen.app.reason = "(the limit)";
    }
  }
  for (const seen of [python, ts]) {
    const scope = seen.scope as { query_string: string };
    scope.query_string = scope.query_string.replace(/key=[0-9a-f]+/, "key=*");
  }
}

if (requirePython("websockets", "uvicorn")) {
  test("Python's websockets client sees the same from serve() as from uvicorn serving the same ASGI app", async () => {
    const [uvicorn, ours] = await Promise.all([startUvicorn(), startServe()]);
    try {
      // One at a time: the scenarios time their reports, and two clients would share two cores.
      const python = await pythonClient(uvicorn.url, SCENARIOS, { max_size: 16 * 1024 * 1024 });
      const ts = await pythonClient(ours.url, SCENARIOS, { max_size: 16 * 1024 * 1024 });
      console.log(`(websocket scenarios: uvicorn 0.54 and serve(), client websockets ${String(ts.websockets)})`);
      for (const name of SCENARIOS) assert.not.ok((ts[name] as { exception?: string }).exception, `${name}: ${JSON.stringify(ts[name])}`);

      // What the client must see, whoever serves: checked on serve()'s side, then compared whole.
      const scope = ts.scope as Record<string, unknown>;
      assert.is(scope.type, "websocket");
      assert.is(scope.scheme, "ws");
      assert.is(scope.path, "/echo/café/x");
      assert.is(scope.raw_path, "/echo/caf%C3%A9%2Fx");
      assert.equal(scope.subprotocols, ["chat", "superchat"]);
      assert.equal(scope.extensions, { "websocket.http.response": {} });
      assert.equal(ts.subprotocol_pick, { subprotocol: "superchat", header: "superchat" });
      assert.equal(ts.subprotocol_unoffered, { error: "NegotiationError", message: "no subprotocols supported" });
      assert.ok((ts.accept_headers as { headers: string[][] }).headers.some(([k, v]) => k === "x-custom" && v === "yes it is"));
      assert.ok((ts.echo as Array<[string, boolean]>).every(([, same]) => same));
      assert.equal(ts.large, [["str", 1024 * 1024, true], ["bytes", 256 * 32 * 1024, true], ["bytes", 15 * 1024 * 1024, true]]);
      assert.equal(ts.fragmented, { text: true, bytes: true });
      const closes = ts.server_close as Record<string, Closed>;
      assert.equal(closes["close 4001 bye"].received, { code: 4001, reason: "bye" });
      assert.equal((ts.client_close as Record<string, { app: unknown[] }>)["4002 ciao"].app[1], { type: "websocket.disconnect", code: 4002, reason: "ciao" });
      assert.equal((ts.abrupt as { app: unknown }).app, { type: "websocket.disconnect", code: 1005 });
      assert.is((ts.deny as { status: number }).status, 403);
      assert.is((ts.crash_before as { status: number }).status, 500);
      assert.equal([(ts.http_deny as { status: number }).status, (ts.http_deny as { body: string }).body], [401, "go away"]);
      assert.is((ts.oversize as Closed).received?.code, 1009);
      assert.is((ts.invalid_utf8 as Closed).received?.code, 1007);
      assert.is(ts.serves_on, "still here");

      setDifferencesAside(python, ts);
      for (const name of SCENARIOS) if (name in python) assert.equal(ts[name], python[name], name);
    } finally {
      await Promise.all([uvicorn.close(), ours.close()]);
    }
  });

  test("a limit set with wsMaxSize (uvicorn's --ws-max-size) is met the same way", async () => {
    const limit = 64 * 1024;
    const [uvicorn, ours] = await Promise.all([startUvicorn(["--ws-max-size", String(limit)]), startServe({ wsMaxSize: limit })]);
    try {
      const [python, ts] = [await pythonClient(uvicorn.url, ["oversize"], { max_size: limit }), await pythonClient(ours.url, ["oversize"], { max_size: limit })];
      const [p, t] = [python.oversize as Closed & { fits: number }, ts.oversize as Closed & { fits: number }];
      assert.equal([t.fits, t.received?.code, t.app?.code], [limit, 1009, 1009]);
      assert.equal([p.fits, p.received?.code, p.app?.code], [t.fits, t.received?.code, t.app?.code]);
    } finally {
      await Promise.all([uvicorn.close(), ours.close()]);
    }
  });
}

test.run();
