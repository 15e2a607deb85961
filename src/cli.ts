// Port of uvicorn/main.py and the parts of uvicorn/config.py it drives: the
// starlette-ts command. `starlette-ts main:app --reload`, with uvicorn's flags,
// messages and exit codes; --workers and --reload run node:cluster supervisors.
import cluster from "node:cluster";
import { readFileSync, statSync } from "node:fs";
import { type as osType } from "node:os";
import { resolve } from "node:path";
import { ImportFromStringError, importFromString } from "./_cli/importer.js";
import { DEFAULT_EXCLUDES, DEFAULT_INCLUDES, EAGER_HELP, OPTIONS } from "./_cli/options.js";
import { formatHelp, parseArgs, UsageError, type Value } from "./_cli/parser.js";
import { Multiprocess, STARTUP_FAILURE } from "./_supervisors/multiprocess.js";
import { StatReload, type ReloadConfig } from "./_supervisors/reload.js";
import { serve, type ServeOptions } from "./server.js";

type LogLevel = NonNullable<ServeOptions["logLevel"]>;
import type { ASGIAppLike } from "./types.js";

export { STARTUP_FAILURE };

const PROG = "starlette-ts";
/** click's auto_envvar_prefix: STARLETTE_TS_PORT=9000 is --port 9000 (uvicorn reads UVICORN_PORT). */
export const ENV_PREFIX = "STARLETTE_TS";

type Log = (line: string) => void;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

function usageError(exc: UsageError): string {
  const usage = exc.withUsage ? `Usage: ${PROG} [OPTIONS] APP\nTry '${PROG} --help' for help.\n\n` : "";
  return `${usage}Error: ${exc.message}`;
}

/** The serve() options the flags give. */
export function serveOptions(values: Record<string, Value>): ServeOptions {
  const given = <T>(value: Value): T | undefined => (value === null ? undefined : (value as T));
  return {
    host: values.host as string,
    port: values.port as number,
    uds: given(values.uds),
    fd: given(values.fd),
    rootPath: values.root_path as string,
    accessLog: values.access_log as boolean,
    proxyHeaders: values.proxy_headers as boolean,
    forwardedAllowIps: given(values.forwarded_allow_ips),
    wsMaxSize: values.ws_max_size as number,
    wsMaxQueue: values.ws_max_queue as number,
    wsPingInterval: values.ws_ping_interval as number,
    wsPingTimeout: values.ws_ping_timeout as number,
    wsPerMessageDeflate: values.ws_per_message_deflate as boolean,
    lifespan: values.lifespan as "auto" | "on" | "off",
    logLevel: (given<LogLevel>(values.log_level) ?? "info") as LogLevel,
    limitConcurrency: values.limit_concurrency as number | null,
    limitMaxRequests: values.limit_max_requests as number | null,
    timeoutKeepAlive: values.timeout_keep_alive as number,
    timeoutGracefulShutdown: values.timeout_graceful_shutdown as number | null,
    sslKeyfile: given(values.ssl_keyfile),
    sslCertfile: given(values.ssl_certfile),
    sslKeyfilePassword: given(values.ssl_keyfile_password),
  };
}

const isAppLike = (value: unknown): value is ASGIAppLike =>
  typeof value === "function" || (typeof value === "object" && value !== null && typeof (value as { call?: unknown }).call === "function");

// A function nobody could call as an app (it takes no scope): uvicorn's factory detection.
const isClass = (value: unknown): boolean => typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));

/** Config.load's app half: import, call a factory, check what came out. Logs and returns null on failure. */
export async function loadApp(importStr: string, appDir: string, factory: boolean, log: Log): Promise<ASGIAppLike | null> {
  let loaded: unknown;
  try {
    loaded = await importFromString(importStr, appDir);
  } catch (exc) {
    if (!(exc instanceof ImportFromStringError)) throw exc;
    log(`ERROR:    Error loading ASGI app. ${exc.message}`);
    return null;
  }
  if (factory || (typeof loaded === "function" && loaded.length === 0 && !isClass(loaded))) {
    if (typeof loaded !== "function") {
      log(`ERROR:    Error loading ASGI app factory: ${importStr} is not a function`);
      return null;
    }
    if (!factory) log("WARNING:  ASGI app factory detected. Using it, but please consider setting the --factory flag explicitly.");
    loaded = await (loaded as () => unknown)();
  }
  if (!isAppLike(loaded)) {
    log(`ERROR:    Error loading ASGI app. "${importStr}" is not an ASGI app (a function or an object with a call() method).`);
    return null;
  }
  return loaded;
}

