import pytest

from industriedialog.knowledge.readability import readability, syllable_count


def test_short_plain_sentences_score_easier_than_long_nested_ones():
    easy = readability("Die Gruppe trifft sich. Alle reden mit. Das ist gut.")
    hard = readability(
        "Die regionale Industrieinitiative koordiniert die vielfältigen "
        "Transformationsaktivitäten unterschiedlicher Akteursgruppen, insbesondere "
        "hinsichtlich infrastruktureller Standortentwicklungsmaßnahmen."
    )
    assert easy.lix < 30 < 60 < hard.lix
    assert easy.flesch_amstad > 70 > hard.flesch_amstad


def test_lix_follows_its_definition():
    # 6 words, 2 sentences, 3 long words (> 6 letters): 6/2 + 100*3/6 = 53
    score = readability("Industrie braucht Menschen. Wir helfen gern.")
    assert (score.words, score.sentences, score.long_words) == (6, 2, 3)
    assert score.lix == pytest.approx(53.0)


def test_html_paragraphs_and_list_items_count_as_sentences():
    score = readability("<h2>Wer hilft</h2><ul><li>Die Stadt</li><li>Die Firma</li></ul>")
    assert score.sentences == 3


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("Haus", 1), ("Arbeit", 2), ("Industrie", 3), ("Gewerkschaften", 4), ("Bäume", 2)],
)
def test_german_syllables_count_diphthongs_once(word, syllables):
    assert syllable_count(word) == syllables


def test_empty_text_has_no_score():
    assert readability("").lix == 0 and readability("").flesch_amstad == 0
