// No Starlette counterpart: the fetch adapter's scenario suite on real Deno (the npm
// package deno), over HTTP; every answer compared with the Node run's.
import { test } from "uvu";
import { describeRuntime, loopbackClient, runtimeBinary, startRuntime } from "./runtimes.js";

const deno = runtimeBinary("deno");
if (deno !== null) {
  // `deno serve` runs the TypeScript sources: sloppy imports map the sources' ".js" specifiers to their ".ts" files.
  const command = [deno, "serve", "--allow-all", "--unstable-sloppy-imports", "--conditions=source", "--host", "127.0.0.1"];
  describeRuntime(test, "Deno", (port) => startRuntime("Deno", [...command, "--port", String(port), "tests/fetch/entry_deno.ts"], port), loopbackClient);
  test.run();
}
