// Prints what FastAPI answers to each case of tests/fastapi/cases/<chapter>.ts, to write
// and review case lists (differential.test.ts checks the claimed statuses):
//   node --conditions=source --import tsx tests/fastapi/show_cases.ts body cookie_params
// With no chapter, every case file. --full prints whole bodies.
import { readdirSync } from "node:fs";
import type { Case } from "./differential.js";
import { send, startPythonMany } from "./differential.js";

const args = process.argv.slice(2);
const full = args.includes("--full");
let chapters = args.filter((a) => !a.startsWith("--"));
if (chapters.length === 0) {
  chapters = readdirSync(new URL("./cases/", import.meta.url)).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
}

const servers = await startPythonMany(chapters);
try {
  for (const chapter of chapters) {
    const { cases } = (await import(`./cases/${chapter}.ts`)) as { cases: Case[] };
    console.log(`\n=== ${chapter} (${cases.length} cases)`);
    const server = servers.get(chapter);
    if (server === undefined) throw new Error(`no server for ${chapter}`);
    for (const c of cases) {
      const reply = await send(server, c);
      const mark = reply.status === c.expect ? " " : "!";
      const type = reply.headers.find(([k]) => k === "content-type")?.[1] ?? "-";
      const extra = reply.headers.filter(([k]) => ["location", "allow", "www-authenticate", "set-cookie", "x-error"].includes(k)).map(([k, v]) => `${k}: ${v}`);
      let body = reply.body.toString();
      if (!full && body.length > 400) body = body.slice(0, 400) + "…";
      console.log(`${mark} ${reply.status} (expect ${c.expect}) ${c.name} — ${c.method} ${c.path} [${type}]${extra.length ? " " + extra.join("; ") : ""}${c.compare ? ` {${c.compare}}` : ""}${c.exact ? " {exact}" : ""}\n      ${body}`);
    }
    const log = server.logs().trim();
    if (log !== "") console.log(`--- python log:\n${log.slice(-3000)}`);
  }
} finally {
  await Promise.all([...servers.values()].map((s) => s.close()));
}
