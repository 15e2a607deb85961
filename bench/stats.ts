// What the benchmark suites share: a running server, one load's figures, and the medians of rounds.
import type { ChildProcess } from "node:child_process";

/** A server process started by run.ts, and its port. */
export interface Running {
  port: number;
  child: ChildProcess;
}

/** One wrk load: requests/s, latencies (ms), errors, and the server's CPU time (user + system) per request in µs. */
export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpu: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Adds a round's value to the key's list. */
export function record(map: Map<string, number[]>, key: string, value: number): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}
