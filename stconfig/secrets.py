"""The one place that decides what is secret, and how a secret is masked wherever it is printed.

Three kinds of secret are recognised (docs/secrets.md states the rule for users):

* a value written under a key that names a secret (`password`, `db_password`, `mypassword`,
  `password1`, `secretKey`, `access_key_id`, `"fs.s3a.secret.key"`, ...), whatever its form:
  a string, a number, an unquoted word, a concatenation, a triple-quoted block, or every
  value inside an object or list held by such a key;
* a value shape that carries a credential wherever it appears, even under another key or
  in a comment: the password of a URL's `user:password@`, Oracle's `thin:user/password@`,
  a `password=...` (or any secret-named) parameter, and the default of a
  `${SECRET_NAME:default}` placeholder;
* a value that reaches the job through a variable named like a secret (`--var`, the
  environment, or the file), or that lands under a secret key: printers never know its
  text from the source line, so messages that would echo it are scrubbed by value.

Masking replaces the secret with `******` (whatever its length), keeps keys, quotes,
`${NAME}` references and the rest of the line, and keeps carets under the right text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from stconfig._lazy import lazy_pattern
from stconfig._records import record

if TYPE_CHECKING:
    from stconfig.model.job import Job
    from stconfig.model.values import Node

MASK = "******"
"""What every printer shows instead of a secret (the length of the secret is not shown)."""

Region = tuple[int, int]
"""A half-open range of character offsets in one text."""

# -- which keys hold secrets ---------------------------------------------------------------

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SECRET_WORDS = frozenset(
    {
        "password",
        "passwords",
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "secret",
        "secrets",
        "token",
        "credential",
        "credentials",
        "creds",
        "apikey",
        "privatekey",
        "secretkey",
        "accesskey",
    }
)
_KEY_QUALIFIERS = frozenset(
    {
        "access",
        "account",
        "api",
        "app",
        "client",
        "encryption",
        "master",
        "private",
        "sas",
        "secret",
        "shared",
        "signing",
        "storage",
    }
)
"""`<qualifier> key` names a key that is itself a credential (`private_key`, `api-key`)."""
_GLUED = ("password", "passwd", "passphrase", "secret", "credential")
"""Found anywhere in a key written without separators: `mypassword`, `password1`."""
_GLUED_ENDINGS = ("token", "pwd", "apikey", "privatekey", "accesskey", "secretkey")
"""Found at the end of such a key: `apitoken`, `dbpwd` (but not `tokenizer`, `max_tokens`)."""
_DESCRIBING = frozenset(
    {
        "file",
        "path",
        "dir",
        "url",
        "uri",
        "endpoint",
        "field",
        "column",
        "name",
        "type",
        "mode",
        "provider",
        "class",
        "factory",
        "algorithm",
        "method",
        "policy",
        "enabled",
        "enable",
        "prefix",
        "format",
        "ttl",
        "expire",
        "expiration",
        "timeout",
    }
)
"""A last word that says the value describes a secret rather than holds it
(`password_file`, `secret_name`, `token_url`, `fs.s3a.aws.credentials.provider`,
`token_expire`): such values stay visible."""


def key_words(key: str) -> list[str]:
    """The lower-case words of a key: `db.secretKey_1` -> db, secret, key, 1."""
    return [
        word.lower() for part in re.split(r"[^A-Za-z0-9]+", key) for word in _WORD.findall(part)
    ]


@lru_cache(maxsize=4096)
def is_secret_key(key: str) -> bool:
    """Whether a key (a dotted path or one name) names a value that is a secret."""
    words = key_words(key)
    if not words or words[-1] in _DESCRIBING:
        return False
    glued = "".join(words)
    if glued == "auth":
        return True
    if any(word in _SECRET_WORDS for word in words):
        return True
    if any(a in _KEY_QUALIFIERS and b in ("key", "keys") for a, b in pairwise(words)):
        return True
    return any(part in glued for part in _GLUED) or glued.endswith(_GLUED_ENDINGS)


# -- value shapes that carry a credential anywhere ---------------------------------------------

_PARAMETER = re.compile(r"(?<![A-Za-z0-9_.\-])(?P<key>[A-Za-z][A-Za-z0-9_.\-]*+)\s*+=\s*")
"""`key =`: the key's characters and the spaces after it are taken possessively, as none of
them can be the `=` that must follow (a word not followed by `=` is left at once, rather
than tried again one character shorter each time: a quarter of this scan of a job text)."""


# The patterns below are needed only by texts that hold an `@` or a secret-named parameter:
# compiled on first use, a cold lint of most jobs never pays for them.
_URL_PASSWORD = lazy_pattern(
    r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:\"'\\]*:(?P<secret>[^\s/\"'\\]+)@",
)
_THIN_PASSWORD = lazy_pattern(r"(?i)\bthin:[^\s/@:\"']+/(?P<secret>[^\s@\"']+)@")
_PARAMETER_VALUE = lazy_pattern(
    r"\\\"(?P<escaped>(?:[^\"\\]|\\[^\"])*)\\\"|\"(?P<double>[^\"\n]*)\""
    r"|'(?P<single>[^'\n]*)'|(?P<bare>[^\s&;,\"'\\(){}\[\]]+)"
)
_PLACEHOLDER = re.compile(r"\$\{(?P<name>[^:{}]+)(?::(?P<default>[^}]*))?\}")
_REFERENCE = re.compile(r"\$\{\??\s*(?P<name>[^:{}\s]+)")


def shape_regions(text: str, *, named: bool = True) -> list[Region]:
    """Credentials inside any text: URL passwords, `password=` parameters, secret defaults.

    `named=False` says that no name in the text can name a secret (`_may_name_a_secret`),
    so that parameters and placeholder defaults, which need such a name, are not looked for.
    """
    # Each shape needs a character most texts (one string value, often) lack: testing for
    # it first spares the regular expressions' scans of every value of every job.
    regions: list[Region] = []
    if "@" in text:
        for pattern in (_URL_PASSWORD, _THIN_PASSWORD):
            regions += [
                m.span("secret") for m in pattern.finditer(text) if not m["secret"].startswith("${")
            ]
    if not named:
        return regions
    if "=" in text:
        for match in _PARAMETER.finditer(text):
            if not is_secret_key(match["key"]):
                continue
            value = _PARAMETER_VALUE.match(text, match.end())
            if value is None:
                continue
            group = next(g for g in ("escaped", "double", "single", "bare") if value[g] is not None)
            if value[group] and not text.startswith("${", value.start()):
                regions.append(value.span(group))
    if "${" in text:
        for match in _PLACEHOLDER.finditer(text):
            if match["default"] and is_secret_key(match["name"]):
                regions.append(match.span("default"))
    return regions


_URL_USERINFO = lazy_pattern(
    r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^/?#\s@:]*)(?P<password>:[^/?#\s@]*)?@"
)
"""A URL's `user:password@` or `token@`, for `mask_url` (compiled on first use)."""


