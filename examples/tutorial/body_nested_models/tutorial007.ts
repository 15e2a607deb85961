// Deeply nested: an offer holds items, which hold images.
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

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z
    .array(z.string())
    .transform((tags) => [...new Set(tags)])
    .default([]),
  images: z.array(Image).nullable().default(null),
});

const Offer = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  items: z.array(Item),
});

app.post("/offers/", { params: { offer: Body(Offer) } }, async function createOffer({ offer }) {
  return offer;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
