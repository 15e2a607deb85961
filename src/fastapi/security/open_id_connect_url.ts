// Port of fastapi/security/open_id_connect_url.py.
import { HTTPException } from "../../exceptions.js";
import type { Request } from "../../requests.js";
import { BASE_OPTIONS, REQUIRED_STRING, type SchemeValue, SecurityBase, type SecurityBaseOptions, checkSchemeOptions, described } from "./base.js";

export interface OpenIdConnectOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The OpenID Connect discovery URL, for OpenAPI. */
  openIdConnectUrl: string;
}

const OPEN_ID_CONNECT_OPTIONS = { ...BASE_OPTIONS, openIdConnectUrl: REQUIRED_STRING };

/**
 * OpenID Connect, a stub as FastAPI's: it describes the scheme for OpenAPI and gives the whole
 * Authorization header; fetching the discovery document and checking the token is a subclass's job.
 */
export class OpenIdConnect<A extends boolean = true> extends SecurityBase {
  readonly model: { type: "openIdConnect"; description?: string; openIdConnectUrl: string };
  readonly autoError: boolean;

  constructor(options: OpenIdConnectOptions<A>) {
    checkSchemeOptions(new.target.name, options, OPEN_ID_CONNECT_OPTIONS);
    super(options.schemeName);
    this.model = { type: "openIdConnect", ...described(options.description), openIdConnectUrl: options.openIdConnectUrl };
    this.autoError = options.autoError ?? true;
  }

  makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(401, "Not authenticated", { "WWW-Authenticate": "Bearer" });
  }

  call({ request }: { request: Request }): SchemeValue<A, string> {
    const authorization = request.headers.get("Authorization");
    if (!authorization) {
      if (this.autoError) throw this.makeNotAuthenticatedError();
      return undefined as SchemeValue<A, string>;
    }
    return authorization;
  }
}
