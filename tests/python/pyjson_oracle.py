"""Oracle for tests/fastapi/pyjson.test.ts: what Python 3.11's json.loads makes of each input.

stdin: a JSON list; an item is either a base64 string (a request body, given to json.loads as
bytes, as Starlette's Request.json() does) or {"str": base64} (UTF-16-LE code units, given to
json.loads as a str: any JavaScript string, lone surrogates included).
argv[1]: the nesting depth at which the TypeScript port raises RecursionError (its MAX_DEPTH).
The recursion limit is set so json.loads fails at exactly that depth here too; where FastAPI
runs it, the depth left depends on the call stack above (965 to 971 measured).

stdout: {"depth": N, "results": [...]}, one result per item:
  {"ok": tagged} with None/bool/str as JSON, int as {"i": str(v)}, float as {"f": repr(v)},
  list as a list and dict as {"d": [[key, tagged], ...]} (in dict order); or
  {"error": "JSONDecodeError", "msg", "doc", "pos", "lineno", "colno", "str"}; or
  {"error": type name, "str"} for any other exception (UnicodeDecodeError, RecursionError...).
"""
import base64
import json
import sys


def tag(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, list):
        return [tag(x) for x in v]
    return {"d": [[k, tag(x)] for k, x in v.items()]}


def attempt(doc):
    # Every json.loads call goes through here, from deepest() or decode_all(): the same depth.
    try:
        return True, json.loads(doc)
    except json.JSONDecodeError as e:
        return False, {"error": "JSONDecodeError", "msg": e.msg, "doc": e.doc, "pos": e.pos, "lineno": e.lineno, "colno": e.colno, "str": str(e)}
    except Exception as e:
        return False, {"error": type(e).__name__, "str": str(e)}


def deepest():
    lo, hi = 1, 100_000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if attempt("[" * mid + "]" * mid)[0]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def decode_all(docs, target):
    results = []
    for doc in docs:
        ok, value = attempt(doc)
        if ok:
            limit = sys.getrecursionlimit()
            sys.setrecursionlimit(limit + 10 * target)  # tag() recurses as deep as the value
            value = {"ok": tag(value)}
            sys.setrecursionlimit(limit)
        results.append(value)
    return results


def main():
    target = int(sys.argv[1])
    sys.setrecursionlimit(sys.getrecursionlimit() + target - deepest())
    depth = deepest()
    docs = []
    for item in json.load(sys.stdin):
        if isinstance(item, str):
            docs.append(base64.b64decode(item))
        else:
            docs.append(base64.b64decode(item["str"]).decode("utf-16-le", "surrogatepass"))
    results = decode_all(docs, target)
    sys.setrecursionlimit(10 * target)  # json.dump recurses as deep as the tagged values
    json.dump({"depth": depth, "results": results}, sys.stdout)


main()
