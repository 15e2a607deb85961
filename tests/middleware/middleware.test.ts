// Port of tests/middleware/test_middleware.py: Middleware's repr and iteration.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { asASGIApp, Middleware } from "../../src/middleware/index.js";
import type { ASGIApp, Receive, Scope, Send } from "../../src/types.js";

class CustomMiddleware {
  constructor(
    readonly app: ASGIApp,
    readonly foo: string,
    readonly options: { bar: number; secretKey?: string },
  ) {}
  call(scope: Scope, receive: Receive, send: Send) {
    return this.app(scope, receive, send);
  }
}

test("test_middleware_repr", () => {
  const middleware = new Middleware(CustomMiddleware, "foo", { bar: 123 });
  assert.is(String(middleware), "Middleware(CustomMiddleware, 'foo', { bar: 123 })");
});

test("secret-looking options are not printed", () => {
  assert.is(String(new Middleware(CustomMiddleware, "x", { bar: 1, secretKey: "hunter2" })), "Middleware(CustomMiddleware, 'x', { bar: 1, secretKey: '**********' })");
});

test("test_middleware_iter: [cls, args] (there are no keyword arguments in JavaScript)", () => {
  const [cls, args] = new Middleware(CustomMiddleware, "foo", { bar: 123 });
  assert.is(cls, CustomMiddleware);
  assert.equal(args, ["foo", { bar: 123 }]);
});

test("a middleware factory without a name, and build()", async () => {
  const m = new Middleware((app: ASGIApp) => app);
  assert.is(m.name, "");
  assert.is(String(m), "Middleware()");
  const inner: ASGIApp = async () => undefined;
  assert.is(m.build(inner), inner);
  assert.throws(() => new Middleware(42 as never), /needs a middleware class or factory function/);
  assert.throws(() => asASGIApp({} as never), /Expected an ASGI app/);
  const instance = { call: async () => undefined };
  await asASGIApp(instance)({ type: "http" }, async () => ({ type: "x" }), async () => undefined);
});

test.run();
