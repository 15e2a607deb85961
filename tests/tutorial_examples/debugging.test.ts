// The samples of docs/tutorial/debugging.md: the TS app answers as its FastAPI twin (imported,
// both only define the app), and run directly under `node --inspect` the TS file serves it and
// the inspector listens.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app } from "../../examples/tutorial/debugging/tutorial001.js";
import { comparePairs } from "./_samples.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

comparePairs(test, [{ module: "examples/tutorial/debugging/tutorial001", app, requests: [{ path: "/" }] }]);

test("run directly under node --inspect, the file serves the app and the debugger listens", async () => {
  const args = ["--inspect=127.0.0.1:0", "--conditions=source", "--import", "tsx", "examples/tutorial/debugging/tutorial001.ts"];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, PORT: "0" } });
  let log = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        log += d.toString();
        const m = /running on http:\/\/0\.0\.0\.0:(\d+)/.exec(log);
        if (m && log.includes("Debugger listening on ws://127.0.0.1:")) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child.on("exit", () => reject(new Error(`exited early:\n${log}`)));
      setTimeout(() => reject(new Error(`no start within 20 s:\n${log}`)), 20_000).unref();
    });
    const response = await fetch(`${url}/`);
    assert.equal(await response.json(), { "hello world": "ba" });
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
});

test.run();
