"""German full-text search that behaves the same on SQLite and PostgreSQL.

Every initiative keeps ``search_text``: the Snowball (German) stems of its words, lower-case,
umlauts folded. A query is stemmed the same way and each stem must occur as a substring of
the stored text. Substring matching on stems finds compounds: "Fachkräfte" (stem
``fachkraft``) finds "Fachkräftesicherung" (stem ``fachkraftesich…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[\wäöüß]+", re.UNICODE)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
MIN_STEM_LENGTH = 2


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


def stem(word: str) -> str:
    """The stored form of one word's stem (lower-case, umlauts folded)."""
    return _stemmer().stemWord(word.lower()).translate(_FOLD)


def stems(text: str) -> list[str]:
    """Stems of the words in ``text`` in order, duplicates removed."""
    words = _WORD.findall(text.lower())
    seen: dict[str, None] = {}
    for stem in _stemmer().stemWords(words):
        folded = stem.translate(_FOLD)
        if len(folded) >= MIN_STEM_LENGTH:
            seen.setdefault(folded, None)
    return list(seen)


def search_document(parts: Iterable[str | None]) -> str:
    """The stored search text for an entry made of ``parts`` (name, texts, labels)."""
    return " " + " ".join(stems(" ".join(p for p in parts if p))) + " "


MAX_QUERY_STEMS = 10


def query_stems(query: str) -> list[str]:
    return stems(query)[:MAX_QUERY_STEMS]