/** One server in this process (the single process, or a worker); resolves to the exit code. */
async function runServer(importStr: string, values: Record<string, Value>, log: Log): Promise<number> {
  const app = await loadApp(importStr, resolve(values.app_dir as string), values.factory as boolean, log);
  if (app === null) return STARTUP_FAILURE;
  const options = serveOptions(values);
  let handle;
  try {
    handle = await serve(app, { ...options, log });
  } catch (exc) {
    // serve() has said why when the lifespan startup failed or the socket could not be bound; not for a value it refuses.
    if (exc instanceof TypeError && exc.message.startsWith("serve()")) log(`ERROR:    ${exc.message}`);
    return STARTUP_FAILURE;
  }
  await handle.closed;
  return 0;
}

// Config's reload half: the watched directories, includes and excludes, as uvicorn resolves them.
export function reloadConfig(values: Record<string, Value>, log: Log): ReloadConfig {
  const includes = values.reload_includes as string[];
  const excludes = values.reload_excludes as string[];
  const isDir = (p: string): boolean => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const excludeDirs = excludes.filter(isDir).map((p) => resolve(p));
  const given = (values.reload_dirs as string[]).map((p) => resolve(p));
  let dirs = [...new Set(given.filter(isDir))];
  dirs = dirs.filter((dir) => !excludeDirs.some((ex) => dir === ex || dir.startsWith(ex + "/")));
  if (dirs.length === 0) {
    if (given.length > 0) log(`WARNING:  Provided reload directories ${pyList(given)} did not contain valid directories, watching current working directory.`);
    dirs = [process.cwd()];
  }
  log(`INFO:     Will watch for changes in these directories: ${pyList([...dirs].sort())}`);
  return {
    dirs,
    // An exclude wins over an include, and an include over a default exclude.
    includes: [...new Set([...DEFAULT_INCLUDES, ...includes])].filter((p) => !excludes.includes(p)),
    excludes: [...new Set([...DEFAULT_EXCLUDES.filter((p) => !includes.includes(p)), ...excludes.filter((p) => !isDir(p))])],
    excludeDirs,
    delay: values.reload_delay as number,
  };
}

const pyList = (items: string[]): string => `[${items.map((i) => `'${i}'`).join(", ")}]`;

type ProcessEnv = Record<string, string | undefined>;

/**
 * The command: parses `argv` (without node and the script), then serves, supervises workers,
 * or reloads. Resolves to the exit code: 0, 2 for a usage error, 3 when the app cannot start.
 */
export async function main(argv: readonly string[] = process.argv.slice(2), env: ProcessEnv = process.env, log: Log = (line) => console.error(line)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv, OPTIONS, env, ENV_PREFIX);
  } catch (exc) {
    log(usageError(exc as UsageError)); // parseArgs throws nothing else
    return 2;
  }
  if (parsed.eager === "help") {
    process.stdout.write(formatHelp(PROG, OPTIONS, EAGER_HELP));
    return 0;
  }
  if (parsed.eager === "version") {
    process.stdout.write(`Running ${PROG} ${version()} with Node.js ${process.version} on ${osType()}\n`);
    return 0;
  }
  const { app, values } = parsed;
  // A worker is this same command run again by the supervisor: it only serves.
  if (cluster.isWorker) return runServer(app, values, log);

  const reload = values.reload as boolean;
  const watching = (["reload_dirs", "reload_includes", "reload_excludes"] as const).some((k) => (values[k] as string[]).length > 0);
  if (watching && !reload) log("WARNING:  Current configuration will not reload as not all conditions are met, please refer to documentation.");
  const reloading = reload ? reloadConfig(values, log) : null;
  if (values.env_file !== null) {
    log(`INFO:     Loading environment from '${values.env_file as string}'`);
    loadEnvFile(values.env_file as string, env);
  }
  let workers = (values.workers as number | null) ?? 1;
  if (values.workers === null && env.WEB_CONCURRENCY !== undefined) workers = Number.parseInt(env.WEB_CONCURRENCY, 10);
  if (reloading !== null && workers > 1) log('WARNING:  "workers" flag is ignored when reloading is enabled.');
  if (reloading !== null) return new StatReload(reloading, log).run();
  if (workers > 1) return new Multiprocess(workers, log).run();
  return runServer(app, values, log);
}

/** python-dotenv's load_dotenv: the file's variables, without overriding those already set. */
export function loadEnvFile(path: string, env: ProcessEnv): void {
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m === null) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length > 1 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    } else value = value.replace(/\s+#.*$/, "");
    if (env[m[1]] === undefined) env[m[1]] = value;
  }
}
