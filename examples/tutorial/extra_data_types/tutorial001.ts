// Extra Data Types: a UUID, dates with a time (as Date objects), a duration in seconds, a time of day.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

// ISO 8601 text with a time zone ("Z" or "+05:00"), handed over as a Date.
const datetime = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

app.put(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.uuid()),
      start_datetime: Body(datetime),
      end_datetime: Body(datetime),
      // Seconds, which is also how FastAPI writes a timedelta back.
      process_after: Body(z.number()),
      repeat_at: Body(z.iso.time().nullable().default(null)),
    },
  },
  async function readItems({ item_id, start_datetime, end_datetime, process_after, repeat_at }) {
    const start_process = new Date(start_datetime.getTime() + process_after * 1000);
    const duration = (end_datetime.getTime() - start_process.getTime()) / 1000;
    return {
      item_id,
      start_datetime,
      end_datetime,
      process_after,
      repeat_at,
      start_process,
      duration,
    };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
