// The validation suite's baseline: bare node:http with the zod parse written by hand.
import { createServer } from "node:http";
import { Item, SearchQuery } from "./validation-schemas.mjs";

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function items(req, res) {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    let data;
    try {
      data = JSON.parse((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8"));
    } catch {
      return send(res, 422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] });
    }
    const result = Item.safeParse(data);
    if (result.success) send(res, 200, result.data);
    else send(res, 422, { detail: result.error.issues });
  });
}

function search(res, query) {
  const params = new URLSearchParams(query);
  // A missing parameter is undefined (its default applies), not get()'s null.
  const result = SearchQuery.safeParse({
    q: params.get("q") ?? undefined,
    limit: params.get("limit") ?? undefined,
    offset: params.get("offset") ?? undefined,
  });
  if (result.success) send(res, 200, result.data);
  else send(res, 422, { detail: result.error.issues });
}

createServer((req, res) => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (path === "/items" && req.method === "POST") items(req, res);
  else if (path === "/search" && req.method === "GET") search(res, q < 0 ? "" : url.slice(q + 1));
  else {
    res.writeHead(404, { "content-length": 9 });
    res.end("Not Found");
  }
}).listen(Number(process.env.PORT), "127.0.0.1");
