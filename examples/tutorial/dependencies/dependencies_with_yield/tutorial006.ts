// Dependencies with yield: scope "function" runs the exit code before the response is sent.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

function* getUsername() {
  try {
    yield "Rick";
  } finally {
    console.log("Cleanup up before response is sent");
  }
}

app.get("/users/me", { params: { username: Depends(getUsername, { scope: "function" }) } }, function getUserMe({ username }) {
  return username;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
