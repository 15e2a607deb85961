// Port of fastapi/types.py: the types that tie a handler's argument to its declarations.
import type { BackgroundTasks } from "../background.js";
import type { UploadFile } from "../datastructures.js";
import type { HTTPConnection, Request } from "../requests.js";
import type { Response } from "../responses.js";
import type { WebSocket } from "../websockets.js";
import type { Depends, FieldInfo } from "./params.js";
import type { SecurityScopes } from "./security/oauth2.js";

/**
 * What a key of `params` may hold: a declaration (`Query(schema)`, `Body(schema)`...), a
 * `Depends(...)`, or one of the classes the layer injects, as FastAPI injects by annotation:
 * `Request`, `WebSocket` (in a websocket route), `HTTPConnection`, `Response` (a temporal one, for headers, cookies and status),
 * `BackgroundTasks`, `SecurityScopes`, and `UploadFile` (a required file, as `file: UploadFile`).
 */
export type ParamSpec =
  | FieldInfo<unknown>
  | Depends<unknown>
  | typeof Request
  | typeof WebSocket
  | typeof HTTPConnection
  | typeof Response
  | typeof BackgroundTasks
  | typeof SecurityScopes
  | typeof UploadFile;

/** The declarations of a path operation or dependency, keyed by FastAPI's parameter names. */
export type ParamsSpec = Record<string, ParamSpec>;

/** The value one declaration gives the handler. */
export type ValueOf<S> =
  S extends FieldInfo<infer T>
    ? T
    : S extends Depends<infer T>
      ? T
      : S extends abstract new (...args: never[]) => infer I
        ? I
        : never;

/** The handler's argument: one typed value per declared parameter. */
export type Values<P> = { -readonly [K in keyof P]: ValueOf<P[K]> };

/** What a dependency gives: its return value, awaited, or what a generator dependency yields. */
export type DependencyValue<R> =
  R extends AsyncGenerator<infer Y, unknown, unknown> ? Y : R extends Generator<infer Y, unknown, unknown> ? Y : Awaited<R>;
