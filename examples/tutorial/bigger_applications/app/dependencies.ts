// Bigger Applications: app/dependencies.ts, the dependencies several modules use.
import { Depends, HTTPException, Header, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export async function getTokenHeader({ x_token }: { x_token: string }) {
  if (x_token !== "fake-super-secret-token") {
    throw new HTTPException(400, "X-Token header invalid");
  }
}

export async function getQueryToken({ token }: { token: string }) {
  if (token !== "jessica") {
    throw new HTTPException(400, "No Jessica token provided");
  }
}

// Each dependency declared once with its params, for the modules' `dependencies` lists.
export const TokenHeaderDep = Depends(getTokenHeader, { params: { x_token: Header(z.string()) } });
export const QueryTokenDep = Depends(getQueryToken, { params: { token: Query(z.string()) } });
