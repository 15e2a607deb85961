// Debugging: read a session cookie by hand. The payload is only base64, so it
// can always be read; the signature tells whether this server's secret made it.
import { fileURLToPath } from "node:url";
import { TimestampSigner, BadSignature, SignatureExpired } from "starlette-ts/itsdangerous";

export function decodeSessionCookie(cookie: string, secretKey?: string): { data: unknown; signed: string; error?: string } {
  const [payload, timestamp] = cookie.split(".");
  const data: unknown = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  const time = Buffer.from(timestamp, "base64url");
  const seconds = time.readUIntBE(0, time.length);
  const signed = new Date(seconds * 1000).toISOString();
  if (secretKey === undefined) return { data, signed };
  try {
    new TimestampSigner(secretKey).unsign(cookie, { maxAge: 14 * 24 * 60 * 60 });
    return { data, signed };
  } catch (error) {
    if (error instanceof SignatureExpired) return { data, signed, error: `expired: ${error.message}` };
    if (error instanceof BadSignature) return { data, signed, error: `not signed with this secret: ${error.message}` };
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(decodeSessionCookie(process.argv[2], process.argv[3]));
