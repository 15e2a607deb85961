// Port of email.utils.parsedate (Python 3.11's email/_parseaddr.py): the lenient
// date reader StaticFiles compares If-Modified-Since with. Its result is the
// date's fields as written, the zone ignored, as Python's time tuple without it.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

// str.split() and str.isdigit() over latin-1 text (header values are latin-1 here).
const WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0]+/;
const isDigit = (ch: string): boolean => /[0-9\xb2\xb3\xb9]/.test(ch);

/** int(text) for text without whitespace: null where Python raises ValueError (too many digits included). */
function pyInt(text: string): bigint | null {
  const m = /^([+-]?)([0-9]+(?:_[0-9]+)*)$/.exec(text);
  if (m === null) return null;
  const digits = m[2].replace(/_/g, "");
  if (digits.length > 4300) return null;
  return m[1] === "-" ? -BigInt(digits) : BigInt(digits);
}

/** year, month, day, hour, minute, second, as Python's tuple has them first (the last three never differ). */
export type DateFields = [bigint, bigint, bigint, bigint, bigint, bigint];

/** email.utils.parsedate(text)[:6], or null where Python gives None. */
export function parsedate(text: string): DateFields | null {
  let data = text.split(WHITESPACE).filter((s) => s !== "");
  if (data.length === 0) return null;
  // The space after the day's name and its comma is optional.
  if (data[0].endsWith(",") || DAYS.includes(data[0].toLowerCase())) data.shift();
  else data[0] = data[0].slice(data[0].lastIndexOf(",") + 1);
  if (data.length === 3) {
    // RFC 850: 06-Nov-94
    const stuff = data[0].split("-");
    if (stuff.length === 3) data = [...stuff, ...data.slice(1)];
  }
  if (data.length === 4) {
    const s = data[3];
    let i = s.indexOf("+");
    if (i === -1) i = s.indexOf("-");
    if (i > 0) data.splice(3, 1, s.slice(0, i), s.slice(i));
    else data.push("");
  }
  if (data.length < 5) return null;
  let [dd, mm, yy, tm] = data;
  if (!(dd && mm && yy)) return null;
  mm = mm.toLowerCase();
  if (!MONTHS.includes(mm)) {
    [dd, mm] = [mm, dd.toLowerCase()];
    if (!MONTHS.includes(mm)) return null;
  }
  let month = MONTHS.indexOf(mm) + 1;
  if (month > 12) month -= 12;
  if (dd.endsWith(",")) dd = dd.slice(0, -1);
  if (yy.indexOf(":") > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(",")) {
    yy = yy.slice(0, -1);
    if (!yy) return null;
  }
  // Python swaps the year and the zone here; only the year is read after.
  if (!isDigit(yy[0])) yy = data[4];
  if (tm.endsWith(",")) tm = tm.slice(0, -1);
  let parts = tm.split(":");
  if (parts.length === 2) parts.push("0");
  else if (parts.length === 1 && parts[0].includes(".")) {
    parts = parts[0].split(".");
    if (parts.length === 2) parts.push("0");
    else if (parts.length !== 3) return null;
  } else if (parts.length !== 3) return null;
  const numbers = [yy, dd, ...parts].map(pyInt);
  if (numbers.some((n) => n === null)) return null;
  let [year, day, hour, minute, second] = numbers as bigint[];
  // Two-digit years: 69-99 are 1969-1999, 0-68 are 2000-2068 (POSIX).
  if (year < 100n) year += year > 68n ? 1900n : 2000n;
  return [year, BigInt(month), day, hour, minute, second];
}

/** Python's `a >= b` on two such tuples. */
export function notBefore(a: DateFields, b: DateFields): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
