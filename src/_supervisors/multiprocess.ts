// Port of uvicorn/supervisors/multiprocess.py on node:cluster: N workers share
// the port, a worker that dies is replaced, SIGINT/SIGTERM stop them all
// gracefully, SIGHUP replaces them one by one, SIGTTIN/SIGTTOU add or remove one.
import cluster, { type Worker } from "node:cluster";

/** The exit code of a worker that could not start (uvicorn's STARTUP_FAILURE): restarting it would fail again. */
export const STARTUP_FAILURE = 3;

type Log = (line: string) => void;

/** Resolves when the worker is serving (true) or has exited without getting there (false). */
export function whenListening(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      worker.off("listening", onListening);
      worker.off("exit", onExit);
      resolve(ok);
    };
    const onListening = done(true);
    const onExit = done(false);
    worker.once("listening", onListening).once("exit", onExit);
  });
}

export function exited(worker: Worker): Promise<void> {
  return worker.isDead() ? Promise.resolve() : new Promise((resolve) => worker.once("exit", () => resolve()));
}

/** uvicorn's Process.terminate: SIGTERM, for the worker's own graceful shutdown. */
export function terminate(worker: Worker, log: Log): void {
  /* c8 ignore next -- a worker that died just as the parent stops: a race no test can time */
  if (worker.isDead()) return;
  worker.process.kill("SIGTERM");
  log(`INFO:     Terminated child process [${worker.process.pid}]`);
}

export class Multiprocess {
  private readonly processes: Worker[] = [];
  private shouldExit = false;
  private finish: () => void = () => undefined;

  constructor(
    private processesNum: number,
    private readonly log: Log,
  ) {}

  /** Runs until SIGINT or SIGTERM (or a worker that cannot start); resolves to the exit code. */
  async run(): Promise<number> {
    this.log(`INFO:     Started parent process [${process.pid}]`);
    const signals: Array<[NodeJS.Signals, () => void]> = [
      ["SIGINT", () => this.exit("SIGINT")],
      ["SIGTERM", () => this.exit("SIGTERM")],
      ["SIGHUP", () => void this.restartAll()],
      ["SIGTTIN", () => this.increase()],
      ["SIGTTOU", () => void this.decrease()],
    ];
    for (const [signal, handler] of signals) process.on(signal, handler);
    const stopped = new Promise<void>((resolve) => (this.finish = resolve));
    for (let i = 0; i < this.processesNum; i++) this.processes.push(this.spawn());
    await stopped;
    for (const worker of this.processes) terminate(worker, this.log);
    for (const worker of this.processes) {
      this.log(`INFO:     Waiting for child process [${worker.process.pid}]`);
      await exited(worker);
    }
    for (const [signal, handler] of signals) process.off(signal, handler);
    this.log(`INFO:     Stopping parent process [${process.pid}]`);
    return 0;
  }

  private spawn(): Worker {
    const worker = cluster.fork();
    let listened = false;
    worker.once("listening", () => (listened = true));
    worker.once("exit", (code) => this.keepAlive(worker, code, listened));
    return worker;
  }

  // uvicorn's keep_subprocess_alive, on the exit event rather than a poll.
  private keepAlive(worker: Worker, code: number | null, listened: boolean): void {
    const idx = this.processes.indexOf(worker);
    if (this.shouldExit || idx < 0) return; // stopping, or a worker retired on purpose
    if (code === STARTUP_FAILURE) {
      this.log(`ERROR:    Child process [${worker.process.pid}] failed to start, stopping the parent process.`);
      this.processes.splice(idx, 1);
      this.stop();
      return;
    }
    this.log(`INFO:     Child process [${worker.process.pid}] died`);
    if (listened) this.processes[idx] = this.spawn();
    // One that died before serving (a module that throws as it loads) would die again at once: uvicorn's
    // supervisor, which looks every half second, retries at that pace rather than in a tight loop.
    else setTimeout(() => this.replace(worker, idx), 500);
  }

  private replace(worker: Worker, idx: number): void {
    /* c8 ignore next -- stopped, or the worker retired, within that half second: a race no test can time */
    if (this.shouldExit || this.processes[idx] !== worker) return;
    this.processes[idx] = this.spawn();
  }

  private stop(): void {
    this.shouldExit = true;
    this.finish();
  }

  private exit(signal: string): void {
    this.log(`INFO:     Received ${signal}, exiting.`);
    this.stop();
  }

  /** Replaces each worker, its replacement serving before the old one is retired. */
  private async restartAll(): Promise<void> {
    this.log("INFO:     Received SIGHUP, restarting processes.");
    for (const [idx, old] of [...this.processes].entries()) {
      /* c8 ignore next -- SIGTERM during a restart: a race no test can time */
      if (this.shouldExit) return;
      const fresh = this.spawn();
      if (!(await whenListening(fresh))) {
        /* c8 ignore next -- (shouldExit: as above) */
        if (!this.shouldExit) this.log(`ERROR:    New child process [${fresh.process.pid}] was not ready in time; keeping worker [${old.process.pid}] and aborting the restart.`);
        return;
      }
      this.processes[idx] = fresh;
      terminate(old, this.log);
      await exited(old);
    }
  }

  private increase(): void {
    this.log("INFO:     Received SIGTTIN, increasing the number of processes.");
    this.processesNum++;
    this.processes.push(this.spawn());
  }

  private async decrease(): Promise<void> {
    this.log("INFO:     Received SIGTTOU, decreasing number of processes.");
    if (this.processesNum <= 1) {
      this.log("INFO:     Already reached one process, cannot decrease the number of processes anymore.");
      return;
    }
    this.processesNum--;
    const worker = this.processes.pop() as Worker;
    terminate(worker, this.log);
    this.log(`INFO:     Waiting for child process [${worker.process.pid}]`);
    await exited(worker);
  }
}
