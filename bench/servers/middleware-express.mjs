// Express 5 with cors and compression (level 9, from 500 bytes).
import { readFileSync } from "node:fs";
import compression from "compression";
import cors from "cors";
import express from "express";

const payload = readFileSync(process.env.MIDDLEWARE_PAYLOAD);
const app = express();
app.set("etag", false);
app.set("x-powered-by", false);
app.use(cors({ origin: "https://app.example", methods: ["GET", "PUT"], allowedHeaders: ["content-type", "x-token"], credentials: true, maxAge: 600 }));
app.use(compression({ level: 9, threshold: 500 }));
app.get("/json10k", (req, res) => res.type("application/json").send(payload));
app.listen(Number(process.env.PORT), "127.0.0.1");
