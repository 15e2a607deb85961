// Bigger Applications: app/routers/users.ts, the users' path operations on an APIRouter.
import { APIRouter, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const router = new APIRouter();

router.get("/users/", { tags: ["users"] }, async function readUsers() {
  return [{ username: "Rick" }, { username: "Morty" }];
});

router.get("/users/me", { tags: ["users"] }, async function readUserMe() {
  return { username: "fakecurrentuser" };
});

router.get("/users/{username}", { params: { username: Path(z.string()) }, tags: ["users"] }, async function readUser({ username }) {
  return { username };
});
