"""Lines of test code per style, for the README's comparison: tests/ (mockexd through the mockex
plugin) against tests_aioresponses/ (aioresponses stubs). Counts lines that are not blank, not
comments and not docstrings (the YAML scenario counts as test code too), and `assert` statements.

Usage: /usr/bin/python3 examples/python-bot/count_lines.py   (prints a Markdown table)
"""

import ast
import io
import pathlib
import tokenize

HERE = pathlib.Path(__file__).resolve().parent
STYLES = {"mockex plugin (tests/)": HERE / "tests",
          "aioresponses (tests_aioresponses/)": HERE / "tests_aioresponses"}


def docstring_lines(source: str) -> set:
    lines = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                and isinstance(first.value.value, str):
            lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def code_lines(path: pathlib.Path) -> int:
    text = path.read_text()
    if path.suffix != ".py":
        return sum(1 for line in text.splitlines()
                   if line.strip() and not line.lstrip().startswith("#"))
    skip = docstring_lines(text)
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                              tokenize.DEDENT, tokenize.ENDMARKER):
            lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - skip)


def asserts(path: pathlib.Path) -> int:
    if path.suffix != ".py":
        return 0
    return sum(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(path.read_text())))


def scenario(path: pathlib.Path) -> str:
    name = path.stem
    if not name.startswith("test_"):
        return "support: " + {"conftest": "fixtures"}.get(name, "helpers, data")
    return name.removeprefix("test_").removeprefix("mocked_").replace("_", " ")


def main():
    table = {}
    for style, directory in STYLES.items():
        for path in sorted(directory.iterdir()):
            if path.suffix in (".py", ".yaml"):
                row = table.setdefault(scenario(path), {})
                lines, checks = row.get(style, (0, 0))
                row[style] = (lines + code_lines(path), checks + asserts(path))
    def cell(lines, checks):
        return f"{lines} ({checks} assert{'s' * (checks != 1)})" if checks else str(lines)

    print("| scenario | " + " | ".join(STYLES) + " |")
    print("| --- |" + " ---: |" * len(STYLES))
    for name in sorted(table, key=lambda n: (n.startswith("support"), n)):
        print(f"| {name} | " + " | ".join(cell(*table[name].get(s, (0, 0))) for s in STYLES)
              + " |")
    totals = [[sum(row.get(s, (0, 0))[i] for row in table.values()) for i in (0, 1)]
              for s in STYLES]
    print("| **total** | " + " | ".join(f"**{cell(*t)}**" for t in totals) + " |")


if __name__ == "__main__":
    main()
