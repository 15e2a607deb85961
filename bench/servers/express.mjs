// Express 5 with cookie-session.
import cookieSession from "cookie-session";
import express from "express";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);
const app = express();
app.set("etag", false);
app.set("x-powered-by", false);
for (let i = 0; mode !== "plain" && i < layers; i++) app.use((req, res, next) => next());
app.use(cookieSession({ name: "session", keys: ["bench-secret"], maxAge: 1209600000 }));

app.get("/plain", (req, res) => res.type("text/plain").send("ok"));
app.get("/json", (req, res) => res.json({ hello: "world" }));
app.get("/session/incr", (req, res) => {
  req.session.count = (req.session.count ?? 0) + 1;
  res.json({ count: req.session.count });
});

app.listen(Number(process.env.PORT), "127.0.0.1");
