// No Python counterpart: the schemes called in process, here and (tests/python/fastapi_security.py)
// in FastAPI, with answers in one shape so that the tests compare them whole.
import { HTTPException } from "../../../src/exceptions.js";
import { Request } from "../../../src/requests.js";
import * as security from "../../../src/fastapi/security/index.js";
import { runPython } from "../../python.js";

export type Outcome =
  | { ok: unknown }
  | { raised: { status: number; detail: unknown; headers: Record<string, string> | null } }
  | { error: [type: string, message: string] };

/** A scheme by its class name, with the options in TypeScript's spelling. */
export interface SchemeSpec {
  cls: "APIKeyQuery" | "APIKeyHeader" | "APIKeyCookie" | "HTTPBase" | "HTTPBasic" | "HTTPBearer" | "HTTPDigest" | "OAuth2" | "OAuth2PasswordBearer" | "OAuth2AuthorizationCodeBearer" | "OpenIdConnect";
  options?: Record<string, unknown>;
}

export interface CallSpec extends SchemeSpec {
  headers?: Array<[string, string]>;
  query?: string;
}

export interface OracleInput {
  schemes?: SchemeSpec[];
  calls?: CallSpec[];
  param?: Array<string | null>;
  split?: string[];
  title?: string[];
}

export interface OracleOutput {
  schemes: Outcome[];
  calls: Outcome[];
  param: Outcome[];
  split: Outcome[];
  title: Outcome[];
}

// FastAPI's keyword arguments: snake_case but for the OpenAPI names (tokenUrl, bearerFormat...).
const PYTHON_NAMES: Record<string, string> = { schemeName: "scheme_name", autoError: "auto_error" };

function kwargs(options: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [PYTHON_NAMES[k] ?? k, v]));
}

/** What FastAPI answers, every list in one run of Python. */
export function askFastAPI(input: OracleInput): OracleOutput {
  const python = {
    ...input,
    schemes: input.schemes?.map((s) => ({ cls: s.cls, kwargs: kwargs(s.options) })),
    calls: input.calls?.map((c) => ({ cls: c.cls, kwargs: kwargs(c.options), headers: c.headers ?? [], query: c.query ?? "" })),
  };
  return runPython<OracleOutput>("fastapi_security", python);
}

export function makeScheme(spec: SchemeSpec): security.SecurityBase {
  const Cls = security[spec.cls] as unknown as new (options: unknown) => security.SecurityBase;
  return new Cls(spec.options ?? {});
}

/** A request with these headers (names in any case, values latin-1) and query string. */
export function makeRequest(headers: Array<[string, string]> = [], query = ""): Request {
  return new Request({ type: "http", headers: headers.map(([k, v]) => [k.toLowerCase(), v]), query_string: query });
}

function capture(fn: () => unknown): Outcome {
  try {
    const value = fn();
    // Python's None is undefined here; JSON has null for both.
    return { ok: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (err) {
    if (err instanceof HTTPException) return { raised: { status: err.statusCode, detail: err.detail, headers: err.headers } };
    return { error: [(err as Error).name, (err as Error).message] };
  }
}

/** What the TS scheme answers, in the oracle's shape. */
export function tsSchemes(specs: SchemeSpec[]): Outcome[] {
  return specs.map((s) =>
    capture(() => {
      const scheme = makeScheme(s);
      return { schemeName: scheme.schemeName, model: scheme.model };
    }),
  );
}

export function tsCalls(specs: CallSpec[]): Outcome[] {
  return specs.map((c) => capture(() => makeScheme(c).call({ request: makeRequest(c.headers, c.query) })));
}