def mask_url(url: str) -> str:
    """Text with the password of every URL's `user:password@` masked, whatever characters
    it holds (for `--master`, redirects and logs); a bare `token@` is masked whole."""

    def userinfo(match: re.Match[str]) -> str:
        if match.group("password") is None:
            return f"{match.group('scheme')}{MASK}@"
        return f"{match.group('scheme')}{match.group('user')}:{MASK}@"

    return mask_text(_URL_USERINFO.sub(userinfo, url))


# -- secrets written in a HOCON or JSON text -----------------------------------------------------


_Token = tuple[str, int, int, str]
"""One token: kind, start, end, text. The kind is the character itself for punctuation
(`{ } [ ] , : =`, and `=` for `+=`), else "nl", "string", "triple", "word" or "subst".
Plain tuples: a record's `__init__` was a third of the time this tokenizer took."""

_TOKEN = re.compile(
    r"""(?>[ \t\r\ufeff]*(?:(?:\#|//)[^\n]*)?)
    (?:(?P<nl>\n)
    |(?P<triple>\"\"\"[\s\S]*?(?:\"\"\"\"*|\Z))
    |(?P<string>"(?:[^"\\\n]|\\.)*"?)
    |(?P<subst>\$\{[^}\n]*\}?)
    |(?P<append>\+=)
    |(?P<punct>[{}\[\],:=])
    |(?P<word>(?:[^ \t\r\n{}\[\],:="\#/$+\ufeff]+|/(?!/)|\$(?!\{)|\+(?!=))+)
    |(?P<other>[\s\S])
    |\Z)""",
    re.VERBOSE,
)
"""One token, after the spaces and the comment before it (which give no token); at the end
of the text, only those."""

