// Writes docs/api.md: every public export of every subpath in package.json's
// exports map, with the first sentence of its doc comment. tests/docs.test.ts
// fails when the file is out of date; `npm run docs:sync` rewrites it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Entry {
  name: string;
  kind: string;
  summary: string;
}

const DECLARATION = /(\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*)?export (?:declare )?(abstract class|class|function|const|let|type|interface|enum) (\w+)/g;
const REEXPORT = /export (type )?\{([^}]*)\} from "((?:\.\.?\/)+[^"]+)\.js";/g;

function firstSentence(doc: string | undefined): string {
  if (!doc) return "";
  const text = doc
    .split("\n")
    .map((l) => l.replace(/^\s*\*\s?/, ""))
    .filter((l) => !l.startsWith("@"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const end = text.search(/\.(\s|$)/);
  return (end >= 0 ? text.slice(0, end + 1) : text).replace(/\|/g, "\\|");
}

function entries(sourcePath: string): Entry[] {
  const text = readFileSync(join(root, sourcePath), "utf8");
  const out: Entry[] = [];
  for (const m of text.matchAll(DECLARATION)) out.push({ name: m[4], kind: m[3].replace("abstract class", "class"), summary: firstSentence(m[2]) });
  for (const m of text.matchAll(REEXPORT)) {
    for (const raw of m[2].split(",").map((s) => s.trim()).filter(Boolean)) {
      const isType = Boolean(m[1]) || raw.startsWith("type ");
      const name = raw.replace(/^type\s+/, "");
      out.push({ name, kind: isType ? "type" : "re-export", summary: `from \`${m[3].replace(/^\.\//, "")}\`` });
    }
  }
  return out;
}

export function renderApi(): string {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { source: string }> };
  const lines = [
    "# API reference",
    "",
    "Every public export, by import path. Generated from the sources by `scripts/api-docs.ts`",
    "(`npm run docs:sync`); the doc comments in the sources have the details.",
    "",
  ];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const specifier = subpath === "." ? "starlette-ts" : `starlette-ts/${subpath.slice(2)}`;
    lines.push(`## \`${specifier}\``, "", "| name | kind | |", "| --- | --- | --- |");
    for (const e of entries(target.source)) lines.push(`| \`${e.name}\` | ${e.kind} | ${e.summary} |`);
    lines.push("");
  }
  return lines.join("\n");
}
