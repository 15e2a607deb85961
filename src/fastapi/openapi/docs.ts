// Port of fastapi/openapi/docs.py: the pages of /docs (Swagger UI), /redoc and Swagger UI's
// OAuth2 redirect, byte for byte as FastAPI writes them.
import { dumps } from "../../itsdangerous/_json.js";
import { HTMLResponse } from "../../responses.js";
import { jsonableEncoder } from "../encoders.js";

/** JSON with the characters that could end a <script> escaped (FastAPI's _html_safe_json). */
function htmlSafeJson(value: unknown): string {
  return dumps(value).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e").replaceAll("&", "\\u0026");
}

/** Swagger UI's configuration FastAPI starts from; `swaggerUiParameters` are set over it. */
export const swaggerUiDefaultParameters: Readonly<Record<string, unknown>> = Object.freeze({
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
});

export interface SwaggerUiHtmlOptions {
  /** The OpenAPI document Swagger UI loads. */
  openapiUrl: string;
  /** The page's `<title>`. */
  title: string;
  /** @default "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js" */
  swaggerJsUrl?: string;
  /** @default "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css" */
  swaggerCssUrl?: string;
  /** @default "https://fastapi.tiangolo.com/img/favicon.png" */
  swaggerFaviconUrl?: string;
  /** Where the OAuth2 flows come back to (the oauth2-redirect page). */
  oauth2RedirectUrl?: string | null;
  /** Passed to Swagger UI's `ui.initOAuth()`. */
  initOauth?: Record<string, unknown> | null;
  /** Swagger UI's configuration, over swaggerUiDefaultParameters. */
  swaggerUiParameters?: Record<string, unknown> | null;
}

/**
 * The Swagger UI page (FastAPI's get_swagger_ui_html), as /docs serves it; call it yourself to
 * serve Swagger UI's files from elsewhere (FastAPI's self-hosting recipe).
 * @example
 * app.get("/docs", { includeInSchema: false }, () =>
 *   getSwaggerUiHtml({ openapiUrl: "/openapi.json", title: "API - Swagger UI", swaggerJsUrl: "/static/swagger-ui-bundle.js" }));
 */
export function getSwaggerUiHtml(options: SwaggerUiHtmlOptions): HTMLResponse {
  const parameters = { ...swaggerUiDefaultParameters, ...options.swaggerUiParameters };
  let html = `
    <!DOCTYPE html>
    <html>
    <head>
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link type="text/css" rel="stylesheet" href="${options.swaggerCssUrl ?? "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"}">
    <link rel="shortcut icon" href="${options.swaggerFaviconUrl ?? "https://fastapi.tiangolo.com/img/favicon.png"}">
    <title>${options.title}</title>
    </head>
    <body>
    <div id="swagger-ui">
    </div>
    <script src="${options.swaggerJsUrl ?? "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"}"></script>
    <!-- \`SwaggerUIBundle\` is now available on the page -->
    <script>
    const ui = SwaggerUIBundle({
        url: '${options.openapiUrl}',
    `;
  for (const [key, value] of Object.entries(parameters)) html += `${htmlSafeJson(key)}: ${htmlSafeJson(jsonableEncoder(value))},\n`;
  if (options.oauth2RedirectUrl) html += `oauth2RedirectUrl: window.location.origin + '${options.oauth2RedirectUrl}',`;
  html += `
    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
        ],
    })`;
  if (options.initOauth) {
    html += `
        ui.initOAuth(${htmlSafeJson(jsonableEncoder(options.initOauth))})
        `;
  }
  html += `
    </script>
    </body>
    </html>
    `;
  return new HTMLResponse(html);
}

export interface RedocHtmlOptions {
  /** The OpenAPI document ReDoc loads. */
  openapiUrl: string;
  /** The page's `<title>`. */
  title: string;
  /** @default "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js" */
  redocJsUrl?: string;
  /** @default "https://fastapi.tiangolo.com/img/favicon.png" */
  redocFaviconUrl?: string;
  /** @default true */
  withGoogleFonts?: boolean;
}

