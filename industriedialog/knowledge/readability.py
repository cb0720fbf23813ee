"""Readability of German text: LIX and Flesch reading ease after Amstad (1978).

Leichte-Sprache texts are short sentences of short words; both measures put a number on that.
Editors see the figures beside the text; they inform, the Prüfgruppe decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)|\n\s*\n|\n")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Diphthongs and doubled vowels count as one syllable nucleus.
_VOWEL_GROUP = re.compile(r"(?:ie|ei|ai|au|eu|äu|aa|ee|oo|[aeiouäöüy])", re.IGNORECASE)
LONG_WORD = 6  # LIX counts words with more than six letters as long


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    long_words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def lix(self) -> float:
        """Läsbarhetsindex: mean sentence length + percentage of long words (lower is easier)."""
        if not self.words:
            return 0.0
        return self.words_per_sentence + 100 * self.long_words / self.words

    @property
    def flesch_amstad(self) -> float:
        """Flesch reading ease for German (Amstad): 0 (very hard) to 100 (very easy)."""
        if not self.words:
            return 0.0
        score = 180 - self.words_per_sentence - 58.5 * self.syllables / self.words
        return max(0.0, min(100.0, score))

    @property
    def lix_label(self) -> str:
        """The customary bands of LIX for German text."""
        bands = [
            (30, _("sehr leicht")),
            (40, _("leicht")),
            (50, _("mittel")),
            (60, _("schwer")),
        ]
        for limit, label in bands:
            if self.lix < limit:
                return str(label)
        return str(_("sehr schwer"))


def syllable_count(word: str) -> int:
    """Approximate German syllables: vowel groups, diphthongs counted once, at least one."""
    return max(1, len(_VOWEL_GROUP.findall(word)))


def readability(text: str) -> Readability:
    """Measure plain text or HTML; headings and list items count as sentences of their own."""
    plain = strip_tags(re.sub(r"</(p|li|h\d|div)>|<br\s*/?>", "\n", text))
    sentences = [s for s in _SENTENCE_END.split(plain) if _WORD.search(s)]
    words = _WORD.findall(plain)
    return Readability(
        sentences=len(sentences),
        words=len(words),
        long_words=sum(1 for w in words if len(w.replace("-", "")) > LONG_WORD),
        syllables=sum(syllable_count(w) for w in words),
    )
