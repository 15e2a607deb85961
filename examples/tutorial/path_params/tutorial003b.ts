// The same path declared twice: the first declaration answers, the second is never reached.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.get("/users", async function readUsers() {
  return ["Rick", "Morty"];
});

app.get("/users", async function readUsers2() {
  return ["Bean", "Elfo"];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
