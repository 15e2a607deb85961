// No Starlette counterpart: the fetch adapter's scenario suite on real Bun (the npm
// package bun), over HTTP; every answer compared with the Node run's.
import { test } from "uvu";
import { describeRuntime, loopbackClient, runtimeBinary, startRuntime } from "./runtimes.js";

const bun = runtimeBinary("bun");
if (bun !== null) {
  // Bun runs the TypeScript sources itself; the "source" condition resolves the package's own exports to them.
  const start = (port: number) => startRuntime("Bun", [bun, "--conditions=source", "tests/fetch/entry_bun.ts"], port);
  // Bun gives a response that has no Content-Type one of its own.
  describeRuntime(test, "Bun", start, loopbackClient, { addedHeaders: [["content-type", "application/octet-stream"]] });
  test.run();
}
