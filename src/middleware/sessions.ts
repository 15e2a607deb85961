// Port of starlette/middleware/sessions.py (1.x): a signed cookie holds the
// session as base64(JSON); Set-Cookie only when the session was modified,
// Vary: Cookie whenever it was read.
import { dumps } from "../itsdangerous/_json.js";
import { b64decode } from "../itsdangerous/encoding.js";
import { BadSignature } from "../itsdangerous/exc.js";
import { TimestampSigner } from "../itsdangerous/timed.js";
import { rejectUnknownOptions } from "../_options.js";
import { cookieValue } from "../requests.js";
import type { Session as SessionShape } from "../_session.js";
import type { ASGIApp, HeaderList, Message, Receive, Scope, Send } from "../types.js";

export type SameSiteOption = "lax" | "strict" | "none";

export interface SessionOptions {
  /** Signs the cookie. A list rotates keys: the last one signs, every one verifies. */
  secretKey: string | readonly string[];
  /** @default "session" */
  sessionCookie?: string;
  /** Seconds; `null`: a browser-session cookie with no age check. @default 1209600 (14 days) */
  maxAge?: number | null;
  /** @default "/" */
  path?: string;
  /** @default "lax" */
  sameSite?: SameSiteOption | Capitalize<SameSiteOption>;
  /** Adds `secure`: the browser sends the cookie over HTTPS only. @default false */
  httpsOnly?: boolean;
  domain?: string | null;
}

/**
 * The session: a Map (insertion order kept, any key is plain data) with the
 * dict operations Starlette's docs use, tracking reads and writes.
 */
export class Session extends Map<string, unknown> implements SessionShape {
  accessed = false;
  modified = false;

  constructor(entries?: Iterable<readonly [string, unknown]> | Record<string, unknown>) {
    super();
    if (entries) {
      const list = Symbol.iterator in entries ? (entries as Iterable<readonly [string, unknown]>) : Object.entries(entries);
      for (const [k, v] of list) super.set(k, v);
    }
  }

  markAccessed(): void {
    this.accessed = true;
  }

  markModified(): void {
    this.accessed = true;
    this.modified = true;
  }

  /** The value, or `defaultValue` (null unless given) when the key is missing: Python's dict.get. */
  override get<T = unknown>(key: string, defaultValue: T | null = null): T | null {
    return super.has(key) ? (super.get(key) as T) : defaultValue;
  }

  override set(key: string, value: unknown): this {
    this.markModified();
    return super.set(key, value);
  }

  /** Python's `del session[key]`; only a key that was there counts as a change. */
  override delete(key: string): boolean {
    const existed = super.delete(key);
    if (existed) this.markModified();
    return existed;
  }

  override clear(): void {
    this.markModified();
    super.clear();
  }

  /** Remove a key and return its value (or the default). */
  pop<T = unknown>(key: string, defaultValue: T | null = null): T | null {
    if (!super.has(key)) return defaultValue;
    this.modified = true;
    const value = super.get(key) as T;
    super.delete(key);
    return value;
  }

  /** The value of `key`, setting it to `defaultValue` first if it is missing. */
  setdefault<T = unknown>(key: string, defaultValue: T): T {
    if (!super.has(key)) this.set(key, defaultValue);
    return super.get(key) as T;
  }

  /** Set several keys at once (always counts as a change, as in Starlette). */
  update(values: Record<string, unknown> | Iterable<readonly [string, unknown]>): void {
    this.markModified();
    const list = Symbol.iterator in values ? (values as Iterable<readonly [string, unknown]>) : Object.entries(values);
    for (const [k, v] of list) super.set(k, v);
  }

  /** A plain copy, Python's `dict(session)`; it has no prototype, so "__proto__" stays data. */
  toObject(): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of this) out[k] = v;
    return out;
  }

  toJSON(): Record<string, unknown> {
    return this.toObject();
  }
}

