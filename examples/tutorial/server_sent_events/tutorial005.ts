// Server-Sent Events: streamed over POST, as MCP does, with a JSON body.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, EventSourceResponse, FastAPI, ServerSentEvent } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Prompt = z.object({
  text: z.string(),
});

app.post("/chat/stream", { params: { prompt: Body(Prompt) }, responseClass: EventSourceResponse }, async function* streamChat({ prompt }): AsyncGenerator<ServerSentEvent> {
  const words = prompt.text.split(/\s+/).filter((word) => word !== "");
  for (const word of words) {
    yield new ServerSentEvent({ data: word, event: "token" });
  }
  yield new ServerSentEvent({ rawData: "[DONE]", event: "done" });
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
