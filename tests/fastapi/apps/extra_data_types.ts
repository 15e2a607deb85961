// Twin of tests/python/fastapi_apps/extra_data_types.py (docs_src/extra_data_types,
// tutorial001). zod's closest types: a GUID for UUID, ISO 8601 text for datetime, time and
// timedelta; the arithmetic on JS Dates, which keep no UTC offset (see the cases' pythonOnly).
import * as z from "zod";
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const UNITS: Record<string, number> = { D: 86_400, H: 3_600, M: 60, S: 1 };

/** An ISO 8601 duration's days, hours, minutes and seconds, in seconds (as timedelta.total_seconds()). */
function totalSeconds(duration: string): number {
  let seconds = 0;
  for (const [, amount, unit] of duration.matchAll(/([\d.]+)([DHMS])/g)) seconds += Number(amount) * UNITS[unit];
  return seconds;
}

app.put(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.guid()),
      start_datetime: Body(z.iso.datetime({ offset: true, local: true })),
      end_datetime: Body(z.iso.datetime({ offset: true, local: true })),
      process_after: Body(z.iso.duration()),
      repeat_at: Body(z.iso.time().nullable().default(null)),
    },
  },
  async function readItems({ item_id, start_datetime, end_datetime, process_after, repeat_at }) {
    const startProcess = new Date(Date.parse(start_datetime) + totalSeconds(process_after) * 1000);
    const duration = (Date.parse(end_datetime) - startProcess.getTime()) / 1000;
    return {
      item_id,
      start_datetime: new Date(start_datetime),
      end_datetime: new Date(end_datetime),
      process_after: totalSeconds(process_after),
      repeat_at,
      start_process: startProcess,
      duration,
    };
  },
);
