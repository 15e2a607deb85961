// No Python counterpart: FastAPI's self-hosted docs recipe in a real browser. Debian's Chromium,
// driven by playwright-core as in tests/browser.test.ts, opens /docs of
// examples/tutorial/custom_docs_ui_assets/tutorial001.ts (Swagger UI from the swagger-ui-dist
// package, no CDN), calls a protected path operation (401), logs in with OAuth2's password
// flow, calls it again (200). Runs where /usr/bin/chromium exists; CI installs it, so there it
// must run. What the page shows is compared with what the app answers the TestClient (that app
// answering as FastAPI's twin is tests/tutorial_examples/custom_docs_ui_assets.test.ts's job).
// A failing test leaves a screenshot in /tmp/browser_docs-failure.png.
import { hasChromium, launch } from "./browser.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app } from "../examples/tutorial/custom_docs_ui_assets/tutorial001.js";
import { serve } from "../src/server.js";
import { TestClient } from "../src/testclient.js";

const SCREENSHOT = "/tmp/browser_docs-failure.png";
// Swagger UI's id for the path operation: operations-<tag>-<operationId>.
const USERS_ME = "#operations-default-read_users_me_users_me_get";

if (hasChromium()) {
  test("/docs with self-hosted Swagger UI: Try it out gets 401, then Authorize (password flow) and 200", async () => {
    const client = new TestClient(app);
    const expected = async (headers: Record<string, string>) => JSON.parse((await client.get("/users/me", { headers })).text) as unknown;
    const server = await serve(app, { port: 0, handleSignals: false, log: () => undefined });
    const browser = await launch();
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    try {
      // Nothing may come from elsewhere: the page's one outside link is FastAPI's favicon.
      const outside: string[] = [];
      await page.route((url) => url.origin !== server.url, (route) => {
        outside.push(route.request().url());
        return route.abort();
      });
      const assets = new Map<string, number>();
      page.on("response", (response) => {
        const path = new URL(response.url()).pathname;
        if (path.startsWith("/static/")) assets.set(path, response.status());
      });

      await page.goto(`${server.url}/docs`);
      assert.is(await page.title(), "FastAPI - Swagger UI");
      const operation = page.locator(USERS_ME);
      await operation.waitFor(); // Swagger UI has loaded /openapi.json and drawn the operations
      assert.equal(Object.fromEntries(assets), { "/static/swagger-ui-bundle.js": 200, "/static/swagger-ui.css": 200 });

      await operation.locator(".opblock-summary-control").click();
      await operation.locator("button.try-out__btn").click();
      const status = operation.locator(".live-responses-table tr.response > td.response-col_status");
      const body = operation.locator(".live-responses-table .response-col_description .highlight-code code");
      const execute = async (expected: number) => {
        const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/users/me"), operation.locator("button.execute").click()]);
        assert.is(response.status(), expected);
        await status.filter({ hasText: new RegExp(`^${expected}`) }).waitFor();
        return { authorization: await response.request().headerValue("authorization"), body: JSON.parse((await body.textContent()) ?? "") as unknown };
      };

      const anonymous = await execute(401);
      assert.is(anonymous.authorization, null);
      assert.equal(anonymous.body, await expected({}));

      await page.locator(".auth-wrapper button.authorize").click();
      const dialog = page.locator(".modal-ux");
      await dialog.locator("#oauth_username").fill("johndoe");
      await dialog.locator("#oauth_password").fill("secret");
      const [token] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/token"), dialog.getByRole("button", { name: "Apply given OAuth2 credentials" }).click()]);
      assert.is(token.status(), 200);
      assert.equal(await token.json(), JSON.parse((await client.post("/token", { data: { username: "johndoe", password: "secret" } })).text));
      assert.is(new URLSearchParams(token.request().postData() ?? "").get("grant_type"), "password", "Swagger UI posts the password flow's form");
      await dialog.getByRole("button", { name: "Remove authorization" }).waitFor(); // authorised: the dialog offers Logout
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.locator(".auth-wrapper button.authorize.locked").waitFor();

      const authorized = await execute(200);
      assert.is(authorized.authorization, "Bearer johndoe");
      assert.equal(authorized.body, await expected({ authorization: "Bearer johndoe" }));
      assert.is((authorized.body as { username?: unknown }).username, "johndoe");
      assert.equal([...new Set(outside)], ["https://fastapi.tiangolo.com/img/favicon.png"]); // asked again after each failure
    } catch (error) {
      await page.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => undefined);
      console.error(`(screenshot of the failing page: ${SCREENSHOT})`);
      throw error;
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test.run();
}
