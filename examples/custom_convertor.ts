// A convertor of your own: {name:date} matches 2024-05-01 and gives a Date.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { registerUrlConvertor, type Convertor } from "starlette-ts/convertors";

const DateConvertor: Convertor<Date> = {
  regex: "[0-9]{4}-[0-9]{2}-[0-9]{2}",
  convert: (value) => new Date(`${value}T00:00:00Z`),
  toString: (value) => value.toISOString().slice(0, 10),
};

// Before the routes that use it: a path is compiled when its route is added.
registerUrlConvertor("date", DateConvertor);

export const app = new App();

app.get("/reports/{day:date}")(function report(request: Request) {
  const day = request.pathParams.day as Date;
  const next = new Date(day.getTime() + 24 * 60 * 60 * 1000);
  return { weekday: day.getUTCDay(), next: app.urlPathFor("report", { day: next }) };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
