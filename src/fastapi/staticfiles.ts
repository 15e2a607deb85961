// Port of fastapi/staticfiles.py: Starlette's StaticFiles, from the FastAPI layer's path.
export { StaticFiles, type StaticFilesOptions } from "../staticfiles.js";
