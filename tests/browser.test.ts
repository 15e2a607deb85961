// No Python counterpart: a real browser (Debian's Chromium, driven by
// playwright-core) against the examples served on 127.0.0.1. Runs where
// /usr/bin/chromium exists; CI installs it, so there it must run.
import { hasChromium, launch } from "./browser.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serve } from "../src/server.js";
import { TestClient } from "../src/testclient.js";
import { app as login } from "../examples/login.js";
import { app as incorrect } from "../examples/middleware_order_incorrect.js";


if (hasChromium()) {
  test("login.ts in Chromium: log in, reload, the HttpOnly cookie hidden from scripts, log out", async () => {
    const server = await serve(login, { port: 0, handleSignals: false, log: () => undefined });
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.fill("input[name=username]", "ann");
      await page.click("button");
      await page.waitForSelector("#user");
      assert.is(await page.textContent("#user"), "ann");
      await page.reload();
      assert.is(await page.textContent("#user"), "ann", "the session survives a reload");
      assert.is(await page.evaluate("document.cookie"), "", "HttpOnly: invisible to document.cookie");
      const cookies = await page.context().cookies();
      assert.ok(cookies.some((c) => c.name === "session" && c.httpOnly && c.sameSite === "Lax"));
      await page.click("text=Log out");
      await page.waitForSelector("input[name=username]");
      assert.not.ok((await page.context().cookies()).some((c) => c.name === "session"), "logout cleared the cookie");
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test("the incorrect-order seed app behaves in Chromium as it does in the TestClient", async () => {
    const paths = ["/read-session", "/test-session", "/read-session"];
    const run = async (get: (path: string) => Promise<string>) => {
      const printed: string[] = [];
      const realLog = console.log;
      console.log = (line: string) => void printed.push(line);
      const bodies: string[] = [];
      try {
        for (const path of paths) bodies.push(await get(path));
      } finally {
        console.log = realLog;
      }
      return { printed, bodies };
    };
    const client = new TestClient(incorrect);
    const expected = await run(async (path) => (await client.get(path)).text);
    const server = await serve(incorrect, { port: 0, handleSignals: false, log: () => undefined });
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.route("**/favicon.ico", (route) => route.abort()); // the browser's own extra request
      const seen = await run(async (path) => {
        await page.goto(`${server.url}${path}`);
        return (await page.textContent("body")) ?? "";
      });
      assert.equal(seen.printed, expected.printed);
      assert.equal(seen.bodies, expected.bodies);
      assert.equal(seen.printed, Array(3).fill("Session middleware is not applied correctly."));
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test.run();
}
