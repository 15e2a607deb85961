// The middleware suite's baseline: node:http answering the CORS preflight by hand and
// gzipping the 10 KiB JSON with zlib.gzipSync at level 9 on every request.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";

const payload = readFileSync(process.env.MIDDLEWARE_PAYLOAD);
const ORIGIN = "https://app.example";

createServer((req, res) => {
  const origin = req.headers.origin;
  if (req.method === "OPTIONS" && origin !== undefined && req.headers["access-control-request-method"] !== undefined) {
    const ok = origin === ORIGIN;
    res.writeHead(ok ? 204 : 400, {
      "access-control-allow-origin": ok ? origin : "",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, PUT",
      "access-control-allow-headers": "content-type, x-token",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    res.end();
    return;
  }
  if (req.url === "/json10k") {
    const headers = { "content-type": "application/json", vary: "Accept-Encoding" };
    if ((req.headers["accept-encoding"] ?? "").includes("gzip")) {
      const body = gzipSync(payload, { level: 9 });
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length });
      res.end(body);
    } else {
      res.writeHead(200, { ...headers, "content-length": payload.length });
      res.end(payload);
    }
    return;
  }
  res.writeHead(404).end();
}).listen(Number(process.env.PORT), "127.0.0.1");