_OPENING = frozenset("{[")
_CLOSING = frozenset("}]")
_ASSIGNING = frozenset(":=")
_VALUE_END = frozenset({"nl", ",", "{", "}", "[", "]"})


def _tokens(text: str) -> list[_Token]:
    """A forgiving tokenizer: any text gives tokens, so broken lines are masked too."""
    tokens: list[_Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        group = match.lastgroup
        if group is None:
            continue  # spaces or a comment at the end of the text
        token = match[group]
        end = match.end()
        if group == "punct":
            append((token, end - 1, end, token))
        elif group == "append":
            append(("=", end - 2, end, "="))
        else:
            append(("word" if group == "other" else group, end - len(token), end, token))
    return tokens


def _key_text(tokens: Sequence[_Token]) -> str:
    return "".join(text[1:-1] if kind == "string" else text for kind, _, _, text in tokens)


def _literal_regions(token: _Token) -> list[Region]:
    """The secret part of one literal: a word entirely, a string's text between its quotes
    except `${NAME}` references (their defaults are masked)."""
    kind, token_start, token_end, text = token
    if kind == "word":
        return [(token_start, token_end)]
    if kind == "triple":
        inner = (token_start + 3, max(token_start + 3, token_end - 3))
        return [inner] if inner[0] < inner[1] else []
    if kind != "string":
        return []
    closed = len(text) >= 2 and text.endswith('"')
    start, end = token_start + 1, token_end - (1 if closed else 0)
    regions: list[Region] = []
    cursor = start
    for match in _PLACEHOLDER.finditer(text[1 : end - token_start]):
        at = start + match.start()
        if at > cursor:
            regions.append((cursor, at))
        if match["default"]:
            regions.append((start + match.start("default"), start + match.end("default")))
        cursor = start + match.end()
    if cursor < end:
        regions.append((cursor, end))
    return regions


class _Scanner:
    """Walks the tokens with a stack of objects and lists; values under secret keys (and
    everything inside an object or list held by one) become regions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.regions: list[Region] = []
        self.stack: list[tuple[str, bool]] = [("object", False)]

    def scan(self) -> list[Region]:
        i, key, tokens, stack = 0, list[_Token](), self.tokens, self.stack
        pending = False  # the value that reached this `{` or `[` is a secret
        count = len(tokens)
        while i < count:
            token = tokens[i]
            kind = token[0]
            container, secret = stack[-1]
            if kind in _CLOSING:
                if len(stack) > 1:
                    stack.pop()
                key, pending = [], False
                i += 1
            elif kind in _OPENING:
                named = container == "object" and bool(key) and is_secret_key(_key_text(key))
                opened = "object" if kind == "{" else "list"
                stack.append((opened, secret or named or pending))
                key, pending = [], False
                i += 1
            elif kind == "nl" or kind == ",":
                key, pending = [], False
                i += 1
            elif container == "list":
                i = self.value(i, secret)
                pending = secret
            elif kind in _ASSIGNING:
                pending = secret or (bool(key) and is_secret_key(_key_text(key)))
                i = self.value(i + 1, pending)
                key = []
            else:
                key.append(token)
                i += 1
        return self.regions

    def value(self, i: int, secret: bool) -> int:
        """Consume one value's tokens up to its end; `{` or `[` are left for `scan`."""
        tokens = self.tokens
        count = len(tokens)
        while i < count and tokens[i][0] == "nl":
            i += 1
        regions: list[Region] = []
        while i < count:
            token = tokens[i]
            if token[0] in _VALUE_END:
                break
            if secret:
                regions += _literal_regions(token)
            i += 1
        merged: list[Region] = []
        for region in regions:
            if merged and self.text[merged[-1][1] : region[0]].strip(" \t") == "":
                merged[-1] = (merged[-1][0], region[1])
            else:
                merged.append(region)
        self.regions += merged
        return i


def merge(regions: Iterable[Region]) -> list[Region]:
    """Sorted, non-empty, non-overlapping regions."""
    merged: list[Region] = []
    for start, end in sorted(r for r in regions if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def secret_regions(text: str, values: Iterable[str] = ()) -> list[Region]:
    """Every secret in a job file's text (HOCON or JSON, broken or not), as offsets, and
    every occurrence of the given secret values."""
    return merge([*_written_regions(text), *value_regions(text, values)])


@lru_cache(maxsize=64)
def _written_regions(text: str) -> tuple[Region, ...]:
    """The secrets the text itself shows: values under secret keys and credential shapes.

    Cached, because a text is scanned again each time new secret values are marked on it,
    and this part does not depend on them.
    """
    named = _may_name_a_secret(text)
    under_keys = _Scanner(text).scan() if named else []
    return (*under_keys, *shape_regions(text, named=named))


_KEY_NEEDLES = tuple(
    word.encode()
    for word in sorted(
        {
            *_SECRET_WORDS,
            *_GLUED,
            *_GLUED_ENDINGS,
            "auth",
            *(qualifier + "key" for qualifier in _KEY_QUALIFIERS),
        }
    )
)
"""Every key `is_secret_key` accepts has one of these in its lower-case letters and digits.
A qualifier's `key` is looked for with its qualifier (`apikey`, `privatekey`): a bare `key`
would send every text with a `primary_key` or `partition_key` to the scan."""
_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalnum())
"""The ASCII characters other than letters and digits."""


def _may_name_a_secret(text: str) -> bool:
    """False when no key of the text can name a secret, so that the scan would find nothing
    (nor would `shape_regions` find a parameter or placeholder named like a secret).

    A key's letters and digits, lower-cased, appear in a row in the text's (the tokens of a
    key are only ever separated by spaces and quotes), and `is_secret_key` only accepts keys
    whose letters hold a secret word, a glued one, `auth` or a qualifier followed by `key`.
    """
    # The ASCII letters and digits, as `_WORD` reads them: in bytes, two C passes.
    letters = text.encode("ascii", "ignore").translate(None, _NOT_LETTERS).lower()
    return any(needle in letters for needle in _KEY_NEEDLES)


def value_regions(text: str, values: Iterable[str]) -> list[Region]:
    """Where the text holds one of the values (see `_occurrences`)."""
    return [
        match.span()
        for value in values
        if value in text and not _names_a_secret(value)
        for match in _occurrences(value).finditer(text)
    ]


def _names_a_secret(value: str) -> bool:
    """A value such as `password` or `token` (test jobs are full of them): searching for it
    would mask every key of that name, so it is only masked where it is written."""
    return value.lower() in _SECRET_WORDS or value.lower() == "auth"


SUBSTRING_LENGTH = 8
"""Values this long are found anywhere; shorter ones only as whole words, so that a
password `pass` does not eat into the word `password`."""

SEARCHED_LENGTH = 3
"""Shorter values (`a`, `s1`) are masked where they are written but not searched for in
messages: as words they would turn every `a` of a sentence into the mask, and a one- or
two-character secret hides nothing a reader could not guess."""


@lru_cache(maxsize=1024)
def _occurrences(value: str) -> re.Pattern[str]:
    """The value as a pattern; a short one as a whole word. The word test before it is
    written after the value, as a lookbehind over the value too, so that the pattern
    starts with the value's text, which `re` looks for quickly, instead of trying the
    test at every character of the text (value_regions over the corpus 41 -> 17 ms)."""
    escaped = re.escape(value)
    if len(value) >= SUBSTRING_LENGTH:
        return re.compile(escaped)
    return re.compile(rf"{escaped}(?<![A-Za-z0-9_]{escaped})(?![A-Za-z0-9_])")


def _apply(text: str, regions: Sequence[Region]) -> str:
    """Each region replaced by the mask, line by line, so that line breaks stay."""
    parts: list[str] = []
    cursor = 0
    for start, end in regions:
        parts.append(text[cursor:start])
        segments = text[start:end].split("\n")
        parts.append(
            "\n".join(
                MASK + ("\r" if s.endswith("\r") else "") if s.strip() else s for s in segments
            )
        )
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def mask_text(text: str) -> str:
    """A whole job text (or any text) with every secret masked; lines stay where they were."""
    return _apply(text, secret_regions(text))


# -- one line, for snippets with a caret -----------------------------------------------------------


@record(frozen=True)
class MaskedLine:
    """A source line with its secrets masked, and the map from its old columns to new ones."""

    text: str
    segments: tuple[Region, ...]
    """Masked ranges of the original line, as 0-based character indexes."""

    def column(self, column: int, *, end: bool = False) -> int:
        """The 1-based column in `text` for a column of the original line.

        A column inside a masked secret moves to the mask's start (or, with `end`, past it).
        """
        index = column - 1
        shift = 0
        for start, stop in self.segments:
            if index <= start:
                break
            if index < stop:
                return start + shift + (len(MASK) if end else 0) + 1
            shift += len(MASK) - (stop - start)
        return index + shift + 1


def mask_line(line: str, regions: Iterable[Region] = (), offset: int = 0) -> MaskedLine:
    """One line (no line break) with the given file regions masked, plus the value shapes
    found on the line itself. `offset` is where the line starts in the file's text."""
    local = [(max(s - offset, 0), min(e - offset, len(line))) for s, e in regions]
    segments = merge([*(r for r in local if r[0] < r[1]), *shape_regions(line)])
    return MaskedLine(_apply(line, segments), tuple(segments))


# -- values that reach messages ---------------------------------------------------------------


def _tree_secrets(root: Node) -> set[str]:
    """The secret values of a tree: every value below a secret key, and the credentials
    inside other strings."""
    from stconfig.model.values import ListNode, ObjectNode

    found: set[str] = set()

    # Recursive functions that add to one set (not nested generators, which cost a
    # resumption per level for every value, nor an import per node).
    def every_value(node: Node) -> None:
        if isinstance(node, ObjectNode):
            for member in node.members.values():
                every_value(member.value)
        elif isinstance(node, ListNode):
            for item in node.items:
                every_value(item)
        elif node.value is not None and not isinstance(node.value, bool):
            found.add(str(node.value))

    def walk(node: Node) -> None:
        if isinstance(node, ObjectNode):
            for member in node.members.values():
                if is_secret_key(member.key):
                    every_value(member.value)
                else:
                    walk(member.value)
        elif isinstance(node, ListNode):
            for item in node.items:
                walk(item)
        elif isinstance(node.value, str):
            found.update(node.value[s:e] for s, e in shape_regions(node.value))

    walk(root)
    return found


def variable_secrets(
    given: Mapping[str, str], environ: Mapping[str, str], texts: Iterable[str] = ()
) -> set[str]:
    """Values of secret-named variables: every `--var` one, and those of the environment
    that the texts refer to with `${NAME}`."""
    found = {value for name, value in given.items() if is_secret_key(name)}
    for text in texts:
        for match in _REFERENCE.finditer(text):
            name = match["name"]
            if is_secret_key(name):
                found.update(v for v in (given.get(name), environ.get(name)) if v is not None)
    return found


def job_secrets(
    job: Job, given: Mapping[str, str] | None = None, environ: Mapping[str, str] | None = None
) -> set[str]:
    """Every secret value of a read job: under secret keys after substitution, inside
    credential shapes, and the values of secret-named variables."""
    import os

    texts = [document.source.text for document in job.documents]
    found = _tree_secrets(job.root)
    found |= variable_secrets(given or {}, os.environ if environ is None else environ, texts)
    return {value for value in found if value.strip()}


def mark_job(job: Job, values: Iterable[str]) -> None:
    """Tell every file of the job which values are secret, so printed lines mask them."""
    known = list(values)
    for document in job.documents:
        document.source.mark_secrets(known)
    if job.source_file is not None:
        job.source_file.mark_secrets(known)


def redact(text: str, values: Iterable[str]) -> str:
    """`text` with every occurrence of the secret values (as written, quoted or escaped)
    replaced by the mask; values shorter than `SUBSTRING_LENGTH` only as whole words."""
    return Redactor(values)(text)


class Redactor:
    """`redact` for many texts with the same values: the forms to search for are found
    once, and a text is searched only for the forms whose first characters it holds, so
    redacting every finding of a job with thousands of secrets costs the findings' length,
    not that times the number of secrets."""

    FEW = 32
    """Up to this many forms, each is simply looked for in the text."""

    def __init__(self, values: Iterable[str]) -> None:
        forms = {form for value in values for form in _written_forms(value)}
        self.forms = sorted(forms, key=lambda form: (-len(form), form))
        self.rank = {form: rank for rank, form in enumerate(self.forms)}
        self.by_head: dict[str, list[str]] = {}
        """Forms by their first `SUBSTRING_LENGTH` characters (shorter ones by their first
        `SEARCHED_LENGTH`): secrets that share a short prefix stay apart."""
        for form in self.forms:
            self.by_head.setdefault(self._head(form), []).append(form)
        self.masked = [form for form in self.forms if set(form) & set(MASK)]
        """Forms a mask put in the text could complete: always looked for."""

    @staticmethod
    def _head(form: str) -> str:
        return form[: SUBSTRING_LENGTH if len(form) >= SUBSTRING_LENGTH else SEARCHED_LENGTH]

    def candidates(self, text: str) -> list[str]:
        """The forms that may occur in `text`, longest first."""
        if len(self.forms) <= self.FEW:
            return self.forms
        found = set(self.masked)
        heads = self.by_head
        # Every head is SEARCHED_LENGTH or SUBSTRING_LENGTH characters long (forms are at
        # least SEARCHED_LENGTH): the text's slices of those lengths, then the heads among them.
        slices = {
            text[start : start + SEARCHED_LENGTH]
            for start in range(len(text) - SEARCHED_LENGTH + 1)
        }
        slices.update(
            text[start : start + SUBSTRING_LENGTH]
            for start in range(len(text) - SUBSTRING_LENGTH + 1)
        )
        for head in slices.intersection(heads):
            found.update(heads[head])
        return sorted(found, key=self.rank.__getitem__)

    def __call__(self, text: str) -> str:
        for form in self.candidates(text):
            if form in text:
                text = _occurrences(form).sub(MASK, text)
        return text


_last_redactor: list[tuple[frozenset[str], Redactor]] = []
"""The values the last `redactor` was made for, and it."""


def redactor(values: Iterable[str]) -> Redactor:
    """`Redactor(values)`, the same object again when asked for the same values: the jobs of
    one command mostly share their secrets (those remembered so far), and comparing two sets
    costs far less than finding and sorting the forms again. A redactor keeps no state."""
    key = frozenset(values)
    if not _last_redactor or _last_redactor[0][0] != key:
        _last_redactor[:] = [(key, Redactor(key))]
    return _last_redactor[0][1]


@lru_cache(maxsize=4096)
def _written_forms(value: str) -> frozenset[str]:
    """How a secret value may appear in a message: as is, quoted or escaped; nothing for a
    value too short to search for or one that names a secret."""
    if len(value.strip()) < SEARCHED_LENGTH or _names_a_secret(value):
        return frozenset()
    return frozenset(
        {
            value,
            repr(value)[1:-1],
            value.encode("unicode_escape").decode(),
            value.replace("\\", "\\\\").replace('"', '\\"'),
        }
    )


_remembered: list[set[str]] = []
"""One set per command scope; outside a scope (library use) nothing is kept."""


def remember(values: Iterable[str]) -> None:
    """Secret values met while running one command; `redact_known` scrubs them from output."""
    if _remembered:
        _remembered[-1].update(value for value in values if value.strip())


def remembered() -> frozenset[str]:
    return frozenset(_remembered[-1]) if _remembered else frozenset()


_known: list[tuple[set[str], int, Redactor]] = []
"""The redactor of a scope's values, with the set it was made from and the set's size then
(values are only ever added, so the same set of the same size holds the same values)."""


def redact_known(text: str) -> str:
    """`text` with the secret values met in the current command scrubbed."""
    if not _remembered:
        return text
    values = _remembered[-1]
    if not _known or _known[0][0] is not values or _known[0][1] != len(values):
        _known[:] = [(values, len(values), Redactor(values))]
    return _known[0][2](text)


@contextmanager
def command_scope() -> Iterator[None]:
    """Secrets remembered inside the block (one CLI command) are forgotten after it."""
    _remembered.append(set(_remembered[-1]) if _remembered else set())
    try:
        yield
    finally:
        _remembered.pop()


__all__ = [
    "MASK",
    "MaskedLine",
    "Redactor",
    "command_scope",
    "is_secret_key",
    "job_secrets",
    "key_words",
    "mark_job",
    "mask_line",
    "mask_text",
    "mask_url",
    "merge",
    "redact",
    "redact_known",
    "redactor",
    "remember",
    "remembered",
    "secret_regions",
    "shape_regions",
    "value_regions",
    "variable_secrets",
]
