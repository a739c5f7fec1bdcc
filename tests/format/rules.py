"""The rules of the style, each with the fixture that shows it (docs/format.md lists them)."""

STYLE_RULES = (
    "indentation",
    "blank_lines",
    "separators",
    "one_key_per_line",
    "braces",
    "comments",
    "key_quotes",
    "values",
    "lists",
    "includes",
    "braced_root",
    "trailing_whitespace",
    "line_endings",
    "json_job",
)
