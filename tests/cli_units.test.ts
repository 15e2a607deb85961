// Port of uvicorn's tests/test_cli.py and test_importer.py intents, in process:
// the starlette-ts command's parsing, messages and exit codes beside the real
// uvicorn (click's CliRunner) for the same mistakes, and its helpers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ImportFromStringError, enableTypeScript, importFromString, locate, registerTypeScript } from "../src/_cli/importer.js";
import { OPTIONS } from "../src/_cli/options.js";
import { closeMatches, formatHelp, parseArgs, pyRepr, UsageError } from "../src/_cli/parser.js";
import { changes, display, fileFilter, pathMatch, scan } from "../src/_supervisors/reload.js";
import { loadApp, loadEnvFile, main, reloadConfig, serveOptions } from "../src/cli.js";
import { requirePython, runPython } from "./python.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "starlette-ts-cli-"));
writeFileSync(join(tmp, "main.py"), "async def app(scope, receive, send):\n    pass\nx = 1\n");
writeFileSync(join(tmp, "main.mjs"), "export async function app(scope, receive, send) {}\nexport const x = 1;\n");
writeFileSync(join(tmp, "broken.mjs"), 'import "no-such-package-for-starlette-ts";\nexport const app = 1;\n');
mkdirSync(join(tmp, "pkg", "sub"), { recursive: true });
writeFileSync(join(tmp, "pkg", "sub", "mod.mjs"), "export const app = { call() {} };\n");
writeFileSync(join(tmp, "pkg", "index.mjs"), "export const nested = { deeper: { app: async (scope, receive, send) => undefined } };\n");
writeFileSync(join(tmp, "factories.mjs"), ["export const notApp = 42;", "export function make() { return { call() {} }; }", "export async function makeLater() { return async (s, r, t) => {}; }", "export function bad() { return 7; }", "export class Klass {}", "export const obj = { a: 1 };"].join("\n"));

const ALL_NAMES = [...OPTIONS.flatMap((o) => o.flags.split("/")), "--help", "--version"];

/** main() in this process: its exit code and what it logged. */
async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(argv, env, (line) => lines.push(line));
  return { code, output: lines.map((l) => l + "\n").join("") };
}

// The same argv for both: the app module is tmp/main.py for uvicorn, tmp/main.mjs here.
const CASES: string[][] = [
  ["--app-dir", tmp, "nomod:app"],
  ["--app-dir", tmp, "main:nope"],
  ["--app-dir", tmp, "main"],
  ["--app-dir", tmp, "main:x.y"],
  ["--app-dir", tmp, "main:"],
  ["--app-dir", tmp, ":app"],
  ["--app-dir", tmp, "--", "--port"],
  ["--port", "abc", "main:app"],
  ["--port", "1.5", "main:app"],
  ["--timeout-keep-alive", "", "main:app"],
  ["--lifespan", "bad", "main:app"],
  [],
  ["main:app", "extra"],
  ["main:app", "a", "b"],
  ["--port"],
  ["--access-log=1", "main:app"],
  ["--workers", "abc", "main:app"],
  ["--ws-per-message-deflate", "maybe", "main:app"],
  ["--env-file", "/nonexistent", "main:app"],
  ["--reload-dir", "/nonexistent", "main:app"],
  ["--log-level", "INFO", "main:app"],
  ["-x", "main:app"],
  ["--ws-ping-interval", "x", "main:app"],
  ["--help=1"],
  ["--version=x"],
  ["--port", "abc", "--lifespan", "bad", "main:app"],
  ["--lifespan", "bad", "--port", "abc", "main:app"],
];
const WORDS = ["--prot", "--hots", "--bogus", "--relod", "--reload-dirs", "--worker", "--acess-log", "--no-acces-log", "--lifespa", "--ssl-key", "--x", "--factroy", "--timeout", "--ws-max", "--root", "--app"];

// First: before any .ts import has made TypeScript loading a settled matter in this process.
test("enableTypeScript: a failure is not cached, the next call tries again", async () => {
  const failed = await enableTypeScript(tmp, async () => false).then(() => "", (e: Error) => e.constructor.name);
  assert.is(failed, "ImportFromStringError");
  await enableTypeScript(root); // not the cached failure
});

