// Port of starlette/middleware/__init__.py: Middleware holds a factory and its
// arguments until the app builds its stack.
import { inspect } from "node:util";
import type { ASGIApp, ASGIAppLike } from "../types.js";

/** A middleware class `new (app, ...args)` or a factory function `(app, ...args)`. */
export type MiddlewareFactory<A extends unknown[] = unknown[]> =
  | (new (app: ASGIApp, ...args: A) => ASGIAppLike)
  | ((app: ASGIApp, ...args: A) => ASGIAppLike);

// The object behind each function asASGIApp() made: a middleware can then recognise its own kind one layer in.
const objects = new WeakMap<ASGIApp, object>();

/** Turn an object with `call` (Python's `__call__`) into a plain ASGI function. */
export function asASGIApp(app: ASGIAppLike): ASGIApp {
  if (typeof app === "function") return app;
  if (app !== null && typeof app === "object" && typeof app.call === "function") {
    const fn: ASGIApp = app.call.bind(app);
    objects.set(fn, app);
    return fn;
  }
  throw new TypeError(`Expected an ASGI app (a function or an object with a call method), got ${inspect(app)}`);
}

/** The object whose `call` an ASGI function made by `asASGIApp` calls; undefined for any other function. */
export function asgiObjectOf(app: ASGIApp): object | undefined {
  return objects.get(app);
}

function isClass(fn: unknown): boolean {
  return typeof fn === "function" && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

// Options that look like secrets are not printed by toString.
const SECRET_NAME = /secret|password|token|key$/i;

function reprArg(arg: unknown): string {
  if (arg !== null && typeof arg === "object" && !Array.isArray(arg)) {
    const shown: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(arg)) shown[k] = SECRET_NAME.test(k) ? "**********" : v;
    return inspect(shown, { depth: 2, breakLength: Infinity });
  }
  return inspect(arg, { depth: 2, breakLength: Infinity });
}

export class Middleware<A extends unknown[] = never[]> {
  readonly cls: MiddlewareFactory<A>;
  readonly args: readonly unknown[];

  constructor(cls: MiddlewareFactory<A>, ...args: A) {
    if (typeof cls !== "function") throw new TypeError("Middleware needs a middleware class or factory function as its first argument");
    this.cls = cls;
    this.args = args;
  }

  /** Wrap `app` in this middleware, as Python's `cls(app, *args, **kwargs)`. */
  build(app: ASGIApp): ASGIApp {
    const cls = this.cls;
    const instance = isClass(cls)
      ? new (cls as new (app: ASGIApp, ...args: unknown[]) => ASGIAppLike)(app, ...this.args)
      : (cls as (app: ASGIApp, ...args: unknown[]) => ASGIAppLike)(app, ...this.args);
    return asASGIApp(instance);
  }

  /** The factory's name, or "" for an anonymous one. */
  get name(): string {
    return this.cls.name;
  }

  *[Symbol.iterator](): Generator<MiddlewareFactory<A> | readonly unknown[]> {
    yield this.cls;
    yield this.args;
  }

  toString(): string {
    return `Middleware(${[this.name, ...this.args.map(reprArg)].join(", ")})`;
  }
}
