// A test recipe that reproduces the middleware-ordering bug and proves the fix:
// in the wrong order the http middleware sees no session and reading it fails.
import assert from "node:assert/strict";
import { App, TestClient, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

function buildApp(sessionAddedFirst: boolean): App {
  const app = new App();
  if (sessionAddedFirst) app.addMiddleware(SessionMiddleware, { secretKey: "test" });
  app.middleware("http")(async (request, callNext) => {
    request.session.set("seen_by_middleware", true); // throws when SessionMiddleware is inside
    return callNext(request);
  });
  if (!sessionAddedFirst) app.addMiddleware(SessionMiddleware, { secretKey: "test" });
  app.get("/")((request: Request) => ({ session: request.session }));
  return app;
}

export async function testWrongOrderFails(): Promise<void> {
  const client = new TestClient(buildApp(true));
  await assert.rejects(client.get("/"), { name: "AssertionError", message: /^SessionMiddleware must be installed to access request\.session/ });
  const response = await new TestClient(buildApp(true), { raiseServerExceptions: false }).get("/");
  assert.equal(response.statusCode, 500);
}

export async function testRightOrderWorks(): Promise<void> {
  const response = await new TestClient(buildApp(false)).get("/");
  assert.deepEqual(response.json(), { session: { seen_by_middleware: true } });
}