// What browsers keep for one cookie (name, value and attributes).
const MAX_COOKIE_BYTES = 4096;

const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SAFE_ATTRIBUTE = /^[^;\s\x00-\x1f\x7f]*$/;

const OPTION_NAMES: Record<keyof SessionOptions, true> = {
  secretKey: true, sessionCookie: true, maxAge: true, path: true, sameSite: true, httpsOnly: true, domain: true,
};

function validate(options: SessionOptions): void {
  // Unknown names first: `secret_key` is pointed to secretKey rather than reported missing.
  if (typeof options === "object" && options !== null) rejectUnknownOptions("SessionMiddleware", options, Object.keys(OPTION_NAMES));
  const keys = typeof options?.secretKey === "string" ? [options.secretKey] : options?.secretKey;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== "string" || k === "")) {
    throw new TypeError(
      "SessionMiddleware needs a secretKey: a non-empty string (or a list of them, oldest first, to rotate keys). " +
        'Generate one with crypto.randomBytes(32).toString("hex") and keep it out of the code, e.g. process.env.SECRET_KEY.',
    );
  }
  const { sessionCookie, maxAge, path, sameSite, domain, httpsOnly } = options;
  if (sessionCookie !== undefined && (typeof sessionCookie !== "string" || !COOKIE_NAME.test(sessionCookie))) {
    throw new TypeError(`SessionMiddleware sessionCookie ${JSON.stringify(sessionCookie)} is not a valid cookie name: use letters, digits and !#$%&'*+-.^_\`|~`);
  }
  if (maxAge !== undefined && maxAge !== null && !Number.isInteger(maxAge)) {
    throw new TypeError(`SessionMiddleware maxAge must be a whole number of seconds, or null for a browser-session cookie; got ${String(maxAge)}`);
  }
  if (path !== undefined && (typeof path !== "string" || !path.startsWith("/") || !SAFE_ATTRIBUTE.test(path))) {
    throw new TypeError(`SessionMiddleware path ${JSON.stringify(path)} must start with "/" and contain no ";", spaces or control characters`);
  }
  if (domain !== undefined && domain !== null && (typeof domain !== "string" || domain === "" || !SAFE_ATTRIBUTE.test(domain))) {
    throw new TypeError(`SessionMiddleware domain ${JSON.stringify(domain)} must be a host name with no ";", spaces or control characters`);
  }
  if (sameSite !== undefined && !["lax", "strict", "none"].includes(String(sameSite).toLowerCase())) {
    throw new TypeError(`SessionMiddleware sameSite must be "lax", "strict" or "none"; got ${JSON.stringify(sameSite)}`);
  }
  if (httpsOnly !== undefined && typeof httpsOnly !== "boolean") {
    throw new TypeError(`SessionMiddleware httpsOnly must be true or false; got ${JSON.stringify(httpsOnly)}`);
  }
  // Starlette allows it, but browsers drop a SameSite=None cookie that is not Secure.
  if (String(sameSite).toLowerCase() === "none" && !httpsOnly) {
    throw new TypeError('SessionMiddleware sameSite "none" needs httpsOnly: true: browsers refuse SameSite=None cookies without Secure');
  }
}

/** MutableHeaders.add_vary_header("Cookie"): merged into the first vary header, or appended. */
function addVaryCookie(headers: HeaderList): void {
  let first = -1;
  for (let i = 0; i < headers.length; i++) {
    if (headers[i][0] !== "vary") continue;
    if (first < 0) first = i;
    else headers.splice(i--, 1);
  }
  if (first < 0) headers.push(["vary", "Cookie"]);
  else headers[first] = ["vary", `${headers[first][1]}, Cookie`];
}

function decodeSession(payload: string): Session | null {
  try {
    const data: unknown = JSON.parse(b64decode(payload).toString("utf8"));
    if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
    return new Session(data as Record<string, unknown>);
  } catch {
    return null;
  }
}

