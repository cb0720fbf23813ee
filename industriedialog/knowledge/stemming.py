"""German stems for the search index and for queries.

Wagtail's SQLite backend (FTS5) does not stem German, PostgreSQL's ``german`` configuration
does. Every searchable knowledge object therefore also indexes the Snowball stems of its
text, and queries are stemmed the same way: "Zukunftswerkstatt planen" finds "geplant" and
"Planung" on both databases. Temporary: the registry brings the same helper
(``industriedialog.registry.search``); once it is on main this module should use it."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_STEMS = 10


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def stems(text: str) -> list[str]:
    """Stems of the words of ``text`` in order, without duplicates."""
    seen: dict[str, None] = {}
    for s in _stemmer().stemWords(_WORD.findall(text.lower())):
        if len(s) > 1:
            seen.setdefault(s, None)
    return list(seen)


def query_stems(query: str) -> list[str]:
    return stems(query)[:MAX_QUERY_STEMS]


def highlight(text: str, wanted: list[str], *, length: int = 240) -> SafeString:
    """An excerpt of ``text`` around the first hit, hits wrapped in ``<mark>``, HTML escaped."""
    wanted_set = set(wanted)
    matches = [m for m in _WORD.finditer(text) if stem(m.group()) in wanted_set]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    parts: list[str] = ["… " if start else ""]
    pos = start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        parts.append(escape(text[pos : m.start()]))
        parts.append(f"<mark>{conditional_escape(m.group())}</mark>")
        pos = m.end()
    parts.append(escape(text[pos:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above
