// Dependencies with yield: the code after yield sees the path operation's error and may throw
// an HTTPException in its place.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const data: Record<string, { description: string; owner: string }> = {
  plumbus: { description: "Freshly pickled plumbus", owner: "Morty" },
  "portal-gun": { description: "Gun to create portals", owner: "Rick" },
};

class OwnerError extends Error {}

function* getUsername() {
  try {
    yield "Rick";
  } catch (e) {
    if (e instanceof OwnerError) {
      throw new HTTPException(400, `Owner error: ${e.message}`);
    }
    throw e;
  }
}

app.get("/items/{item_id}", { params: { item_id: Path(z.string()), username: Depends(getUsername) } }, function getItem({ item_id, username }) {
  if (!(item_id in data)) {
    throw new HTTPException(404, "Item not found");
  }
  const item = data[item_id];
  if (item.owner !== username) {
    throw new OwnerError(username);
  }
  return item;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
