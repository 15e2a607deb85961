// Port of fastapi/security/api_key.py.
import { HTTPException } from "../../exceptions.js";
import type { Request } from "../../requests.js";
import { BASE_OPTIONS, REQUIRED_STRING, type SchemeValue, SecurityBase, type SecurityBaseOptions, checkSchemeOptions, described } from "./base.js";

export interface APIKeyOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The query parameter's, header's or cookie's name. */
  name: string;
}

const API_KEY_OPTIONS = { ...BASE_OPTIONS, name: REQUIRED_STRING };

/** What the API key schemes share: where the key is, and the answer when it is missing. */
export abstract class APIKeyBase<A extends boolean = true> extends SecurityBase {
  readonly model: { type: "apiKey"; description?: string; in: "query" | "header" | "cookie"; name: string };
  readonly autoError: boolean;

  protected constructor(location: "query" | "header" | "cookie", options: APIKeyOptions<A>) {
    checkSchemeOptions(new.target.name, options, API_KEY_OPTIONS);
    super(options.schemeName);
    this.model = { type: "apiKey", ...described(options.description), in: location, name: options.name };
    this.autoError = options.autoError ?? true;
  }

  /**
   * HTTP requires a WWW-Authenticate challenge with a 401, and API keys have no standard one:
   * FastAPI sends a custom `APIKey` challenge.
   */
  makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(401, "Not authenticated", { "WWW-Authenticate": "APIKey" });
  }

  checkApiKey(apiKey: string | null | undefined): SchemeValue<A, string> {
    if (!apiKey) {
      if (this.autoError) throw this.makeNotAuthenticatedError();
      return undefined as SchemeValue<A, string>;
    }
    return apiKey;
  }

  abstract override call(values: { request: Request }): SchemeValue<A, string>;
}

/**
 * An API key in a query parameter; the dependency gives the key.
 * @example
 * const queryScheme = new APIKeyQuery({ name: "api_key" });
 * app.get("/items/", { params: { api_key: Depends(queryScheme) } }, ({ api_key }) => ({ api_key }));
 */
export class APIKeyQuery<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("query", options);
  }

  call({ request }: { request: Request }): SchemeValue<A, string> {
    return this.checkApiKey(request.queryParams.get(this.model.name));
  }
}

/** An API key in a header (read whatever its case); the dependency gives the key. */
export class APIKeyHeader<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("header", options);
  }

  call({ request }: { request: Request }): SchemeValue<A, string> {
    return this.checkApiKey(request.headers.get(this.model.name));
  }
}

/** An API key in a cookie; the dependency gives the key. */
export class APIKeyCookie<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("cookie", options);
  }

  call({ request }: { request: Request }): SchemeValue<A, string> {
    const cookies = request.cookies;
    return this.checkApiKey(Object.hasOwn(cookies, this.model.name) ? cookies[this.model.name] : undefined);
  }
}
