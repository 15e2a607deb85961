// Copies each example file into the docs code block that names it:
//   <!-- include: examples/hello.ts -->
//   ```ts
//   ...the file, verbatim...
//   ```
// tests/docs.test.ts fails when a block and its file differ, so run this after editing an example:
//   npm run docs:sync
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderApi } from "./api-docs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const INCLUDE = /<!-- include: (\S+) -->\n```(\w+)\n(?:[^`][\s\S]*?\n)?```/g;

/** Every page under docs/, subfolders included, as paths from the repository root. */
export function docPages(dir = "docs"): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? docPages(`${dir}/${e.name}`) : e.name.endsWith(".md") ? [`${dir}/${e.name}`] : [],
  );
}

export function render(markdown: string, read: (path: string) => string): string {
  return markdown.replace(INCLUDE, (_m, path: string, lang: string) => `<!-- include: ${path} -->\n\`\`\`${lang}\n${read(path).trimEnd()}\n\`\`\``);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = join(root, "docs", "api.md");
  if (readFileSync(api, { encoding: "utf8", flag: "a+" }) !== renderApi()) {
    writeFileSync(api, renderApi());
    console.log("updated docs/api.md");
  }
  for (const name of [...docPages(), "README.md"]) {
    const path = join(root, name);
    const before = readFileSync(path, "utf8");
    const after = render(before, (p) => readFileSync(join(root, p), "utf8"));
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`updated ${name}`);
    }
  }
}
