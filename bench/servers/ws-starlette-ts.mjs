// starlette-ts's websockets under serve(), from the built package (dist/) (bench/websockets.ts):
// `app` (the argument) an App with app.websocket("/ws") echoing through receiveText/sendText; `bare` a
// bare ASGI app speaking the websocket messages directly.
import { App, PlainTextResponse, serve } from "../../dist/index.js";

async function bare(scope, receive, send) {
  if (scope.type === "lifespan") {
    for (;;) {
      const message = await receive();
      if (message.type === "lifespan.startup") await send({ type: "lifespan.startup.complete" });
      else return send({ type: "lifespan.shutdown.complete" });
    }
  }
  if (scope.type === "http") {
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
    return send({ type: "http.response.body", body: new TextEncoder().encode("ok") });
  }
  await receive();
  await send({ type: "websocket.accept" });
  for (;;) {
    const message = await receive();
    if (message.type === "websocket.disconnect") return;
    await send({ type: "websocket.send", text: message.text, bytes: message.bytes });
  }
}

function full() {
  const app = new App();
  app.get("/plain")(() => new PlainTextResponse("ok"));
  app.websocket("/ws")(async (websocket) => {
    await websocket.accept();
    try {
      for (;;) await websocket.sendText(await websocket.receiveText());
    } catch {
      // WebSocketDisconnect: the client left
    }
  });
  return app;
}

await serve(process.argv[2] === "bare" ? bare : full(), { port: Number(process.env.PORT), host: "127.0.0.1", accessLog: false, log: () => undefined });
