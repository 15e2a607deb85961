// Koa 3 with koa-session (cookie store, signed with the app's keys).
import Koa from "koa";
import session from "koa-session";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);
const app = new Koa();
app.keys = ["bench-secret"];
for (let i = 0; mode !== "plain" && i < layers; i++) app.use((ctx, next) => next());
app.use(session({ key: "session", maxAge: 1209600000 }, app));
app.use((ctx) => {
  if (ctx.path === "/plain") {
    ctx.type = "text/plain";
    ctx.body = "ok";
  } else if (ctx.path === "/json") {
    ctx.body = { hello: "world" };
  } else if (ctx.path === "/session/incr") {
    ctx.session.count = (ctx.session.count ?? 0) + 1;
    ctx.body = { count: ctx.session.count };
  } else {
    ctx.status = 404;
  }
});

app.listen(Number(process.env.PORT), "127.0.0.1");
