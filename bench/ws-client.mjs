// The websocket suite's load (bench/websockets.ts): one Node process on the `ws` package, the same
// for every server. `node ws-client.mjs URL echo|connect CONNECTIONS SECONDS` prints JSON:
//   echo     CONNECTIONS connections, each sending a 100-byte text message and waiting for its echo
//            before the next: round trips per second over all of them
//   connect  CONNECTIONS loops, each opening a connection (handshake), then closing it (closing
//            handshake) before the next: connections per second
//   check    one echo, printed back
// Compression is not offered: at 100 bytes no server would compress, and the rows stay comparable.
import WebSocket from "ws";

const [url, mode, connections = "10", seconds = "3"] = process.argv.slice(2);
const MESSAGE = "x".repeat(100);
const OPTIONS = { perMessageDeflate: false };

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, OPTIONS);
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

function closed(ws) {
  return new Promise((resolve) => ws.once("close", resolve));
}

async function echo() {
  const sockets = await Promise.all(Array.from({ length: Number(connections) }, open));
  let count = 0;
  const started = performance.now();
  const deadline = started + Number(seconds) * 1000;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise((resolve) => {
          ws.on("message", () => {
            count++;
            if (performance.now() < deadline) ws.send(MESSAGE);
            else resolve();
          });
          ws.send(MESSAGE);
        }),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(sockets.map((ws) => (ws.close(), closed(ws))));
  return { rate: count / elapsed, count, errors: 0 };
}

async function connect() {
  let count = 0;
  let errors = 0;
  const deadline = performance.now() + Number(seconds) * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Number(connections) }, async () => {
      while (performance.now() < deadline) {
        try {
          const ws = await open();
          ws.close();
          await closed(ws);
          count++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { rate: count / ((performance.now() - started) / 1000), count, errors };
}

async function check() {
  const ws = await open();
  const reply = new Promise((resolve) => ws.once("message", (data) => resolve(data.toString())));
  ws.send(MESSAGE);
  const text = await reply;
  ws.close();
  await closed(ws);
  return { ok: text === MESSAGE };
}

const result = mode === "echo" ? await echo() : mode === "connect" ? await connect() : await check();
process.stdout.write(JSON.stringify(result) + "\n");
