// Port of starlette/types.py: the ASGI primitives, as plain aliases.
//
// ASGI byte strings (header names and values, query_string, raw_path) are
// carried as latin-1 "byte strings": one char per byte, code points 0-255.
// That is what node:http hands us, and it keeps the hot path free of
// Buffer <-> string round trips. Bodies are real bytes (Uint8Array).

/** Header list as the ASGI spec has it: lowercase names, in order, repeats allowed. */
export type HeaderList = Array<[name: string, value: string]>;

export interface Scope {
  type: "http" | "websocket" | "lifespan" | (string & {});
  asgi?: { version: string; spec_version?: string };
  http_version?: string;
  method?: string;
  scheme?: string;
  path?: string;
  raw_path?: string;
  root_path?: string;
  query_string?: string;
  headers?: HeaderList;
  client?: [host: string, port: number] | null;
  server?: [host: string, port: number | null] | null;
  state?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  app?: unknown;
  app_root_path?: string;
  path_params?: Record<string, unknown>;
  endpoint?: unknown;
  router?: unknown;
  session?: unknown;
  [key: string]: unknown;
}

export interface Message {
  type: string;
  status?: number;
  headers?: HeaderList;
  body?: Uint8Array;
  more_body?: boolean;
  [key: string]: unknown;
}

export type Receive = () => Promise<Message>;
export type Send = (message: Message) => Promise<void>;
export type ASGIApp = (scope: Scope, receive: Receive, send: Send) => Promise<void>;

/** An object that is an ASGI app through its `call` method (Python's `__call__`). */
export interface ASGIInstance {
  call(scope: Scope, receive: Receive, send: Send): Promise<void>;
}

/** Anything accepted where an app is expected: a function or an object with `call`. */
export type ASGIAppLike = ASGIApp | ASGIInstance;

/**
 * A class used as an endpoint (Starlette's HTTPEndpoint and WebSocketEndpoint): each
 * connection is `new Cls(scope, receive, send)`, then its `dispatch()`, as Python awaits
 * the instance.
 */
export type ASGIClass = new (scope: Scope, receive: Receive, send: Send) => { dispatch(): Promise<void> };