test("usage and import errors read as uvicorn's, with its exit codes (differential)", async () => {
  if (!requirePython("uvicorn", "click")) return;
  const oracle = runPython<{ cli: { code: number; output: string }[]; close: string[][] }>("uvicorn_cli", { cases: CASES, words: WORDS, options: ALL_NAMES });
  for (const [i, argv] of CASES.entries()) {
    const ours = await run(argv);
    assert.is(ours.output, oracle.cli[i].output.replace(/uvicorn/g, "starlette-ts"), argv.join(" "));
    assert.is(ours.code, oracle.cli[i].code, `exit code of ${argv.join(" ")}`);
  }
  // click's "did you mean", from difflib.get_close_matches over the same option names.
  for (const [i, word] of WORDS.entries()) assert.equal(closeMatches(word, ALL_NAMES), [...oracle.close[i]].sort(), word);
});

test("a mistyped option is pointed to the one meant", async () => {
  assert.is((await run(["--factroy", "main:app"])).output.split("\n")[3], "Error: No such option '--factroy'. Did you mean '--factory'?");
  assert.is((await run(["--zzzzzz", "main:app"])).output.split("\n")[3], "Error: No such option '--zzzzzz'.");
  assert.match((await run(["--prot", "main:app"])).output.split("\n")[3], /^Error: No such option '--prot'\. \(Did you mean one of: '--host', '--port'\?\)$/);
});

test("--help and --version print and exit 0, before any other mistake but a parse error", async () => {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stdout.write;
  try {
    assert.is((await run(["--help", "--version"])).code, 0);
    assert.is((await run(["--port", "abc", "--version"])).code, 0);
  } finally {
    process.stdout.write = write;
  }
  const help = written[0];
  assert.ok(help.startsWith("Usage: starlette-ts [OPTIONS] APP\n\nOptions:\n  --host TEXT                     Bind socket to this host.  [default:\n"), help);
  // Too wide for the first column: the help goes on the next line, as click lays it out.
  assert.ok(help.includes("  --proxy-headers / --no-proxy-headers\n                                  Enable/Disable X-Forwarded-Proto,"), help);
  assert.ok(help.includes("  --lifespan [auto|on|off]        Lifespan implementation.  [default: auto]\n"));
  assert.match(help, /\n {2}--app-dir TEXT {18}Look for APP in the specified directory/);
  assert.match(help, /\[default:\s+""\]/);
  assert.ok(help.includes("[default: True]"));
  assert.ok(help.endsWith("  --help                          Show this message and exit.\n"));
  for (const spec of OPTIONS) assert.ok(help.includes(spec.flags.split("/")[0]), spec.flags);
  assert.match(written[1], /^Running starlette-ts \d+\.\d+\.\d+ with Node\.js v\d+\.\d+\.\d+ on \w+\n$/);
});

test("options from STARLETTE_TS_* variables, as uvicorn's from UVICORN_*; the command line wins", () => {
  const env = { STARLETTE_TS_PORT: "9001", STARLETTE_TS_APP: "main:app", STARLETTE_TS_RELOAD_DIRS: `${tmp}  ${root}`, STARLETTE_TS_ACCESS_LOG: "off", STARLETTE_TS_HOST: "" };
  const parsed = parseArgs([], OPTIONS, env, "STARLETTE_TS");
  assert.is(parsed.app, "main:app");
  assert.is(parsed.values.port, 9001);
  assert.equal(parsed.values.reload_dirs, [tmp, root]);
  assert.is(parsed.values.access_log, false);
  assert.is(parsed.values.host, "127.0.0.1", "an empty variable is not set");
  assert.is(parseArgs(["--port", "9002", "x:y"], OPTIONS, env, "STARLETTE_TS").values.port, 9002);
  assert.is(parseArgs(["x:y"], OPTIONS, {}, "STARLETTE_TS").values.workers, null);
  assert.throws(() => parseArgs(["x:y"], OPTIONS, { STARLETTE_TS_PORT: "x" }, "STARLETTE_TS"), (e: Error) => e instanceof UsageError && e.message === "Invalid value for '--port': 'x' is not a valid integer.");
});

