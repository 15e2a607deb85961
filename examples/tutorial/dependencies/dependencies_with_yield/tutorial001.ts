// Dependencies with yield: open a session before the path operation, close it after, always.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

class DBSession {
  items: Record<string, unknown> = { plumbus: { name: "Plumbus" } };

  constructor() {
    console.log("Session opened");
  }

  close() {
    console.log("Session closed");
  }
}

async function* getDb() {
  const db = new DBSession();
  try {
    yield db;
  } finally {
    db.close();
  }
}

app.get("/items/{item_id}", { params: { item_id: Path(z.string()), db: Depends(getDb) } }, async function readItem({ item_id, db }) {
  if (!(item_id in db.items)) {
    throw new HTTPException(404, "Item not found");
  }
  return db.items[item_id];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
