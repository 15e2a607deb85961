"""Signs and verifies with the real itsdangerous for tests/itsdangerous/interop.test.ts."""
import json
import sys

import itsdangerous
from itsdangerous import Signer, TimestampSigner, URLSafeTimedSerializer


def b(s):
    return s.encode("utf-8") if isinstance(s, str) else bytes.fromhex(s["hex"])


def frozen(cls, now):
    class Frozen(cls):
        def get_timestamp(self):
            return now

    return Frozen


def signer_kwargs(case):
    return {"salt": case["salt"], "key_derivation": case["derivation"], "digest_method": getattr(__import__("hashlib"), case["digest"])}


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        kind = case["kind"]
        keys = [b(k) for k in case["keys"]]
        if kind == "signer":
            s = Signer(keys, **signer_kwargs(case))
            signed = s.sign(b(case["value"])).decode("latin-1")
            ok = s.validate(case["theirs"].encode("latin-1"))
            out.append({"signed": signed, "verifies_theirs": ok})
        elif kind == "timestamp":
            s = frozen(TimestampSigner, case["now"])(keys, **signer_kwargs(case))
            signed = s.sign(b(case["value"])).decode("latin-1")
            try:
                value = s.unsign(case["theirs"].encode("latin-1"), max_age=case["max_age"]).decode("latin-1")
                result = {"value": value}
            except itsdangerous.BadData as e:
                result = {"error": type(e).__name__, "message": str(e)}
            out.append({"signed": signed, "theirs": result})
        else:
            s = URLSafeTimedSerializer(keys, salt=case["salt"], signer=frozen(TimestampSigner, case["now"]))
            token = s.dumps(case["payload"])
            try:
                result = {"payload": s.loads(case["theirs"], max_age=case["max_age"])}
            except itsdangerous.BadData as e:
                result = {"error": type(e).__name__, "message": str(e)}
            out.append({"token": token, "theirs": result})
    json.dump(out, sys.stdout)


main()
