// Port of fastapi/security/oauth2.py.
import { inspect } from "node:util";
import type { OptionRule } from "../../_options.js";
import type { Request } from "../../requests.js";
import type { StandardSchemaV1 } from "../_compat/standard_schema.js";
import { jsonableEncoder } from "../encoders.js";
import { HTTPException } from "../exceptions.js";
import * as params from "../params.js";
import { BASE_OPTIONS, OPTIONAL_STRING, REQUIRED_STRING, type SchemeValue, SecurityBase, type SecurityBaseOptions, checkSchemeOptions, described } from "./base.js";
import { getAuthorizationSchemeParam, pySplit } from "./utils.js";

// ---------------------------------------------------------------- the password flow's form

const REQUIRED = Symbol("required");

/**
 * A form field's type as pydantic has it (`str`, `str = ""`, `str | None = None`), as a Standard
 * Schema with its JSON Schema: the package carries no validator to write it with.
 */
function textField<T extends string | null>(fallback: T | typeof REQUIRED, nullable: boolean): StandardSchemaV1<unknown, string | T> {
  const type = nullable ? { anyOf: [{ type: "string" }, { type: "null" }] } : { type: "string" };
  const jsonSchema = fallback === REQUIRED ? type : { ...type, default: fallback };
  return {
    "~standard": {
      version: 1,
      vendor: "starlette-ts",
      validate(value: unknown): StandardSchemaV1.Result<string | T> {
        if (value === undefined) {
          return fallback === REQUIRED ? { issues: [{ message: "Field required", code: "missing" } as StandardSchemaV1.Issue] } : { value: fallback };
        }
        if (typeof value === "string" || (nullable && value === null)) return { value: value as string | T };
        return { issues: [{ message: "Input should be a valid string", code: "string_type" } as StandardSchemaV1.Issue] };
      },
      jsonSchema: { input: () => structuredClone(jsonSchema), output: () => structuredClone(jsonSchema) },
    },
  };
}

const PASSWORD_FORMAT = { jsonSchemaExtra: { format: "password" } };

const FORM_PARAMS = Object.freeze({
  grant_type: new params.Form<string | null>(textField(null, true), { pattern: "^password$" }),
  username: new params.Form<string>(textField(REQUIRED, false), {}),
  password: new params.Form<string>(textField(REQUIRED, false), PASSWORD_FORMAT),
  scope: new params.Form<string>(textField("", false), {}),
  client_id: new params.Form<string | null>(textField(null, true), {}),
  client_secret: new params.Form<string | null>(textField(null, true), PASSWORD_FORMAT),
});

const STRICT_FORM_PARAMS = Object.freeze({
  ...FORM_PARAMS,
  grant_type: new params.Form<string>(textField(REQUIRED, false), { pattern: "^password$" }),
  password: new params.Form<string>(textField(REQUIRED, false), {}),
  client_secret: new params.Form<string | null>(textField(null, true), {}),
});

interface FormValues<G> {
  grant_type: G;
  username: string;
  password: string;
  scope: string;
  client_id: string | null;
  client_secret: string | null;
}

function formData<G extends string | null>(values: FormValues<G>): { grantType: G; username: string; password: string; scopes: string[]; clientId: string | null; clientSecret: string | null } {
  return {
    grantType: values.grant_type,
    username: values.username,
    password: values.password,
    scopes: pySplit(values.scope),
    clientId: values.client_id,
    clientSecret: values.client_secret,
  };
}

/**
 * The form of OAuth2's password flow (`username`, `password`, and `grant_type`, `scope`,
 * `client_id`, `client_secret`), as `Depends(OAuth2PasswordRequestForm)` gives it.
 */
export interface OAuth2PasswordRequestForm {
  /** "password" or null: FastAPI's permissive form does not require it. */
  grantType: string | null;
  username: string;
  password: string;
  /** The `scope` field split at whitespace: `"items:read users:read"` gives two scopes. */
  scopes: string[];
  clientId: string | null;
  clientSecret: string | null;
}

/**
 * A dependency that reads OAuth2's password-flow form: its params are the form fields, under
 * the names OAuth2 requires, with FastAPI's defaults; `grant_type` may be absent.
 * @example
 * app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, ({ form_data }) => ...);
 */
