// No Python counterpart: the docs cannot rot. Every code block that names an
// example holds that file verbatim, every example is shown or linked by a page,
// and every link between pages resolves.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderApi } from "../scripts/api-docs.js";
import { INCLUDE, docPages, render } from "../scripts/sync-docs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
// Paths below docs/, subfolders included ("index.md", "tutorial/body.md").
const pages = docPages().map((p) => p.slice("docs/".length));
const read = (path: string) => readFileSync(join(root, path), "utf8");

function examples(dir = "examples"): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? examples(`${dir}/${e.name}`) : /\.(ts|py)$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
}

test("every included example is in its page verbatim (npm run docs:sync)", () => {
  for (const page of [...pages.map((p) => `docs/${p}`), "README.md"]) {
    const text = read(page);
    assert.is(render(text, read), text, `${page} differs from its examples: run npm run docs:sync`);
  }
});

test("every code block in the docs is an example file, or a shell line, diagram or wire text", () => {
  for (const page of pages) {
    const text = read(`docs/${page}`);
    const included = new Set([...text.matchAll(INCLUDE)].map((m) => m.index));
    for (const block of text.matchAll(/```(\w*)\n/g)) {
      const lang = block[1];
      if (lang === "") continue; // closing fences, diagrams, wire formats
      if (lang === "sh") continue;
      const start = text.lastIndexOf("<!-- include:", block.index);
      assert.ok(start >= 0 && included.has(start) && text.slice(start, block.index).split("\n").length === 2, `docs/${page}: a \`\`\`${lang} block that is not an example file`);
    }
  }
});

test("every include names a file that exists, and every example is shown or linked by a page", () => {
  const all = pages.map((p) => read(`docs/${p}`)).join("\n") + read("README.md");
  for (const m of all.matchAll(/<!-- include: (\S+) -->/g)) assert.ok(existsSync(join(root, m[1])), `${m[1]} does not exist`);
  for (const example of examples()) assert.ok(all.includes(example), `${example} is not in any page`);
});

test("links between pages resolve", () => {
  for (const page of [...pages.map((p) => `docs/${p}`), "README.md"]) {
    for (const m of read(page).matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)) {
      const target = join(root, page, "..", m[1]);
      assert.ok(existsSync(target), `${page} links to ${m[1]}, which does not exist`);
    }
  }
});

test("docs/api.md lists every public export (npm run docs:sync)", () => {
  assert.is(read("docs/api.md"), renderApi());
});

test.run();
