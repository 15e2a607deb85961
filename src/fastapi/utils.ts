// Port of fastapi/utils.py.

/** Whether a response with this status may have a body (FastAPI's is_body_allowed_for_status_code). */
export function isBodyAllowedForStatusCode(status: number | string | null): boolean {
  if (status === null) return true;
  if (typeof status === "string" && /^(default|[1-5]XX)$/.test(status)) return true;
  const code = Number(status);
  return !(code < 200 || code === 204 || code === 205 || code === 304);
}
