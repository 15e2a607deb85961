// Port of fastapi/security/__init__.py: starlette-ts/fastapi/security.
export { APIKeyBase, APIKeyCookie, APIKeyHeader, APIKeyQuery, type APIKeyOptions } from "./api_key.js";
export { SecurityBase, type SecurityBaseOptions } from "./base.js";
export {
  HTTPBase,
  HTTPBasic,
  HTTPBearer,
  HTTPDigest,
  type HTTPAuthorizationCredentials,
  type HTTPBaseOptions,
  type HTTPBasicCredentials,
  type HTTPBasicOptions,
  type HTTPBearerOptions,
} from "./http.js";
export {
  OAuth2,
  OAuth2AuthorizationCodeBearer,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  OAuth2PasswordRequestFormStrict,
  SecurityScopes,
  type OAuth2AuthorizationCodeBearerOptions,
  type OAuth2Options,
  type OAuth2PasswordBearerOptions,
  type OAuthFlow,
  type OAuthFlows,
} from "./oauth2.js";
export { OpenIdConnect, type OpenIdConnectOptions } from "./open_id_connect_url.js";
export { getAuthorizationSchemeParam } from "./utils.js";
