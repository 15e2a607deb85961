// Twin of tests/python/fastapi_apps/query_params_str_validations.py
// (docs_src/query_params_str_validations, tutorial001-015). Query(max_length=50) and the
// like are the declaration's options, checked by the layer with pydantic's messages. Written
// in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Query } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

const RESULTS = [{ item_id: "Foo" }, { item_id: "Bar" }];

function results(q: string | null) {
  const out: Record<string, unknown> = { items: RESULTS };
  if (q) {
    Object.assign(out, { q });
  }
  return out;
}

const data: Record<string, string> = {
  "isbn-9781529046137": "The Hitchhiker's Guide to the Galaxy",
  "imdb-tt0371724": "The Hitchhiker's Guide to the Galaxy",
  "isbn-9781439512982": "Isaac Asimov: The Complete Stories, Vol. 2",
};

// AfterValidator(check_valid_id): a refinement whose failure is pydantic's value_error.
function checkValidId(id: string): boolean {
  return id.startsWith("isbn-") || id.startsWith("imdb-");
}

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  app.get("/t001/items/", { params: { q: Query(s.orNone(s.string())) } }, async function readItems001({ q }) {
    return results(q);
  });

  app.get("/t002/items/", { params: { q: Query(s.orNone(s.string()), { maxLength: 50 }) } }, async function readItems002({ q }) {
    return results(q);
  });

  app.get(
    "/t003/items/",
    { params: { q: Query(s.orNone(s.string()), { minLength: 3, maxLength: 50 }) } },
    async function readItems003({ q }) {
      return results(q);
    },
  );

  app.get(
    "/t004/items/",
    { params: { q: Query(s.orNone(s.string()), { minLength: 3, maxLength: 50, pattern: "^fixedquery$" }) } },
    async function readItems004({ q }) {
      return results(q);
    },
  );

  app.get("/t005/items/", { params: { q: Query(s.withDefault(s.string(), "fixedquery"), { minLength: 3 }) } }, async function readItems005({ q }) {
    return results(q);
  });

  app.get("/t006/items/", { params: { q: Query(s.string(), { minLength: 3 }) } }, async function readItems006({ q }) {
    return results(q);
  });

  // tutorial006c: required, yet may be None
  app.get("/t006c/items/", { params: { q: Query(s.nullable(s.string()), { minLength: 3 }) } }, async function readItems006c({ q }) {
    return results(q);
  });

  app.get(
    "/t007/items/",
    { params: { q: Query(s.orNone(s.string()), { title: "Query string", minLength: 3 }) } },
    async function readItems007({ q }) {
      return results(q);
    },
  );

  app.get(
    "/t008/items/",
    {
      params: {
        q: Query(s.orNone(s.string()), {
          title: "Query string",
          description: "Query string for the items to search in the database that have a good match",
          minLength: 3,
        }),
      },
    },
    async function readItems008({ q }) {
      return results(q);
    },
  );

  app.get("/t009/items/", { params: { q: Query(s.orNone(s.string()), { alias: "item-query" }) } }, async function readItems009({ q }) {
    return results(q);
  });

  app.get(
    "/t010/items/",
    {
      params: {
        q: Query(s.orNone(s.string()), {
          alias: "item-query",
          title: "Query string",
          description: "Query string for the items to search in the database that have a good match",
          minLength: 3,
          maxLength: 50,
          pattern: "^fixedquery$",
          deprecated: true,
        }),
      },
    },
    async function readItems010({ q }) {
      return results(q);
    },
  );

  app.get("/t011/items/", { params: { q: Query(s.orNone(s.array(s.string()))) } }, async function readItems011({ q }) {
    const queryItems = { q };
    return queryItems;
  });

  app.get("/t012/items/", { params: { q: Query(s.withDefault(s.array(s.string()), ["foo", "bar"])) } }, async function readItems012({ q }) {
    const queryItems = { q };
    return queryItems;
  });

  app.get("/t013/items/", { params: { q: Query(s.withDefault(s.array(s.unknown()), [])) } }, async function readItems013({ q }) {
    const queryItems = { q };
    return queryItems;
  });

  app.get(
    "/t014/items/",
    { params: { hidden_query: Query(s.orNone(s.string()), { includeInSchema: false }) } },
    async function readItems014({ hidden_query }) {
      if (hidden_query) {
        return { hidden_query };
      } else {
        return { hidden_query: "Not found" };
      }
    },
  );

  app.get(
    "/t015/items/",
    {
      params: {
        id: Query(s.orNone(s.refine(s.string(), checkValidId, 'Invalid ID format, it must start with "isbn-" or "imdb-"'))),
      },
    },
    async function readItems015({ id }) {
      let item: string | null;
      if (id) {
        item = Object.hasOwn(data, id) ? data[id] : null;
      } else {
        [id, item] = Object.entries(data)[0];
      }
      return { id, name: item };
    },
  );

  return app;
}

export const app = makeApp(zodKit);
