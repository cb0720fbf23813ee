"""Initial texts of the start page and the legal pages, written for this platform.

Editors change them in the CMS afterwards; ``setup_site`` only creates what is missing."""

from __future__ import annotations


def _p(text: str) -> dict:
    return {"type": "paragraph", "value": text}


def _h(text: str) -> dict:
    return {"type": "heading", "value": text}


HOME = {
    "de": {
        "title": "Starke Industrie in allen Regionen",
        "intro": (
            "<p>Industriedialog ist die Plattform der Servicestelle für regionale "
            "Industrieinitiativen. Hier finden Bündnisse aus Unternehmen, Gewerkschaften, Kammern, "
            "Politik und Verwaltung Wissen, Veranstaltungen und Beratung, um Industrie in ihrer "
            "Region zu stärken und ins Gespräch zu bringen.</p>"
        ),
        "body": [
            _h("Was die Servicestelle bietet"),
            _p(
                "<ul><li>Ein Verzeichnis aller regionalen Industrieinitiativen in Deutschland "
                "mit ihren Partnern und Handlungsfeldern.</li>"
                "<li>Unterstützung bei der Gründung neuer Initiativen, besonders in Regionen, "
                "in denen es noch keine gibt.</li>"
                "<li>Eine Werkzeugkiste mit Veranstaltungsformaten, Leitfäden und "
                "Praxisbeispielen.</li>"
                "<li>Netzwerktreffen, Webinare und regionale Dialogveranstaltungen.</li>"
                "<li>Eine Selbstbewertung und den Wettbewerb „Ausgezeichnete regionale "
                "Industrieinitiativen“.</li></ul>"
            ),
        ],
    },
    "en": {
        "title": "Strong industry in every region",
        "intro": (
            "<p>Industriedialog is the platform of the German service centre for regional "
            "industry initiatives. Alliances of companies, trade unions, chambers, politics and "
            "administration find knowledge, events and advice here to strengthen industry in "
            "their region and to start a dialogue about it.</p>"
        ),
        "body": [
            _h("What the service centre offers"),
            _p(
                "<ul><li>A directory of all regional industry initiatives in Germany with their "
                "partners and fields of action.</li>"
                "<li>Support for founding new initiatives, above all in regions without one.</li>"
                "<li>A toolbox of event formats, guides and good-practice examples.</li>"
                "<li>Network meetings, webinars and regional dialogue events.</li>"
                "<li>A self-assessment and the award “Outstanding regional industry "
                "initiatives”.</li></ul>"
            ),
        ],
    },
}

