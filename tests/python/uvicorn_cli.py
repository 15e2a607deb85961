# What uvicorn's command line says for each argv (click's CliRunner, in one
# process), and what difflib suggests for mistyped option names: the oracle of
# tests/cli_units.test.ts. Input: {"cases": [[arg, ...], ...], "words": [...], "options": [...]}.
import difflib
import json
import sys

from click.testing import CliRunner
from uvicorn.main import main

data = json.load(sys.stdin)
results = []
for args in data["cases"]:
    result = CliRunner().invoke(main, args, prog_name="uvicorn")
    results.append({"code": result.exit_code, "output": result.output})
close = [difflib.get_close_matches(word, data["options"]) for word in data["words"]]
print(json.dumps({"cli": results, "close": close}))
