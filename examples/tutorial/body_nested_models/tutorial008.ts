// A body that is a JSON array, not an object.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const HttpUrl = z.httpUrl().transform((url) => new URL(url).href);

const Image = z.object({
  url: HttpUrl,
  name: z.string(),
});

app.post("/images/multiple/", { params: { images: Body(z.array(Image)) } }, async function createMultipleImages({ images }) {
  return images;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
