// The samples of docs/tutorial/bigger-applications.md: the TS app of several files answers as its
// FastAPI twin, a Python package of the same shape (loaded through bigger_applications_app.py).
import { test } from "uvu";
import { app } from "../../examples/tutorial/bigger_applications/app/main.js";
import { comparePairs } from "./_samples.js";

const token = "fake-super-secret-token";

comparePairs(test, [
  {
    module: "examples/tutorial/bigger_applications/app/main",
    pythonModule: "tests/tutorial_examples/bigger_applications_app.py",
    app,
    requests: [
      { path: "/?token=jessica" },
      { path: "/" },
      { path: "/?token=monica" },
      { path: "/users/?token=jessica" },
      { path: "/users/" },
      { path: "/users/me?token=jessica" },
      { path: "/users/rick?token=jessica" },
      { path: "/users?token=jessica" },
      { path: "/items/?token=jessica", headers: { "X-Token": token } },
      { path: "/items/plumbus?token=jessica", headers: { "X-Token": token } },
      { path: "/items/bar?token=jessica", headers: { "X-Token": token } },
      { path: "/items/plumbus?token=jessica" },
      { path: "/items/plumbus?token=jessica", headers: { "X-Token": "invalid" } },
      { path: "/items/plumbus", headers: { "X-Token": "invalid" } },
      { method: "PUT", path: "/items/plumbus?token=jessica", headers: { "X-Token": token } },
      { method: "PUT", path: "/items/gun?token=jessica", headers: { "X-Token": token } },
      { method: "POST", path: "/admin/?token=jessica", headers: { "X-Token": token } },
      { method: "POST", path: "/admin/?token=jessica" },
      { method: "GET", path: "/admin/?token=jessica", headers: { "X-Token": token } },
    ],
  },
]);

test.run();
