// Bun's entry for the scenario suite: `bun --conditions=source tests/fetch/entry_bun.ts`
// with PORT set; Bun serves a module whose default export has `fetch`.
import { clientFromBun, type BunServerLike } from "../../src/fetch.js";
import { handlers } from "./app.js";

export default { hostname: "127.0.0.1", port: Number(process.env.PORT), fetch: handlers<BunServerLike>(clientFromBun).fetch };
