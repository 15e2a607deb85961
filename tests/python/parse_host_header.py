# For tests/middleware/trustedhost.test.ts: Starlette's own parse_host_header
# on each value (stdin {"values": [...]}, stdout [[host, port] or null, ...]).
import json
import sys

from starlette._utils import parse_host_header

out = []
for value in json.load(sys.stdin)["values"]:
    parsed = parse_host_header(value)
    out.append(None if parsed is None else [parsed.host, parsed.port])
json.dump(out, sys.stdout)
