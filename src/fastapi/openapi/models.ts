// Port of fastapi/openapi/models.py, as types only: the OpenAPI 3.1 document FastAPI writes.
// Every object may carry other keys (FastAPI's models allow extra keys): `x-` extensions,
// what `openapiExtra` adds.

type Extensible = { [key: string]: unknown };

export interface Contact extends Extensible {
  name?: string;
  url?: string;
  email?: string;
}

export interface License extends Extensible {
  name: string;
  identifier?: string;
  url?: string;
}

export interface Info extends Extensible {
  title: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: Contact;
  license?: License;
  version: string;
}

export interface ServerVariable extends Extensible {
  enum?: string[];
  default: string;
  description?: string;
}

export interface Server extends Extensible {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariable>;
}

export interface Reference {
  $ref: string;
}

export interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

export interface XML extends Extensible {
  name?: string;
  namespace?: string;
  prefix?: string;
  attribute?: boolean;
  wrapped?: boolean;
}

export interface ExternalDocumentation extends Extensible {
  description?: string;
  url: string;
}

export type SchemaType = "array" | "boolean" | "integer" | "null" | "number" | "object" | "string";

/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it). */
export interface Schema extends Extensible {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, SchemaOrBool>;
  $comment?: string;
  allOf?: SchemaOrBool[];
  anyOf?: SchemaOrBool[];
  oneOf?: SchemaOrBool[];
  not?: SchemaOrBool;
  if?: SchemaOrBool;
  then?: SchemaOrBool;
  else?: SchemaOrBool;
  dependentSchemas?: Record<string, SchemaOrBool>;
  prefixItems?: SchemaOrBool[];
  items?: SchemaOrBool;
  contains?: SchemaOrBool;
  properties?: Record<string, SchemaOrBool>;
  patternProperties?: Record<string, SchemaOrBool>;
  additionalProperties?: SchemaOrBool;
  propertyNames?: SchemaOrBool;
  unevaluatedItems?: SchemaOrBool;
  unevaluatedProperties?: SchemaOrBool;
  type?: SchemaType | SchemaType[];
  enum?: unknown[];
  const?: unknown;
  multipleOf?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  maxContains?: number;
  minContains?: number;
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  dependentRequired?: Record<string, string[]>;
  format?: string;
  contentEncoding?: string;
  contentMediaType?: string;
  contentSchema?: SchemaOrBool;
  title?: string;
  description?: string;
  default?: unknown;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  examples?: unknown[];
  discriminator?: Discriminator;
  xml?: XML;
  externalDocs?: ExternalDocumentation;
  /** Deprecated in OpenAPI 3.1.0 for `examples`, still accepted. */
  example?: unknown;
}

export type SchemaOrBool = Schema | boolean;

