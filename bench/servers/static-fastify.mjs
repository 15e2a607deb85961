// Fastify 5 with @fastify/static (send, with its stat and stream per request).
import fastifyStatic from "@fastify/static";
import Fastify from "fastify";

const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root: process.env.STATIC_DIR, prefix: "/static/" });
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
