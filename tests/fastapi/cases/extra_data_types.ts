// Cases for tests/python/fastapi_apps/extra_data_types.py (docs_src/extra_data_types).
// pythonOnly where a JS Date cannot hold the value (microseconds) or the type has no JS
// counterpart (naive against aware datetimes); see the twin's header for the rest.
import type { Case } from "../differential.js";

const id = "12345678-1234-5678-1234-567812345678";
const body = { start_datetime: "2008-09-15T15:53:00+05:00", end_datetime: "2008-09-16T15:53:00+05:00", process_after: "PT5M" };

export const cases: Case[] = [
  { name: "docs example with repeat_at", method: "PUT", path: `/items/${id}`, json: { ...body, repeat_at: "15:30:00" }, expect: 200, pythonOnly: "a JS Date keeps no UTC offset: Python's datetime writes back the +05:00 it was given" },
  { name: "no repeat_at", method: "PUT", path: `/items/${id}`, json: body, expect: 200, pythonOnly: "a JS Date keeps no UTC offset: Python's datetime writes back the +05:00 it was given" },
  { name: "UTC as Z", method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "2008-09-15T15:53:00Z", end_datetime: "2008-09-16T00:00:00Z" }, expect: 200 },
  { name: "naive datetimes", method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "2008-09-15T15:53:00", end_datetime: "2008-09-16T15:53:00" }, expect: 200, pythonOnly: "JS has no naive datetimes: Python writes them back without an offset" },
  { name: "process_after in seconds", method: "PUT", path: `/items/${id}`, json: { ...body, process_after: 90 }, expect: 200, pythonOnly: "pydantic's timedelta takes seconds as a number, zod's ISO duration only text; and a JS Date keeps no UTC offset" },
  { name: "process_after fractional seconds", method: "PUT", path: `/items/${id}`, json: { ...body, process_after: 1.5 }, expect: 200, pythonOnly: "pydantic's timedelta takes seconds as a number, zod's ISO duration only text; and a JS Date keeps no UTC offset" },
  { name: "process_after ISO with days and hours", method: "PUT", path: `/items/${id}`, json: { ...body, process_after: "P1DT2H" }, expect: 200, pythonOnly: "a JS Date keeps no UTC offset: Python's datetime writes back the +05:00 it was given" },
  { name: "datetime as a Unix timestamp", method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: 1221479580, end_datetime: "2008-09-16T15:53:00+00:00" }, expect: 200, pythonOnly: "pydantic's datetime takes a Unix timestamp, zod's ISO datetime only text" },
  { name: "a date-only datetime", method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "2008-09-15", end_datetime: "2008-09-16" }, expect: 200, pythonOnly: "pydantic's datetime takes a date alone (a naive midnight); zod's ISO datetime does not, and JS has no naive datetimes" },
  {
    name: "microseconds",
    method: "PUT",
    path: `/items/${id}`,
    json: { ...body, start_datetime: "2008-09-15T15:53:00.123456+05:00" },
    expect: 200,
    pythonOnly: "a JS Date keeps milliseconds, not microseconds",
  },
  {
    name: "naive start, aware end: subtracting them raises",
    method: "PUT",
    path: `/items/${id}`,
    json: { ...body, start_datetime: "2008-09-15T15:53:00" },
    expect: 500,
    compare: "status",
    pythonOnly: "JS has no naive datetimes",
  },
  { name: "UUID in capitals is normalised", method: "PUT", path: `/items/${id.toUpperCase()}`, json: body, expect: 200, pythonOnly: "pydantic's UUID writes back the canonical lower-case form, zod's guid the text as given; and a JS Date keeps no UTC offset" },
  { name: "UUID without hyphens", method: "PUT", path: `/items/${id.replace(/-/g, "")}`, json: body, expect: 200, pythonOnly: "pydantic's UUID takes 32 hex digits without hyphens, zod's guid only the hyphenated form; and a JS Date keeps no UTC offset" },
  { name: "UUID in braces", method: "PUT", path: `/items/%7B${id}%7D`, json: body, expect: 200, pythonOnly: "pydantic's UUID takes {braces}, zod's guid only the hyphenated form; and a JS Date keeps no UTC offset" },
  { name: "not a UUID", method: "PUT", path: "/items/not-a-uuid", json: body, expect: 422, compare: "status+loc" },
  { name: "UUID one digit short", method: "PUT", path: `/items/${id.slice(0, -1)}`, json: body, expect: 422, compare: "status+loc" },
  { name: "not a datetime", method: "PUT", path: `/items/${id}`, json: { ...body, start_datetime: "yesterday" }, expect: 422, compare: "status+loc" },
  { name: "an impossible date", method: "PUT", path: `/items/${id}`, json: { ...body, end_datetime: "2008-02-30T00:00:00" }, expect: 422, compare: "status+loc" },
  { name: "not a duration", method: "PUT", path: `/items/${id}`, json: { ...body, process_after: "five minutes" }, expect: 422, compare: "status+loc" },
  { name: "not a time", method: "PUT", path: `/items/${id}`, json: { ...body, repeat_at: "25:00" }, expect: 422, compare: "status+loc" },
  { name: "all body fields missing", method: "PUT", path: `/items/${id}`, json: {}, expect: 422, exact: true },
  { name: "no body", method: "PUT", path: `/items/${id}`, expect: 422, exact: true },
];
