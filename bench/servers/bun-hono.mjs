// Hono 4 on Bun, its home runtime: the routes of hono.mjs, served by Bun from a module whose
// default export has `fetch`.
import { Hono } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";

const secret = "bench-secret";
const app = new Hono();

app.get("/plain", (c) => c.text("ok"));
app.get("/json", (c) => c.json({ hello: "world" }));
app.get("/session/incr", async (c) => {
  const raw = await getSignedCookie(c, secret, "session");
  const session = raw ? JSON.parse(raw) : {};
  session.count = (session.count ?? 0) + 1;
  await setSignedCookie(c, "session", JSON.stringify(session), secret, { path: "/", httpOnly: true, maxAge: 1209600 });
  return c.json({ count: session.count });
});

export default { hostname: "127.0.0.1", port: Number(process.env.PORT), development: false, fetch: app.fetch };
