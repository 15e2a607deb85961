// workerd's entry for the scenario suite, bundled by esbuild (tests/fetch/workerd.test.ts):
// a Worker module whose default export has `fetch(request, env, ctx)`. Cloudflare puts the
// peer's address in CF-Connecting-IP; the test sends that header itself.
import { clientFromHeader } from "../../src/fetch.js";
import { handlers } from "./app.js";

// workerd's Headers hold text: header bytes go in and out as UTF-8.
export default { fetch: handlers(clientFromHeader("cf-connecting-ip"), undefined, { headerEncoding: "utf8" }).fetch };
