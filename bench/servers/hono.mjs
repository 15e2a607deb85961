// Hono 4 on @hono/node-server with its signed cookie helpers (HMAC-SHA256).
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);
const secret = "bench-secret";
const app = new Hono();
for (let i = 0; mode !== "plain" && i < layers; i++) app.use(async (c, next) => next());

app.get("/plain", (c) => c.text("ok"));
app.get("/json", (c) => c.json({ hello: "world" }));
app.get("/session/incr", async (c) => {
  const raw = await getSignedCookie(c, secret, "session");
  const session = raw ? JSON.parse(raw) : {};
  session.count = (session.count ?? 0) + 1;
  await setSignedCookie(c, "session", JSON.stringify(session), secret, { path: "/", httpOnly: true, maxAge: 1209600 });
  return c.json({ count: session.count });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
