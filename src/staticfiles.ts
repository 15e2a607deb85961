// Port of starlette/staticfiles.py (1.7). Beside Starlette: a memory of the files
// served (see FileCache), so that a small file costs one stat per request and no
// open or read, while a changed file is still served fresh.
import { existsSync, statSync, type BigIntStats } from "node:fs";
import { realpath as nativeRealpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { notBefore, parsedate } from "./_email_utils.js";
import { FileCache, type CachedFile } from "./_file_cache.js";
import { BOOLEAN, checkOptions, type OptionRule } from "./_options.js";
import { abspath, isWithin, join, normpath, realpath } from "./_posixpath.js";
import { getRoutePath } from "./_utils.js";
import { Headers, URL } from "./datastructures.js";
import { HTTPException } from "./exceptions.js";
import { FileResponse, RedirectResponse, Response, type FileReader } from "./responses.js";
import type { Receive, Scope, Send } from "./types.js";

export interface StaticFilesOptions {
  /** The directory served: a path (from the working directory, as Python's) or a file: URL. */
  directory?: string | globalThis.URL | null;
  /**
   * npm packages whose `statics` folder is served after `directory`: a name, or [name, folder].
   * Each is looked up in node_modules from the working directory up, as `require` would.
   */
  packages?: Array<string | [name: string, folder: string]> | null;
  /** index.html for a directory, 404.html for what is missing. @default false */
  html?: boolean;
  /** Throw at construction when `directory` is no directory. @default true */
  checkDir?: boolean;
  /** Serve a symbolic link that points out of the directory. @default false */
  followSymlink?: boolean;
  /**
   * Bytes of file content kept in memory (files of up to StaticFiles.cacheMaxFileSize each,
   * least recently served first out); 0 stats, opens and reads on every request, as Starlette.
   * @default 33554432 (32 MiB)
   */
  cacheSize?: number;
}

const NOT_MODIFIED_HEADERS = ["cache-control", "content-location", "date", "etag", "expires", "vary"];

/** 304 with the validators of the response it stands for, and nothing else. */
export class NotModifiedResponse extends Response {
  constructor(headers: Headers) {
    const kept: Record<string, string> = {};
    for (const [name, value] of headers.items()) if (NOT_MODIFIED_HEADERS.includes(name)) kept[name] = value;
    super(null, { statusCode: 304, headers: kept });
  }
}

// str.strip() over latin-1 text.
const strip = (text: string): string => text.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0]+$/g, "");

const isWholeNumber = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

const OPTIONS: Record<keyof StaticFilesOptions, OptionRule> = {
  directory: [(v) => v === null || typeof v === "string" || v instanceof globalThis.URL, "a path (a string or a file: URL), or null"],
  packages: [
    (v) => v === null || (Array.isArray(v) && v.every((p) => typeof p === "string" || (Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === "string")))),
    'a list of package names or [name, folder] pairs, or null',
  ],
  html: BOOLEAN,
  checkDir: BOOLEAN,
  followSymlink: BOOLEAN,
  cacheSize: [isWholeNumber, "a whole number of bytes (0 keeps nothing in memory)"],
};

/** Errors a lookup passes over: the file is not there. */
const ABSENT = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Serves the files of a directory (and of packages), mounted under a path:
 * `app.mount("/static", new StaticFiles({ directory: "static" }), "static")`.
 * GET and HEAD only; ETag and Last-Modified with 304s; byte ranges through FileResponse.
 */
export class StaticFiles {
  readonly directory: string | null;
  readonly packages: Array<string | [string, string]> | null;
  readonly allDirectories: string[];
  readonly html: boolean;
  readonly followSymlink: boolean;
  configChecked = false;
  /** Files larger than this are streamed from disk on every request, never kept. */
  static cacheMaxFileSize = 1024 * 1024;
  private readonly cache: FileCache;
  /** Which directory each stat returned by lookupPath was found in. */
  private readonly foundIn = new WeakMap<BigIntStats, number>();

