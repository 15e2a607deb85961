// The package root: the core, as Starlette users reach for it. Optional parts
// (SessionMiddleware, itsdangerous) have their own subpaths and load only when imported.
export const version = "0.1.0";

export { App, type AppOptions } from "./applications.js";
export { BackgroundTask, BackgroundTasks } from "./background.js";
export { Address, FormData, Headers, MutableHeaders, QueryParams, UploadFile, URL, type State } from "./datastructures.js";
export { HTTPException } from "./exceptions.js";
export { BaseHTTPMiddleware, type CallNext, type DispatchFunction, type StreamedResponse } from "./middleware/base.js";
export { Middleware } from "./middleware/index.js";
export { ClientDisconnect, HTTPConnection, Request } from "./requests.js";
export {
  FileResponse,
  HTMLResponse,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  Response,
  StreamingResponse,
} from "./responses.js";
export { Mount, Route, Router, type Lifespan } from "./routing.js";
export { serve, type ServeOptions, type ServerHandle } from "./server.js";
export { TestClient } from "./testclient.js";
export type { ASGIApp, ASGIAppLike, ASGIInstance, HeaderList, Message, Receive, Scope, Send } from "./types.js";
