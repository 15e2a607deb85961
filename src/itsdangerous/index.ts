// The public names of the itsdangerous port, as itsdangerous/__init__.py lists them.
export { base64Decode, base64Encode, wantBytes } from "./encoding.js";
export { BadData, BadHeader, BadPayload, BadSignature, BadTimeSignature, SignatureExpired } from "./exc.js";
export { Serializer, type SerializerOptions } from "./serializer.js";
export { HMACAlgorithm, NoneAlgorithm, Signer, SigningAlgorithm, type KeyDerivation, type SignerOptions } from "./signer.js";
export { TimedSerializer, TimestampSigner } from "./timed.js";
export { URLSafeSerializer, URLSafeTimedSerializer } from "./url_safe.js";
