// Fastify 5 with @fastify/cors and @fastify/compress (gzip only, level 9, from 500 bytes).
import { readFileSync } from "node:fs";
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import Fastify from "fastify";

const payload = readFileSync(process.env.MIDDLEWARE_PAYLOAD);
const app = Fastify({ logger: false });
await app.register(cors, { origin: "https://app.example", methods: ["GET", "PUT"], allowedHeaders: ["content-type", "x-token"], credentials: true, maxAge: 600 });
await app.register(compress, { global: true, threshold: 500, encodings: ["gzip"], zlibOptions: { level: 9 } });
app.get("/json10k", (request, reply) => reply.type("application/json").send(payload));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
