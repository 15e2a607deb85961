// Port of fastapi/security/http.py.
import type { Request } from "../../requests.js";
import { HTTPException } from "../exceptions.js";
import { BASE_OPTIONS, OPTIONAL_STRING, REQUIRED_STRING, type SchemeValue, SecurityBase, type SecurityBaseOptions, checkSchemeOptions, described } from "./base.js";
import { getAuthorizationSchemeParam } from "./utils.js";

/** What `HTTPBasic` gives: the user name and password of the Authorization header. */
export interface HTTPBasicCredentials {
  username: string;
  password: string;
}

/**
 * What `HTTPBearer` and `HTTPDigest` give: the Authorization header split at its first space,
 * `Bearer deadbeef` as `{ scheme: "Bearer", credentials: "deadbeef" }`.
 */
export interface HTTPAuthorizationCredentials {
  scheme: string;
  credentials: string;
}

export interface HTTPBaseOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The HTTP authentication scheme, as OpenAPI names it ("basic", "bearer"...). */
  scheme: string;
}

export interface HTTPBasicOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The realm of the WWW-Authenticate challenge: `Basic realm="..."`. */
  realm?: string | null;
}

export interface HTTPBearerOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** How the token is formatted ("JWT"), for OpenAPI. */
  bearerFormat?: string | null;
}

const HTTP_BASE_OPTIONS = { ...BASE_OPTIONS, scheme: REQUIRED_STRING };
const HTTP_BASIC_OPTIONS = { ...BASE_OPTIONS, realm: OPTIONAL_STRING };
const HTTP_BEARER_OPTIONS = { ...BASE_OPTIONS, bearerFormat: OPTIONAL_STRING };

const CASED = /\p{Cased}/u;

/** Python's `str.title()` (exact on latin-1, which is all a header can carry). */
function pyTitle(s: string): string {
  let out = "";
  let previousIsCased = false;
  for (const c of s) {
    if (previousIsCased) {
      out += c.toLowerCase();
    } else {
      // A title-cased ß is "Ss", where upper case gives "SS".
      const upper = c.toUpperCase();
      out += upper[0] + upper.slice(1).toLowerCase();
    }
    previousIsCased = CASED.test(c);
  }
  return out;
}

/**
 * An HTTP authentication scheme read from the Authorization header; the dependency gives its
 * scheme and credentials, whatever the scheme. HTTPBasic, HTTPBearer and HTTPDigest are its kinds.
 */
export class HTTPBase<A extends boolean = true, Credentials = HTTPAuthorizationCredentials> extends SecurityBase {
  readonly model: { type: "http"; description?: string; scheme: string; bearerFormat?: string };
  readonly autoError: boolean;

  constructor(options: HTTPBaseOptions<A>) {
    checkSchemeOptions(new.target.name, options, HTTP_BASE_OPTIONS);
    super(options.schemeName);
    this.model = { type: "http", ...described(options.description), scheme: options.scheme };
    this.autoError = options.autoError ?? true;
  }

  makeAuthenticateHeaders(): Record<string, string> {
    return { "WWW-Authenticate": pyTitle(this.model.scheme) };
  }

  makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(401, "Not authenticated", this.makeAuthenticateHeaders());
  }

  call({ request }: { request: Request }): SchemeValue<A, Credentials> {
    return this.credentials(request, null) as SchemeValue<A, Credentials>;
  }

  /** The header's scheme and credentials, when both are there and the scheme is `expected` (any when null). */
  protected credentials(request: Request, expected: string | null): SchemeValue<A, HTTPAuthorizationCredentials> {
    const authorization = request.headers.get("Authorization");
    const [scheme, credentials] = getAuthorizationSchemeParam(authorization);
    if (!(authorization && scheme && credentials) || (expected !== null && scheme.toLowerCase() !== expected)) {
      if (this.autoError) throw this.makeNotAuthenticatedError();
      return undefined as SchemeValue<A, HTTPAuthorizationCredentials>;
    }
    return { scheme, credentials };
  }
}

// binascii.a2b_base64's table: the value of each base64 character, -1 for the others.
const B64 = new Int8Array(128).fill(-1);
for (const [i, c] of [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].entries()) B64[c.charCodeAt(0)] = i;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Python's `base64.b64decode(s).decode("ascii")`, null where Python raises: a character outside
 * ASCII, a wrong length or padding, a decoded byte outside ASCII. As Python does (validate=False),
 * characters outside the alphabet are skipped and decoding stops at a complete padding.
 */
