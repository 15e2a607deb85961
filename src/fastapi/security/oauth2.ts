// Port of fastapi/security/oauth2.py (SecurityScopes so far).

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
