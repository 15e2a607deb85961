// The samples of docs/tutorial/cookie-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/cookie_params/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/cookie_params/tutorial001",
    app: tutorial001,
    requests: [
      "/items/",
      { path: "/items/", cookies: { ads_id: "ads_track" } },
      { path: "/items/", cookies: { ads_id: "ads_track", session: "cookiesession" } },
      { path: "/items/", headers: { cookie: "ads_id=from the header" } },
    ],
  },
]);

test.run();
