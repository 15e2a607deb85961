// Static files at the Starlette level: an html-mode site (index.html for a directory,
// 404.html for what is missing) at the root, assets under /assets, an API beside them,
// and asset URLs built from the mount's name.
import { fileURLToPath } from "node:url";
import { App, Mount, Route, serve } from "starlette-ts";
import { StaticFiles } from "starlette-ts/staticfiles";

export const app = new App({
  routes: [
    // Routes are tried in order: the API and the assets before the site, which takes the rest.
    new Route("/api/stylesheet", () => ({ url: app.urlPathFor("assets", { path: "/styles.css" }) })),
    new Mount("/assets", { app: new StaticFiles({ directory: new URL("tutorial/static_files/static", import.meta.url) }), name: "assets" }),
    new Mount("/", { app: new StaticFiles({ directory: new URL("static_site", import.meta.url), html: true }), name: "site" }),
  ],
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
