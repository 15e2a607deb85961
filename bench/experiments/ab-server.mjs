// A/B experiments on the request path: the validation suite's routes and /plain, served from
// the build in $DIST: the core's routes with the zod parse written by hand, or with
// AB_APP=fastapi the FastAPI layer's, with AB_APP=bare a bare ASGI function's (bench/servers/validation-apps.mjs).
import { bareApp, coreApp, fastapiApp } from "../servers/validation-apps.mjs";

const starlette = await import(`${process.env.DIST}/index.js`);
const { PlainTextResponse, serve } = starlette;

let app;
if (process.env.AB_APP === "bare") {
  app = bareApp();
} else if (process.env.AB_APP === "fastapi") {
  app = fastapiApp(await import(`${process.env.DIST}/fastapi/index.js`));
  app.get("/plain", { responseClass: PlainTextResponse }, () => "ok");
} else {
  app = coreApp(starlette);
  app.get("/plain")(() => new PlainTextResponse("ok"));
}

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
