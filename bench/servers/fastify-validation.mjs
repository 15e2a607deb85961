// Fastify 5 validating with its JSON schemas (ajv, which also converts the query's text to integers).
import Fastify from "fastify";

// additionalProperties: false with Fastify's removeAdditional drops unknown fields, as pydantic and zod do.
const item = {
  type: "object",
  additionalProperties: false,
  required: ["name", "price", "in_stock"],
  properties: {
    name: { type: "string", minLength: 1, maxLength: 50 },
    description: { type: ["string", "null"], default: null },
    price: { type: "number", exclusiveMinimum: 0 },
    tax: { type: ["number", "null"], default: null },
    tags: { type: "array", items: { type: "string" }, default: [] },
    in_stock: { type: "boolean" },
  },
};

const search = {
  type: "object",
  additionalProperties: false,
  required: ["q"],
  properties: {
    q: { type: "string", minLength: 2 },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 10 },
    offset: { type: "integer", minimum: 0, default: 0 },
  },
};

const app = Fastify({ logger: false });
// Fastify answers a failed validation, and a body that is not JSON, with 400; FastAPI's status is 422.
app.setErrorHandler((error, request, reply) => {
  if (error.validation) reply.code(422).send({ detail: error.validation });
  else if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY") reply.code(422).send({ detail: error.message });
  else reply.send(error);
});
app.post("/items", { schema: { body: item } }, (request) => request.body);
app.get("/search", { schema: { querystring: search } }, (request) => request.query);

await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
