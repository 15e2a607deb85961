// starlette-ts's FastAPI layer (the built package, dist/fastapi/): the two routes declared as the
// FastAPI docs declare them, validated by the layer.
import { serve } from "../../dist/index.js";
import * as fastapi from "../../dist/fastapi/index.js";
import { fastapiApp } from "./validation-apps.mjs";

await serve(fastapiApp(fastapi), { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
