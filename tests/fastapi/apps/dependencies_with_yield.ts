// TS twin of tests/python/fastapi_apps/dependencies_with_yield.py (docs_src/dependencies,
// tutorial007, 008, 008b-008e). The docs' prints become entries in `events`, which GET
// /events returns and clears.
import * as z from "zod";
import { BackgroundTasks, Depends, FastAPI, HTTPException, Path, Query, StreamingResponse } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const events: string[] = [];

app.get("/events", async function readEvents() {
  // The cleanup of the request before may still be running once its response is out.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const out = [...events];
  events.length = 0;
  return out;
});

// tutorial007: one dependency with yield
async function* getDb() {
  events.push("get_db: open");
  try {
    yield "db";
  } finally {
    events.push("get_db: close");
  }
}

app.get("/t007/items/", { params: { db: Depends(getDb) } }, async function readItems007({ db }) {
  events.push(`endpoint: ${db}`);
  return { db: db };
});

// tutorial008: a chain of three, closed in reverse order
async function* dependencyA() {
  events.push("a: open");
  try {
    yield "A";
  } finally {
    events.push("a: close");
  }
}

async function* dependencyB({ dep_a }: { dep_a: string }) {
  events.push(`b: open after ${dep_a}`);
  try {
    yield "B";
  } finally {
    events.push(`b: close before ${dep_a}`);
  }
}

async function* dependencyC({ dep_b }: { dep_b: string }) {
  events.push(`c: open after ${dep_b}`);
  try {
    yield "C";
  } finally {
    events.push(`c: close before ${dep_b}`);
  }
}

const depC = Depends(dependencyC, { params: { dep_b: Depends(dependencyB, { params: { dep_a: Depends(dependencyA) } }) } });

app.get("/t008/items/", { params: { dep_c: depC } }, async function readItems008({ dep_c }) {
  events.push(`endpoint: ${dep_c}`);
  return { dep_c: dep_c };
});

// tutorial008b: an exception turned into an HTTPException by the dependency
const data: Record<string, { description: string; owner: string }> = {
  plumbus: { description: "Freshly pickled plumbus", owner: "Morty" },
  "portal-gun": { description: "Gun to create portals", owner: "Rick" },
};

class OwnerError extends Error {}

function* getUsername008b() {
  try {
    yield "Rick";
  } catch (e) {
    if (!(e instanceof OwnerError)) throw e;
    events.push(`get_username: caught OwnerError(${e.message})`);
    throw new HTTPException(400, `Owner error: ${e.message}`);
  } finally {
    events.push("get_username: finally");
  }
}

app.get(
  "/t008b/items/{item_id}",
  { params: { item_id: Path(z.string()), username: Depends(getUsername008b) } },
  function getItem008b({ item_id, username }) {
    if (!(item_id in data)) {
      throw new HTTPException(404, "Item not found");
    }
    const item = data[item_id];
    if (item.owner !== username) {
      throw new OwnerError(username);
    }
    return item;
  },
);

// tutorial008c: an exception swallowed by the dependency
class InternalError extends Error {}

function* getUsername008c() {
  try {
    yield "Rick";
  } catch (e) {
    if (!(e instanceof InternalError)) throw e;
    events.push("get_username: swallowed InternalError");
  }
}

app.get(
  "/t008c/items/{item_id}",
  { params: { item_id: Path(z.string()), username: Depends(getUsername008c) } },
  function getItem008c({ item_id, username }) {
    if (item_id === "portal-gun") {
      throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
    }
    if (item_id !== "plumbus") {
      throw new HTTPException(404, "Item not found, there's only a plumbus here");
    }
    return item_id;
  },
);

// tutorial008d: an exception re-raised by the dependency
function* getUsername008d() {
  try {
    yield "Rick";
  } catch (e) {
    if (e instanceof InternalError) events.push("get_username: re-raising InternalError");
    throw e;
  }
}

app.get(
  "/t008d/items/{item_id}",
  { params: { item_id: Path(z.string()), username: Depends(getUsername008d) } },
  function getItem008d({ item_id, username }) {
    if (item_id === "portal-gun") {
      throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
    }
    if (item_id !== "plumbus") {
      throw new HTTPException(404, "Item not found, there's only a plumbus here");
    }
    return item_id;
  },
);

// tutorial008e: scope "function" closes before the response goes out; the default
// ("request") after it. A background task shows which came first.
function* getUsernameFunction() {
  events.push("function-scoped: open");
  try {
    yield "Rick";
  } finally {
    events.push("function-scoped: close");
  }
}

function* getUsernameRequest() {
  events.push("request-scoped: open");
  try {
    yield "Morty";
  } finally {
    events.push("request-scoped: close");
  }
}

app.get(
  "/t008e/users/me",
  { params: { username: Depends(getUsernameFunction, { scope: "function" }), background_tasks: BackgroundTasks } },
  function getUserMe({ username, background_tasks }) {
    background_tasks.addTask((event: string) => events.push(event), "background task");
    return username;
  },
);

app.get(
  "/t008e/users/other",
  { params: { username: Depends(getUsernameRequest), background_tasks: BackgroundTasks } },
  function getUserOther({ username, background_tasks }) {
    background_tasks.addTask((event: string) => events.push(event), "background task");
    return username;
  },
);

// Not in the docs: a dependency that sees an HTTPException and re-raises it
function* reraising() {
  events.push("reraising: open");
  try {
    yield;
  } catch (e) {
    if (e instanceof HTTPException) events.push(`reraising: saw HTTPException ${e.statusCode}`);
    throw e;
  } finally {
    events.push("reraising: finally");
  }
}

app.get("/reraise/{item_id}", { params: { item_id: Path(z.string()) }, dependencies: [Depends(reraising)] }, function readReraise({ item_id }) {
  if (item_id !== "ok") {
    throw new HTTPException(404, "Item not found");
  }
  events.push("endpoint: ok");
  return { item_id: item_id };
});

// Not in the docs (tutorial013's shape without the database): a dependency with
// yield around a streamed response
function* streamSession() {
  events.push("session: open");
  try {
    yield "session";
  } finally {
    events.push("session: close");
  }
}

function* generateStream(query: string) {
  for (const ch of query) {
    events.push(`stream: ${ch}`);
    yield ch;
  }
}

app.get("/generate", { params: { query: Query(z.string()) }, dependencies: [Depends(streamSession)] }, function generate({ query }) {
  return new StreamingResponse(generateStream(query));
});
