// The samples of docs/static-files.md against their FastAPI twins: files, HEAD, a range,
// a 304, a missing file (FastAPI's JSON 404), a POST (405), a path out of the directory.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/static_files/tutorial001.js";
import { comparePairs } from "./_samples.js";

const validators = ["content-length", "accept-ranges"];

comparePairs(test, [
  {
    module: "examples/tutorial/static_files/tutorial001",
    app: tutorial001,
    requests: [
      { path: "/static/hello.txt", compareHeaders: validators },
      { path: "/static/styles.css", compareHeaders: validators },
      { method: "HEAD", path: "/static/hello.txt", compareHeaders: validators },
      { path: "/static/hello.txt", headers: { range: "bytes=0-4" }, compareHeaders: ["content-range", "content-length"] },
      { path: "/static/hello.txt", headers: { "if-none-match": "*" } },
      "/static/missing.txt",
      "/static/",
      { method: "POST", path: "/static/hello.txt" },
      "/static/%2e%2e/tutorial001.py",
    ],
  },
]);

test.run();
