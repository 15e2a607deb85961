// Port of fastapi/security/base.py.
import { BOOLEAN, type OptionRule, checkOptions } from "../../_options.js";
import { Request } from "../../requests.js";
import type { DependencyObject } from "../params.js";

// Every scheme reads the request only: one declaration object shared by all of them.
const REQUEST_PARAMS = Object.freeze({ request: Request });

/**
 * A security scheme: a dependency (`Depends(scheme)`) that also describes itself for OpenAPI.
 * The layer calls `call({ request })`; `model` is its `securitySchemes` entry, as FastAPI's
 * `jsonable_encoder(scheme.model, by_alias=True, exclude_none=True)` writes it.
 */
export abstract class SecurityBase implements DependencyObject {
  /** The OpenAPI Security Scheme Object. */
  abstract readonly model: Record<string, unknown>;
  /** The key of `model` under `components.securitySchemes`: the class's name unless given. */
  readonly schemeName: string;
  readonly params: { readonly request: typeof Request } = REQUEST_PARAMS;

  protected constructor(schemeName: string | null | undefined) {
    // Python's `scheme_name or self.__class__.__name__`: an empty name is no name.
    this.schemeName = schemeName || new.target.name;
  }

  /** What the dependency gives: the credential, or undefined; or it throws an HTTPException. */
  abstract call(values: { request: Request }): unknown;
}

/** The options every scheme takes; `A` is the type of `autoError`, which types what the scheme gives. */
export interface SecurityBaseOptions<A extends boolean = boolean> {
  /** The key under `components.securitySchemes` in OpenAPI. @default the class's name */
  schemeName?: string | null;
  /** The scheme's description in OpenAPI. */
  description?: string | null;
  /**
   * Answer a request without the credential with a 401 (FastAPI's `auto_error`); when false,
   * the dependency gives `undefined` instead, for optional authentication. @default true
   */
  autoError?: A;
}

/** What a scheme gives: `T`, or `T | undefined` when `autoError` may be false. */
export type SchemeValue<A extends boolean, T> = false extends A ? T | undefined : T;

// Python's `str | None`: null is "not given", as None is.
export const OPTIONAL_STRING: OptionRule = [(v) => v === null || typeof v === "string", "a string or null"];
export const REQUIRED_STRING: OptionRule = [(v) => typeof v === "string", "a string"];

export const BASE_OPTIONS: Readonly<Record<string, OptionRule>> = { schemeName: OPTIONAL_STRING, description: OPTIONAL_STRING, autoError: BOOLEAN };

/** checkOptions, and every REQUIRED_STRING rule's option given (Python's required keyword arguments). */
export function checkSchemeOptions(owner: string, options: unknown, rules: Readonly<Record<string, OptionRule>>): void {
  checkOptions(owner, options, rules);
  for (const [name, rule] of Object.entries(rules)) {
    if (rule === REQUIRED_STRING && (options as Record<string, unknown>)[name] === undefined) {
      throw new TypeError(`${owner} needs the option "${name}" (a string)`);
    }
  }
}

/** The model's `description` key, written only when given (`exclude_none`). */
export function described(description: string | null | undefined): { description?: string } {
  return description === null || description === undefined ? {} : { description };
}
