// Port of fastapi/applications.py: FastAPI is an App with FastAPI's defaults (JSON errors,
// the 422 handler, dependency overrides) whose router is an APIRouter.
import assert from "node:assert";
import { App, type AppOptions, type ExceptionHandlerKey } from "../applications.js";
import type { ExceptionHandler } from "../_exception_handler.js";
import { HTTPException } from "../exceptions.js";
import type { Middleware } from "../middleware/index.js";
import type { Request } from "../requests.js";
import { Response } from "../responses.js";
import type { BaseRoute, Lifespan } from "../routing.js";
import type { Receive, Scope, Send } from "../types.js";
import type { ResponseClass } from "./_route_handler.js";
import type { DependencyOverrides } from "./dependencies/resolve.js";
import { httpExceptionHandler, requestValidationExceptionHandler, websocketRequestValidationExceptionHandler } from "./exception_handlers.js";
import { RequestValidationError, WebSocketRequestValidationError } from "./exceptions.js";
import { getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "./openapi/docs.js";
import { openapiJson, type Contact, type ExternalDocumentation, type License, type OpenAPI, type Server, type Tag } from "./openapi/models.js";
import { getOpenapi } from "./openapi/utils.js";
import type * as params from "./params.js";
import {
  APIRouter,
  operationRegistrar,
  routesVersion,
  websocketRegistrar,
  type APIRoute,
  type APIWebSocketRoute,
  type APIRouteOptions,
  type GenerateUniqueIdFunction,
  type Handler,
  type IncludeRouterOptions,
  type OperationRegistrar,
  type ResponsesSpec,
  type WebSocketOptions,
  type WebSocketRegistrar,
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
  /** Where the OpenAPI document is served; null serves none, nor /docs and /redoc. @default "/openapi.json" */
  openapiUrl?: string | null;
  /** The tags' descriptions and external docs, in the order the docs list them. */
  openapiTags?: Tag[] | null;
  servers?: Server[] | null;
  /** Add `rootPath` (the request's root_path) to the document's servers. @default true */
  rootPathInServers?: boolean;
  /** Swagger UI's page; null serves none. @default "/docs" */
  docsUrl?: string | null;
  /** ReDoc's page; null serves none. @default "/redoc" */
  redocUrl?: string | null;
  /** The page Swagger UI's OAuth2 flows come back to; null serves none. @default "/docs/oauth2-redirect" */
  swaggerUiOauth2RedirectUrl?: string | null;
  /** Swagger UI's `initOAuth()` settings (clientId, appName, usePkceWithAuthorizationCodeGrant...). */
  swaggerUiInitOauth?: Record<string, unknown> | null;
  /** Swagger UI's configuration, over swaggerUiDefaultParameters. */
  swaggerUiParameters?: Record<string, unknown> | null;
  termsOfService?: string | null;
  contact?: Contact | null;
  licenseInfo?: License | null;
  openapiExternalDocs?: ExternalDocumentation | null;
  /** Document a model used both ways as `Item-Input` and `Item-Output` where the two differ. @default true */
  separateInputOutputSchemas?: boolean;
  /** The webhooks the API sends, documented under `webhooks`. @default a new APIRouter */
  webhooks?: APIRouter | null;
  /** For the path operations that set none themselves (nor their router). @default FastAPI's */
  generateUniqueIdFunction?: GenerateUniqueIdFunction;
  /** The `openapi` field of the document (FastAPI's `app.openapi_version`). @default "3.1.0" */
  openapiVersion?: string;
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
  readonly openapiUrl: string | null;
  readonly openapiTags: Tag[] | null;
  readonly servers: Server[];
  readonly rootPathInServers: boolean;
  readonly docsUrl: string | null;
  readonly redocUrl: string | null;
  readonly swaggerUiOauth2RedirectUrl: string | null;
  readonly swaggerUiInitOauth: Record<string, unknown> | null;
  readonly swaggerUiParameters: Record<string, unknown> | null;
  readonly termsOfService: string | null;
  readonly contact: Contact | null;
  readonly licenseInfo: License | null;
  readonly openapiExternalDocs: ExternalDocumentation | null;
  readonly separateInputOutputSchemas: boolean;
  /** Path operations documented as the webhooks the API sends (`app.webhooks.post(...)`), never served. */
  readonly webhooks: APIRouter;
  /** The `openapi` field of the document. */
  openapiVersion: string;
  /** The document once built (FastAPI's `app.openapi_schema`): set it to serve another. */
  openapiSchema: OpenAPI | null = null;
  private openapiRoutesVersion: number | null = null;
  // /openapi.json's bytes, for the document and root path they were made for.
  private openapiBody: { schema: OpenAPI; rootPath: string; body: Uint8Array } | null = null;

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
      generateUniqueIdFunction: options.generateUniqueIdFunction,
    });
    this.title = options.title ?? "FastAPI";
    this.summary = options.summary ?? null;
    this.description = options.description ?? "";
    this.version = options.version ?? "0.1.0";
    this.rootPath = options.rootPath ?? "";
    this.openapiUrl = options.openapiUrl === undefined ? "/openapi.json" : options.openapiUrl;
    this.openapiTags = options.openapiTags ?? null;
    this.servers = options.servers ?? [];
    this.rootPathInServers = options.rootPathInServers ?? true;
    this.docsUrl = options.docsUrl === undefined ? "/docs" : options.docsUrl;
    this.redocUrl = options.redocUrl === undefined ? "/redoc" : options.redocUrl;
    this.swaggerUiOauth2RedirectUrl = options.swaggerUiOauth2RedirectUrl === undefined ? "/docs/oauth2-redirect" : options.swaggerUiOauth2RedirectUrl;
    this.swaggerUiInitOauth = options.swaggerUiInitOauth ?? null;
    this.swaggerUiParameters = options.swaggerUiParameters ?? null;
    this.termsOfService = options.termsOfService ?? null;
    this.contact = options.contact ?? null;
    this.licenseInfo = options.licenseInfo ?? null;
    this.openapiExternalDocs = options.openapiExternalDocs ?? null;
    this.separateInputOutputSchemas = options.separateInputOutputSchemas ?? true;
    this.webhooks = options.webhooks ?? new APIRouter();
    this.openapiVersion = options.openapiVersion ?? "3.1.0";
    if (this.openapiUrl) {
      assert(this.title, "A title must be provided for OpenAPI, e.g.: 'My API'");
      assert(this.version, "A version must be provided for OpenAPI, e.g.: '2.1.0'");
    }
    const defaults: Array<[ExceptionHandlerKey, ExceptionHandler]> = [
      [HTTPException, httpExceptionHandler],
      [RequestValidationError, requestValidationExceptionHandler],
      [WebSocketRequestValidationError, websocketRequestValidationExceptionHandler as ExceptionHandler],
    ];
    for (const [key, handler] of defaults) if (!this.exceptionHandlers.has(key)) this.exceptionHandlers.set(key, handler);
    this.setup();
  }

  /**
   * The OpenAPI document: built on the first call and kept (in `openapiSchema`) until the
   * routes change. Replace the method to serve another (FastAPI's "Extending OpenAPI").
   */
  openapi(): OpenAPI {
    const version = routesVersion(this.router) + routesVersion(this.webhooks);
    if (!this.openapiSchema || this.openapiRoutesVersion !== version) {
      this.openapiSchema = getOpenapi({
        title: this.title,
        version: this.version,
        openapiVersion: this.openapiVersion,
        summary: this.summary,
        description: this.description,
        termsOfService: this.termsOfService,
        contact: this.contact,
        licenseInfo: this.licenseInfo,
        routes: this.router.routes,
        webhooks: this.webhooks.routes,
        tags: this.openapiTags,
        servers: this.servers,
        separateInputOutputSchemas: this.separateInputOutputSchemas,
        externalDocs: this.openapiExternalDocs,
      });
      this.openapiRoutesVersion = version;
    }
    return this.openapiSchema;
  }

  /** The document as /openapi.json serves it: with the request's root path first among the servers. */
  private openapiResponse(request: Request): Response {
    const rootPath = rootPathOf(request);
    const schema = this.openapi();
    const cached = this.openapiBody;
    if (cached === null || cached.schema !== schema || cached.rootPath !== rootPath) {
      let served: OpenAPI = schema;
      if (rootPath && this.rootPathInServers) {
        const servers = schema.servers ?? [];
        if (!servers.some((s) => s.url === rootPath)) served = { ...schema, servers: [{ url: rootPath }, ...servers] };
      }
      // Served as often as asked, built once: the bytes are kept while the document is the same.
      this.openapiBody = { schema, rootPath, body: Buffer.from(openapiJson(served), "utf8") };
    }
    return new Response((this.openapiBody as { body: Uint8Array }).body, { mediaType: "application/json" });
  }

  /** FastAPI's setup(): the routes of the document and of the docs pages, left out of the document. */
  private setup(): void {
    const openapiUrl = this.openapiUrl;
    if (!openapiUrl) return;
    this.addRoute(openapiUrl, (request: Request) => this.openapiResponse(request), { includeInSchema: false, name: "openapi" });
    if (this.docsUrl) {
      const swaggerUiHtml = (request: Request): Response => {
        const root = rootPathOf(request);
        const redirect = this.swaggerUiOauth2RedirectUrl;
        return getSwaggerUiHtml({
          openapiUrl: root + openapiUrl,
          title: `${this.title} - Swagger UI`,
          oauth2RedirectUrl: redirect ? root + redirect : redirect,
          initOauth: this.swaggerUiInitOauth,
          swaggerUiParameters: this.swaggerUiParameters,
        });
      };
      this.addRoute(this.docsUrl, swaggerUiHtml, { includeInSchema: false, name: "swagger_ui_html" });
      if (this.swaggerUiOauth2RedirectUrl) {
        this.addRoute(this.swaggerUiOauth2RedirectUrl, () => getSwaggerUiOauth2RedirectHtml(), { includeInSchema: false, name: "swagger_ui_redirect" });
      }
    }
    if (this.redocUrl) {
      const redocHtml = (request: Request): Response => getRedocHtml({ openapiUrl: rootPathOf(request) + openapiUrl, title: `${this.title} - ReDoc` });
      this.addRoute(this.redocUrl, redocHtml, { includeInSchema: false, name: "redoc_html" });
    }
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

  /** A websocket route whose handler gets its declared params (`WebSocket` among them). */
  addApiWebsocketRoute(path: string, endpoint: Handler<never>, options: WebSocketOptions = {}): APIWebSocketRoute {
    return this.router.addApiWebsocketRoute(path, endpoint, options);
  }

  /**
   * `app.websocket(path, { params })(handler)`, as FastAPI's `@app.websocket(path)`.
   *
   * @example
   * app.websocket("/ws", { params: { websocket: WebSocket } }, async ({ websocket }) => {
   *   await websocket.accept();
   *   for (;;) await websocket.sendText(`Message text was: ${await websocket.receiveText()}`);
   * });
   */
  override readonly websocket: WebSocketRegistrar = websocketRegistrar((p, h, o) => this.addApiWebsocketRoute(p, h, o));
}

/** The request's root path without its trailing slashes (FastAPI's `req.scope.get("root_path", "").rstrip("/")`). */
function rootPathOf(request: Request): string {
  return String(request.scope.root_path ?? "").replace(/\/+$/, "");
}
