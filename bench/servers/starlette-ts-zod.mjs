// starlette-ts's core routes (the built package, dist/) with the zod parse written by hand.
import * as starlette from "../../dist/index.js";
import { coreApp } from "./validation-apps.mjs";

await starlette.serve(coreApp(starlette), { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
