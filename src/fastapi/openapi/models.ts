// Port of fastapi/openapi/models.py, as types only: the OpenAPI 3.1 document FastAPI writes.
// Every object may carry other keys (FastAPI's models allow extra keys): `x-` extensions,
// what `openapiExtra` adds.

import { dumpNumber } from "../../itsdangerous/_json.js";

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

// ---------------------------------------------------------------- the models at run time
//
// FastAPI returns `jsonable_encoder(OpenAPI(**output), by_alias=True, exclude_none=True)`: the
// document is validated by the models above, then dumped. A part validated as a model comes out
// in the model's field order (its extra keys after, as given), its float fields as floats
// (`"minimum": 1.0`); a part that lands on `Any` (`paths: dict[str, PathItem | Any]`,
// `responses: dict[str, Response | Any]`) keeps the order FastAPI built it in. Which member of a
// union takes a value is pydantic's smart-union choice: the best exactness, then the most fields set.

/** A field's type, as the model declares it. */
type FieldType =
  | "str"
  | "bool"
  | "nonNegativeInt"
  | "float"
  | "positiveFloat"
  | "url"
  | "any"
  | { readonly enum: readonly string[] }
  | { readonly literal: readonly string[] }
  | { readonly list: FieldType }
  | { readonly set: FieldType }
  | { readonly dict: FieldType }
  | { readonly union: readonly FieldType[] }
  | { readonly model: string };

interface Field {
  readonly alias: string;
  /** Its place among the model's fields. */
  readonly index: number;
  readonly type: FieldType;
  readonly required: boolean;
  /** A default other than None: dumped when the field is not given. */
  readonly default?: unknown;
}

interface ModelSpec {
  readonly fields: readonly Field[];
  readonly byAlias: ReadonlyMap<string, Field>;
  readonly required: number;
  /** The fields with a default other than None. */
  readonly defaults: readonly Field[];
  /** extra="allow" (BaseModelWithConfig): other keys are kept, after the fields. */
  readonly extra: boolean;
  /** A TypedDict (Example): sets no count of fields. */
  readonly typedDict: boolean;
}

const MODELS: Record<string, ModelSpec> = {};

// `name?`: optional (None by default); `name!`: required; `[name, type, default]`: a default.
function defineModel(name: string, fields: Array<string | [string, FieldType, unknown?]>, types: Record<string, FieldType>, options: { extra?: boolean; typedDict?: boolean } = {}): void {
  const list = fields.map((f, index): Field => {
    if (Array.isArray(f)) return { alias: f[0], index, type: f[1], required: false, default: f[2] };
    const alias = f.slice(0, -1);
    return { alias, index, type: types[alias], required: f.endsWith("!") };
  });
  MODELS[name] = {
    fields: list,
    byAlias: new Map(list.map((f) => [f.alias, f])),
    required: list.filter((f) => f.required).length,
    defaults: list.filter((f) => f.default !== undefined),
    extra: options.extra ?? true,
    typedDict: options.typedDict ?? false,
  };
}

const model = (name: string): FieldType => ({ model: name });
const union = (...members: FieldType[]): FieldType => ({ union: members });
const list = (item: FieldType): FieldType => ({ list: item });
const dict = (value: FieldType): FieldType => ({ dict: value });
const orRef = (name: string): FieldType => union(model(name), model("Reference"));
// The type of components.schemas' entries.
const COMPONENT_SCHEMA = orRef("Schema");
const SCHEMA_OR_BOOL = union(model("Schema"), "bool");
const SCHEMA_TYPE: FieldType = { literal: ["array", "boolean", "integer", "null", "number", "object", "string"] };
// The Schema model's types of fields, one object each: the one-pass dump of schemas tells them apart by identity.
const SCHEMA_LIST = list(SCHEMA_OR_BOOL);
const SCHEMA_DICT = dict(SCHEMA_OR_BOOL);
const SCHEMA_TYPES_FIELD = union(SCHEMA_TYPE, list(SCHEMA_TYPE));
const ANY_LIST = list("any");
const STR_LIST = list("str");
const ANY_KEYS = (...names: string[]): Record<string, FieldType> => Object.fromEntries(names.map((n) => [n, "any"]));

