// The practical limit: bare node:http with a hand-written HMAC-SHA1 signed cookie session.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);
const key = Buffer.from("bench-secret");

const mac = (payload) => createHmac("sha1", key).update(payload).digest("base64url");

function readSession(header) {
  if (!header) return {};
  const start = header.indexOf("session=");
  if (start < 0) return {};
  const end = header.indexOf(";", start);
  const value = header.slice(start + 8, end < 0 ? undefined : end);
  const dot = value.lastIndexOf(".");
  if (dot < 0) return {};
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return {};
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return {};
  }
}

function writeSession(res, session) {
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  res.setHeader("set-cookie", `session=${payload}.${mac(payload)}; path=/; Max-Age=1209600; httponly; samesite=lax`);
}

function json(res, body) {
  const text = JSON.stringify(body);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

let handler = (req, res) => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (path === "/plain") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": 2 });
    res.end("ok");
  } else if (path === "/json") {
    json(res, { hello: "world" });
  } else if (path === "/session/incr") {
    const session = readSession(req.headers.cookie);
    session.count = (session.count ?? 0) + 1;
    writeSession(res, session);
    json(res, { count: session.count });
  } else if (path === "/session/seed") {
    const bytes = Number(new URLSearchParams(url.slice(q + 1)).get("bytes") ?? 0);
    writeSession(res, { count: 0, pad: "x".repeat(bytes) });
    json(res, { ok: true });
  } else {
    res.writeHead(404).end("Not Found");
  }
};
if (mode !== "plain") for (let i = 0; i < layers; i++) handler = ((next) => (req, res) => next(req, res))(handler);

createServer(handler).listen(Number(process.env.PORT), "127.0.0.1");
