// No Starlette counterpart: the fetch adapter's scenario suite on real workerd, the runtime
// of Cloudflare Workers (the npm package workerd), over HTTP; every answer compared with the
// Node run's. The entry is bundled and run with the documented example's configuration.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { describeRuntime, runtimeBinary, startWorkerd } from "./runtimes.js";

const workerd = runtimeBinary("workerd");
if (workerd !== null) {
  // On Cloudflare the edge sets CF-Connecting-IP; a local workerd does not, so the test sends it.
  const client = (value: unknown) => assert.equal(value, ["203.0.113.7", 0]);
  describeRuntime(test, "workerd", (port) => startWorkerd(workerd, "tests/fetch/entry_workerd.ts", port), client, {
    headers: { "cf-connecting-ip": "203.0.113.7" },
    // workerd's Headers hold text; and it does not notice a client gone before the response starts.
    utf8Headers: true,
    noticesIdleDisconnect: false,
  });
  test.run();
}
