// MutableHeaders' edits on a raw ASGI header list, for the middleware that
// touch every response (CORS, GZip): the values they set are checked when the
// middleware is built, or are the request's own, already parsed by a server,
// so the per-call checks MutableHeaders makes would find nothing.
import type { HeaderList } from "../types.js";

/** `headers[name] = value`: the first header of that name replaced, the others dropped; else appended. `name` is lower-case. */
export function setHeader(list: HeaderList, name: string, value: string): void {
  let found = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i][0] !== name) continue;
    if (found >= 0) list.splice(found, 1);
    found = i;
  }
  if (found >= 0) list[found] = [name, value];
  else list.push([name, value]);
}

/** MutableHeaders.add_vary_header: appended to the first Vary value (the others are dropped), or a new Vary header. */
export function addVaryHeader(list: HeaderList, vary: string): void {
  for (const [name, value] of list) {
    if (name === "vary") return setHeader(list, "vary", `${value}, ${vary}`);
  }
  list.push(["vary", vary]);
}

/** `del headers[name]`: every header of that name. */
export function deleteHeader(list: HeaderList, name: string): void {
  for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === name) list.splice(i, 1);
}