# kind -> language -> (slug, title, intro, body, show_in_menus)
PAGES: dict[str, dict[str, tuple[str, str, str, list[dict], bool]]] = {
    "general": {
        "de": (
            "ueber-uns",
            "Über die Servicestelle",
            "Die Servicestelle unterstützt regionale Industrieinitiativen in ganz Deutschland.",
            [
                _p(
                    "<p>Regionale Industrieinitiativen sind dauerhafte Bündnisse aus Unternehmen, "
                    "Gewerkschaften, Arbeitgeber- und Wirtschaftsverbänden, Kammern, Ministerien, "
                    "Städten und Kreisen. Sie setzen sich für eine starke und akzeptierte "
                    "Industrie in ihrer Region ein: für Fachkräfte, für den Dialog mit "
                    "Bürgerinnen und Bürgern, für Innovation und für den Wandel zu "
                    "klimafreundlicher Produktion.</p>"
                    "<p>Die Servicestelle kennt diese Initiativen, vernetzt sie, begleitet "
                    "Neugründungen, stellt Wissen bereit und berichtet dem Auftraggeber über "
                    "Ziele und Ergebnisse.</p>"
                ),
            ],
            True,
        ),
        "en": (
            "about",
            "About the service centre",
            "The service centre supports regional industry initiatives all over Germany.",
            [
                _p(
                    "<p>Regional industry initiatives are standing alliances of companies, trade "
                    "unions, employers' and business associations, chambers, ministries, cities "
                    "and districts. They work for a strong and accepted industry in their region: "
                    "skilled workers, dialogue with citizens, innovation and the change to "
                    "climate-friendly production.</p>"
                    "<p>The service centre knows these initiatives, connects them, accompanies new "
                    "foundings, provides knowledge and reports targets and results to the "
                    "ministry.</p>"
                ),
            ],
            True,
        ),
    },
    "imprint": {
        "de": (
            "impressum",
            "Impressum",
            "Angaben gemäß § 5 DDG und § 18 MStV.",
            [
                _h("Anbieter"),
                _p(
                    "<p>Servicestelle für regionale Industrieinitiativen<br/>"
                    "im Auftrag des Bundesministeriums für Wirtschaft und Energie</p>"
                    "<p>E-Mail: kontakt@industriedialog.example</p>"
                ),
                _h("Verantwortlich für den Inhalt"),
                _p("<p>Die Leitung der Servicestelle, Anschrift wie oben.</p>"),
                _h("Hinweis zu Inhalten von Initiativen"),
                _p(
                    "<p>Einträge im Verzeichnis der Initiativen werden von den Initiativen "
                    "selbst gepflegt und von der Servicestelle geprüft. Für Inhalte verlinkter "
                    "Websites sind deren Betreiber verantwortlich.</p>"
                ),
            ],
            False,
        ),
        "en": (
            "imprint",
            "Imprint",
            "Legal notice as required by German law (§ 5 DDG, § 18 MStV).",
            [
                _h("Provider"),
                _p(
                    "<p>Service centre for regional industry initiatives<br/>"
                    "on behalf of the Federal Ministry for Economic Affairs and Energy</p>"
                    "<p>E-mail: kontakt@industriedialog.example</p>"
                ),
                _h("Responsible for the content"),
                _p("<p>The head of the service centre, address as above.</p>"),
            ],
            False,
        ),
    },
    "privacy": {
        "de": (
            "datenschutz",
            "Datenschutzerklärung",
            "Wie wir personenbezogene Daten auf dieser Plattform verarbeiten.",
            [
                _h("Verantwortliche Stelle"),
                _p("<p>Verantwortlich ist die im Impressum genannte Servicestelle.</p>"),
                _h("Aufruf der Website"),
                _p(
                    "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten "
                    "(IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browserkennung) in Protokollen, "
                    "um den Betrieb zu sichern und Angriffe abzuwehren (Art. 6 Abs. 1 lit. e und f "
                    "DSGVO). Die Protokolle werden nach 14 Tagen gelöscht.</p>"
                    "<p>Alle Schriften, Skripte und Karten liefert diese Website selbst aus. Es "
                    "werden keine Inhalte von Dritten nachgeladen und keine Analyse- oder "
                    "Werbedienste eingesetzt.</p>"
                ),
                _h("Cookies"),
                _p(
                    "<p>Wir setzen nur technisch notwendige Cookies: ein Sitzungs-Cookie nach der "
                    "Anmeldung, ein Cookie zum Schutz von Formularen (CSRF) und gegebenenfalls "
                    "Ihre Sprachwahl. Eine Einwilligung ist dafür nicht erforderlich.</p>"
                ),
                _h("Benutzerkonto"),
                _p(
                    "<p>Für ein Konto speichern wir Name, E-Mail-Adresse, Organisation, Sprache "
                    "und ein verschlüsseltes Passwort, bei Konten der Servicestelle zusätzlich den "
                    "zweiten Faktor. Änderungen an Daten werden mit Zeitpunkt und Person "
                    "protokolliert. Sie können Ihr Konto jederzeit löschen lassen.</p>"
                ),
                _h("Ihre Rechte"),
                _p(
                    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung "
                    "der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht, sich "
                    "bei einer Datenschutz-Aufsichtsbehörde zu beschweren.</p>"
                ),
            ],
            False,
        ),
        "en": (
            "privacy",
            "Privacy policy",
            "How this platform processes personal data.",
            [
                _h("Controller"),
                _p("<p>The controller is the service centre named in the imprint.</p>"),
                _h("Visiting the website"),
                _p(
                    "<p>When you open a page, the server processes technically necessary data "
                    "(IP address, time, address requested, browser identification) in logs to "
                    "keep the service running and to fend off attacks. Logs are deleted after 14 "
                    "days. All fonts, scripts and maps are served by this website itself; no "
                    "third-party content, analytics or advertising services are used.</p>"
                ),
                _h("Cookies"),
                _p(
                    "<p>Only technically necessary cookies are set: a session cookie after you "
                    "sign in, a cookie protecting forms (CSRF) and, where chosen, your "
                    "language.</p>"
                ),
                _h("Your rights"),
                _p(
                    "<p>You have the right of access, rectification, erasure, restriction, data "
                    "portability and objection, and the right to lodge a complaint with a data "
                    "protection supervisory authority.</p>"
                ),
            ],
            False,
        ),
    },
    "accessibility": {
        "de": (
            "barrierefreiheit",
            "Erklärung zur Barrierefreiheit",
            "Wie barrierefrei diese Website ist und wie Sie uns Barrieren melden.",
            [
                _h("Stand der Vereinbarkeit"),
                _p(
                    "<p>Diese Website soll die Anforderungen der Barrierefreie-"
                    "Informationstechnik-Verordnung (BITV 2.0) und der WCAG 2.1 auf Stufe AA "
                    "erfüllen. Sie nutzt das barrierefreie Designsystem KERN. Jede Änderung wird "
                    "automatisch mit axe-core geprüft und mit der Tastatur getestet.</p>"
                ),
                _h("Nicht barrierefreie Inhalte"),
                _p(
                    "<p>Informationen in Deutscher Gebärdensprache bieten wir noch nicht an. "
                    "Ältere PDF-Dokumente in der Materialsammlung sind teilweise nicht "
                    "barrierefrei; auf Anfrage schicken wir Ihnen die Inhalte in einer "
                    "zugänglichen Form.</p>"
                ),
                _h("Barriere melden"),
                _p(
                    "<p>Wenn Ihnen Barrieren auffallen, schreiben Sie uns bitte an "
                    "barrierefreiheit@industriedialog.example. Wir antworten innerhalb von zwei "
                    "Wochen.</p>"
                ),
                _h("Schlichtungsverfahren"),
                _p(
                    "<p>Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
                    "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) beim "
                    "Beauftragten der Bundesregierung für die Belange von Menschen mit "
                    "Behinderungen wenden.</p>"
                ),
            ],
            False,
        ),
        "en": (
            "accessibility",
            "Accessibility statement",
            "How accessible this website is and how to report barriers.",
            [
                _h("Compliance status"),
                _p(
                    "<p>This website aims to meet the German accessibility regulation BITV 2.0 "
                    "and WCAG 2.1 level AA. It uses the accessible KERN design system; every "
                    "change is checked automatically with axe-core and tested by keyboard.</p>"
                ),
                _h("Report a barrier"),
                _p(
                    "<p>Please write to barrierefreiheit@industriedialog.example. We answer "
                    "within two weeks. If you are not satisfied with our answer, you can turn to "
                    "the arbitration board under § 16 of the German Disability Equality Act "
                    "(BGG).</p>"
                ),
            ],
            False,
        ),
    },
    "easy_language": {
        "de": (
            "leichte-sprache",
            "Leichte Sprache",
            "Hier erklären wir die Internet-Seite in Leichter Sprache.",
            [
                _h("Was ist Industriedialog?"),
                _p(
                    "<p>Industriedialog ist eine Internet-Seite.</p>"
                    "<p>Die Seite ist von der Service-stelle.</p>"
                    "<p>Die Service-stelle hilft Gruppen in den Regionen.<br/>"
                    "Die Gruppen kümmern sich um die Industrie.<br/>"
                    "Industrie sind zum Beispiel Fabriken und Firmen.</p>"
                ),
                _h("Wer ist in den Gruppen?"),
                _p(
                    "<ul><li>Leute aus Firmen.</li><li>Leute von Gewerkschaften.<br/>"
                    "Gewerkschaften helfen Menschen bei der Arbeit.</li>"
                    "<li>Leute aus der Politik.</li><li>Leute aus der Stadt-verwaltung.</li></ul>"
                ),
                _h("Was finden Sie auf der Seite?"),
                _p(
                    "<ul><li>Eine Liste mit allen Gruppen.</li>"
                    "<li>Tipps: So gründet man eine neue Gruppe.</li>"
                    "<li>Termine für Treffen.</li>"
                    "<li>Wissen über die Industrie.</li></ul>"
                ),
                _h("So finden Sie sich zurecht"),
                _p(
                    "<p>Oben auf jeder Seite ist ein Menü.<br/>"
                    "Das Menü ist ein blauer Balken.<br/>"
                    "Dort finden Sie alle Teile der Seite.</p>"
                    "<p>Ganz oben rechts steht: English.<br/>"
                    "Dann ist die Seite auf Englisch.</p>"
                    "<p>Ganz unten auf jeder Seite stehen wichtige Links.<br/>"
                    "Zum Beispiel: Datenschutz.<br/>"
                    "Datenschutz heißt: Wir passen auf Ihre Daten auf.</p>"
                ),
                _h("Sie haben Fragen?"),
                _p(
                    "<p>Schreiben Sie uns eine E-Mail.<br/>"
                    "Die Adresse ist: kontakt@industriedialog.example</p>"
                ),
            ],
            False,
        ),
    },
}