defineModel("Contact", ["name?", "url?", "email?"], { name: "str", url: "url", email: "str" });
defineModel("License", ["name!", "identifier?", "url?"], { name: "str", identifier: "str", url: "url" });
defineModel("Info", ["title!", "summary?", "description?", "termsOfService?", "contact?", "license?", "version!"], {
  title: "str", summary: "str", description: "str", termsOfService: "str", contact: model("Contact"), license: model("License"), version: "str",
});
defineModel("ServerVariable", ["enum?", "default!", "description?"], { enum: list("str"), default: "str", description: "str" });
defineModel("Server", ["url!", "description?", "variables?"], { url: union("url", "str"), description: "str", variables: dict(model("ServerVariable")) });
defineModel("Reference", ["$ref!"], { $ref: "str" }, { extra: false });
defineModel("Discriminator", ["propertyName!", "mapping?"], { propertyName: "str", mapping: dict("str") }, { extra: false });
defineModel("XML", ["name?", "namespace?", "prefix?", "attribute?", "wrapped?"], { name: "str", namespace: "str", prefix: "str", attribute: "bool", wrapped: "bool" });
defineModel("ExternalDocumentation", ["description?", "url!"], { description: "str", url: "url" });
defineModel(
  "Schema",
  [
    "$schema?", "$vocabulary?", "$id?", "$anchor?", "$dynamicAnchor?", "$ref?", "$dynamicRef?", "$defs?", "$comment?",
    "allOf?", "anyOf?", "oneOf?", "not?", "if?", "then?", "else?", "dependentSchemas?", "prefixItems?", "items?", "contains?",
    "properties?", "patternProperties?", "additionalProperties?", "propertyNames?", "unevaluatedItems?", "unevaluatedProperties?",
    "type?", "enum?", "const?", "multipleOf?", "maximum?", "exclusiveMaximum?", "minimum?", "exclusiveMinimum?", "maxLength?",
    "minLength?", "pattern?", "maxItems?", "minItems?", "uniqueItems?", "maxContains?", "minContains?", "maxProperties?",
    "minProperties?", "required?", "dependentRequired?", "format?", "contentEncoding?", "contentMediaType?", "contentSchema?",
    "title?", "description?", "default?", "deprecated?", "readOnly?", "writeOnly?", "examples?", "discriminator?", "xml?",
    "externalDocs?", "example?",
  ],
  {
    ...Object.fromEntries(["$schema", "$vocabulary", "$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "$comment", "pattern", "format", "contentEncoding", "contentMediaType", "title", "description"].map((n) => [n, "str"])),
    ...Object.fromEntries(["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"].map((n) => [n, SCHEMA_OR_BOOL])),
    ...Object.fromEntries(["allOf", "anyOf", "oneOf", "prefixItems"].map((n) => [n, SCHEMA_LIST])),
    ...Object.fromEntries(["$defs", "dependentSchemas", "properties", "patternProperties"].map((n) => [n, SCHEMA_DICT])),
    ...Object.fromEntries(["maxLength", "minLength", "maxItems", "minItems", "maxContains", "minContains", "maxProperties", "minProperties"].map((n) => [n, "nonNegativeInt"])),
    ...Object.fromEntries(["maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"].map((n) => [n, "float"])),
    ...Object.fromEntries(["uniqueItems", "deprecated", "readOnly", "writeOnly"].map((n) => [n, "bool"])),
    ...ANY_KEYS("const", "default", "example"),
    type: SCHEMA_TYPES_FIELD,
    enum: ANY_LIST,
    examples: ANY_LIST,
    multipleOf: "positiveFloat",
    required: STR_LIST,
    dependentRequired: dict({ set: "str" }),
    discriminator: model("Discriminator"),
    xml: model("XML"),
    externalDocs: model("ExternalDocumentation"),
  },
);
/** The keywords of FastAPI's Schema model (its JSON Schema vocabulary). */
export const schemaKeywords: ReadonlySet<string> = new Set(MODELS.Schema.fields.map((f) => f.alias));
defineModel("Example", ["summary?", "description?", "value?", "externalValue?"], { summary: "str", description: "str", value: "any", externalValue: "url" }, { typedDict: true });
defineModel("Encoding", ["contentType?", "headers?", "style?", "explode?", "allowReserved?"], {
  contentType: "str", headers: dict(orRef("Header")), style: "str", explode: "bool", allowReserved: "bool",
});
defineModel("MediaType", ["schema?", "example?", "examples?", "encoding?"], { schema: orRef("Schema"), example: "any", examples: dict(orRef("Example")), encoding: dict(model("Encoding")) });
const PARAMETER_BASE = ["description?", "required?", "deprecated?", "style?", "explode?", "allowReserved?", "schema?", "example?", "examples?", "content?"];
const PARAMETER_TYPES: Record<string, FieldType> = {
  description: "str", required: "bool", deprecated: "bool", style: "str", explode: "bool", allowReserved: "bool", schema: orRef("Schema"),
  example: "any", examples: dict(orRef("Example")), content: dict(model("MediaType")),
  name: "str", in: { enum: ["query", "header", "path", "cookie"] },
};
defineModel("Parameter", [...PARAMETER_BASE, "name!", "in!"], PARAMETER_TYPES);
defineModel("Header", PARAMETER_BASE, PARAMETER_TYPES);
defineModel("RequestBody", ["description?", "content!", "required?"], { description: "str", content: dict(model("MediaType")), required: "bool" });
defineModel("Link", ["operationRef?", "operationId?", "parameters?", "requestBody?", "description?", "server?"], {
  operationRef: "str", operationId: "str", parameters: dict("any"), requestBody: "any", description: "str", server: model("Server"),
});
defineModel("Response", ["description!", "headers?", "content?", "links?"], { description: "str", headers: dict(orRef("Header")), content: dict(model("MediaType")), links: dict(orRef("Link")) });
const SECURITY_REQUIREMENTS = list(dict(list("str")));
defineModel(
  "Operation",
  ["tags?", "summary?", "description?", "externalDocs?", "operationId?", "parameters?", "requestBody?", "responses?", "callbacks?", "deprecated?", "security?", "servers?"],
  {
    tags: list("str"), summary: "str", description: "str", externalDocs: model("ExternalDocumentation"), operationId: "str",
    parameters: list(orRef("Parameter")), requestBody: orRef("RequestBody"), responses: dict(union(model("Response"), "any")),
    callbacks: dict(union(dict(model("PathItem")), model("Reference"))), deprecated: "bool", security: SECURITY_REQUIREMENTS, servers: list(model("Server")),
  },
);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
defineModel("PathItem", ["$ref?", "summary?", "description?", ...METHODS.map((m) => m + "?"), "servers?", "parameters?"], {
  $ref: "str", summary: "str", description: "str", ...Object.fromEntries(METHODS.map((m) => [m, model("Operation")])),
  servers: list(model("Server")), parameters: list(orRef("Parameter")),
});
const SCHEME_TYPE: FieldType = { enum: ["apiKey", "http", "oauth2", "openIdConnect"] };
const SCHEME_TYPES: Record<string, FieldType> = {
  description: "str", in: { enum: ["query", "header", "cookie"] }, name: "str", scheme: "str", bearerFormat: "str",
  flows: model("OAuthFlows"), openIdConnectUrl: "str",
};
defineModel("APIKey", [["type", SCHEME_TYPE, "apiKey"], "description?", "in!", "name!"], SCHEME_TYPES);
defineModel("HTTPBase", [["type", SCHEME_TYPE, "http"], "description?", "scheme!"], SCHEME_TYPES);
defineModel("HTTPBearer", [["type", SCHEME_TYPE, "http"], "description?", ["scheme", { literal: ["bearer"] }, "bearer"], "bearerFormat?"], SCHEME_TYPES);
defineModel("OAuth2", [["type", SCHEME_TYPE, "oauth2"], "description?", "flows!"], SCHEME_TYPES);
defineModel("OpenIdConnect", [["type", SCHEME_TYPE, "openIdConnect"], "description?", "openIdConnectUrl!"], SCHEME_TYPES);
const FLOW_TYPES: Record<string, FieldType> = { refreshUrl: "str", authorizationUrl: "str", tokenUrl: "str" };
const SCOPES: [string, FieldType, unknown] = ["scopes", dict("str"), {}];
defineModel("OAuthFlowImplicit", ["refreshUrl?", SCOPES, "authorizationUrl!"], FLOW_TYPES);
defineModel("OAuthFlowPassword", ["refreshUrl?", SCOPES, "tokenUrl!"], FLOW_TYPES);
defineModel("OAuthFlowClientCredentials", ["refreshUrl?", SCOPES, "tokenUrl!"], FLOW_TYPES);
defineModel("OAuthFlowAuthorizationCode", ["refreshUrl?", SCOPES, "authorizationUrl!", "tokenUrl!"], FLOW_TYPES);
defineModel("OAuthFlows", ["implicit?", "password?", "clientCredentials?", "authorizationCode?"], {
  implicit: model("OAuthFlowImplicit"), password: model("OAuthFlowPassword"), clientCredentials: model("OAuthFlowClientCredentials"), authorizationCode: model("OAuthFlowAuthorizationCode"),
});
defineModel(
  "Components",
  ["schemas?", "responses?", "parameters?", "examples?", "requestBodies?", "headers?", "securitySchemes?", "links?", "callbacks?", "pathItems?"],
  {
    schemas: dict(COMPONENT_SCHEMA), responses: dict(orRef("Response")), parameters: dict(orRef("Parameter")), examples: dict(orRef("Example")),
    requestBodies: dict(orRef("RequestBody")), headers: dict(orRef("Header")),
    securitySchemes: dict(union(...["APIKey", "HTTPBase", "OAuth2", "OpenIdConnect", "HTTPBearer", "Reference"].map(model))),
    links: dict(orRef("Link")), callbacks: dict(union(dict(model("PathItem")), model("Reference"), "any")), pathItems: dict(orRef("PathItem")),
  },
);
defineModel("Tag", ["name!", "description?", "externalDocs?"], { name: "str", description: "str", externalDocs: model("ExternalDocumentation") });
defineModel("OpenAPI", ["openapi!", "info!", "jsonSchemaDialect?", "servers?", "paths?", "webhooks?", "components?", "security?", "tags?", "externalDocs?"], {
  openapi: "str", info: model("Info"), jsonSchemaDialect: "str", servers: list(model("Server")), paths: dict(union(model("PathItem"), "any")),
  webhooks: dict(orRef("PathItem")), components: model("Components"), security: SECURITY_REQUIREMENTS, tags: list(model("Tag")),
  externalDocs: model("ExternalDocumentation"),
});

// pydantic-core's exactness of a validation: what a smart union compares first.
const FAIL = 0;
const LAX = 1;
const STRICT = 2;
const EXACT = 3;

const LAX_TRUE = new Set<unknown>([1, "1", "true", "t", "yes", "y", "on"]);
const LAX_BOOLS = new Set<unknown>([...LAX_TRUE, 0, "0", "false", "f", "no", "n", "off"]);
const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

// schema()'s reading of the Schema model: each field's place and how its value is checked.
const enum SchemaKind {
  Str,
  Bool,
  NonNegativeInt,
  Float,
  PositiveFloat,
  Any,
  Sub,
  SubList,
  SubDict,
  Type,
  AnyList,
  StrList,
  Other,
}
const SCHEMA = MODELS.Schema;
const SCHEMA_FIELDS = SCHEMA.fields.map((f) => f.alias);
const SCHEMA_INDEX = new Map(SCHEMA_FIELDS.map((alias, i) => [alias, i]));
const SCHEMA_TYPES = new Set<unknown>((SCHEMA_TYPE as { literal: readonly string[] }).literal);
const KINDS = new Map<FieldType, SchemaKind>([
  ["str", SchemaKind.Str],
  ["bool", SchemaKind.Bool],
  ["nonNegativeInt", SchemaKind.NonNegativeInt],
  ["float", SchemaKind.Float],
  ["positiveFloat", SchemaKind.PositiveFloat],
  ["any", SchemaKind.Any],
  [SCHEMA_OR_BOOL, SchemaKind.Sub],
  [SCHEMA_LIST, SchemaKind.SubList],
  [SCHEMA_DICT, SchemaKind.SubDict],
  [SCHEMA_TYPES_FIELD, SchemaKind.Type],
  [ANY_LIST, SchemaKind.AnyList],
  [STR_LIST, SchemaKind.StrList],
]);
const SCHEMA_KINDS: readonly SchemaKind[] = SCHEMA.fields.map(({ type }) => KINDS.get(type) ?? SchemaKind.Other);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalarType = (t: FieldType): t is Extract<FieldType, string | { enum: unknown } | { literal: unknown }> => typeof t === "string" || "enum" in t || "literal" in t;

/**
 * A document made by the layer as FastAPI's models dump it. One pass validates and dumps: each
 * dump() leaves the fit of what it returned in `exactness` (pydantic-core's exactness) and
 * `fieldsSet` (a model's count of fields given), which a smart union compares. A value that fits
 * below `floor` would be thrown away by the union trying it: its dump stops there.
 */
class ModelDump {
  private exactness = EXACT;
  private fieldsSet: number | null = null;

  constructor(
    private readonly ref: (ref: string) => string,
    /** components.schemas entries to sort as pydantic sorts its definitions, each with the key pydanticSort is given. */
    private readonly sorts?: ReadonlyMap<object, string>,
  ) {}

  dump(v: unknown, t: FieldType, floor: number): unknown {
    this.fieldsSet = null;
    if (typeof v !== "object" || v === null) return this.dumpScalar(v, t);
    if (t === COMPONENT_SCHEMA && this.sorts !== undefined) {
      const parent = this.sorts.get(v);
      if (parent !== undefined) {
        // A model's schema as pydantic lists it in its definitions: sorted (pydanticSort) as it is
        // dumped. One that is not of the common kind is sorted, then dumped by the models. (Schema
        // fits it at least as well as Reference does: the union takes it as a Schema.)
        const out = dumpOptions.fastSchemas ? this.schema(v as Record<string, unknown>, parent) : undefined;
        if (out !== undefined) return this.fit(STRICT, this.schemaFieldsSet, out);
        return this.dump(pydanticSort(v, parent), t, floor);
      }
    }
    if (t === SCHEMA_OR_BOOL && dumpOptions.fastSchemas && !Array.isArray(v)) {
      // A schema of the common kind: dumped in one pass (a union of Schema and bool takes an object as a Schema).
      const out = this.schema(v as Record<string, unknown>);
      if (out !== undefined) return this.fit(STRICT, this.schemaFieldsSet, out);
    }
    if (isScalarType(t)) {
      // An object is Any, or no scalar.
      this.exactness = t === "any" ? STRICT : FAIL;
      return this.plain(v);
    }
    if ("union" in t) return this.union(v, t.union, floor);
    if ("list" in t || "set" in t) {
      if (!Array.isArray(v)) return this.fail(v);
      const item = "list" in t ? t.list : t.set;
      // A list for a set is a lax conversion.
      let exactness = "list" in t ? EXACT : LAX;
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        out.push(this.dump(x, item, floor));
        exactness = Math.min(exactness, this.exactness);
        if (exactness < floor) break;
      }
      return this.fit(exactness, null, out);
    }
    if (!isPlain(v)) return this.fail(v);
    return "dict" in t ? this.dict(v, t.dict, floor) : this.model(v, MODELS[t.model], floor);
  }

  private fit(exactness: number, fieldsSet: number | null, value: unknown): unknown {
    this.exactness = exactness;
    this.fieldsSet = fieldsSet;
    return value;
  }

  private fail(v: unknown): unknown {
    return this.fit(FAIL, null, this.plain(v));
  }

  private dict(v: Record<string, unknown>, t: FieldType, floor: number): unknown {
    const out: Record<string, unknown> = {};
    let exactness = EXACT;
    const keys = keysOf(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = v[k];
      if (x === undefined) continue;
      const value = this.dump(x, t, floor);
      exactness = Math.min(exactness, this.exactness);
      if (exactness < floor) break;
      // exclude_none: a None the type takes (Any) is dumped and left out.
      if (x !== null) put(out, k, value);
    }
    return this.fit(exactness, null, withOrderOf(v, out));
  }

  private model(v: Record<string, unknown>, spec: ModelSpec, floor: number): unknown {
    if (spec === SCHEMA && dumpOptions.fastSchemas) {
      const out = this.schema(v);
      if (out !== undefined) return this.fit(STRICT, this.schemaFieldsSet, out);
    }
    // The fields given (and those with a default) in the model's order, then the extra keys as given.
    const fields: Field[] = [];
    const extra: string[] = [];
    let required = 0;
    // A dict for a model: strict at best. Scalars first: a lax one (an enum given a string)
    // settles the fit before the subtrees are dumped.
    let exactness = spec.typedDict ? EXACT : STRICT;
    const keys = keysOf(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const f = spec.byAlias.get(key);
      const x = v[key];
      if (f === undefined) {
        if (spec.extra) extra.push(key);
        continue;
      }
      if (x === undefined) continue;
      fields.push(f);
      if (f.required) required++;
      // FastAPI's models have no required field that takes None.
      if (x === null) exactness = f.required ? FAIL : exactness;
      else if (typeof x !== "object") exactness = Math.min(exactness, this.scalarFit(x, f.type));
    }
    if (required < spec.required) exactness = FAIL;
    if (exactness < floor) return this.fit(exactness, null, undefined);
    const given = fields.length;
    for (let i = 0; i < spec.defaults.length; i++) {
      const f = spec.defaults[i];
      if (v[f.alias] === undefined) fields.push(f);
    }
    fields.sort((a, b) => a.index - b.index);
    const out: Record<string, unknown> = {};
    let floats: Set<string> | undefined;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const x = v[f.alias];
      if (x === undefined) put(out, f.alias, this.plain(f.default));
      else if (x !== null) {
        const value = f.alias === "$ref" && typeof x === "string" ? this.ref(x) : this.dump(x, f.type, floor);
        if (typeof x === "object") {
          exactness = Math.min(exactness, this.exactness);
          if (exactness < floor) return this.fit(exactness, null, undefined);
        }
        put(out, f.alias, value);
        // A float field holds a float, whatever number it was given: `"minimum": 1.0`.
        if (typeof value === "number" && (f.type === "float" || f.type === "positiveFloat")) (floats ??= new Set()).add(f.alias);
      }
    }
    for (let i = 0; i < extra.length; i++) {
      const k = extra[i];
      if (v[k] !== null && v[k] !== undefined) put(out, k, this.plain(v[k]));
    }
    if (floats !== undefined) floatKeys.set(out, floats);
    return this.fit(exactness, spec.typedDict ? null : given, out);
  }

  // The count of fields set of the last schema() dumped.
  private schemaFieldsSet = 0;

  /**
   * What model(v, Schema) gives for a schema whose every value has its field's own type (no lax
   * conversion, no None where a subschema goes, no Discriminator/XML/ExternalDocumentation): its
   * fields in the model's order, then its extra keys. Such a schema fits STRICT (a dict for a
   * model) with its fields set counted; undefined for any other, which model() dumps instead.
   * `parent` (a components.schemas entry and what it holds): dumped as if pydanticSort(v, parent) first.
   */
  private schema(v: Record<string, unknown>, parent?: string): Record<string, unknown> | undefined {
    const sorting = parent !== undefined;
    const keys = sorting ? sortedKeys(v, parent) : keysOf(v);
    let known: number[] | undefined;
    let extra: string[] | undefined;
    let given = 0;
    let inOrder = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const index = SCHEMA_INDEX.get(key);
      const x = v[key];
      if (index === undefined) {
        (extra ??= []).push(key);
        continue;
      }
      if (x === undefined) continue;
      given++;
      if (x === null) continue;
      if (known === undefined) known = [index];
      else {
        if (index < known[known.length - 1]) inOrder = false;
        known.push(index);
      }
    }
    if (known !== undefined && !inOrder) sortSmall(known);
    const out: Record<string, unknown> = {};
    let floats: Set<string> | undefined;
    if (known !== undefined) {
      for (let i = 0; i < known.length; i++) {
        const index = known[i];
        const alias = SCHEMA_FIELDS[index];
        const x = v[alias];
        let value: unknown;
        switch (SCHEMA_KINDS[index]) {
          case SchemaKind.Str:
            if (typeof x !== "string") return undefined;
            value = alias === "$ref" ? this.ref(x) : x;
            break;
          case SchemaKind.Bool:
            if (typeof x !== "boolean") return undefined;
            value = x;
            break;
          case SchemaKind.NonNegativeInt:
            if (typeof x !== "number" || !Number.isInteger(x) || x < 0) return undefined;
            value = x;
            break;
          case SchemaKind.Float:
            if (typeof x !== "number" || Number.isNaN(x)) return undefined;
            value = x;
            (floats ??= new Set()).add(alias);
            break;
          case SchemaKind.PositiveFloat:
            if (typeof x !== "number" || !(x > 0)) return undefined;
            value = x;
            (floats ??= new Set()).add(alias);
            break;
          case SchemaKind.Any:
            value = typeof x !== "object" ? x : sorting ? this.sortedPlain(x, alias) : this.plain(x);
            break;
          case SchemaKind.Sub:
            value = this.subschema(x, sorting ? alias : undefined);
            if (value === undefined) return undefined;
            break;
          case SchemaKind.SubList: {
            if (!Array.isArray(x)) return undefined;
            const list: unknown[] = new Array(x.length);
            for (let i = 0; i < x.length; i++) if ((list[i] = this.subschema(x[i], sorting ? alias : undefined)) === undefined) return undefined;
            value = list;
            break;
          }
          case SchemaKind.SubDict: {
            if (!isPlain(x)) return undefined;
            const map: Record<string, unknown> = {};
            const keys = sorting ? sortedKeys(x, alias) : keysOf(x);
            for (let i = 0; i < keys.length; i++) {
              const k = keys[i];
              const item = x[k];
              if (item === undefined) continue;
              const dumped = this.subschema(item, sorting ? k : undefined);
              if (dumped === undefined) return undefined;
              put(map, k, dumped);
            }
            value = sorting ? map : withOrderOf(x, map);
            break;
          }
          case SchemaKind.Type:
            if (typeof x === "string") {
              if (!SCHEMA_TYPES.has(x)) return undefined;
              value = x;
            } else {
              if (!Array.isArray(x)) return undefined;
              for (let i = 0; i < x.length; i++) if (!SCHEMA_TYPES.has(x[i])) return undefined;
              value = x.slice();
            }
            break;
          case SchemaKind.AnyList:
            if (!Array.isArray(x)) return undefined;
            value = x.map((item) => (typeof item !== "object" || item === null ? item : sorting ? this.sortedPlain(item, alias) : this.plain(item)));
            break;
          case SchemaKind.StrList:
            if (!Array.isArray(x)) return undefined;
            for (let i = 0; i < x.length; i++) if (typeof x[i] !== "string") return undefined;
            value = x.slice();
            break;
          default:
            // dependentRequired, discriminator, xml, externalDocs: model() dumps them.
            return undefined;
        }
        put(out, alias, value);
      }
    }
    if (extra !== undefined) {
      for (let i = 0; i < extra.length; i++) {
        const k = extra[i];
        const x = v[k];
        if (x !== null && x !== undefined) put(out, k, sorting ? this.sortedPlain(x, k) : this.plain(x));
      }
    }
    if (floats !== undefined) floatKeys.set(out, floats);
    this.schemaFieldsSet = given;
    return out;
  }

  /** A subschema (Schema | bool) dumped by schema(); undefined if it is not of that kind. */
  private subschema(x: unknown, parent: string | undefined): unknown {
    if (typeof x === "boolean") return x;
    return isPlain(x) ? this.schema(x, parent) : undefined;
  }

  /** plain(pydanticSort(v, parent)) in one pass. */
  private sortedPlain(v: unknown, parent: string): unknown {
    if (Array.isArray(v)) return v.map((x) => this.sortedPlain(x, parent));
    if (typeof v !== "object" || v === null) return v;
    const out: Record<string, unknown> = {};
    const keys = sortedKeys(v, parent);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && x !== undefined) put(out, k, k === "$ref" && typeof x === "string" ? this.ref(x) : this.sortedPlain(x, k));
    }
    return out;
  }

  /** pydantic-core's smart union over an object: the best exactness, then the most fields set. */
  private union(v: object, members: readonly FieldType[], floor: number): unknown {
    // A member that fits below the floor can still be the best (the most fields set), and then
    // the union fits below it: it is thrown away only where it is the one member an object can
    // take, with or without Any after it (FastAPI's unions end with Any where they have one, and
    // Any, strict, beats a lax member).
    let objectMembers = 0;
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      if (!isScalarType(m)) objectMembers++;
    }
    const memberFloor = objectMembers === 1 ? Math.max(floor, members.includes("any") ? STRICT : LAX) : LAX;
    let best: unknown;
    let bestExactness = FAIL;
    let bestFieldsSet: number | null = null;
    for (let i = 0; i < members.length; i++) {
      const member = members[i];
      if (member === "any") {
        if (bestExactness < STRICT) return this.fit(STRICT, null, this.plain(v));
        break;
      }
      if (isScalarType(member)) continue;
      const value = this.dump(v, member, memberFloor);
      const { exactness, fieldsSet } = this;
      if (exactness < memberFloor) continue;
      // An exact match that sets no fields wins at once.
      if (exactness === EXACT && fieldsSet === null) return value;
      const better =
        bestExactness === FAIL || (bestFieldsSet !== null && fieldsSet !== null && bestFieldsSet !== fieldsSet ? bestFieldsSet < fieldsSet : bestExactness < exactness);
      if (better) [best, bestExactness, bestFieldsSet] = [value, exactness, fieldsSet];
    }
    // Nothing fits: FastAPI raises here; the layer writes the value as it is.
    return bestExactness === FAIL ? this.fail(v) : this.fit(bestExactness, bestFieldsSet, best);
  }

  /** How a scalar fits a type. */
  private scalarFit(v: unknown, t: FieldType): number {
    switch (t) {
      case "any":
        // pydantic-core's AnyValidator: "in a union, Any should be preferred to doing lax coercions".
        return STRICT;
      case "str":
        return typeof v === "string" ? EXACT : FAIL;
      case "bool":
        return typeof v === "boolean" ? EXACT : LAX_BOOLS.has(typeof v === "string" ? v.toLowerCase() : v) ? LAX : FAIL;
      case "nonNegativeInt": {
        const n = typeof v === "number" ? v : typeof v === "boolean" || (typeof v === "string" && NUMERIC.test(v)) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 0) return FAIL;
        return typeof v === "number" ? EXACT : LAX;
      }
      case "float":
      case "positiveFloat": {
        const n = typeof v === "number" ? v : typeof v === "boolean" || (typeof v === "string" && NUMERIC.test(v)) ? Number(v) : NaN;
        if (Number.isNaN(n) || (t === "positiveFloat" && !(n > 0))) return FAIL;
        // An int is a float in strict mode, not an exact one.
        return typeof v !== "number" ? LAX : Number.isInteger(v) ? STRICT : EXACT;
      }
      case "url":
        return typeof v === "string" && URL.canParse(v) ? LAX : FAIL;
    }
    if ("enum" in t) return typeof v === "string" && t.enum.includes(v) ? LAX : FAIL;
    if ("literal" in t) return t.literal.includes(v as string) ? EXACT : FAIL;
    if ("union" in t) return this.scalarMember(v, t.union)[1];
    return FAIL;
  }

  /** The member of a union a scalar takes, and its fit (a scalar sets no fields: the best exactness wins, the first on a tie). */
  private scalarMember(v: unknown, members: readonly FieldType[]): [FieldType | null, number] {
    let best: FieldType | null = null;
    let bestExactness = FAIL;
    for (let i = 0; i < members.length; i++) {
      const member = members[i];
      const exactness = this.scalarFit(v, member);
      if (exactness > bestExactness) [best, bestExactness] = [member, exactness];
    }
    return [best, bestExactness];
  }

  /** A scalar as its type dumps it: what a lax validation converted ("1" for an int, "yes" for a bool), converted. */
  private dumpScalar(v: unknown, t: FieldType): unknown {
    if (!isScalarType(t) && "union" in t) {
      const [member] = this.scalarMember(v, t.union);
      if (member !== null) return this.dumpScalar(v, member);
    }
    const exactness = this.scalarFit(v, t);
    this.exactness = exactness;
    // An enum's member is dumped as its value: the string given.
    if (exactness !== LAX || typeof t !== "string") return v;
    if (t === "bool") return LAX_TRUE.has(typeof v === "string" ? v.toLowerCase() : v);
    // pydantic's URL types write the URL as WHATWG's URL Standard parses it (the url crate).
    return t === "url" ? new URL(v as string).href : Number(v);
  }

  /** jsonable_encoder(..., exclude_none=True) of a value of no model: a copy without None in its dicts. */
  plain(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.plain(x));
    if (typeof v !== "object" || v === null) return v;
    const out: Record<string, unknown> = {};
    const keys = keysOf(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && x !== undefined) put(out, k, k === "$ref" && typeof x === "string" ? this.ref(x) : this.plain(x));
    }
    return withOrderOf(v, out);
  }
}

