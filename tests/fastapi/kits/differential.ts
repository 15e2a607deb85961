// A chapter's differential test (tests/fastapi/differential.ts) once per kit: the Python twin,
// started once per file, answers every case once (its fake databases change as the cases go);
// each kit's TS twin, built fresh, gets the same cases in the same order and is compared with
// those answers in its own suite ("zod", "valibot", "arktype"). A kit whose objects lose the
// declaration order of their keys (arktype's) is compared whatever the order of keys; a case a
// kit cannot express is skipped for it, with why, and fails once it agrees (a stale skip).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ASGIAppLike } from "../../../src/types.js";
import { type Case, type CompareOptions, type Reply, type Target, buildRequest, compareReplies, requireVenv, send, startPython, startTs } from "../differential.js";
import { arktypeKit } from "./arktype.js";
import type { Kit, KitName } from "./kit.js";
import { valibotKit } from "./valibot.js";
import { zodKit } from "./zod.js";

export const KITS: readonly Kit[] = [zodKit, valibotKit, arktypeKit];

/** Cases a kit's twin cannot answer as FastAPI does: case name → why (still sent, not compared). */
export type Skips = Partial<Record<KitName, Record<string, string>>>;

export interface KitsSpec {
  /** The Python twin's module in tests/python/fastapi_apps. */
  python: string;
  /** The TS twin, built with one kit's schemas. */
  makeApp: (kit: Kit) => ASGIAppLike | Promise<ASGIAppLike>;
  cases: Case[];
  skip?: Skips;
  options?: CompareOptions;
}

/** What the Python twin answered, case by case, and what it logged meanwhile. */
interface Answers {
  target: Target;
  replies: Map<Case, Reply | Error>;
  log: string;
}

async function askPython(python: string, cases: Case[]): Promise<Answers> {
  const target = await startPython(python);
  const replies = new Map<Case, Reply | Error>();
  try {
    for (const c of cases) replies.set(c, await send(target, buildRequest(c)).catch((err: unknown) => err as Error));
  } finally {
    await target.close();
  }
  return { target, replies, log: target.logs().trim() };
}

function tail(text: string, max = 4000): string {
  return text.length > max ? "…" + text.slice(-max) : text;
}

async function compareKit(spec: KitsSpec, kit: Kit, py: Answers, ts: Target, cases: Case[]): Promise<void> {
  const skipped = spec.skip?.[kit.name] ?? {};
  const options: CompareOptions = kit.unorderedKeys === undefined ? (spec.options ?? {}) : { ...spec.options, ignoreKeyOrder: true };
  const blocks: string[] = [];
  const tsLogStart = ts.logs().length;
  let compared = 0;
  for (const c of cases) {
    let reply: Reply | Error;
    try {
      reply = await send(ts, buildRequest(c));
    } catch (err) {
      reply = err as Error;
    }
    const theirs = py.replies.get(c) as Reply | Error;
    let lines =
      theirs instanceof Error || reply instanceof Error
        ? [theirs, reply].flatMap((r, i) => (r instanceof Error ? [`${i === 0 ? "python" : "ts"}: request failed: ${r.message}`] : []))
        : compareReplies(c, theirs, reply, { py: py.target, ts }, options);
    if (Object.hasOwn(skipped, c.name)) {
      lines = lines.length > 0 ? [] : [`skipped for ${kit.name} ("${skipped[c.name]}"), yet it agrees: remove the skip`];
    } else {
      compared++;
    }
    if (lines.length > 0) blocks.push(`✘ ${c.name} (${c.method.toUpperCase()} ${c.path})\n${lines.map((l) => `    ${l}`).join("\n")}`);
  }
  if (blocks.length === 0) return;
  let message = `${blocks.length} of ${compared} cases differ between FastAPI (python) and starlette-ts with ${kit.name} (ts):\n\n${blocks.join("\n\n")}`;
  if (py.log !== "") message += `\n\npython log:\n${tail(py.log)}`;
  const tsLog = ts.logs().slice(tsLogStart).trim();
  if (tsLog !== "") message += `\n\nts log:\n${tail(tsLog)}`;
  assert.ok(false, message);
}

/**
 * Register one uvu suite per kit, each comparing the chapter's cases between the Python twin
 * and `makeApp(kit)`, and run them. Skips (with requireVenv's warning) when the venv is missing
 * outside CI. A skip that names no case throws: a stale reason would hide nothing.
 *
 * @example
 * differentialKits({ python: "body", makeApp, cases, skip: { arktype: { "a case": "why" } } });
 */
export function differentialKits(spec: KitsSpec): void {
  const names = new Set(spec.cases.map((c) => c.name));
  for (const [kit, reasons] of Object.entries(spec.skip ?? {})) {
    for (const name of Object.keys(reasons)) if (!names.has(name)) throw new Error(`${spec.python}: the ${kit} skip "${name}" names no case`);
  }
  const cases = spec.cases.filter((c) => c.pythonOnly === undefined);
  const enabled = requireVenv();
  let answers: Promise<Answers> | null = null;
  for (const kit of KITS) {
    const test = suite(kit.name);
    let ts: Target | null = null;
    test.after(async () => {
      await ts?.close();
    });
    // The app is built in the test, so that a kit that cannot build it fails there, with its error.
    test(`${spec.python}: FastAPI and starlette-ts with ${kit.name} answer alike`, async () => {
      if (!enabled) return;
      answers ??= askPython(spec.python, cases);
      ts = await startTs(await spec.makeApp(kit));
      await compareKit(spec, kit, await answers, ts, cases);
    });
    test.run();
  }
}
