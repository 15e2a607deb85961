// The samples of docs/tutorial/path-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/path_params/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/path_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/path_params/tutorial003.js";
import { app as tutorial003b } from "../../examples/tutorial/path_params/tutorial003b.js";
import { app as tutorial004 } from "../../examples/tutorial/path_params/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/path_params/tutorial005.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/path_params";

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: ["/items/foo", "/items/3", "/items/caf%C3%A9"] },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: ["/items/3", "/items/foo", "/items/4.2", "/items/-7", "/items/"] },
  { module: `${dir}/tutorial003`, app: tutorial003, requests: ["/users/me", "/users/alice"] },
  { module: `${dir}/tutorial003b`, app: tutorial003b, requests: ["/users"] },
  { module: `${dir}/tutorial004`, app: tutorial004, requests: ["/files/home/johndoe/myfile.txt", "/files//home/johndoe/myfile.txt"] },
  {
    module: `${dir}/tutorial005`,
    app: tutorial005,
    requests: [
      "/models/alexnet",
      "/models/lenet",
      "/models/resnet",
      { path: "/models/vgg", messages: "validator" },
    ],
  },
]);

test.run();