test("values convert as click converts them", () => {
  const values = (argv: string[]) => parseArgs([...argv, "x:y"], OPTIONS, {}, "P").values;
  assert.is(values(["--reload-delay", "inf"]).reload_delay, Infinity);
  assert.is(values(["--reload-delay", "-Infinity"]).reload_delay, -Infinity);
  assert.ok(Number.isNaN(values(["--reload-delay", "nan"]).reload_delay));
  assert.is(values(["--reload-delay", " 1e-1 "]).reload_delay, 0.1);
  assert.is(values(["--reload-delay", ".5"]).reload_delay, 0.5);
  assert.is(values(["--port", " +1_000 "]).port, 1000);
  assert.is(values(["--ws-per-message-deflate", "Off"]).ws_per_message_deflate, false);
  assert.is(values(["--ws-per-message-deflate", "YES"]).ws_per_message_deflate, true);
  assert.is(values(["--port", "1", "--port=2"]).port, 2, "the last one wins");
  assert.equal(values(["--reload-include", "*.txt", "--reload-include=*.md"]).reload_includes, ["*.txt", "*.md"]);
  assert.is(values(["--no-access-log", "--access-log"]).access_log, true);
  assert.is(values(["--reload"]).reload, true);
  assert.is(parseArgs(["-"], OPTIONS, {}, "P").app, "-");
  assert.is(pyRepr("it's"), `"it's"`);
  assert.is(pyRepr('a\\b\n"\'\r\t'), `'a\\\\b\\n"\\'\\r\\t'`);
});

test("loadApp: attributes, factories, and what is not an app", async () => {
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const load = (s: string, factory = false) => loadApp(s, tmp, factory, log);
  assert.is(typeof (await load("pkg.sub.mod:app")), "object", "Python's dotted module name");
  assert.is(typeof (await load("pkg:nested.deeper.app")), "function", "a directory's index, a dotted attribute");
  assert.is(typeof (await load("factories:make")), "object", "a factory found by its arity");
  assert.is(lines.pop(), "WARNING:  ASGI app factory detected. Using it, but please consider setting the --factory flag explicitly.");
  assert.is(typeof (await load("factories:makeLater", true)), "function");
  assert.equal(lines, []);
  assert.is(await load("factories:notApp", true), null);
  assert.is(lines.pop(), "ERROR:    Error loading ASGI app factory: factories:notApp is not a function");
  assert.is(await load("factories:bad", true), null);
  assert.is(lines.pop(), 'ERROR:    Error loading ASGI app. "factories:bad" is not an ASGI app (a function or an object with a call() method).');
  assert.is(await load("factories:obj"), null);
  assert.is(typeof (await load("factories:Klass")), "function", "a class is not taken for a factory");
  assert.is(await load("factories:obj.a.b"), null);
  assert.is(lines.pop(), 'ERROR:    Error loading ASGI app. Attribute "obj.a.b" not found in module "factories".');
  // A module that exists but fails to import is its own error, not "could not import".
  await load("broken:app").then(
    () => assert.unreachable("imported"),
    (e: Error) => assert.not.instance(e, ImportFromStringError),
  );
});

test("importFromString: files, paths and packages", async () => {
  assert.is(locate("main", tmp), join(tmp, "main.mjs"));
  assert.is(locate("nope", tmp), null);
  assert.is(typeof (await importFromString("uvu:test", tmp)), "function", "a package specifier");
  const error = (s: string) => importFromString(s, tmp).then(() => "", (e: Error) => `${e.constructor.name}: ${e.message}`);
  assert.is(await error("no-such-package-for-starlette-ts:app"), 'ImportFromStringError: Could not import module "no-such-package-for-starlette-ts".');
  assert.is(await error("./nope.ts:app"), 'ImportFromStringError: Could not import module "./nope.ts".');
  assert.is(await error("uvu/no-such-subpath:app"), 'ImportFromStringError: Could not import module "uvu/no-such-subpath".');
  assert.match(await error("#no-such-import:app"), /^TypeError: Package import specifier "#no-such-import" is not defined/, "an import that fails otherwise is its own error");
  assert.is(typeof (await importFromString("examples/cli_app.ts:createApp", root)), "function", "a .ts file");
});