/** The ReDoc page (FastAPI's get_redoc_html), as /redoc serves it. */
export function getRedocHtml(options: RedocHtmlOptions): HTMLResponse {
  let html = `
    <!DOCTYPE html>
    <html>
    <head>
    <title>${options.title}</title>
    <!-- needed for adaptive design -->
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    `;
  if (options.withGoogleFonts ?? true) {
    html += `
    <link href="https://fonts.googleapis.com/css?family=Montserrat:300,400,700|Roboto:300,400,700" rel="stylesheet">
    `;
  }
  html += `
    <link rel="shortcut icon" href="${options.redocFaviconUrl ?? "https://fastapi.tiangolo.com/img/favicon.png"}">
    <!--
    ReDoc doesn't change outer page styles
    -->
    <style>
      body {
        margin: 0;
        padding: 0;
      }
    </style>
    </head>
    <body>
    <noscript>
        ReDoc requires Javascript to function. Please enable it to browse the documentation.
    </noscript>
    <redoc spec-url="${options.openapiUrl}"></redoc>
    <script src="${options.redocJsUrl ?? "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"}"> </script>
    </body>
    </html>
    `;
  return new HTMLResponse(html);
}

// Copied by FastAPI from https://github.com/swagger-api/swagger-ui/blob/v4.14.0/dist/oauth2-redirect.html
const OAUTH2_REDIRECT_HTML = `
    <!doctype html>
    <html lang="en-US">
    <head>
        <title>Swagger UI: OAuth2 Redirect</title>
    </head>
    <body>
    <script>
        'use strict';
        function run () {
            var oauth2 = window.opener.swaggerUIRedirectOauth2;
            var sentState = oauth2.state;
            var redirectUrl = oauth2.redirectUrl;
            var isValid, qp, arr;

            if (/code|token|error/.test(window.location.hash)) {
                qp = window.location.hash.substring(1).replace('?', '&');
            } else {
                qp = location.search.substring(1);
            }

            arr = qp.split("&");
            arr.forEach(function (v,i,_arr) { _arr[i] = '"' + v.replace('=', '":"') + '"';});
            qp = qp ? JSON.parse('{' + arr.join() + '}',
                    function (key, value) {
                        return key === "" ? value : decodeURIComponent(value);
                    }
            ) : {};

            isValid = qp.state === sentState;

            if ((
              oauth2.auth.schema.get("flow") === "accessCode" ||
              oauth2.auth.schema.get("flow") === "authorizationCode" ||
              oauth2.auth.schema.get("flow") === "authorization_code"
            ) && !oauth2.auth.code) {
                if (!isValid) {
                    oauth2.errCb({
                        authId: oauth2.auth.name,
                        source: "auth",
                        level: "warning",
                        message: "Authorization may be unsafe, passed state was changed in server. The passed state wasn't returned from auth server."
                    });
                }

                if (qp.code) {
                    delete oauth2.state;
                    oauth2.auth.code = qp.code;
                    oauth2.callback({auth: oauth2.auth, redirectUrl: redirectUrl});
                } else {
                    let oauthErrorMsg;
                    if (qp.error) {
                        oauthErrorMsg = "["+qp.error+"]: " +
                            (qp.error_description ? qp.error_description+ ". " : "no accessCode received from the server. ") +
                            (qp.error_uri ? "More info: "+qp.error_uri : "");
                    }

                    oauth2.errCb({
                        authId: oauth2.auth.name,
                        source: "auth",
                        level: "error",
                        message: oauthErrorMsg || "[Authorization failed]: no accessCode received from the server."
                    });
                }
            } else {
                oauth2.callback({auth: oauth2.auth, token: qp, isValid: isValid, redirectUrl: redirectUrl});
            }
            window.close();
        }

        if (document.readyState !== 'loading') {
            run();
        } else {
            document.addEventListener('DOMContentLoaded', function () {
                run();
            });
        }
    </script>
    </body>
    </html>
        `;

/** The page Swagger UI's OAuth2 flows come back to (FastAPI's get_swagger_ui_oauth2_redirect_html). */
export function getSwaggerUiOauth2RedirectHtml(): HTMLResponse {
  return new HTMLResponse(OAUTH2_REDIRECT_HTML);
}
