// Port of fastapi/applications.py: FastAPI is an App with FastAPI's defaults (JSON errors,
// the 422 handler, dependency overrides) whose router is an APIRouter.
import { App, type AppOptions, type ExceptionHandlerKey } from "../applications.js";
import type { ExceptionHandler } from "../_exception_handler.js";
import { HTTPException } from "../exceptions.js";
import type { Middleware } from "../middleware/index.js";
import type { BaseRoute, Lifespan } from "../routing.js";
import type { Receive, Scope, Send } from "../types.js";
import type { ResponseClass } from "./_route_handler.js";
import type { DependencyOverrides } from "./dependencies/resolve.js";
import { httpExceptionHandler, requestValidationExceptionHandler } from "./exception_handlers.js";
import { RequestValidationError } from "./exceptions.js";
import type * as params from "./params.js";
import {
  APIRouter,
  operationRegistrar,
  type APIRoute,
  type APIRouteOptions,
  type Handler,
  type IncludeRouterOptions,
  type OperationRegistrar,
  type ResponsesSpec,
} from "./routing.js";
import type { ParamsSpec } from "./types.js";

export interface FastAPIOptions {
  /** Send tracebacks in 500 responses. @default false */
  debug?: boolean;
  routes?: BaseRoute[];
  /** @default "FastAPI" */
  title?: string;
  summary?: string;
  /** @default "" */
  description?: string;
  /** @default "0.1.0" */
  version?: string;
  /** Run for every path operation; their values are not passed to handlers. */
  dependencies?: params.Depends[];
  defaultResponseClass?: ResponseClass;
  /** @default true */
  redirectSlashes?: boolean;
  /** Outermost first. */
  middleware?: Middleware[];
  exceptionHandlers?: AppOptions["exceptionHandlers"];
  lifespan?: Lifespan<FastAPI>;
  /** Set as every request's `root_path` (behind a proxy that strips a prefix). */
  rootPath?: string;
  responses?: ResponsesSpec;
  callbacks?: BaseRoute[];
  deprecated?: boolean;
  /** @default true */
  includeInSchema?: boolean;
  /** @default true */
  strictContentType?: boolean;
}

/**
 * The application, as FastAPI's: `app.get(path, { params }, handler)` declares a path operation.
 *
 * @example
 * const app = new FastAPI();
 * app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, ({ item_id }) => ({ item_id }));
 */
export class FastAPI extends App {
  declare readonly router: APIRouter;
  readonly title: string;
  readonly summary: string | null;
  readonly description: string;
  readonly version: string;
  readonly rootPath: string;
  /** Replace a dependency in tests: keyed by the function, a function or a `Depends(fn, { params })`. */
  readonly dependencyOverrides: DependencyOverrides = new Map();

  constructor(options: FastAPIOptions = {}) {
    super({ debug: options.debug, middleware: options.middleware, exceptionHandlers: options.exceptionHandlers });
    (this as { router: APIRouter }).router = new APIRouter({
      routes: options.routes,
      dependencies: options.dependencies,
      defaultResponseClass: options.defaultResponseClass,
      redirectSlashes: options.redirectSlashes,
      lifespan: options.lifespan as Lifespan | undefined,
      responses: options.responses,
      callbacks: options.callbacks,
      deprecated: options.deprecated,
      includeInSchema: options.includeInSchema,
      strictContentType: options.strictContentType,
    });
    this.title = options.title ?? "FastAPI";
    this.summary = options.summary ?? null;
    this.description = options.description ?? "";
    this.version = options.version ?? "0.1.0";
    this.rootPath = options.rootPath ?? "";
    const defaults: Array<[ExceptionHandlerKey, ExceptionHandler]> = [
      [HTTPException, httpExceptionHandler],
      [RequestValidationError, requestValidationExceptionHandler],
    ];
    for (const [key, handler] of defaults) if (!this.exceptionHandlers.has(key)) this.exceptionHandlers.set(key, handler);
  }

  override call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (this.rootPath) scope.root_path = this.rootPath;
    return super.call(scope, receive, send);
  }

  addApiRoute(path: string, endpoint: Handler<never>, options: APIRouteOptions = {}): APIRoute {
    return this.router.addApiRoute(path, endpoint, options);
  }

  /** `@app.api_route(path, methods=[...])`. */
  apiRoute<P extends ParamsSpec = Record<never, never>>(path: string, options: APIRouteOptions<P> = {}): <H extends Handler<P>>(handler: H) => H {
    return this.router.apiRoute(path, options);
  }

  /** Serve an APIRouter's path operations under a prefix and these settings. */
  includeRouter(router: APIRouter, options: IncludeRouterOptions = {}): void {
    this.router.includeRouter(router, options);
  }

  override readonly get: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "GET");
  override readonly put: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "PUT");
  override readonly post: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "POST");
  override readonly delete: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "DELETE");
  override readonly options: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "OPTIONS");
  override readonly head: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "HEAD");
  override readonly patch: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "PATCH");
  readonly trace: OperationRegistrar = operationRegistrar((p, h, o) => this.addApiRoute(p, h, o), "TRACE");
}
