// Runs the real Python stack for the interoperability tests: the virtualenv
// <repo>/.venv-py that .ci/run builds from ../shared/wheels (FastAPI 0.142.2,
// Starlette 1.7.0, itsdangerous 2.2.0, httpx; decision 9), not the system python3.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The venv's interpreter, an absolute path. */
export const PYTHON = fileURLToPath(new URL("../.venv-py/bin/python", import.meta.url));

// What the differential tests ran against, printed once per process (decision 9).
const STACK = ["fastapi", "starlette", "itsdangerous", "httpx", "uvicorn", "pydantic"];
let announced = false;

function announce(): void {
  if (announced) return;
  announced = true;
  const code =
    "import importlib.metadata as m, platform\n" +
    "def v(p):\n  try: return m.version(p)\n  except m.PackageNotFoundError: return 'not installed'\n" +
    `print('Python ' + platform.python_version() + ': ' + ', '.join(p + ' ' + v(p) for p in ${JSON.stringify(STACK)}))`;
  const result = spawnSync(PYTHON, ["-c", code], { encoding: "utf8" });
  console.log(`(interop tests against ${PYTHON}: ${result.stdout.trim() || result.stderr.trim()})`);
}

/** Whether the venv's python can import every module named. */
export function pythonHas(...modules: string[]): boolean {
  const result = spawnSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")], { encoding: "utf8" });
  return result.status === 0;
}

/** Run tests/python/<script>.py with `input` as JSON on stdin; its stdout is JSON. */
export function runPython<T>(script: string, input: unknown): T {
  announce();
  const path = fileURLToPath(new URL(`./python/${script}.py`, import.meta.url));
  const result = spawnSync(PYTHON, [path], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${script}.py failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * Interop tests run where the venv exists; CI builds it, so there a missing
 * venv or package is a failure rather than a quiet pass.
 */
export function requirePython(...modules: string[]): boolean {
  if (pythonHas(...modules)) {
    announce();
    return true;
  }
  if (process.env.CI) throw new Error(`CI must build ${PYTHON} with the Python packages for interop tests: ${modules.join(", ")} (see .ci/run)`);
  console.warn(`(interop tests not run: ${PYTHON} cannot import ${modules.join(", ")}; .ci/run builds it)`);
  return false;
}
