// Fastify 5 with @fastify/secure-session (libsodium: encrypted, not only signed).
import secureSession from "@fastify/secure-session";
import Fastify from "fastify";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);
const app = Fastify({ logger: false });
for (let i = 0; mode !== "plain" && i < layers; i++) app.addHook("onRequest", (request, reply, done) => done());
await app.register(secureSession, { key: Buffer.alloc(32, 7), cookieName: "session", cookie: { path: "/", httpOnly: true, maxAge: 1209600 } });

app.get("/plain", (request, reply) => reply.type("text/plain").send("ok"));
app.get("/json", () => ({ hello: "world" }));
app.get("/session/incr", (request) => {
  const count = (request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});

await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
