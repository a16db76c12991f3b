"""Markdown source as the reader sees it in the browser, for tests that read AppTest elements.

AppTest hands back the Markdown a page sent, not what Streamlit's renderer (remark-gfm) makes of
it. Tests must not clean that up (dropping backslashes would hide an unescaped '~'), so this
renders the parts of Markdown our pages can trip over, the way the browser does:

- a backslash before ASCII punctuation shows the punctuation itself;
- a pair of single (or double) tildes that can open and close, under GFM's flanking rules, strikes
  the text between through: shown as <del>…</del>, so '1~3분기 … Q1~Q4' cannot pass for '1~3분기';
- a pair of unescaped '$' is LaTeX: shown as <math>…</math>;
- '**bold**' shows its text; ':red-badge[샘플 데이터]' and ':blue[…]' show theirs; ':material/x:' icons show nothing;
- a line break written '  \\n' is a line break.

tests/browser checks the cases that matter against real Chromium (no <del> in the period warning).
"""
from __future__ import annotations

import re
import unicodedata

_ASCII_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_DIRECTIVE = re.compile(r":(?:[a-z]+-badge|red|orange|yellow|green|blue|violet|gray|grey|rainbow|primary)\[([^\]]*)\]")
_ICON = re.compile(r":material/[a-z0-9_]+:\s?")


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _is_punct(ch: str | None) -> bool:
    return ch is not None and (ch in _ASCII_PUNCTUATION or unicodedata.category(ch)[0] in "PS")


def _flanking(before: str | None, after: str | None) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for a delimiter run between `before` and `after` (CommonMark)."""
    left = not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))
    right = not _is_space(before) and (not _is_punct(before) or _is_space(after) or _is_punct(after))
    return left, right


def _paragraph(source: str) -> str:
    # Tokens: (text, kind) where kind is 'text', 'tilde', 'dollar' or 'strong'.
    chars: list[tuple[str, bool]] = []  # (character, escaped)
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\" and i + 1 < len(source) and source[i + 1] in _ASCII_PUNCTUATION:
            chars.append((source[i + 1], True))
            i += 2
            continue
        chars.append((ch, False))
        i += 1

    tokens: list[list] = []  # [text, kind, can_open, can_close]
    i = 0
    while i < len(chars):
        ch, escaped = chars[i]
        if not escaped and ch in "~*$":
            j = i
            while j < len(chars) and chars[j] == (ch, False):
                j += 1
            run = j - i
            before = chars[i - 1][0] if i else None
            after = chars[j][0] if j < len(chars) else None
            left, right = _flanking(before, after)
            if ch == "~" and run <= 2:
                tokens.append(["~" * run, "tilde", left, right])
            elif ch == "*" and run == 2:
                tokens.append(["**", "strong", left, right])
            elif ch == "$" and run == 1:
                tokens.append(["$", "dollar", True, True])
            else:
                tokens.append([ch * run, "text", False, False])
            i = j
            continue
        tokens.append([ch, "text", False, False])
        i += 1

    # Pair closers with the nearest opener of the same kind and length before them.
    replace: dict[int, str] = {}
    openers: list[int] = []
    for index, (text, kind, can_open, can_close) in enumerate(tokens):
        if kind == "text":
            continue
        match = next((o for o in reversed(openers) if tokens[o][1] == kind and tokens[o][0] == text), None)
        if can_close and match is not None:
            start, end = {"tilde": ("<del>", "</del>"), "dollar": ("<math>", "</math>"), "strong": ("", "")}[kind]
            replace[match], replace[index] = start, end
            openers = [o for o in openers if o < match]
        elif can_open:
            openers.append(index)
    return "".join(replace.get(index, token[0]) for index, token in enumerate(tokens))


def visible(source: str) -> str:
    """What a reader sees of Markdown `source` (see the module docstring)."""
    text = _ICON.sub("", str(source))
    text = _DIRECTIVE.sub(r"\1", text)
    paragraphs = re.split(r"\n\s*\n", text)
    shown = "\n\n".join(_paragraph(p) for p in paragraphs)
    return re.sub(r" {2,}\n", "\n", shown)
