// The least an ASGI bridge on node:http can do, under the least ASGI app: the ceiling of any ASGI
// framework on node:http, for the validation suite (npm run bench -- --validation) and
// bench/experiments/ab.mjs ("floor"). The bridge builds the scope (header names lower-cased, as
// ASGI asks) and receive() and send() as closures, hands over a body node:http already holds
// whole in one message, and writes the response the moment the app sends its last body message;
// no access log, limits, disconnects or error pages. The app, bareApp() (validation-apps.mjs),
// is the validation routes written by hand on ASGI messages.
import { createServer } from "node:http";
import { bareApp } from "./validation-apps.mjs";

const app = bareApp();
const RESOLVED = Promise.resolve();
const ASGI = { version: "3.0", spec_version: "2.4" };
const SERVER = ["127.0.0.1", Number(process.env.PORT)];

createServer((req, res) => {
  const target = req.url;
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const raw = req.rawHeaders;
  const headers = new Array(raw.length >> 1);
  for (let i = 0, j = 0; i < raw.length; i += 2, j++) headers[j] = [raw[i].toLowerCase(), raw[i + 1]];
  const socket = req.socket;
  const scope = {
    type: "http", asgi: ASGI, http_version: req.httpVersion, server: SERVER, client: [socket.remoteAddress, socket.remotePort],
    scheme: "http", method: req.method, root_path: "", path, raw_path: path, query_string: q < 0 ? "" : target.slice(q + 1), headers, state: {},
  };
  let status = 200;
  let responseHeaders = [];
  // node:http parses a body that came with the head a moment after the request event: then it is all there.
  const receive = () => RESOLVED.then(() => {
    if (req.complete || req.readableLength === Number(req.headers["content-length"])) return { type: "http.request", body: req.read() ?? Buffer.alloc(0), more_body: false };
    return new Promise((resolve) => {
      const chunks = [];
      req.on("data", (chunk) => chunks.push(chunk));
      req.on("end", () => resolve({ type: "http.request", body: Buffer.concat(chunks), more_body: false }));
    });
  });
  const send = (message) => {
    if (message.type === "http.response.start") {
      status = message.status;
      responseHeaders = message.headers;
      return RESOLVED;
    }
    const flat = [];
    for (const [name, value] of responseHeaders) flat.push(name, value);
    res.writeHead(status, flat);
    res.end(message.body);
    return RESOLVED;
  };
  app(scope, receive, send).catch(() => res.destroy());
}).listen(Number(process.env.PORT), "127.0.0.1");