/**
 * Keeps `request.session` in a signed cookie, byte-compatible with Starlette's.
 *
 * @example
 * app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY! });
 */
export class SessionMiddleware {
  readonly signer: TimestampSigner;
  readonly sessionCookie: string;
  readonly maxAge: number | null;
  readonly path: string;
  readonly securityFlags: string;

  constructor(
    readonly app: ASGIApp,
    options: SessionOptions,
  ) {
    validate(options);
    this.signer = new TimestampSigner(options.secretKey);
    this.sessionCookie = options.sessionCookie ?? "session";
    this.maxAge = options.maxAge === undefined ? 14 * 24 * 60 * 60 : options.maxAge; // 14 days, in seconds
    this.path = options.path ?? "/";
    this.securityFlags = "httponly; samesite=" + (options.sameSite ?? "lax");
    if (options.httpsOnly) this.securityFlags += "; secure"; // Secure flag can be used with HTTPS only
    if (options.domain !== undefined && options.domain !== null) this.securityFlags += `; domain=${options.domain}`;
  }

  private warned = false;

  /** Browsers drop cookies over 4096 bytes without a word: say so (an error in debug mode). */
  private tooLarge(length: number, scope: Scope): void {
    const message =
      `The session cookie is ${length} bytes; browsers drop cookies over ${MAX_COOKIE_BYTES} bytes, so this session will be lost. ` +
      "Keep ids in the session and the data on the server.";
    if ((scope.app as { debug?: boolean } | undefined)?.debug) throw new Error(message);
    if (!this.warned) {
      this.warned = true;
      process.emitWarning(message, { code: "STARLETTE_TS_SESSION_COOKIE_SIZE" });
    }
  }

  // Not async: it only hands the inner app's promise on, and this runs for every request.
  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http" && scope.type !== "websocket") return this.app(scope, receive, send);

    let initialSessionWasEmpty = true;
    const cookie = cookieValue(scope, this.sessionCookie);
    let session: Session | null = null;
    if (cookie !== undefined) {
      try {
        // A cookie that verifies but does not decode to an object is treated like a bad one.
        session = decodeSession(this.signer.unsign(cookie, { maxAge: this.maxAge }));
        initialSessionWasEmpty = session === null;
      } catch (exc) {
        if (!(exc instanceof BadSignature)) throw exc;
      }
    }
    scope.session = session ?? new Session();

    const sendWrapper: Send = (message: Message) => {
      if (message.type === "http.response.start") {
        const current = scope.session;
        const s = current instanceof Session ? current : new Session(Object.entries(current ?? {}));
        if (!(current instanceof Session)) s.markModified(); // replaced wholesale by the app
        if (!s.accessed) return send(message); // neither Vary nor Set-Cookie to add
        // Starlette wraps the headers in MutableHeaders: a copy of the list, put back on the message.
        const headers: HeaderList = message.headers ? [...message.headers] : [];
        message.headers = headers;
        addVaryCookie(headers);
        // The values below are built from validated options and base64 text: no header check needed.
        if (s.modified && s.size > 0) {
          const data = this.signer.sign(Buffer.from(dumps(s), "utf8").toString("base64"));
          const maxAge = this.maxAge ? `Max-Age=${this.maxAge}; ` : "";
          const cookie = `${this.sessionCookie}=${data}; path=${this.path}; ${maxAge}${this.securityFlags}`;
          if (cookie.length > MAX_COOKIE_BYTES) this.tooLarge(cookie.length, scope);
          headers.push(["set-cookie", cookie]);
        } else if (s.modified && !initialSessionWasEmpty) {
          headers.push(["set-cookie", `${this.sessionCookie}=null; path=${this.path}; expires=Thu, 01 Jan 1970 00:00:00 GMT; ${this.securityFlags}`]);
        }
      }
      return send(message);
    };
    return this.app(scope, receive, sendWrapper);
  }
}
