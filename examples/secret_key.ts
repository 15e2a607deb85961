// The secret key: generated once, kept in the environment, rotated without
// logging anybody out (the last key signs, every key verifies).
import { randomBytes } from "node:crypto";
import { App } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

/** Python's secrets.token_hex(32). Run once, store the result, never commit it. */
export function generateSecret(): string {
  return randomBytes(32).toString("hex");
}

/** SECRET_KEY="new" and, while rotating, OLD_SECRET_KEYS="older,old" (oldest first). */
export function secretKeys(env: NodeJS.ProcessEnv = process.env): string[] {
  const current = env.SECRET_KEY;
  if (!current) throw new Error("Set SECRET_KEY (generate one with generateSecret())");
  const old = (env.OLD_SECRET_KEYS ?? "").split(",").filter(Boolean);
  return [...old, current];
}

export function createApp(env: NodeJS.ProcessEnv = process.env): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey: secretKeys(env), httpsOnly: env.NODE_ENV === "production" });
  return app;
}
