// A JSON request body. FastAPI validates with Pydantic; here the handler checks
// what it needs and answers 422 with FastAPI's shape when something is wrong.
import { fileURLToPath } from "node:url";
import { App, HTTPException, JSONResponse, serve, type Request } from "starlette-ts";

interface Item {
  name: string;
  description?: string | null;
  price: number;
  tax?: number | null;
}

function parseItem(body: unknown): Item {
  const item = body as Partial<Item> | null;
  if (typeof item?.name !== "string" || typeof item.price !== "number") {
    throw new HTTPException(422, JSON.stringify([{ loc: ["body"], msg: "name (string) and price (number) are required" }]));
  }
  return item as Item;
}

export const app = new App();

app.post("/items/")(async (request: Request) => {
  const item = parseItem(await request.json());
  const result: Record<string, unknown> = { ...item };
  if (item.tax != null) result.price_with_tax = item.price + item.tax;
  return new JSONResponse(result, { statusCode: 201 });
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
