// TS twin of tests/python/fastapi_apps/dependencies.py (docs_src/dependencies, tutorial001-006,
// 011, 012). A dependency's own parameters are declared in `Depends(fn, { params })`.
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Cookie, Depends, FastAPI, HTTPException, Header, Query, Request } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

const fake_items_db = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  // tutorial001: a function dependency
  const commonParams = {
    q: Query(s.orNone(s.string())),
    skip: Query(s.withDefault(s.int(), 0)),
    limit: Query(s.withDefault(s.int(), 100)),
  };

  async function commonParameters({ q, skip, limit }: { q: string | null; skip: number; limit: number }) {
    return { q: q, skip: skip, limit: limit };
  }

  app.get("/items/", { params: { commons: Depends(commonParameters, { params: commonParams }) } }, async function readItems({ commons }) {
    return commons;
  });

  app.get("/users/", { params: { commons: Depends(commonParameters, { params: commonParams }) } }, async function readUsers({ commons }) {
    return commons;
  });

  // tutorial002-004: a class as the dependency
  class CommonQueryParams {
    q: string | null;
    skip: number;
    limit: number;
    constructor({ q = null, skip = 0, limit = 100 }: { q?: string | null; skip?: number; limit?: number }) {
      this.q = q;
      this.skip = skip;
      this.limit = limit;
    }
  }

  function classResponse(commons: CommonQueryParams) {
    const response: Record<string, unknown> = {};
    if (commons.q) {
      Object.assign(response, { q: commons.q });
    }
    const items = fake_items_db.slice(commons.skip, commons.skip + commons.limit);
    Object.assign(response, { items: items });
    return response;
  }

  app.get("/t002/items/", { params: { commons: Depends(CommonQueryParams, { params: commonParams }) } }, async function readItems002({ commons }) {
    return classResponse(commons);
  });

  app.get("/t003/items/", { params: { commons: Depends(CommonQueryParams, { params: commonParams }) } }, async function readItems003({ commons }) {
    return classResponse(commons);
  });

  // Python's `Depends()` takes the class from the annotation; here the class is named.
  app.get("/t004/items/", { params: { commons: Depends(CommonQueryParams, { params: commonParams }) } }, async function readItems004({ commons }) {
    return classResponse(commons);
  });

  // tutorial005: sub-dependencies
  function queryExtractor({ q }: { q: string | null }) {
    return q;
  }

  function queryOrCookieExtractor({ q, last_query }: { q: string | null; last_query: string | null }) {
    if (!q) {
      return last_query;
    }
    return q;
  }

  app.get(
    "/t005/items/",
    {
      params: {
        query_or_default: Depends(queryOrCookieExtractor, {
          params: {
            q: Depends(queryExtractor, { params: { q: Query(s.orNone(s.string())) } }),
            last_query: Cookie(s.orNone(s.string())),
          },
        }),
      },
    },
    async function readQuery({ query_or_default }) {
      return { q_or_cookie: query_or_default };
    },
  );

  // tutorial006: dependencies in the path operation decorator
  async function verifyToken({ x_token }: { x_token: string }) {
    if (x_token !== "fake-super-secret-token") {
      throw new HTTPException(400, "X-Token header invalid");
    }
  }

  async function verifyKey({ x_key }: { x_key: string }) {
    if (x_key !== "fake-super-secret-key") {
      throw new HTTPException(400, "X-Key header invalid");
    }
    return x_key;
  }

  const verifyTokenDep = Depends(verifyToken, { params: { x_token: Header(s.string()) } });
  const verifyKeyDep = Depends(verifyKey, { params: { x_key: Header(s.string()) } });

  app.get("/t006/items/", { dependencies: [verifyTokenDep, verifyKeyDep] }, async function readItems006() {
    return [{ item: "Foo" }, { item: "Bar" }];
  });

  // tutorial011: a callable instance (a class instance is not callable in JavaScript: its
  // method, bound, is the dependency)
  class FixedContentQueryChecker {
    constructor(readonly fixed_content: string) {}

    call({ q }: { q: string }) {
      if (q) {
        return q.includes(this.fixed_content);
      }
      return false;
    }
  }

  const checker = new FixedContentQueryChecker("bar");

  app.get(
    "/query-checker/",
    { params: { fixed_content_included: Depends(checker.call.bind(checker), { params: { q: Query(s.withDefault(s.string(), "")) } }) } },
    async function readQueryCheck({ fixed_content_included }) {
      return { fixed_content_in_query: fixed_content_included };
    },
  );

  // Not in the docs: a dependency used twice is solved once per request unless useCache: false
  function counter({ request }: { request: Request }) {
    request.state.calls = ((request.state.calls as number | undefined) ?? 0) + 1;
    return request.state.calls as number;
  }

  const counterDep = Depends(counter, { params: { request: Request } });

  function usesCounter({ value }: { value: number }) {
    return value;
  }

  app.get(
    "/cache/",
    {
      params: {
        first: counterDep,
        nested: Depends(usesCounter, { params: { value: counterDep } }),
        uncached: Depends(counter, { params: { request: Request }, useCache: false }),
      },
    },
    async function readCache({ first, nested, uncached }) {
      return { first: first, nested: nested, uncached: uncached };
    },
  );

  // tutorial012: global dependencies
  const app012 = new FastAPI({ dependencies: [verifyTokenDep, verifyKeyDep] });

  app012.get("/items/", async function readItems012() {
    return [{ item: "Portal Gun" }, { item: "Plumbus" }];
  });

  app012.get("/users/", async function readUsers012() {
    return [{ username: "Rick" }, { username: "Morty" }];
  });

  app.mount("/t012", app012);

  return app;
}

export const app = makeApp(zodKit);
