// Dependencies with yield: a catch that throws again, so the error is handled as usual.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

class InternalError extends Error {}

function* getUsername() {
  try {
    yield "Rick";
  } catch (e) {
    if (e instanceof InternalError) {
      console.log("We don't swallow the internal error here, we raise again 😎");
    }
    throw e;
  }
}

app.get("/items/{item_id}", { params: { item_id: Path(z.string()), username: Depends(getUsername) } }, function getItem({ item_id, username }) {
  if (item_id === "portal-gun") {
    throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
  }
  if (item_id !== "plumbus") {
    throw new HTTPException(404, "Item not found, there's only a plumbus here");
  }
  return item_id;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
