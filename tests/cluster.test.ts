// No Python counterpart: scale-out. Two worker processes behind one port
// (node:cluster) share sessions through the secret; a key rotation that keeps
// the old key for verifying logs nobody out.
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../src/testclient.js";
import { createApp } from "../examples/cluster.js";

const root = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startCluster(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // Its own process group, so that nothing outlives the test (see stopCluster).
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "examples/cluster.ts"], { cwd: root, detached: true, env: { ...process.env, ...env, PORT: String(port), WORKERS: "2" } });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if ((out.match(/listening on/g) ?? []).length === 2) resolve();
    });
    child.on("exit", () => reject(new Error(`cluster exited: ${out}`)));
    setTimeout(() => reject(new Error(`workers did not start: ${out}`)), 30_000).unref();
  });
  return child;
}

async function stopCluster(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const graceful = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
  try {
    process.kill(-(child.pid as number), "SIGKILL"); // whatever is left of the group
  } catch {
    // already gone
  }
  assert.ok(graceful, "the cluster shut down on SIGTERM");
}

/** One request on a new connection (so the primary hands it to the next worker). */
function visit(port: number, cookie: string): Promise<{ visits: number; pid: number; setCookie: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/visit", agent: false, headers: { connection: "close", ...(cookie ? { cookie } : {}) } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ ...(JSON.parse(body) as { visits: number; pid: number }), setCookie: (res.headers["set-cookie"] ?? [""])[0].split(";")[0] }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("two workers share sessions: a session set by one is read by the other", async () => {
  const port = await freePort();
  const cluster = await startCluster(port, { SECRET_KEY: "shared-secret" });
  try {
    let cookie = "";
    const pids = new Set<number>();
    for (let i = 1; i <= 6; i++) {
      const reply = await visit(port, cookie);
      assert.is(reply.visits, i, "the count carries over whichever worker answers");
      pids.add(reply.pid);
      cookie = reply.setCookie;
    }
    assert.is(pids.size, 2, "both workers answered");
  } finally {
    await stopCluster(cluster);
  }
});

test("key rotation: add the new key, keep the old one for verifying, nobody is logged out", async () => {
  const before = new TestClient(createApp(["old-key"]));
  await before.get("/visit");
  await before.get("/visit");
  const oldCookie = before.cookies.get("session") as string;

  const port = await freePort();
  const rotated = await startCluster(port, { SECRET_KEY: "new-key", OLD_SECRET_KEYS: "old-key" });
  try {
    const reply = await visit(port, `session=${oldCookie}`);
    assert.is(reply.visits, 3, "the old cookie still counts");
    const again = await visit(port, reply.setCookie);
    assert.is(again.visits, 4, "the re-signed cookie (new key) is read by every worker");
  } finally {
    await stopCluster(rotated);
  }
  // Without the old key, the old cookie would have been refused: that is what the list is for.
  const newOnly = new TestClient(createApp(["new-key"]), { cookies: { session: oldCookie } });
  assert.is(((await newOnly.get("/visit")).json() as { visits: number }).visits, 1);
});

test.run();
