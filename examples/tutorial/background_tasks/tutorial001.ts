// Background Tasks: answer at once, send the notification after the response.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { BackgroundTasks, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

function writeNotification(email: string, message = "") {
  // Stands in for sending an email (FastAPI's sample appends to a log file).
  console.log(`notification for ${email}: ${message}`);
}

app.post(
  "/send-notification/{email}",
  { params: { email: Path(z.string()), background_tasks: BackgroundTasks } },
  async function sendNotification({ email, background_tasks }) {
    background_tasks.addTask(writeNotification, email, "some notification");
    return { message: "Notification sent in the background" };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
