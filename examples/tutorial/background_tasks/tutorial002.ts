// Background Tasks: a dependency adds a task too; all of them run after the response, in order.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { BackgroundTasks, Depends, FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

function writeLog(message: string) {
  // Stands in for appending to a log file, as FastAPI's sample does.
  console.log(message);
}

function getQuery({ background_tasks, q }: { background_tasks: BackgroundTasks; q: string | null }) {
  if (q) {
    const message = `found query: ${q}`;
    background_tasks.addTask(writeLog, message);
  }
  return q;
}

const query = Depends(getQuery, { params: { background_tasks: BackgroundTasks, q: Query(z.string().nullable().default(null)) } });

app.post(
  "/send-notification/{email}",
  { params: { email: Path(z.string()), background_tasks: BackgroundTasks, q: query } },
  async function sendNotification({ email, background_tasks }) {
    const message = `message to ${email}`;
    background_tasks.addTask(writeLog, message);
    return { message: "Message sent" };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
