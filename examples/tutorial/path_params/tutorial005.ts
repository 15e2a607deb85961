// Predefined values: only the names in the enum are accepted, anything else gets a 422.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

const ModelName = z.enum(["alexnet", "resnet", "lenet"]);

export const app = new FastAPI();

app.get("/models/{model_name}", { params: { model_name: Path(ModelName) } }, async function getModel({ model_name }) {
  if (model_name === ModelName.enum.alexnet) {
    return { model_name, message: "Deep Learning FTW!" };
  }

  if (model_name === "lenet") {
    return { model_name, message: "LeCNN all the images" };
  }

  return { model_name, message: "Have some residuals" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
