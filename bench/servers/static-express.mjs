// Express 5 with serve-static (what express.static is).
import express from "express";
import serveStatic from "serve-static";

const app = express();
app.use("/static", serveStatic(process.env.STATIC_DIR));
app.listen(Number(process.env.PORT), "127.0.0.1");
