// Port of the parts of Python's posixpath (3.11) that StaticFiles relies on to
// keep a request inside its directory: join, normpath, abspath, commonpath and
// the non-strict realpath, which resolves what exists and keeps the rest as written.
import { lstat, readlink } from "node:fs/promises";

/** posixpath.join: a component that starts with "/" starts the path again. */
export function join(first: string, ...rest: string[]): string {
  let path = first;
  for (const part of rest) {
    if (part.startsWith("/")) path = part;
    else if (path === "" || path.endsWith("/")) path += part;
    else path += "/" + part;
  }
  return path;
}

/** posixpath.normpath: "." and empty components dropped, ".." folded where it can be. */
export function normpath(path: string): string {
  if (path === "") return ".";
  // Exactly two leading slashes are kept (POSIX leaves their meaning to the system); more fold to one.
  const initial = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? "//" : "/") : "";
  const out: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (initial === "" && out.length === 0) || (out.length > 0 && out[out.length - 1] === "..")) out.push(comp);
    else if (out.length > 0) out.pop();
  }
  return initial + out.join("/") || ".";
}

/** posixpath.abspath: against the working directory, then normalized (no link is read). */
export function abspath(path: string): string {
  return normpath(path.startsWith("/") ? path : join(process.cwd(), path));
}

/** posixpath.split: the head without its trailing slashes (unless all slashes), and the tail. */
function split(path: string): [string, string] {
  const i = path.lastIndexOf("/") + 1;
  let head = path.slice(0, i);
  if (head !== "" && !/^\/+$/.test(head)) head = head.replace(/\/+$/, "");
  return [head, path.slice(i)];
}

/** Whether os.path.commonpath([path, directory]) is `directory`: both absolute and normalized. */
export function isWithin(path: string, directory: string): boolean {
  if (directory === "/") return path.startsWith("/");
  return path === directory || path.startsWith(directory + "/");
}

/**
 * posixpath.realpath(path) (strict=False): symbolic links resolved one component at a
 * time; a component that cannot be read (missing, not permitted, too long) is kept as
 * written, and a loop leaves the rest of the path unresolved.
 */
export async function realpath(path: string): Promise<string> {
  const [resolved] = await joinRealpath("", path, new Map());
  return abspath(resolved);
}

async function joinRealpath(path: string, rest: string, seen: Map<string, string | null>): Promise<[string, boolean]> {
  if (rest.startsWith("/")) {
    rest = rest.slice(1);
    path = "/";
  }
  while (rest !== "") {
    const slash = rest.indexOf("/");
    const name = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? "" : rest.slice(slash + 1);
    if (name === "" || name === ".") continue;
    if (name === "..") {
      if (path !== "") {
        const [head, tail] = split(path);
        path = tail === ".." ? join(head, "..", "..") : head;
      } else {
        path = "..";
      }
      continue;
    }
    const newpath = join(path, name);
    let isLink = false;
    try {
      isLink = (await lstat(newpath)).isSymbolicLink();
    } catch (exc) {
      // As Python's OSError: a path with a NUL byte is a ValueError there, and raises.
      if ((exc as NodeJS.ErrnoException).code === "ERR_INVALID_ARG_VALUE") throw exc;
    }
    if (!isLink) {
      path = newpath;
      continue;
    }
    if (seen.has(newpath)) {
      const known = seen.get(newpath) as string | null;
      if (known !== null) {
        path = known;
        continue;
      }
      // The link is being resolved further up: a loop.
      return [join(newpath, rest), false];
    }
    seen.set(newpath, null);
    const [target, ok] = await joinRealpath(path, await readlink(newpath), seen);
    if (!ok) return [join(target, rest), false];
    path = target;
    seen.set(newpath, path);
  }
  return [path, true];
}
