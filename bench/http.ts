// Control requests for the benchmark scripts, each on a new connection: fetch's
// pooled keep-alive sockets may have been closed by a server's keep-alive
// timeout during a long load run, and reusing one fails.
import { request } from "node:http";

export interface Reply {
  status: number;
  contentType: string;
  setCookies: string[];
  text: string;
}

function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () =>
        resolve({ status: res.statusCode as number, contentType: res.headers["content-type"] ?? "", setCookies: res.headers["set-cookie"] ?? [], text }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send("GET", url, headers);
}

/** POSTs a body as it is given (JSON or not), with the given content type. */
export function post(url: string, body: string, contentType = "application/json"): Promise<Reply> {
  return send("POST", url, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)) }, body);
}

/** The Cookie header that sends back every cookie a reply set. */
export function cookiesOf(reply: Reply): string {
  return reply.setCookies.map((c) => c.split(";")[0]).join("; ");
}
