// Python's contextlib.AsyncExitStack, as far as FastAPI uses it: exit callbacks run last in,
// first out, each sees the error still in flight and may swallow it, as context managers do.

/** Runs on exit with the error in flight (undefined when none); resolves true to swallow it. */
export type ExitCallback = (error: unknown) => Promise<boolean> | boolean;

const NONE: unique symbol = Symbol("no error");

export class AsyncExitStack {
  private readonly callbacks: ExitCallback[] = [];

  push(callback: ExitCallback): void {
    this.callbacks.push(callback);
  }

  /**
   * `async with stack: await body()`. Resolves when the body and every exit ran; rejects with
   * the error left after the exits (an exit's own error replaces the one it was given). Resolves
   * `false` when an error was swallowed, `true` when the body completed.
   */
  async run(body: () => Promise<void>): Promise<boolean> {
    let error: unknown = NONE;
    try {
      await body();
    } catch (exc) {
      error = exc;
    }
    const failed = error !== NONE;
    while (this.callbacks.length) {
      const callback = this.callbacks.pop() as ExitCallback;
      try {
        if (await callback(error === NONE ? undefined : error)) error = NONE;
      } catch (exc) {
        error = exc;
      }
    }
    if (error !== NONE) throw error;
    return !failed;
  }
}

/**
 * Enter a generator dependency as Python's contextmanager does: its first yield is the value;
 * on exit it resumes, or receives the error with throw(). Returning instead of yielding again
 * swallows the error; yielding again is an error.
 */
export async function enterGenerator<T>(
  stack: AsyncExitStack,
  generator: AsyncGenerator<T, unknown, unknown> | Generator<T, unknown, unknown>,
): Promise<T> {
  const first = await generator.next();
  if (first.done) throw new Error("generator didn't yield");
  stack.push(async (error) => {
    if (error === undefined) {
      if (!(await generator.next()).done) throw new Error("generator didn't stop");
      return false;
    }
    let result: IteratorResult<T, unknown>;
    try {
      result = await generator.throw(error);
    } catch (exc) {
      // Raising the error it was given lets it go on; raising another replaces it.
      if (exc === error) return false;
      throw exc;
    }
    if (!result.done) throw new Error(Symbol.asyncIterator in generator ? "generator didn't stop after athrow()" : "generator didn't stop after throw()");
    return true;
  });
  return first.value;
}
