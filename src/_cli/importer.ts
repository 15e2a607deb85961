// Port of uvicorn/importer.py: "module:attribute" to the object it names. The
// module is a file (a path, or Python's dotted name, relative to --app-dir) or
// a package specifier; a TypeScript file loads through Node's own type
// stripping where it has it, else through tsx, registered on demand.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export class ImportFromStringError extends Error {}

const EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];
const TYPESCRIPT = /\.[cm]?ts$/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a module string names, relative to `appDir`, or null for a package specifier. */
export function locate(moduleStr: string, appDir: string): string | null {
  const base = resolve(appDir, moduleStr);
  const dotted = /^[\w$]+(\.[\w$]+)+$/.test(moduleStr) && !EXTENSIONS.some((e) => moduleStr.endsWith(e)) ? resolve(appDir, moduleStr.replace(/\./g, "/")) : null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, "index" + e))];
  if (dotted !== null) candidates.push(...EXTENSIONS.map((e) => dotted + e), ...EXTENSIONS.map((e) => join(dotted, "index" + e)));
  return candidates.find(isFile) ?? null;
}

const looksLikePath = (moduleStr: string): boolean => /^\.{0,2}[/\\]/.test(moduleStr) || EXTENSIONS.some((e) => moduleStr.endsWith(e));

function code(exc: unknown): unknown {
  return (exc as { code?: unknown } | null)?.code;
}

let typescript: Promise<void> | null = null;

/** Makes .ts files importable, once per process. */
export function enableTypeScript(appDir: string, probe: () => Promise<boolean> = probeTypeScript): Promise<void> {
  return (typescript ??= registerTypeScript(appDir, probe).catch((exc: unknown) => {
    typescript = null;
    throw exc;
  }));
}

/** Whether a .mts file imports as is: under Node's type stripping, or a loader given with --import. */
async function probeTypeScript(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-probe-"));
  const probe = join(dir, "probe.mts");
  writeFileSync(probe, "export const typed: number = 1;\n");
  try {
    /* c8 ignore next -- tsx rewrites import() with a callback of its own, which c8 counts as an untaken branch */
    await import(pathToFileURL(probe).href);
    return true;
    /* c8 ignore next 3 -- reached only without a TypeScript loader, and every test here runs under tsx */
  } catch {
    return false; // ERR_UNKNOWN_FILE_EXTENSION: the file is fixed, nothing else can fail
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Registers tsx, found from `appDir`, unless `probe` says TypeScript loads already. */
export async function registerTypeScript(appDir: string, probe: () => Promise<boolean>): Promise<void> {
  if (await probe()) return;
  let api: string;
  try {
    const manifest = createRequire(join(appDir, "noop.js")).resolve("tsx/package.json");
    const exports = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports;
    api = pathToFileURL(join(dirname(manifest), exports["./esm/api"].import.default)).href;
  } catch {
    throw new ImportFromStringError(
      'A TypeScript module needs Node.js 22.6 or later (type stripping) or tsx: install it with "npm install --save-dev tsx", or run the compiled .js module.',
    );
  }
  /* c8 ignore next -- tsx rewrites import() with a callback of its own, which c8 counts as an untaken branch */
  const { register } = (await import(api)) as { register: () => unknown };
  register();
}

export async function importModule(moduleStr: string, appDir: string): Promise<unknown> {
  const file = locate(moduleStr, appDir);
  if (file === null) {
    if (looksLikePath(moduleStr)) throw new ImportFromStringError(`Could not import module "${moduleStr}".`);
    try {
      /* c8 ignore next -- tsx rewrites import() with a callback of its own, which c8 counts as an untaken branch */
      return await import(moduleStr);
    } catch (exc) {
      // As uvicorn: only the module itself missing is "could not import"; a missing import inside it is its own error.
      const missing = code(exc) === "ERR_PACKAGE_PATH_NOT_EXPORTED" || (code(exc) === "ERR_MODULE_NOT_FOUND" && new RegExp(`'${moduleStr.split("/")[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[/']`).test(String((exc as Error).message)));
      if (missing) throw new ImportFromStringError(`Could not import module "${moduleStr}".`);
      throw exc;
    }
  }
  if (TYPESCRIPT.test(file)) await enableTypeScript(appDir);
  /* c8 ignore next -- tsx rewrites import() with a callback of its own, which c8 counts as an untaken branch */
  return import(pathToFileURL(file).href);
}

/** uvicorn's import_from_string: the module, then each attribute of a dotted name. */
export async function importFromString(importStr: string, appDir: string): Promise<unknown> {
  const colon = importStr.indexOf(":");
  const moduleStr = colon < 0 ? importStr : importStr.slice(0, colon);
  const attrsStr = colon < 0 ? "" : importStr.slice(colon + 1);
  if (!moduleStr || !attrsStr) throw new ImportFromStringError(`Import string "${importStr}" must be in format "<module>:<attribute>".`);
  let instance = await importModule(moduleStr, appDir);
  for (const attr of attrsStr.split(".")) {
    if (instance === null || instance === undefined || !(attr in Object(instance))) {
      throw new ImportFromStringError(`Attribute "${attrsStr}" not found in module "${moduleStr}".`);
    }
    instance = (instance as Record<string, unknown>)[attr];
  }
  return instance;
}