function put(out: Record<string, unknown>, key: string, value: unknown): void {
  // A key named __proto__ is a key like another in JSON.
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

// ---------------------------------------------------------------- key order and floats, for the JSON text

// The keys of a dumped object that hold Python floats.
const floatKeys = new WeakMap<object, ReadonlySet<string>>();
// The order of an object's keys where a JS object cannot keep it: integer-like keys ("200",
// "422") always come first in a JS object, in ascending order; FastAPI's responses are in the order they were added.
const keyOrders = new WeakMap<object, readonly string[]>();

/** Record the order `obj`'s keys are written in; keys added later come after them. */
export function setKeyOrder(obj: object, keys: readonly string[]): void {
  keyOrders.set(obj, keys);
}

/** An object's keys in the order they are written. */
function keysOf(obj: object): string[] {
  const keys = Object.keys(obj);
  const order = keyOrders.get(obj);
  if (order === undefined) return keys;
  const have = new Set(keys);
  const out = order.filter((k) => have.has(k));
  for (const k of keys) if (!order.includes(k)) out.push(k);
  return out;
}

/** `copy` written in the order of `source`'s keys (a copy of an object with a recorded order). */
export function withOrderOf<T extends object>(source: object, copy: T): T {
  const order = keyOrders.get(source);
  if (order !== undefined) keyOrders.set(copy, order);
  return copy;
}

/** Set by tests: `fastSchemas: false` dumps every schema through the models, the reference of the fast path. */
export const dumpOptions = { fastSchemas: true };

/**
 * The document as FastAPI's get_openapi returns it: `output` validated by the models and dumped
 * without None values, in the models' order; `ref` gives every `$ref` its final form.
 */
export function dumpOpenapi(output: Record<string, unknown>, ref: (ref: string) => string = (r) => r, sorts?: ReadonlyMap<object, string>): OpenAPI {
  return new ModelDump(ref, sorts).dump(output, model("OpenAPI"), FAIL) as OpenAPI;
}

/**
 * GenerateJsonSchema.sort, which pydantic applies to its definitions (the models FastAPI lists in
 * components.schemas) and not to the schemas of fields: every object's keys in alphabetical
 * order, but for the keys of `properties` and of `default` (a field's order, a default's own).
 */
export function pydanticSort(value: unknown, parentKey: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => pydanticSort(v, parentKey));
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  const keys = sortedKeys(value, parentKey);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const v = value[key];
    put(out, key, typeof v === "object" && v !== null ? pydanticSort(v, key) : v);
  }
  return out;
}

