#!/usr/bin/python3
"""Validates every example scenario against scenarios/schema.json (JSON Schema 2020-12).

Usage: schema_examples_check.py SCENARIOS_DIR. Exit 0 when all conform, 1 otherwise, 77 (skip)
when Debian's python3-jsonschema or python3-yaml is not installed.
"""
import glob
import json
import os
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover
    print(f"skipped: {error}")
    sys.exit(77)


def main() -> int:
    directory = sys.argv[1]
    with open(os.path.join(directory, "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(glob.glob(os.path.join(directory, "*.yaml")))
    failures = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = yaml.safe_load(f)
        for error in validator.iter_errors(document):
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
            failures += 1
    print(f"{len(files)} scenarios checked, {failures} schema violations")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
