// Control requests for the benchmark scripts, each on a new connection: fetch's
// pooled keep-alive sockets may have been closed by a server's keep-alive
// timeout during a long load run, and reusing one fails.
import { request } from "node:http";

export interface Reply {
  status: number;
  setCookies: string[];
  text: string;
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode as number, setCookies: res.headers["set-cookie"] ?? [], text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The Cookie header that sends back every cookie a reply set. */
export function cookiesOf(reply: Reply): string {
  return reply.setCookies.map((c) => c.split(";")[0]).join("; ");
}