function b64decodeAscii(s: string): string | null {
  let out = "";
  let quadPos = 0;
  let leftchar = 0;
  let pads = 0;
  // A str argument must be all ASCII, even after the padding where decoding stops.
  if (NON_ASCII.test(s)) return null;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x3d) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return out;
      continue;
    }
    const v = B64[code];
    if (v === -1) continue;
    pads = 0;
    let byte = -1;
    if (quadPos === 0) {
      leftchar = v;
    } else if (quadPos === 1) {
      byte = (leftchar << 2) | (v >> 4);
      leftchar = v & 0x0f;
    } else if (quadPos === 2) {
      byte = (leftchar << 4) | (v >> 2);
      leftchar = v & 0x03;
    } else {
      byte = (leftchar << 6) | v;
    }
    quadPos = (quadPos + 1) % 4;
    if (byte > 0x7f) return null;
    if (byte !== -1) out += String.fromCharCode(byte);
  }
  return quadPos === 0 ? out : null;
}

/**
 * HTTP Basic authentication (RFC 7617); the dependency gives `{ username, password }`.
 * @example
 * const security = new HTTPBasic();
 * app.get("/users/me", { params: { credentials: Depends(security) } }, ({ credentials }) => credentials);
 */
export class HTTPBasic<A extends boolean = true> extends HTTPBase<A, HTTPBasicCredentials> {
  /** The realm of the challenge; null sends a bare `Basic`. */
  readonly realm: string | null;

  constructor(options: HTTPBasicOptions<A> = {}) {
    checkSchemeOptions(new.target.name, options, HTTP_BASIC_OPTIONS);
    super({ scheme: "basic", schemeName: options.schemeName, description: options.description, autoError: options.autoError });
    this.realm = options.realm ?? null;
  }

  override makeAuthenticateHeaders(): Record<string, string> {
    return { "WWW-Authenticate": this.realm ? `Basic realm="${this.realm}"` : "Basic" };
  }

  override call({ request }: { request: Request }): SchemeValue<A, HTTPBasicCredentials> {
    const authorization = request.headers.get("Authorization");
    const [scheme, param] = getAuthorizationSchemeParam(authorization);
    if (!authorization || scheme.toLowerCase() !== "basic") {
      if (this.autoError) throw this.makeNotAuthenticatedError();
      return undefined as SchemeValue<A, HTTPBasicCredentials>;
    }
    // Malformed credentials are refused even without autoError, as FastAPI does.
    const data = b64decodeAscii(param);
    if (data === null) throw this.makeNotAuthenticatedError();
    const separator = data.indexOf(":");
    if (separator === -1) throw this.makeNotAuthenticatedError();
    return { username: data.slice(0, separator), password: data.slice(separator + 1) };
  }
}

/** HTTP Bearer tokens; the dependency gives `{ scheme, credentials }` (the token). */
export class HTTPBearer<A extends boolean = true> extends HTTPBase<A> {
  constructor(options: HTTPBearerOptions<A> = {}) {
    checkSchemeOptions(new.target.name, options, HTTP_BEARER_OPTIONS);
    super({ scheme: "bearer", schemeName: options.schemeName, description: options.description, autoError: options.autoError });
    if (options.bearerFormat !== null && options.bearerFormat !== undefined) this.model.bearerFormat = options.bearerFormat;
  }

  override call({ request }: { request: Request }): SchemeValue<A, HTTPAuthorizationCredentials> {
    return this.credentials(request, "bearer");
  }
}

/**
 * HTTP Digest authentication, a stub as FastAPI's: it only checks the scheme and gives
 * `{ scheme, credentials }`; verifying the digest is the subclass's (or the dependent's) job.
 */
export class HTTPDigest<A extends boolean = true> extends HTTPBase<A> {
  constructor(options: SecurityBaseOptions<A> = {}) {
    checkSchemeOptions(new.target.name, options, BASE_OPTIONS);
    super({ scheme: "digest", schemeName: options.schemeName, description: options.description, autoError: options.autoError });
  }

  override call({ request }: { request: Request }): SchemeValue<A, HTTPAuthorizationCredentials> {
    return this.credentials(request, "digest");
  }
}
