// Generating SDKs: take the tag prefix off each operation ID of a saved openapi.json
// ("items-getItems" becomes "getItems"), before a client is generated from it.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

interface Operation {
  tags?: string[];
  operationId?: string;
}

export async function modifyOpenapiFile(filePath: string): Promise<void> {
  const openapiContent = JSON.parse(await readFile(filePath, "utf8")) as { paths: Record<string, Record<string, Operation>> };

  for (const pathData of Object.values(openapiContent.paths)) {
    for (const operation of Object.values(pathData)) {
      const tag = operation.tags?.[0];
      const toRemove = `${tag}-`;
      if (tag !== undefined && operation.operationId?.startsWith(toRemove)) {
        operation.operationId = operation.operationId.slice(toRemove.length);
      }
    }
  }

  await writeFile(filePath, JSON.stringify(openapiContent));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await modifyOpenapiFile(process.argv[2] ?? "./openapi.json");
