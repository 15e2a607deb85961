// Runs the real Python stack (Debian's python3-itsdangerous, python3-starlette)
// for the interoperability tests. /usr/bin/python3 is Debian's interpreter;
// the python3 on PATH may be another one without these packages.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const PYTHON = "/usr/bin/python3";

/** Whether /usr/bin/python3 can import every module named. */
export function pythonHas(...modules: string[]): boolean {
  const result = spawnSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")], { encoding: "utf8" });
  return result.status === 0;
}

/** Run tests/python/<script>.py with `input` as JSON on stdin; its stdout is JSON. */
export function runPython<T>(script: string, input: unknown): T {
  const path = fileURLToPath(new URL(`./python/${script}.py`, import.meta.url));
  const result = spawnSync(PYTHON, [path], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${script}.py failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * Interop tests run where the Python packages are installed; CI installs them,
 * so there a missing package is a failure rather than a quiet pass.
 */
export function requirePython(...modules: string[]): boolean {
  if (pythonHas(...modules)) return true;
  if (process.env.CI) throw new Error(`CI must install the Python packages for interop tests: ${modules.join(", ")}`);
  console.warn(`(interop tests not run: ${PYTHON} cannot import ${modules.join(", ")}; see .ci/run)`);
  return false;
}
