"""German stems for the search index and for queries, and hit highlighting.

Wagtail's SQLite backend (FTS5) does not stem German, PostgreSQL's ``german`` configuration
does. Every searchable knowledge object therefore also indexes the Snowball stems of its
text, and queries are stemmed the same way: "Zukunftswerkstatt planen" finds "geplant" and
"Planung" on both databases. The stems are the registry's (``registry.search``), so pages
and initiatives are matched alike."""

from __future__ import annotations

import re

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from industriedialog.registry.search import query_stems, stem, stems

__all__ = ["highlight", "query_stems", "stem", "stems"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


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
