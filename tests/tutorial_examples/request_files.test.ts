// The samples of docs/tutorial/request-files.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/request_files/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/request_files/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/request_files/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/request_files/tutorial004.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/request_files";
const oneFile: Exchange[] = [
  { method: "POST", path: "/files/", files: { file: ["notes.txt", "hello, files"] } },
  { method: "POST", path: "/uploadfile/", files: { file: ["notes.txt", "hello, files"] } },
  { method: "POST", path: "/files/" },
  { method: "POST", path: "/uploadfile/" },
  { method: "POST", path: "/uploadfile/", data: { file: "not a file" } },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests: oneFile },
  {
    module: `${dir}/tutorial002`,
    app: t002,
    requests: [
      ...oneFile,
      { method: "POST", path: "/files/", data: { other: "x" } },
    ],
  },
  { module: `${dir}/tutorial003`, app: t003, requests: oneFile },
  {
    module: `${dir}/tutorial004`,
    app: t004,
    requests: [
      {
        method: "POST",
        path: "/files/",
        files: [
          ["files", ["a.txt", "a"]],
          ["files", ["b.txt", "bbb"]],
        ],
      },
      {
        method: "POST",
        path: "/uploadfiles/",
        files: [
          ["files", ["a.txt", "a"]],
          ["files", ["b.txt", "bbb"]],
        ],
      },
      { method: "POST", path: "/uploadfiles/", files: { files: ["only.txt", "1"] } },
      { method: "POST", path: "/files/" },
      { path: "/" },
    ],
  },
]);

test.run();
