// Port of fastapi/security/utils.py.

// Python's str.isspace(): JavaScript's \s lacks \x1c-\x1f and \x85, and has \ufeff.
const PY_SPACE = "\\t-\\r\\x1c- \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");
const RUNS = new RegExp(`[${PY_SPACE}]+`);

/** Python's `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(STRIP, "");
}

/** Python's `s.split()`: the words between runs of whitespace, none for a blank string. */
export function pySplit(s: string): string[] {
  const stripped = pyStrip(s);
  return stripped === "" ? [] : stripped.split(RUNS);
}

/**
 * An Authorization header's scheme and credentials, split at the first space, the credentials
 * stripped: `"Bearer  abc "` gives `["Bearer", "abc"]`, no header `["", ""]`.
 */
export function getAuthorizationSchemeParam(authorizationHeaderValue: string | null | undefined): [scheme: string, param: string] {
  if (!authorizationHeaderValue) return ["", ""];
  const space = authorizationHeaderValue.indexOf(" ");
  if (space === -1) return [authorizationHeaderValue, ""];
  return [authorizationHeaderValue.slice(0, space), pyStrip(authorizationHeaderValue.slice(space + 1))];
}
