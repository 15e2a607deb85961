// The samples of docs/tutorial/metadata.md against their FastAPI twins: the answers, the docs
// pages byte for byte (or their absence), and each /openapi.json whatever the order of keys.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/metadata/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/metadata/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/metadata/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/metadata/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/metadata/tutorial005.js";
import { app as t006 } from "../../examples/tutorial/metadata/tutorial006.js";
import { compareDocuments } from "./_openapi.js";
import { comparePairs, type Exchange, type Sample } from "./_samples.js";

const dir = "examples/tutorial/metadata";
const openapi: Exchange = { path: "/openapi.json", pythonOnly: true };
const pages: Exchange[] = ["/docs", "/redoc", "/docs/oauth2-redirect"];

const samples: Sample[] = [
  { module: `${dir}/tutorial001`, app: t001, requests: ["/items/", openapi, ...pages] },
  { module: `${dir}/tutorial002`, app: t002, requests: ["/items/", openapi, "/docs"] },
  { module: `${dir}/tutorial003`, app: t003, requests: ["/users/", "/items/", openapi, "/redoc"] },
  // The document moves; the pages stay where they were and load it from its new URL.
  { module: `${dir}/tutorial004`, app: t004, requests: ["/items/", "/openapi.json", { path: "/api/v1/openapi.json", pythonOnly: true }, ...pages] },
  { module: `${dir}/tutorial005`, app: t005, requests: ["/items/", openapi, "/documentation", "/docs", "/redoc", "/docs/oauth2-redirect"] },
  { module: `${dir}/tutorial006`, app: t006, requests: ["/items/", "/openapi.json", ...pages] },
];

compareDocuments(test, samples, comparePairs(test, samples));

test.run();
