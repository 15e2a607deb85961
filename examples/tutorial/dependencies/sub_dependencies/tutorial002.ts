// Sub-dependencies: a dependency used twice in one request runs once, unless useCache is false.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

const calls = { count: 0 };

function getCounter() {
  calls.count += 1;
  return calls.count;
}

function getCounterAgain({ counter }: { counter: number }) {
  return counter;
}

app.get(
  "/cached/",
  { params: { first: Depends(getCounter), second: Depends(getCounterAgain, { params: { counter: Depends(getCounter) } }) } },
  async function readCached({ first, second }) {
    return { first, second };
  },
);

app.get("/fresh/", { params: { first: Depends(getCounter), second: Depends(getCounter, { useCache: false }) } }, async function readFresh({ first, second }) {
  return { first, second };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
