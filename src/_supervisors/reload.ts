// Port of uvicorn/supervisors/basereload.py and statreload.py, with the file
// filter of watchfilesreload.py: polls the watched directories, and on a
// change starts a fresh worker (node:cluster), retiring the old one once the
// new one serves, so requests keep being answered across a reload.
import cluster, { type Worker } from "node:cluster";
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { exited, terminate, whenListening } from "./multiprocess.js";

type Log = (line: string) => void;

export interface ReloadConfig {
  /** Absolute directories to watch. */
  dirs: string[];
  includes: string[];
  excludes: string[];
  /** Directories whose contents are never watched. */
  excludeDirs: string[];
  /** Seconds between two scans. */
  delay: number;
}

/** fnmatch's pattern as a regular expression. */
function fnmatch(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[" && pattern.indexOf("]", i + 2) > 0) {
      const end = pattern.indexOf("]", i + 2);
      const body = pattern.slice(i + 1, end);
      out += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "s");
}

/** pathlib's PurePath.match: a relative pattern matches the path's last components. */
export function pathMatch(path: string, pattern: string): boolean {
  const parts = path.split(sep).filter(Boolean);
  const wanted = pattern.split("/").filter(Boolean);
  if (wanted.length > parts.length) return false;
  return wanted.every((p, i) => fnmatch(p).test(parts[parts.length - wanted.length + i]));
}

/** uvicorn's FileFilter: an included name not excluded, outside the excluded directories. */
export function fileFilter(config: Pick<ReloadConfig, "includes" | "excludes" | "excludeDirs">): (path: string) => boolean {
  return (path) =>
    config.includes.some((p) => pathMatch(path, p)) &&
    !config.excludeDirs.some((dir) => path.startsWith(dir + sep)) &&
    !config.excludes.some((p) => pathMatch(path, p));
}

/** The watched files and their modification times; node_modules and excluded directories are not entered. */
export function scan(config: ReloadConfig, accept: (path: string) => boolean): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone, or unreadable: as watchfiles' ignore_permission_denied
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const skip = entry.name === "node_modules" || config.excludeDirs.includes(path) || config.excludes.some((p) => pathMatch(path, p));
        if (!skip) walk(path);
      } else if (accept(path)) {
        try {
          found.set(path, statSync(path).mtimeMs);
          /* c8 ignore next 3 -- a file removed between the listing and the stat: a race no test can time */
        } catch {
          // not there any more: the next scan reports it gone
        }
      }
    }
  };
  for (const dir of config.dirs) walk(dir);
  return found;
}

/** The files added, changed or removed between two scans. */
export function changes(before: Map<string, number>, after: Map<string, number>): string[] {
  const changed: string[] = [];
  for (const [path, mtime] of after) if (before.get(path) !== mtime) changed.push(path);
  for (const path of before.keys()) if (!after.has(path)) changed.push(path);
  return changed;
}

/** uvicorn's _display_path: relative to the working directory when below it. */
export function display(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || isAbsolute(rel) ? `'${path}'` : `'${rel}'`;
}

export class StatReload {
  private worker: Worker | null = null;
  private shouldExit = false;
  private wake: () => void = () => undefined;

  constructor(
    private readonly config: ReloadConfig,
    private readonly log: Log,
  ) {}

  async run(): Promise<number> {
    this.log(`INFO:     Started reloader process [${process.pid}] using StatReload`);
    const onSignal = (): void => {
      this.shouldExit = true;
      this.wake();
    };
    process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
    const accept = fileFilter(this.config);
    let mtimes = scan(this.config, accept);
    this.worker = cluster.fork();
    for (;;) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.config.delay * 1000);
      });
      if (this.shouldExit) break;
      const now = scan(this.config, accept);
      const changed = changes(mtimes, now);
      mtimes = now;
      if (changed.length === 0) continue;
      this.log(`WARNING:  StatReload detected changes in ${changed.map((path) => display(path)).join(", ")}. Reloading...`);
      await this.restart();
    }
    terminate(this.worker, this.log);
    await exited(this.worker);
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    this.log(`INFO:     Stopping reloader process [${process.pid}]`);
    return 0;
  }

  /** A fresh worker; the old one serves until it does, and stays if it cannot start. */
  private async restart(): Promise<void> {
    const old = this.worker as Worker;
    const fresh = cluster.fork();
    if (old.isDead()) {
      this.worker = fresh;
      return;
    }
    if (await whenListening(fresh)) {
      this.worker = fresh;
      terminate(old, this.log);
      await exited(old);
    }
  }
}