test("TypeScript modules: Node's own stripping or a loader, else tsx, else what to install", async () => {
  await enableTypeScript(root); // under tsx here: the probe imports
  await enableTypeScript(root);
  const message = await registerTypeScript(tmp, async () => false).then(() => "", (e: Error) => e.message);
  assert.is(message, 'A TypeScript module needs Node.js 22.6 or later (type stripping) or tsx: install it with "npm install --save-dev tsx", or run the compiled .js module.');
  await registerTypeScript(root, async () => false); // found from the app's directory and registered
});

test("reload: uvicorn's FileFilter and directories", () => {
  assert.ok(pathMatch("/a/b/app.ts", "*.ts"));
  assert.ok(pathMatch("/a/b/app.ts", "b/*.ts"));
  assert.not.ok(pathMatch("/a/c/app.ts", "b/*.ts"));
  assert.not.ok(pathMatch("/app.ts", "a/b/*.ts"));
  assert.ok(pathMatch("/a/x.swp", ".sw?") === false && pathMatch("/a/.swp", ".sw?"));
  assert.ok(pathMatch("/a/v1.ts", "v[0-9].ts") && !pathMatch("/a/v1.ts", "v[!0-9].ts") && pathMatch("/a/v[.ts", "v[.ts"));
  assert.ok(pathMatch("/a/a+b.ts", "a+b.ts"));
  const accept = fileFilter({ includes: ["*.ts"], excludes: ["~*"], excludeDirs: ["/a/gen"] });
  assert.ok(accept("/a/app.ts"));
  assert.not.ok(accept("/a/gen/app.ts"));
  assert.not.ok(accept("/a/~app.ts"));
  assert.not.ok(accept("/a/app.js"));

  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-scan-"));
  try {
    for (const f of ["app.ts", "node_modules/x/y.ts", ".git/z.ts", "gen/w.ts", "lib/v.ts", "notes.md"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "");
    }
    const config = { dirs: [dir, join(dir, "missing")], includes: ["*.ts"], excludes: [".*"], excludeDirs: [join(dir, "gen")], delay: 0.1 };
    const found = scan(config, fileFilter(config));
    assert.equal([...found.keys()].sort(), [join(dir, "app.ts"), join(dir, "lib/v.ts")]);
    assert.equal(changes(found, found), []);
    const after = new Map(found);
    after.set(join(dir, "app.ts"), -1);
    after.delete(join(dir, "lib/v.ts"));
    after.set(join(dir, "new.ts"), 1);
    assert.equal(changes(found, after), [join(dir, "app.ts"), join(dir, "new.ts"), join(dir, "lib/v.ts")]);

    const lines: string[] = [];
    const values = (argv: string[]) => parseArgs([...argv, "x:y"], OPTIONS, {}, "P").values;
    const cfg = reloadConfig(values(["--reload-dir", dir, "--reload-dir", dir, "--reload-include", ".*", "--reload-include", "*.md", "--reload-include", "*.txt", "--reload-exclude", "*.js", "--reload-exclude", "*.txt", "--reload-exclude", join(dir, "gen")]), (l) => lines.push(l));
    assert.not.ok(cfg.includes.includes("*.txt"), "an exclude wins over an include");
    assert.equal(cfg.dirs, [dir]);
    assert.ok(cfg.includes.includes("*.md") && cfg.includes.includes("*.ts") && !cfg.includes.includes("*.js"));
    assert.ok(!cfg.excludes.includes(".*") && cfg.excludes.includes("~*"), "an include lifts a default exclude");
    assert.equal(cfg.excludeDirs, [join(dir, "gen")]);
    assert.equal(lines, [`INFO:     Will watch for changes in these directories: ['${dir}']`]);
    lines.length = 0;
    // Every directory given is excluded: the working directory is watched instead, as uvicorn warns.
    const fallback = reloadConfig(values(["--reload-dir", join(dir, "gen"), "--reload-exclude", dir]), (l) => lines.push(l));
    assert.equal(fallback.dirs, [process.cwd()]);
    assert.is(lines[0], `WARNING:  Provided reload directories ['${join(dir, "gen")}'] did not contain valid directories, watching current working directory.`);
    assert.equal(reloadConfig(values([]), () => undefined).dirs, [process.cwd()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("reload flags without --reload: uvicorn's warning", async () => {
  const { code, output } = await run(["--reload-dir", tmp, "--app-dir", tmp, "nomod:app"]);
  assert.is(code, 3);
  assert.is(output.split("\n")[0], "WARNING:  Current configuration will not reload as not all conditions are met, please refer to documentation.");
});

test("--env-file: python-dotenv's format, never overriding what is set", async () => {
  const file = join(tmp, ".env");
  writeFileSync(file, ['# comment', "PLAIN=1", "export EXPORTED = two ", 'DOUBLE="a\\nb \\"q\\""', "SINGLE='x # y'", "COMMENTED=v # note", "SET=new", "not a line", "EMPTY="].join("\n"));
  const env: Record<string, string | undefined> = { SET: "old" };
  loadEnvFile(file, env);
  assert.equal(env, { SET: "old", PLAIN: "1", EXPORTED: "two", DOUBLE: 'a\nb "q"', SINGLE: "x # y", COMMENTED: "v", EMPTY: "" });
  // Read before WEB_CONCURRENCY is, so the file can set it; "Loading environment" comes first.
  const { output } = await run(["--env-file", file, "--app-dir", tmp, "nomod:app"], {});
  assert.is(output.split("\n")[0], `INFO:     Loading environment from '${file}'`);
});

test("the flags map onto serve()'s options", () => {
  const values = parseArgs(["--ws-max-size", "10", "--ws-max-queue", "2", "--ws-ping-interval", "1.5", "--ws-ping-timeout", "3", "--ws-per-message-deflate", "false", "--uds", "/tmp/s", "--forwarded-allow-ips", "*", "x:y"], OPTIONS, {}, "P").values;
  const options = serveOptions(values);
  assert.equal(
    [options.wsMaxSize, options.wsMaxQueue, options.wsPingInterval, options.wsPingTimeout, options.wsPerMessageDeflate, options.uds, options.fd, options.forwardedAllowIps, options.logLevel],
    [10, 2, 1.5, 3, false, "/tmp/s", undefined, "*", "info"],
  );
});

test("help for any spec: a default of false, an empty help text", () => {
  const help = formatHelp("prog", [{ flags: "--quiet", dest: "quiet", kind: "boolean", default: false, showDefault: true, help: "" }, { flags: "--bare", dest: "bare", kind: "flag", help: "" }], []);
  assert.is(help, "Usage: prog [OPTIONS] APP\n\nOptions:\n  --quiet BOOLEAN                 [default: False]\n  --bare                          \n");
});

test("a value serve() refuses is an error at startup, exit code 3", async () => {
  const { code, output } = await run(["--app-dir", tmp, "--port", "70000", "main:app"]);
  assert.is(code, 3);
  assert.is(output, 'ERROR:    serve() option "port" must be a whole number from 0 to 65535, got 70000\n');
});

test("display: paths below the working directory are shown relative, as uvicorn shows them", () => {
  assert.is(display("/a/b/c.ts", "/a"), "'b/c.ts'");
  assert.is(display("/x/c.ts", "/a"), "'/x/c.ts'");
});

test("examples/Dockerfile: Dockerfile instructions, and a CMD the command accepts", () => {
  const text = readFileSync(join(root, "examples", "Dockerfile"), "utf8");
  const INSTRUCTIONS = ["FROM", "WORKDIR", "COPY", "RUN", "ENV", "USER", "EXPOSE", "CMD", "ARG", "LABEL", "ENTRYPOINT", "HEALTHCHECK"];
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  for (const line of lines) assert.ok(INSTRUCTIONS.includes(line.split(" ")[0]), `not an instruction: ${line}`);
  const cmd = JSON.parse(lines.filter((l) => l.startsWith("CMD ")).at(-1)?.slice(4) ?? "null") as string[];
  assert.is(cmd[0], "node_modules/.bin/starlette-ts", "the exec form, the command itself as PID 1");
  const parsed = parseArgs(cmd.slice(1), OPTIONS, {}, "STARLETTE_TS");
  assert.match(parsed.app, /^[\w./-]+:\w+$/);
  assert.equal([parsed.values.host, parsed.values.port, parsed.values.workers], ["0.0.0.0", 8000, 2]);
  assert.ok(lines.includes(`EXPOSE ${parsed.values.port}`));
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));

test.run();
