// Deno's entry for the scenario suite: `deno serve` serves a module whose default export has `fetch`.
import { clientFromDeno, type DenoServeInfoLike } from "../../src/fetch.js";
import { handlers } from "./app.js";

export default { fetch: handlers<DenoServeInfoLike>(clientFromDeno).fetch };
