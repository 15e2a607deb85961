// Lifespan events: code that runs once before the first request and once at
// shutdown. What the generator yields is shared with every request as request.state.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";

export const events: string[] = [];

async function* lifespan() {
  const models = new Map([["answer_to_everything", (x: number) => x * 42]]);
  events.push("startup: models loaded");
  yield { models };
  models.clear();
  events.push("shutdown: models released");
}

export const app = new App({ lifespan });

app.get("/predict")((request: Request) => {
  const models = request.state.models as Map<string, (x: number) => number>;
  const x = Number(request.queryParams.get("x", "1"));
  return { result: models.get("answer_to_everything")?.(x) };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
