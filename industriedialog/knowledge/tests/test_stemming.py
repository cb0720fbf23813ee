from industriedialog.knowledge.stemming import highlight, query_stems, stems


def test_inflected_forms_share_a_stem():
    assert stems("Zukunftswerkstätten")[0] == stems("Zukunftswerkstatt")[0]
    assert stems("planen") == stems("Plans")


def test_highlight_marks_inflected_hits_and_escapes_html():
    html = highlight(
        "So <b>planen</b> Sie Zukunftswerkstätten.", query_stems("Zukunftswerkstatt plan")
    )
    assert "<mark>planen</mark>" in html
    assert "<mark>Zukunftswerkstätten</mark>" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_highlight_cuts_long_text_around_the_first_hit():
    text = "Vorwort " * 100 + "Hier geht es um die Zukunftswerkstatt. " + "Nachwort " * 100
    html = highlight(text, query_stems("Zukunftswerkstatt"), length=120)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>Zukunftswerkstatt</mark>" in html
