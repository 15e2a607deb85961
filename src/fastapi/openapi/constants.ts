// Port of fastapi/openapi/constants.py.

/** The methods whose operations document a request body. */
export const METHODS_WITH_BODY: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]);
/** Where component schemas live: `$ref`s to models start with it. */
export const REF_PREFIX = "#/components/schemas/";
export const REF_TEMPLATE = "#/components/schemas/{model}";
