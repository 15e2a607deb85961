#!/usr/bin/env node
// The starlette-ts command (uvicorn's): `npx starlette-ts main:app --reload`.
// Plain JavaScript so that it runs without a build step. It loads the compiled
// dist/cli.js; under `--conditions=source` (this repository's tests, with
// --import tsx) the "#cli" import resolves to src/cli.ts instead.
let cli;
try {
  cli = await import("#cli");
} catch (exc) {
  if (exc?.code !== "ERR_MODULE_NOT_FOUND" || !String(exc.message).includes("cli.js")) throw exc;
  console.error("starlette-ts: dist/cli.js is missing: run `npm run build` in the starlette-ts package first.");
  process.exit(1);
}
// exit() rather than returning: a cluster worker's channel to its supervisor would keep it alive.
process.exit(await cli.main());
