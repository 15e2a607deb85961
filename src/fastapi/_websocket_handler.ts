// fastapi/routing.py's websocket_session and get_websocket_app: solve the dependencies for the
// WebSocket, inside the exit stacks of generator dependencies, then run the handler.
import { runHandlingExceptions } from "../_exception_handler.js";
import type { ASGIApp } from "../types.js";
import { WebSocket } from "../websockets.js";
import { AsyncExitStack } from "./_exit_stack.js";
import type { Dependant } from "./dependencies/models.js";
import { solveDependencies, type DependencyOverrides } from "./dependencies/resolve.js";
import { WebSocketRequestValidationError } from "./exceptions.js";

interface AppWithOverrides {
  dependencyOverrides?: DependencyOverrides;
}

/** FastAPI's websocket_session(get_websocket_app(dependant)): errors go to the exception handlers. */
export function websocketSession(dependant: Dependant): ASGIApp {
  return (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    const app: ASGIApp = () => {
      const requestStack = new AsyncExitStack();
      return requestStack
        .run(() => {
          const functionStack = new AsyncExitStack();
          return functionStack.run(() => run(dependant, websocket, requestStack, functionStack)).then(() => undefined);
        })
        .then(() => undefined);
    };
    return runHandlingExceptions(app, websocket, scope, receive, send);
  };
}

async function run(dependant: Dependant, websocket: WebSocket, requestStack: AsyncExitStack, functionStack: AsyncExitStack): Promise<void> {
  const overrides = (websocket.scope.app as AppWithOverrides | undefined)?.dependencyOverrides;
  const solved = await solveDependencies(
    {
      request: websocket,
      response: null,
      backgroundTasks: null,
      body: null,
      embedBodyFields: false,
      overrides: overrides !== undefined && overrides.size > 0 ? overrides : null,
      requestStack,
      functionStack,
      cache: null,
    },
    dependant,
  );
  if (solved.errors.length) {
    const mountPath = String(websocket.scope.root_path ?? "").replace(/\/+$/, "");
    const name = (dependant.call as { name?: string }).name;
    throw new WebSocketRequestValidationError(solved.errors, { function: name, path: `WS ${mountPath}${dependant.path}` });
  }
  await dependant.invoke(solved.values);
}
