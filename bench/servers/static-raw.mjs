// The practical limit for static files: bare node:http, fs.createReadStream piped to the
// response (a stat for Content-Length, as every other server here sends one).
import { createReadStream, stat } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

const dir = process.env.STATIC_DIR;

createServer((req, res) => {
  const name = (req.url ?? "/").split("?")[0].replace(/^\/static\//, "");
  if (name.includes("/") || name.includes("..")) return void res.writeHead(404).end("Not Found");
  const path = join(dir, name);
  stat(path, (error, st) => {
    if (error || !st.isFile()) return void res.writeHead(404).end("Not Found");
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": st.size });
    createReadStream(path).pipe(res);
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
