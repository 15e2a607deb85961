// Bigger Applications: app/internal/admin.ts, a router shared with other projects, configured
// where it is included.
import { APIRouter } from "starlette-ts/fastapi";

export const router = new APIRouter();

router.post("/", async function updateAdmin() {
  return { message: "Admin getting schwifty" };
});
