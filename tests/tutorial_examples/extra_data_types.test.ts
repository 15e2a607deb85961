// The samples of docs/tutorial/extra-data-types.md against their FastAPI twins. The datetimes
// sent are in UTC: a JS Date keeps the instant, not the offset it was written with, and is
// written back in UTC (FastAPI writes "+05:00" back as "+05:00").
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/extra_data_types/tutorial001.js";
import { comparePairs } from "./_samples.js";

const id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const body = { start_datetime: "2008-09-15T15:53:00Z", end_datetime: "2008-09-16T15:53:00+00:00", process_after: 300 };

comparePairs(test, [
  {
    module: "examples/tutorial/extra_data_types/tutorial001",
    app: tutorial001,
    requests: [
      { method: "PUT", path: `/items/${id}`, json: { ...body, repeat_at: "14:23:55" } },
      { method: "PUT", path: `/items/${id}`, json: body },
      { method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "2008-09-15T15:53:00.250Z", process_after: 1.5 } },
      { method: "PUT", path: `/items/${id}`, json: { end_datetime: body.end_datetime } },
      // pydantic's type, zod's message, and no ctx (pydantic's tells what its parser found).
      { method: "PUT", path: "/items/not-a-uuid", json: body, bodiesDiffer: "z.uuid()'s 422 has zod's message and no ctx" },
      { method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "yesterday" }, bodiesDiffer: "z.iso.datetime()'s 422 has zod's message and no ctx" },
    ],
  },
]);

test.run();