  constructor(options: StaticFilesOptions = {}) {
    checkOptions("StaticFiles", options, OPTIONS);
    const given = options.directory ?? null;
    this.directory = given instanceof globalThis.URL ? fileURLToPath(given) : given;
    this.packages = options.packages ?? null;
    this.allDirectories = this.getDirectories(this.directory, this.packages);
    this.html = options.html ?? false;
    this.followSymlink = options.followSymlink ?? false;
    this.cache = new FileCache(options.cacheSize ?? 32 * 1024 * 1024, (this.constructor as typeof StaticFiles).cacheMaxFileSize);
    if ((options.checkDir ?? true) && this.directory !== null && !isDir(this.directory)) {
      throw new Error(`Directory '${this.directory}' does not exist`);
    }
  }

  /** The directories served, in the order they are searched: `directory`, then each package's folder. */
  getDirectories(directory: string | null, packages: Array<string | [string, string]> | null): string[] {
    const directories = directory !== null ? [directory] : [];
    for (const entry of packages ?? []) {
      const [name, folder] = typeof entry === "string" ? [entry, "statics"] : entry;
      const root = packageRoot(name);
      if (root === null) throw new Error(`Package '${name}' could not be found.`);
      const packageDirectory = normpath(join(root, folder));
      if (!isDir(packageDirectory)) throw new Error(`Directory ''${folder}'' in package '${name}' could not be found.`);
      directories.push(packageDirectory);
    }
    return directories;
  }

  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type === "websocket") return send({ type: "websocket.close", code: 1000, reason: "" });
    if (scope.type !== "http") throw new Error(`StaticFiles serves http requests, not a ${scope.type} scope`);
    if (!this.configChecked) {
      await this.checkConfig();
      this.configChecked = true;
    }
    const path = this.getPath(scope);
    const response = await this.getResponse(path, scope);
    await response.call(scope, receive, send);
  }

  /** The route path as a relative file path, with "." and ".." folded (a leading ".." stays). */
  getPath(scope: Scope): string {
    const [first, ...rest] = getRoutePath(scope).split("/");
    return normpath(join(first, ...rest));
  }

  async getResponse(path: string, scope: Scope): Promise<Response> {
    if (scope.method !== "GET" && scope.method !== "HEAD") throw new HTTPException(405);
    const cached = await this.cache.check(path);
    if (cached !== null) return this.cachedResponse(cached.file, cached.stat, scope);
    let fullPath: string;
    let st: BigIntStats | null;
    try {
      [fullPath, st] = await this.lookupPath(path);
    } catch (exc) {
      const code = (exc as NodeJS.ErrnoException).code;
      if (code === "EACCES" || code === "EPERM") throw new HTTPException(401);
      // A name too long, or a NUL byte (Python's ValueError): it cannot be a file here.
      if (code === "ENAMETOOLONG" || code === "ERR_INVALID_ARG_VALUE") throw new HTTPException(404);
      throw exc;
    }
    if (st?.isFile()) {
      // Only what the first directory holds is remembered: a file appearing in an earlier one would be missed.
      if (this.foundIn.get(st) === 0) return this.cachedResponse(this.cache.remember(path, join(this.allDirectories[0], path), fullPath, st), st, scope);
      return this.fileResponse(fullPath, st, scope);
    }
    if (st?.isDirectory() && this.html) {
      [fullPath, st] = await this.lookupPath(join(path, "index.html"));
      if (st?.isFile()) {
        if (!(scope.path as string).endsWith("/")) {
          // Directory URLs end in "/", so that the page's relative links resolve inside it.
          const url = URL.fromScope(scope);
          return new RedirectResponse(url.replace({ path: url.path + "/" }));
        }
        return this.fileResponse(fullPath, st, scope);
      }
    }
    if (this.html) {
      [fullPath, st] = await this.lookupPath("404.html");
      if (st?.isFile()) return new FileResponse(fullPath, { statResult: st, statusCode: 404 });
    }
    throw new HTTPException(404);
  }

  /** The file a relative path names, and its stat; ["", null] when no directory has it. */
  async lookupPath(path: string): Promise<[string, BigIntStats | null]> {
    // An absolute path would leave the directory (Python's join starts again at one).
    if (path.startsWith("/") || path.startsWith("\\")) return ["", null];
    for (const [index, directory] of this.allDirectories.entries()) {
      const joined = join(directory, path);
      const [fullPath, root] = this.followSymlink ? [abspath(joined), abspath(directory)] : await Promise.all([resolve(joined), resolve(directory)]);
      // Don't let a client break out of the directory.
      if (!isWithin(fullPath, root)) continue;
      try {
        const st = await stat(fullPath, { bigint: true });
        this.foundIn.set(st, index);
        return [fullPath, st];
      } catch (exc) {
        if (!ABSENT.has((exc as NodeJS.ErrnoException).code as string)) throw exc;
      }
    }
    return ["", null];
  }

  fileResponse(fullPath: string, st: BigIntStats, scope: Scope, statusCode = 200): Response {
    const response = new FileResponse(fullPath, { statusCode, statResult: st });
    if (this.isNotModified(response.headers, new Headers({ scope }))) return new NotModifiedResponse(response.headers);
    return response;
  }

  /** fileResponse for a remembered file: its headers made once, its bytes from memory once they are trusted. */
  private async cachedResponse(file: CachedFile, st: BigIntStats, scope: Scope): Promise<Response> {
    const response = new CachedFileResponse(file, st);
    if (this.isNotModified(response.headers, new Headers({ scope }))) return new NotModifiedResponse(response.headers);
    if (scope.method === "GET") response.content = await this.cache.content(file, st);
    return response;
  }

  /** Once, at the first request: a directory that is missing or no directory is an error, not a 404. */
  async checkConfig(): Promise<void> {
    if (this.directory === null) return;
    let st;
    try {
      st = await stat(this.directory);
    } catch (exc) {
      if ((exc as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`StaticFiles directory '${this.directory}' does not exist.`);
      throw exc;
    }
    if (!st.isDirectory()) throw new Error(`StaticFiles path '${this.directory}' is not a directory.`);
  }

  /** Whether the client's copy is current: If-None-Match first (any of its tags, weak or strong), else If-Modified-Since. */
  isNotModified(responseHeaders: Headers, requestHeaders: Headers): boolean {
    const ifNoneMatch = requestHeaders.get("if-none-match");
    if (ifNoneMatch) {
      if (strip(ifNoneMatch) === "*") return true;
      const etag = responseHeaders.get("etag");
      return ifNoneMatch.split(",").some((tag) => strip(tag).replace(/^W\//, "") === etag);
    }
    const ifModifiedSince = requestHeaders.get("if-modified-since");
    const lastModified = responseHeaders.get("last-modified");
    if (ifModifiedSince === null || lastModified === null) return false;
    const since = parsedate(ifModifiedSince);
    const modified = parsedate(lastModified);
    return since !== null && modified !== null && notBefore(since, modified);
  }

  toString(): string {
    return `StaticFiles(directory=${this.directory === null ? "None" : `'${this.directory}'`})`;
  }
}

/** A FileResponse whose headers were worked out when its file was first served, and whose bytes may be in memory. */
class CachedFileResponse extends FileResponse {
  content: Uint8Array | null = null;

  constructor(file: CachedFile, st: BigIntStats) {
    super(file.fullPath, { mediaType: file.mediaType });
    // What setStatHeaders would add for this stat, made when the file was first served.
    this.rawHeaders.push(["content-length", file.size], ["last-modified", file.lastModified], ["etag", file.etag]);
    this.statResult = st;
  }

  protected override async openFile(): Promise<FileReader> {
    const content = this.content;
    if (content === null) return super.openFile();
    return { read: async (position, length) => content.subarray(position, position + length), close: async () => undefined };
  }

  protected override async handleSimple(send: Send, headerOnly: boolean, pathsend: boolean): Promise<void> {
    if (this.content === null || headerOnly) return super.handleSimple(send, headerOnly, pathsend);
    await send({ type: "http.response.start", status: this.statusCode, headers: this.rawHeaders });
    await send({ type: "http.response.body", body: this.content, more_body: false });
  }
}

/** os.path.realpath: the system's realpath(3) where it succeeds, Python's own walk where it cannot resolve every part. */
async function resolve(path: string): Promise<string> {
  try {
    return await nativeRealpath(path);
  } catch {
    return realpath(path);
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The root folder of an installed package, found as `require` finds it (node_modules up from the working directory). */
function packageRoot(name: string): string | null {
  const require = createRequire(join(process.cwd(), "package.json"));
  for (const base of require.resolve.paths(name) ?? []) {
    const candidate = join(base, name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
  }
  return null;
}
