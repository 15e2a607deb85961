// Port of starlette/background.py.

export type TaskFunction<A extends unknown[]> = (...args: A) => unknown;

/** A function to run after the response has been sent. */
export class BackgroundTask {
  private readonly run: () => unknown;

  constructor();
  constructor(func: () => unknown);
  constructor(...funcAndArgs: [func: () => unknown] | []);
  constructor(func?: () => unknown) {
    this.run = func ?? (() => undefined);
  }

  /** A task that calls `func(...args)`, as Python's `BackgroundTask(func, *args)`. */
  static of<A extends unknown[]>(func: TaskFunction<A>, ...args: A): BackgroundTask {
    return new BackgroundTask(() => func(...args));
  }

  async call(): Promise<void> {
    await this.run();
  }
}

/** Several tasks, run one after another in the order they were added. */
export class BackgroundTasks extends BackgroundTask {
  readonly tasks: BackgroundTask[];

  constructor(tasks: BackgroundTask[] = []) {
    super();
    this.tasks = [...tasks];
  }

  addTask<A extends unknown[]>(func: TaskFunction<A>, ...args: A): void {
    this.tasks.push(BackgroundTask.of(func, ...args));
  }

  override async call(): Promise<void> {
    for (const task of this.tasks) await task.call();
  }
}
