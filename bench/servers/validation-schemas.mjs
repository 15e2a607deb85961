// The zod schemas of the validation suite, shared by the servers that validate with zod, so that
// every one of them checks the same thing (bench/servers/fastapi_py.py holds the pydantic twin).
import { z } from "zod";

/** The item of POST /items: FastAPI's tutorial model with a few constraints. */
export const Item = z.object({
  name: z.string().min(1).max(50),
  description: z.string().nullable().default(null),
  price: z.number().gt(0),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
  in_stock: z.boolean(),
});

/** The query of GET /search, its integers converted from the query string's text. */
export const SearchQuery = z.object({
  q: z.string().min(2),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).default(0),
});