export const OAuth2PasswordRequestForm = Object.freeze({
  params: FORM_PARAMS,
  call: (values: FormValues<string | null>): OAuth2PasswordRequestForm => formData(values),
});

/** The password-flow form with `grant_type` required, as the OAuth2 specification has it. */
export interface OAuth2PasswordRequestFormStrict extends OAuth2PasswordRequestForm {
  grantType: string;
}

/** OAuth2PasswordRequestForm with `grant_type=password` required. */
export const OAuth2PasswordRequestFormStrict = Object.freeze({
  params: STRICT_FORM_PARAMS,
  call: (values: FormValues<string>): OAuth2PasswordRequestFormStrict => formData(values),
});

// ---------------------------------------------------------------- the schemes

/** One OAuth2 flow, as OpenAPI's OAuth Flow Object; other keys are kept as they are. */
export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string | null;
  scopes?: Record<string, string>;
  [extension: string]: unknown;
}

/** OpenAPI's OAuth Flows Object: the flows a scheme supports. */
export interface OAuthFlows {
  implicit?: OAuthFlow | null;
  password?: OAuthFlow | null;
  clientCredentials?: OAuthFlow | null;
  authorizationCode?: OAuthFlow | null;
  [extension: string]: unknown;
}

export interface OAuth2Options<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The flows, as OpenAPI writes them. @default {} */
  flows?: OAuthFlows;
}

export interface OAuth2PasswordBearerOptions<A extends boolean = boolean> extends SecurityBaseOptions<A> {
  /** The path operation that issues tokens (the one reading OAuth2PasswordRequestForm). */
  tokenUrl: string;
  /** The URL that refreshes a token. */
  refreshUrl?: string | null;
  /** The scopes, each with its description. @default {} */
  scopes?: Record<string, string> | null;
}

export interface OAuth2AuthorizationCodeBearerOptions<A extends boolean = boolean> extends OAuth2PasswordBearerOptions<A> {
  authorizationUrl: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const SCOPES: OptionRule = [(v) => v === null || (isPlainObject(v) && Object.values(v).every((s) => typeof s === "string")), "an object of strings or null"];
const OAUTH2_OPTIONS = { ...BASE_OPTIONS, flows: [isPlainObject, "an object"] as OptionRule };
const PASSWORD_BEARER_OPTIONS = { ...BASE_OPTIONS, tokenUrl: REQUIRED_STRING, refreshUrl: OPTIONAL_STRING, scopes: SCOPES };
const CODE_BEARER_OPTIONS = { ...PASSWORD_BEARER_OPTIONS, authorizationUrl: REQUIRED_STRING };

// pydantic's OAuthFlows: each flow's URLs, in the model's field order.
const FLOW_URLS: Record<string, readonly string[]> = {
  implicit: ["authorizationUrl"],
  password: ["tokenUrl"],
  clientCredentials: ["tokenUrl"],
  authorizationCode: ["authorizationUrl", "tokenUrl"],
};

/** OAuthFlows as pydantic validates it: a TypeError naming what is wrong, the keys in the model's order. */
function flowsModel(owner: string, flows: Record<string, unknown>): Record<string, unknown> {
  function fail(path: string, expected: string, value: unknown): never {
    throw new TypeError(`${owner} option "flows.${path}" must be ${expected}, got ${inspect(value, { depth: 0, breakLength: Infinity })}`);
  }
  const out: Record<string, unknown> = {};
  for (const [name, urls] of Object.entries(FLOW_URLS)) {
    const flow = flows[name];
    if (flow === undefined || flow === null) continue;
    if (!isPlainObject(flow)) fail(name, "an object", flow);
    const { refreshUrl, scopes = {} } = flow as OAuthFlow;
    if (!OPTIONAL_STRING[0](refreshUrl ?? null)) fail(`${name}.refreshUrl`, "a string", refreshUrl);
    if (!isPlainObject(scopes)) fail(`${name}.scopes`, "an object", scopes);
    for (const [scope, text] of Object.entries(scopes)) if (typeof text !== "string") fail(`${name}.scopes.${scope}`, "a string", text);
    const model: Record<string, unknown> = { refreshUrl, scopes: { ...scopes } };
    for (const url of urls) {
      if (typeof flow[url] !== "string") fail(`${name}.${url}`, "a string", flow[url]);
      model[url] = flow[url];
    }
    for (const [key, value] of Object.entries(flow)) if (!Object.hasOwn(model, key)) model[key] = value;
    out[name] = model;
  }
  for (const [key, value] of Object.entries(flows)) if (!Object.hasOwn(FLOW_URLS, key)) out[key] = value;
  // FastAPI writes the model with exclude_none: a null refreshUrl (or extension) is left out.
  return jsonableEncoder(out, { excludeNone: true }) as Record<string, unknown>;
}

/**
 * OAuth2, with the flows given as OpenAPI has them; the dependency gives the whole Authorization
 * header. OAuth2PasswordBearer and OAuth2AuthorizationCodeBearer are its usual kinds.
 */
export class OAuth2<A extends boolean = true> extends SecurityBase {
  readonly model: { type: "oauth2"; description?: string; flows: Record<string, unknown> };
  readonly autoError: boolean;

