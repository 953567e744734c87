"""The text shown under a search result: a window of its text around the first word found."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 240


def excerpt(text, words, length=EXCERPT_LENGTH):
    """HTML: about ``length`` characters of ``text`` around the first of ``words``, marked.

    Everything is escaped; the words found are wrapped in ``<mark>``. Without a word
    found, the text's beginning.
    """
    text = " ".join(text.split())
    pattern = _pattern(words)
    found = pattern.search(text) if pattern else None
    start = 0
    if found and found.start() > length // 3:
        start = text.rfind(" ", 0, found.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]
    html = _mark(window, pattern) if pattern else escape(window)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 -- every part escaped in _mark


def _pattern(words):
    words = sorted({word for word in words if word}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(word) for word in words) + r")", re.I)


def _mark(text, pattern):
    parts = []
    position = 0
    for found in pattern.finditer(text):
        parts.append(escape(text[position : found.start()]))
        parts.append(f"<mark>{escape(found.group(0))}</mark>")
        position = found.end()
    parts.append(escape(text[position:]))
    return "".join(parts)
