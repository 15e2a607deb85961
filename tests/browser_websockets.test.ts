// No Python counterpart: Chromium's own WebSocket (Debian's Chromium, driven by playwright-core)
// against an App under serve(): the page, served by an http route that set the session, opens a
// websocket whose handshake carries the session cookie; the handler reads websocket.session,
// picks the subprotocol the page offered, echoes, and closes with a code the page's onclose sees.
// Runs where /usr/bin/chromium exists; CI installs it, so there it must run.
import { hasChromium, launch } from "./browser.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { SessionMiddleware } from "../src/middleware/sessions.js";
import type { Request } from "../src/requests.js";
import { HTMLResponse } from "../src/responses.js";
import { serve } from "../src/server.js";
import type { WebSocket } from "../src/websockets.js";


const PAGE = `<!doctype html><title>ws</title><script>
window.seen = new Promise((resolve) => {
  const out = { messages: [] };
  const ws = new WebSocket(\`ws://\${location.host}/ws\`, ["v0.echo", "v1.echo"]);
  ws.onopen = () => { out.protocol = ws.protocol; ws.send("héllo"); ws.send("bye"); };
  ws.onmessage = (event) => out.messages.push(event.data);
  ws.onclose = (event) => resolve({ ...out, code: event.code, reason: event.reason, wasClean: event.wasClean });
});
</script>`;

function makeApp(): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey: "browser-websockets" });
  app.get("/")(() => new HTMLResponse(PAGE));
  app.get("/login")((request: Request) => {
    request.session.set("user", "ann");
    return new HTMLResponse(PAGE);
  });
  app.websocket("/ws")(async (websocket: WebSocket) => {
    const offered = websocket.scope.subprotocols as string[];
    await websocket.accept({ subprotocol: offered.includes("v1.echo") ? "v1.echo" : null });
    const user = websocket.session.get<string>("user") ?? "nobody";
    for await (const text of websocket.iterText()) {
      if (text === "bye") return websocket.close(4001, `bye ${user}`);
      await websocket.sendText(`${user}: ${text}`);
    }
  });
  return app;
}

if (hasChromium()) {
  test("Chromium's WebSocket: the session cookie from an http route, a subprotocol, an echo and a close code", async () => {
    const server = await serve(makeApp(), { port: 0, handleSignals: false, log: () => undefined });
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.route("**/favicon.ico", (route) => route.abort());
      // Before any session, then after the http route that sets it: the handshake carries the cookie.
      await page.goto(`${server.url}/`);
      assert.equal(await page.evaluate("window.seen"), { messages: ["nobody: héllo"], protocol: "v1.echo", code: 4001, reason: "bye nobody", wasClean: true });
      await page.goto(`${server.url}/login`);
      assert.equal(await page.evaluate("window.seen"), { messages: ["ann: héllo"], protocol: "v1.echo", code: 4001, reason: "bye ann", wasClean: true });
      assert.ok((await page.context().cookies()).some((c) => c.name === "session" && c.httpOnly), "the session cookie, HttpOnly");
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test.run();
}
