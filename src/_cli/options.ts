// Port of uvicorn/main.py's click options: the flags of the starlette-ts
// command, with uvicorn's names, defaults and help text (the ones that mean
// something on Node.js).
import type { OptionSpec } from "./parser.js";

/** Watched by --reload unless --reload-exclude names them (uvicorn's '*.py'). */
export const DEFAULT_INCLUDES = ["*.ts", "*.mts", "*.cts", "*.js", "*.mjs", "*.cjs", "*.json"];
/** Never watched unless --reload-include names them (uvicorn's '.*, .py[cod], .sw.*, ~*'). */
export const DEFAULT_EXCLUDES = [".*", ".sw.*", "~*", "*.d.ts"];

export const LOG_LEVELS = ["critical", "error", "warning", "info", "debug", "trace"] as const;

export const OPTIONS: readonly OptionSpec[] = [
  { flags: "--host", dest: "host", kind: "text", default: "127.0.0.1", showDefault: true, help: "Bind socket to this host." },
  { flags: "--port", dest: "port", kind: "integer", default: 8000, showDefault: true, help: "Bind socket to this port. If 0, an available port will be picked." },
  { flags: "--uds", dest: "uds", kind: "text", help: "Bind to a UNIX domain socket." },
  { flags: "--fd", dest: "fd", kind: "integer", help: "Bind to socket from this file descriptor." },
  { flags: "--reload", dest: "reload", kind: "flag", default: false, help: "Enable auto-reload." },
  { flags: "--reload-dir", dest: "reload_dirs", kind: "path", multiple: true, help: "Set reload directories explicitly, instead of using the current working directory." },
  {
    flags: "--reload-include",
    dest: "reload_includes",
    kind: "text",
    multiple: true,
    help: `Set glob patterns to include while watching for files. Includes ${DEFAULT_INCLUDES.map((p) => `'${p}'`).join(", ")} by default; these defaults can be overridden with \`--reload-exclude\`.`,
  },
  {
    flags: "--reload-exclude",
    dest: "reload_excludes",
    kind: "text",
    multiple: true,
    help: `Set glob patterns to exclude while watching for files. Includes '${DEFAULT_EXCLUDES.join(", ")}' by default; these defaults can be overridden with \`--reload-include\`. A directory excludes everything below it; node_modules is never watched.`,
  },
  { flags: "--reload-delay", dest: "reload_delay", kind: "float", default: 0.25, showDefault: true, help: "Delay between previous and next check if application needs to be. Defaults to 0.25s." },
  { flags: "--workers", dest: "workers", kind: "integer", help: "Number of worker processes. Defaults to the $WEB_CONCURRENCY environment variable if available, or 1. Not valid with --reload." },
  { flags: "--ws-max-size", dest: "ws_max_size", kind: "integer", default: 16777216, showDefault: true, help: "WebSocket max size message in bytes" },
  { flags: "--ws-max-queue", dest: "ws_max_queue", kind: "integer", default: 32, showDefault: true, help: "The maximum length of the WebSocket message queue." },
  { flags: "--ws-ping-interval", dest: "ws_ping_interval", kind: "float", default: 20.0, showDefault: true, help: "WebSocket ping interval in seconds." },
  { flags: "--ws-ping-timeout", dest: "ws_ping_timeout", kind: "float", default: 20.0, showDefault: true, help: "WebSocket ping timeout in seconds." },
  { flags: "--ws-per-message-deflate", dest: "ws_per_message_deflate", kind: "boolean", default: true, showDefault: true, help: "WebSocket per-message-deflate compression" },
  { flags: "--lifespan", dest: "lifespan", kind: "choice", choices: ["auto", "on", "off"], default: "auto", showDefault: true, help: "Lifespan implementation." },
  { flags: "--env-file", dest: "env_file", kind: "path", help: "Environment configuration file." },
  { flags: "--log-level", dest: "log_level", kind: "choice", choices: LOG_LEVELS, help: "Log level. [default: info]" },
  { flags: "--access-log/--no-access-log", dest: "access_log", kind: "switch", default: true, help: "Enable/Disable access log." },
  {
    flags: "--proxy-headers/--no-proxy-headers",
    dest: "proxy_headers",
    kind: "switch",
    default: true,
    help: "Enable/Disable X-Forwarded-Proto, X-Forwarded-For to populate url scheme and remote address info.",
  },
  {
    flags: "--forwarded-allow-ips",
    dest: "forwarded_allow_ips",
    kind: "text",
    help: "Comma separated list of IP Addresses, IP Networks, or literals (e.g. UNIX Socket path) to trust with proxy headers. Defaults to the $FORWARDED_ALLOW_IPS environment variable if available, or '127.0.0.1,::1'. The literal '*' means trust everything.",
  },
  { flags: "--root-path", dest: "root_path", kind: "text", default: "", help: "Set the ASGI 'root_path' for applications submounted below a given URL path." },
  { flags: "--limit-concurrency", dest: "limit_concurrency", kind: "integer", help: "Maximum number of concurrent connections or tasks to allow, before issuing HTTP 503 responses." },
  { flags: "--limit-max-requests", dest: "limit_max_requests", kind: "integer", help: "Maximum number of requests to service before terminating the process." },
  { flags: "--timeout-keep-alive", dest: "timeout_keep_alive", kind: "integer", default: 5, showDefault: true, help: "Close Keep-Alive connections if no new data is received within this timeout (in seconds)." },
  { flags: "--timeout-graceful-shutdown", dest: "timeout_graceful_shutdown", kind: "integer", help: "Maximum number of seconds to wait for graceful shutdown." },
  { flags: "--ssl-keyfile", dest: "ssl_keyfile", kind: "text", help: "SSL key file" },
  { flags: "--ssl-certfile", dest: "ssl_certfile", kind: "text", help: "SSL certificate file" },
  { flags: "--ssl-keyfile-password", dest: "ssl_keyfile_password", kind: "text", help: "SSL keyfile password" },
  {
    flags: "--app-dir",
    dest: "app_dir",
    kind: "text",
    default: "",
    showDefault: true,
    help: "Look for APP in the specified directory (a module path is relative to it). Defaults to the current working directory.",
  },
  { flags: "--factory", dest: "factory", kind: "flag", default: false, help: "Treat APP as an application factory, i.e. a () -> <ASGI app> callable." },
];

export const EAGER_HELP: ReadonlyArray<readonly [string, string]> = [
  ["--version", "Display the starlette-ts version and exit."],
  ["--help", "Show this message and exit."],
];
