// Port of FastAPI's tests of fastapi/openapi/docs.py (tests/test_local_docs.py,
// test_swagger_ui_escape.py...): the pages byte for byte as FastAPI's functions write them for the
// same arguments, asked of FastAPI itself.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  getRedocHtml,
  getSwaggerUiHtml,
  getSwaggerUiOauth2RedirectHtml,
  swaggerUiDefaultParameters,
  type RedocHtmlOptions,
  type SwaggerUiHtmlOptions,
} from "../../../src/fastapi/openapi/docs.js";
import { PYTHON } from "../../python.js";
import { haveFastAPI } from "./helpers.js";

type Call = ["swagger", SwaggerUiHtmlOptions] | ["redoc", RedocHtmlOptions] | ["redirect"];

const SWAGGER: SwaggerUiHtmlOptions[] = [
  { openapiUrl: "/openapi.json", title: "FastAPI - Swagger UI" },
  { openapiUrl: "/api/openapi.json", title: "T", oauth2RedirectUrl: "/docs/oauth2-redirect", initOauth: { clientId: "a", usePkceWithAuthorizationCodeGrant: true } },
  {
    openapiUrl: "/o.json",
    title: "Ünïcode <b>",
    swaggerJsUrl: "/static/swagger-ui-bundle.js",
    swaggerCssUrl: "/static/swagger-ui.css",
    swaggerFaviconUrl: "/static/favicon.png",
    swaggerUiParameters: { syntaxHighlight: false, deepLinking: false, "evil</script>": "<script>&</script>", nested: { a: [1, 2.5, null] }, ünï: "ç" },
  },
  { openapiUrl: "/o.json", title: "T", oauth2RedirectUrl: null, initOauth: null, swaggerUiParameters: null },
];
const REDOC: RedocHtmlOptions[] = [
  { openapiUrl: "/openapi.json", title: "FastAPI - ReDoc" },
  { openapiUrl: "/o.json", title: "T", redocJsUrl: "/static/redoc.js", redocFaviconUrl: "/f.png", withGoogleFonts: false },
];

const snake = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      ({ initOauth: "init_oauth", oauth2RedirectUrl: "oauth2_redirect_url" } as Record<string, string>)[k] ?? k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()),
      v,
    ]),
  );

/** What FastAPI's own functions give for the same arguments. */
function python(calls: Call[]): string[] {
  const script = [
    "import json, sys",
    "from fastapi.openapi.docs import get_swagger_ui_html, get_redoc_html, get_swagger_ui_oauth2_redirect_html",
    "out = []",
    "for kind, kwargs in json.load(sys.stdin):",
    "    f = {'swagger': get_swagger_ui_html, 'redoc': get_redoc_html, 'redirect': get_swagger_ui_oauth2_redirect_html}[kind]",
    "    out.append(f(**kwargs).body.decode())",
    "print(json.dumps(out))",
  ].join("\n");
  const input = calls.map(([kind, options]) => [kind, options === undefined ? {} : snake(options as unknown as Record<string, unknown>)]);
  const result = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(input), encoding: "utf8" });
  assert.is(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

const calls: Call[] = [...SWAGGER.map((o): Call => ["swagger", o]), ...REDOC.map((o): Call => ["redoc", o]), ["redirect"]];

function ours(call: Call): string {
  const response = call[0] === "swagger" ? getSwaggerUiHtml(call[1]) : call[0] === "redoc" ? getRedocHtml(call[1]) : getSwaggerUiOauth2RedirectHtml();
  assert.is(response.mediaType, "text/html");
  return Buffer.from(response.body).toString("utf8");
}

test("get_swagger_ui_html, get_redoc_html, get_swagger_ui_oauth2_redirect_html: FastAPI's bytes", () => {
  const mine = calls.map(ours);
  // Without Python: the parts every page must have.
  assert.ok(mine[0].includes("url: '/openapi.json',") && mine[0].includes("https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"));
  assert.ok(mine[2].includes('"evil\\u003c/script\\u003e": "\\u003cscript\\u003e\\u0026\\u003c/script\\u003e"'), "script-closing text escaped");
  assert.ok(mine[1].includes("oauth2RedirectUrl: window.location.origin + '/docs/oauth2-redirect',") && mine[1].includes("ui.initOAuth("));
  assert.not.ok(mine[3].includes("oauth2RedirectUrl") || mine[3].includes("initOAuth"));
  assert.ok(mine[SWAGGER.length].includes("fonts.googleapis.com") && !mine[SWAGGER.length + 1].includes("fonts.googleapis.com"));
  if (!haveFastAPI()) return;
  const theirs = python(calls);
  calls.forEach((call, i) => assert.is(mine[i], theirs[i], `${call[0]} ${JSON.stringify(call[1] ?? {})}`));
});

test("swagger_ui_default_parameters", () => {
  assert.equal(swaggerUiDefaultParameters, { dom_id: "#swagger-ui", layout: "BaseLayout", deepLinking: true, showExtensions: true, showCommonExtensions: true });
  assert.ok(Object.isFrozen(swaggerUiDefaultParameters));
});

test.run();