export interface Example extends Extensible {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

export type ParameterInType = "query" | "header" | "path" | "cookie";

export interface Encoding extends Extensible {
  contentType?: string;
  headers?: Record<string, Header | Reference>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface MediaType extends Extensible {
  schema?: Schema | Reference;
  /** OpenAPI 3.2's schema of each item of a stream (JSON Lines, Server-Sent Events). */
  itemSchema?: SchemaOrBool;
  example?: unknown;
  examples?: Record<string, Example | Reference>;
  encoding?: Record<string, Encoding>;
}

export interface ParameterBase extends Extensible {
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  schema?: Schema | Reference;
  example?: unknown;
  examples?: Record<string, Example | Reference>;
  content?: Record<string, MediaType>;
}

export interface Parameter extends ParameterBase {
  name: string;
  in: ParameterInType;
}

export type Header = ParameterBase;

export interface RequestBody extends Extensible {
  description?: string;
  content: Record<string, MediaType>;
  required?: boolean;
}

export interface Link extends Extensible {
  operationRef?: string;
  operationId?: string;
  parameters?: Record<string, unknown>;
  requestBody?: unknown;
  description?: string;
  server?: Server;
}

export interface Response extends Extensible {
  description: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
  links?: Record<string, Link | Reference>;
}

export interface Operation extends Extensible {
  tags?: string[];
  summary?: string;
  description?: string;
  externalDocs?: ExternalDocumentation;
  operationId?: string;
  parameters?: Array<Parameter | Reference>;
  requestBody?: RequestBody | Reference;
  responses?: Record<string, Response>;
  callbacks?: Record<string, Record<string, PathItem> | Reference>;
  deprecated?: boolean;
  security?: Array<Record<string, string[]>>;
  servers?: Server[];
}

export interface PathItem extends Extensible {
  $ref?: string;
  summary?: string;
  description?: string;
  get?: Operation;
  put?: Operation;
  post?: Operation;
  delete?: Operation;
  options?: Operation;
  head?: Operation;
  patch?: Operation;
  trace?: Operation;
  servers?: Server[];
  parameters?: Array<Parameter | Reference>;
}

export type SecuritySchemeType = "apiKey" | "http" | "oauth2" | "openIdConnect";

export interface SecurityBase extends Extensible {
  type: SecuritySchemeType;
  description?: string;
}

export interface APIKey extends SecurityBase {
  type: "apiKey";
  in: "query" | "header" | "cookie";
  name: string;
}

export interface HTTPBase extends SecurityBase {
  type: "http";
  scheme: string;
}

export interface HTTPBearer extends HTTPBase {
  scheme: "bearer";
  bearerFormat?: string;
}

export interface OAuthFlow extends Extensible {
  refreshUrl?: string;
  scopes: Record<string, string>;
}

export interface OAuthFlowImplicit extends OAuthFlow {
  authorizationUrl: string;
}

export interface OAuthFlowPassword extends OAuthFlow {
  tokenUrl: string;
}

export interface OAuthFlowClientCredentials extends OAuthFlow {
  tokenUrl: string;
}

export interface OAuthFlowAuthorizationCode extends OAuthFlow {
  authorizationUrl: string;
  tokenUrl: string;
}

export interface OAuthFlows extends Extensible {
  implicit?: OAuthFlowImplicit;
  password?: OAuthFlowPassword;
  clientCredentials?: OAuthFlowClientCredentials;
  authorizationCode?: OAuthFlowAuthorizationCode;
}

export interface OAuth2 extends SecurityBase {
  type: "oauth2";
  flows: OAuthFlows;
}

export interface OpenIdConnect extends SecurityBase {
  type: "openIdConnect";
  openIdConnectUrl: string;
}

export type SecurityScheme = APIKey | HTTPBase | OAuth2 | OpenIdConnect | HTTPBearer;

export interface Components extends Extensible {
  schemas?: Record<string, Schema | Reference>;
  responses?: Record<string, Response | Reference>;
  parameters?: Record<string, Parameter | Reference>;
  examples?: Record<string, Example | Reference>;
  requestBodies?: Record<string, RequestBody | Reference>;
  headers?: Record<string, Header | Reference>;
  securitySchemes?: Record<string, SecurityScheme | Reference>;
  links?: Record<string, Link | Reference>;
  callbacks?: Record<string, Record<string, PathItem> | Reference>;
  pathItems?: Record<string, PathItem | Reference>;
}

export interface Tag extends Extensible {
  name: string;
  description?: string;
  externalDocs?: ExternalDocumentation;
}

/** The document `app.openapi()` returns and `/openapi.json` serves. */
export interface OpenAPI extends Extensible {
  openapi: string;
  info: Info;
  jsonSchemaDialect?: string;
  servers?: Server[];
  paths?: Record<string, PathItem>;
  webhooks?: Record<string, PathItem | Reference>;
  components?: Components;
  security?: Array<Record<string, string[]>>;
  tags?: Tag[];
  externalDocs?: ExternalDocumentation;
}
