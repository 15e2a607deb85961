// Files with FileResponse: byte ranges (a video player's seeks, a resumed download) are
// answered as Starlette answers them, the file streamed from disk; a download gets its
// Content-Disposition, with RFC 5987 encoding for a name that is not plain ASCII.
import { fileURLToPath } from "node:url";
import { App, FileResponse, serve } from "starlette-ts";

// Any file will do: this one.
const FILE = fileURLToPath(import.meta.url);

export const app = new App();

// GET with `Range: bytes=0-99` gets 206 and those 100 bytes; `bytes=0-9, 50-59` gets
// multipart/byteranges; a range past the end gets 416 with `Content-Range: bytes */size`.
app.get("/media")(() => new FileResponse(FILE, { mediaType: "video/mp4" }));

// Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.txt
app.get("/download")(() => new FileResponse(FILE, { filename: "résumé.txt" }));

// Content-Disposition: inline; filename="notes.txt" (shown by the browser, not saved).
app.get("/inline")(() => new FileResponse(FILE, { filename: "notes.txt", contentDispositionType: "inline" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
