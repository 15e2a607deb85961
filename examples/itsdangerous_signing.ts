// itsdangerous in TypeScript: the same signatures Python makes.
import { Signer, TimestampSigner, URLSafeTimedSerializer, SignatureExpired } from "starlette-ts/itsdangerous";

// Signer: value + "." + signature.
const signer = new Signer("secret-key");
export const signed = signer.sign("my string"); // "my string.wh6tMHxLgJqB6oY1uT73iMlyrOA"
export const value = signer.unsign(signed); // "my string"

// Key rotation: oldest first; the newest signs, every key verifies.
const rotated = new Signer(["secret-key", "new-secret-key"]);
export const stillValid = rotated.validate(signed); // true

// TimestampSigner: value.timestamp.signature, with an age limit when unsigning.
const timed = new TimestampSigner("secret-key");
const token = timed.sign("hello");
export const fresh = timed.unsign(token, { maxAge: 60 }); // "hello"

// A frozen clock (tests do this by overriding getTimestamp).
class Later extends TimestampSigner {
  override getTimestamp(): number {
    return super.getTimestamp() + 120;
  }
}
export let expiredMessage = "";
try {
  new Later("secret-key").unsign(token, { maxAge: 60 });
} catch (error) {
  if (error instanceof SignatureExpired) expiredMessage = error.message; // "Signature age 120 > 60 seconds"
}

// URLSafeTimedSerializer: JSON, compressed when it pays, safe in URLs and cookies.
const serializer = new URLSafeTimedSerializer("secret-key", { salt: "activate" });
export const activation = serializer.dumps({ user_id: 42 });
export const loaded = serializer.loads(activation, { maxAge: 3600 }); // { user_id: 42 }
