// Small helpers shared by the test files (Starlette's conftest.py role).
import * as assert from "uvu/assert";

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejects(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.unreachable("expected the promise to reject");
  throw new Error("unreachable");
}

/** The error a function throws; fails the test if it returns. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  assert.unreachable("expected the function to throw");
  throw new Error("unreachable");
}
