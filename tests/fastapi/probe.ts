// FastAPI's answers to a few requests, from a Python app given as source and run through
// FastAPI's TestClient (tests/python/fastapi_probe.py), beside the TS app's through ours: the
// layer's unit tests compare the two without starting servers.
import type { ASGIAppLike } from "../../src/types.js";
import { TestClient } from "../../src/testclient.js";
import { runPython } from "../python.js";

export interface ProbeRequest {
  method: string;
  path: string;
  json?: unknown;
  content?: string;
  headers?: Record<string, string>;
}

export interface ProbeReply {
  status: number;
  content_type: string | null;
  text: string;
}

/** What FastAPI answers: `source` defines `app` (exec'd, so its endpoints have no source file). */
export function fastapiAnswers(source: string, requests: ProbeRequest[]): ProbeReply[] {
  return runPython<ProbeReply[]>("fastapi_probe", { source, requests });
}

/** What the TS app answers to the same requests, in the same shape. */
export async function tsAnswers(app: ASGIAppLike, requests: ProbeRequest[]): Promise<ProbeReply[]> {
  const client = new TestClient(app, { raiseServerExceptions: false });
  const out: ProbeReply[] = [];
  for (const r of requests) {
    const response = await client.request(r.method, r.path, { json: r.json, content: r.content, headers: r.headers });
    out.push({ status: response.statusCode, content_type: response.headers.get("content-type"), text: response.text });
  }
  return out;
}