  constructor(options: OAuth2Options<A> = {}) {
    checkSchemeOptions(new.target.name, options, OAUTH2_OPTIONS);
    super(options.schemeName);
    this.model = { type: "oauth2", ...described(options.description), flows: flowsModel(new.target.name, options.flows ?? {}) };
    this.autoError = options.autoError ?? true;
  }

  /**
   * OAuth2 defines no challenge of its own; FastAPI sends `Bearer`, the commonest. A scheme for
   * other tokens would override this.
   */
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

  /** The token of a `Bearer` Authorization header (whatever its case), else the 401 or undefined. */
  protected bearerToken(request: Request): SchemeValue<A, string> {
    const authorization = request.headers.get("Authorization");
    const [scheme, param] = getAuthorizationSchemeParam(authorization);
    if (!authorization || scheme.toLowerCase() !== "bearer") {
      if (this.autoError) throw this.makeNotAuthenticatedError();
      return undefined as SchemeValue<A, string>;
    }
    return param;
  }
}

/**
 * OAuth2's password flow with bearer tokens: the dependency gives the token of the
 * `Authorization: Bearer <token>` header.
 * @example
 * const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });
 * app.get("/items/", { params: { token: Depends(oauth2Scheme) } }, ({ token }) => ({ token }));
 */
export class OAuth2PasswordBearer<A extends boolean = true> extends OAuth2<A> {
  constructor(options: OAuth2PasswordBearerOptions<A>) {
    checkSchemeOptions(new.target.name, options, PASSWORD_BEARER_OPTIONS);
    const password = { tokenUrl: options.tokenUrl, refreshUrl: options.refreshUrl, scopes: options.scopes || {} };
    super({ flows: { password }, schemeName: options.schemeName, description: options.description, autoError: options.autoError });
  }

  override call({ request }: { request: Request }): SchemeValue<A, string> {
    return this.bearerToken(request);
  }
}

/** OAuth2's authorization code flow with bearer tokens: the dependency gives the token. */
export class OAuth2AuthorizationCodeBearer<A extends boolean = true> extends OAuth2<A> {
  constructor(options: OAuth2AuthorizationCodeBearerOptions<A>) {
    checkSchemeOptions(new.target.name, options, CODE_BEARER_OPTIONS);
    const { authorizationUrl, tokenUrl, refreshUrl } = options;
    const authorizationCode = { authorizationUrl, tokenUrl, refreshUrl, scopes: options.scopes || {} };
    super({ flows: { authorizationCode }, schemeName: options.schemeName, description: options.description, autoError: options.autoError });
  }

  override call({ request }: { request: Request }): SchemeValue<A, string> {
    return this.bearerToken(request);
  }
}

/** Declared in a dependency's params: every OAuth2 scope the dependency chain asks for. */
export class SecurityScopes {
  readonly scopes: string[];
  /** The scopes in one string, space-separated, as OAuth2 writes them. */
  readonly scopeStr: string;

  constructor(scopes: readonly string[] | null = null) {
    this.scopes = [...(scopes ?? [])];
    this.scopeStr = this.scopes.join(" ");
  }
}