/** The keys pydanticSort writes an object's in: sorted, but under `properties` and `default`. */
function sortedKeys(value: object, parentKey: string | null): string[] {
  const keys = Object.keys(value);
  return parentKey !== "properties" && parentKey !== "default" ? sortSmall(keys) : keys;
}

/**
 * An array of distinct numbers or strings sorted in place, as sort() sorts it (strings by UTF-16
 * code units): by insertion where it is short, which Array.prototype.sort does too but after
 * allocating its work space, on each of the thousands of small objects of a document.
 */
export function sortSmall<T extends number | string>(a: T[]): T[] {
  if (a.length > 16) return typeof a[0] === "number" ? a.sort((x, y) => (x as number) - (y as number)) : a.sort();
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    for (; j >= 0 && a[j] > x; j--) a[j + 1] = a[j];
    a[j + 1] = x;
  }
  return a;
}

/**
 * The JSON text of a document as Starlette's JSONResponse writes FastAPI's (`json.dumps(...,
 * ensure_ascii=False, separators=(",", ":"))`): keys in the document's order, the models' float
 * fields as Python floats (`1.0`), other numbers as Python writes them.
 */
export function openapiJson(doc: unknown): string {
  return write(doc, false);
}

function write(v: unknown, isFloat: boolean): string {
  if (typeof v === "string") {
    // JSON.stringify escapes what Python's json.dumps(ensure_ascii=False) escapes, the same way
    // (but for a lone surrogate, which Python writes as it is and Starlette then cannot encode).
    return JSON.stringify(v);
  }
  if (typeof v === "number") {
    // allow_nan=False, as Starlette's JSONResponse.
    if (!Number.isFinite(v)) throw new RangeError(`Out of range float values are not JSON compliant: ${v}`);
    return Number.isSafeInteger(v) ? (isFloat ? v + ".0" : String(v)) : dumpNumber(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v !== "object" || v === null) return "null";
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i > 0 ? "," : "") + write(v[i], false);
    return out + "]";
  }
  const obj = v as Record<string, unknown>;
  const floats = floatKeys.get(obj);
  let out = "";
  const keys = keysOf(obj);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const x = obj[k];
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    out += (out === "" ? "{" : ",") + JSON.stringify(k) + ":" + write(x, floats !== undefined && floats.has(k));
  }
  return out === "" ? "{}" : out + "}";
}
