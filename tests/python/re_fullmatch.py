# For tests/python_re.test.ts: re.fullmatch of every pattern against every
# string, as Python 3.11 answers (stdin and stdout are JSON).
import json
import re
import sys
import warnings

warnings.simplefilter("ignore")  # FutureWarning for "[[" and the like
request = json.load(sys.stdin)
out = []
for pattern in request["patterns"]:
    try:
        compiled = re.compile(pattern)
    except (re.error, OverflowError, ValueError) as exc:
        out.append({"error": str(exc)})
        continue
    out.append({"matches": [compiled.fullmatch(s) is not None for s in request["strings"]]})
json.dump(out, sys.stdout)
