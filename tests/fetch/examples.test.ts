// No Starlette counterpart: the runtime pages' examples (examples/runtimes/) run on Bun,
// Deno and workerd, each as its page says to run it, and answer as the page says.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { freePort, runtimeBinary, startRuntime, startWorkerd, type Running } from "./runtimes.js";

async function check(running: Running, hello: string, headers: Record<string, string> = {}, client = "127.0.0.1"): Promise<void> {
  try {
    assert.equal(await (await fetch(`${running.base}/`, { headers })).json(), { hello, client });
    const first = await fetch(`${running.base}/counter`, { headers });
    assert.equal(await first.json(), { count: 1 });
    const cookie = (first.headers.getSetCookie()[0] ?? "").split(";")[0];
    assert.match(cookie, /^session=eyJjb3VudCI6IDF9\./, "the session cookie");
    assert.equal(await (await fetch(`${running.base}/counter`, { headers: { ...headers, cookie } })).json(), { count: 2 });
  } finally {
    await running.stop();
  }
}

const bun = runtimeBinary("bun");
if (bun !== null) {
  test("examples/runtimes/bun.ts on Bun", async () => {
    const port = await freePort();
    await check(await startRuntime("Bun", [bun, "--conditions=source", "examples/runtimes/bun.ts"], port), "Bun");
  });
}

const deno = runtimeBinary("deno");
if (deno !== null) {
  test("examples/runtimes/deno.ts on Deno", async () => {
    const port = await freePort();
    const command = [deno, "serve", "--allow-env", "--unstable-sloppy-imports", "--conditions=source", "--host", "127.0.0.1", "--port", String(port), "examples/runtimes/deno.ts"];
    await check(await startRuntime("Deno", command, port), "Deno");
  });
}

const workerd = runtimeBinary("workerd");
if (workerd !== null) {
  test("examples/runtimes/cloudflare_worker.ts on workerd, with examples/runtimes/cloudflare_worker.capnp", async () => {
    const port = await freePort();
    await check(await startWorkerd(workerd, "examples/runtimes/cloudflare_worker.ts", port), "Workers", { "cf-connecting-ip": "198.51.100.4" }, "198.51.100.4");
  });
}

test.run();
