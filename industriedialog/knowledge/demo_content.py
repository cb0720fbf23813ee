"""Demo content of the knowledge platform, written for this project (German; a few pages in
English and one in Leichte Sprache). ``knowledge_demo_setup`` creates what is missing."""

from __future__ import annotations

from typing import Any


def p(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def h(text: str) -> dict:
    return {"type": "heading", "value": text}


def notice(title: str, text: str) -> dict:
    return {"type": "notice", "value": {"title": title, "text": text}}


def step(title: str, text: str, *, duration: str = "", decision: str = "") -> dict:
    return {"title": title, "text": text, "duration": duration, "decision": decision}


def steps(*items: dict) -> dict:
    return {"type": "steps", "value": list(items)}


def timeline(*entries: tuple[str, str]) -> dict:
    return {"type": "timeline", "value": [{"when": w, "task": t} for w, t in entries]}


# --- Sections below the start page: slug -> fields ----------------------------------------
SECTIONS: dict[str, dict[str, Any]] = {
    "werkzeugkiste": {
        "title": "Werkzeugkiste",
        "intro": (
            "Erprobte Veranstaltungsformate, Leitfäden und Praxisbeispiele für die Arbeit "
            "regionaler Industrieinitiativen."
        ),
        "show_in_menus": True,
    },
    "empfehlungen": {
        "title": "Empfehlungen",
        "intro": (
            "Was Initiativen, Politik, Unternehmen, Verbände und Kammern sowie Gewerkschaften "
            "für eine starke Industrie in der Region tun können."
        ),
        "show_in_menus": False,
    },
    "aktuelles": {
        "title": "Aktuelles",
        "intro": "Neuigkeiten aus der Servicestelle und aus den Initiativen.",
        "show_in_menus": False,
    },
    "webinare": {
        "title": "Webinare",
        "intro": "Online-Veranstaltungen der Servicestelle mit Aufzeichnung, Folien und Material.",
        "show_in_menus": False,
    },
}

TOOLBOX_SUBSECTIONS: dict[str, dict[str, Any]] = {
    "veranstaltungsformate": {
        "title": "Veranstaltungsformate",
        "intro": (
            "Formate für den Dialog zwischen Industrie, Politik und Gesellschaft: Zweck, Rahmen "
            "und Ablauf auf einen Blick."
        ),
    },
    "good-practice": {
        "title": "Good-Practice-Beispiele",
        "intro": "Wie andere Initiativen es machen – und was sich übertragen lässt.",
    },
}

MATERIAL_LIBRARY = {
    "slug": "material",
    "title": "Materialsammlung",
    "intro": "Checklisten, Vorlagen, Präsentationen und Dokumentationen zum Herunterladen.",
}

# --- Event formats ---------------------------------------------------------------------------
FORMATS: list[dict[str, Any]] = [
    {
        "slug": "world-cafe",
        "title": "World Café",
        "intro": (
            "Viele Menschen kommen an kleinen Tischen ins Gespräch und tragen ihre Ideen von "
            "Runde zu Runde weiter."
        ),
        "purpose": (
            "<p>Das World Café eignet sich, wenn viele Beteiligte aus Unternehmen, Verwaltung "
            "und Bürgerschaft ihre Sicht auf eine Frage einbringen sollen. Es schafft in kurzer "
            "Zeit ein breites Bild und baut Hemmschwellen zwischen den Gruppen ab.</p>"
        ),
        "target_group": "Offener Teilnehmerkreis: Beschäftigte, Nachbarschaft, Schulen, Politik",
        "group_size": "20 bis 80 Personen",
        "duration": "2 bis 3 Stunden",
        "room": "Ein großer Raum mit Tischen für je vier bis sechs Personen, ruhige Atmosphäre",
        "materials": "Papiertischdecken, Stifte, Tischkarten mit den Leitfragen, Klangschale",
        "steps": [
            step(
                "Begrüßung und Einführung",
                "<p>Die Moderation erklärt Ziel, Regeln und Ablauf.</p>",
                duration="15 Minuten",
            ),
            step(
                "Gesprächsrunden",
                "<p>Drei Runden zu je einer Leitfrage. Die Gastgeberin oder der Gastgeber bleibt "
                "am Tisch, alle anderen wechseln.</p>",
                duration="3 × 25 Minuten",
                decision="Welche Leitfragen stellen wir?",
            ),
            step(
                "Ergebnisse sammeln",
                "<p>Die Gastgebenden stellen die wichtigsten Gedanken ihres Tisches vor.</p>",
                duration="30 Minuten",
            ),
            step(
                "Ausblick",
                "<p>Die Initiative sagt, was mit den Ergebnissen geschieht und wann sie sich "
                "wieder meldet.</p>",
                duration="10 Minuten",
            ),
        ],
        "pitfalls": (
            "<ul><li>Zu allgemeine Leitfragen führen zu allgemeinen Antworten.</li>"
            "<li>Ohne Rückmeldung nach der Veranstaltung sinkt die Bereitschaft, wieder "
            "teilzunehmen.</li></ul>"
        ),
        "topics": ["akzeptanz"],
    },
    {
        "slug": "werkstattgespraech",
        "title": "Werkstattgespräch",
        "intro": (
            "Ein kleiner Kreis aus Fachleuten arbeitet an einer konkreten Frage – oft direkt "
            "im Betrieb."
        ),
        "purpose": (
            "<p>Im Werkstattgespräch klären Unternehmen, Kammern, Gewerkschaften und Verwaltung "
            "eine konkrete Aufgabe, etwa die Ausbildungsplätze einer Branche oder eine "
            "Gewerbefläche. Der Ort im Betrieb macht das Thema greifbar.</p>"
        ),
        "target_group": "Fachleute aus Betrieben, Kammern, Gewerkschaften und Verwaltung",
        "group_size": "8 bis 20 Personen",
        "duration": "3 Stunden mit Betriebsrundgang",
        "room": "Besprechungsraum im gastgebenden Betrieb, Flipchart, Beamer",
        "materials": "Kurze Impulse (höchstens zehn Minuten), Fotoprotokoll",
        "steps": [
            step(
                "Betriebsrundgang",
                "<p>Der Gastgeber zeigt, wo das Thema im Alltag auftaucht.</p>",
                duration="45 Minuten",
            ),
            step(
                "Impulse",
                "<p>Zwei kurze Beiträge aus unterschiedlicher Sicht, etwa Betriebsrat und "
                "Personalleitung.</p>",
                duration="20 Minuten",
            ),
            step(
                "Gemeinsame Arbeit",
                "<p>Die Runde sammelt Lösungen und bewertet sie nach Aufwand und Wirkung.</p>",
                duration="75 Minuten",
                decision="Welche zwei Vorschläge verfolgen wir weiter?",
            ),
            step(
                "Verabredungen",
                "<p>Wer tut was bis wann? Das Fotoprotokoll geht innerhalb einer Woche an "
                "alle.</p>",
                duration="20 Minuten",
            ),
        ],
        "pitfalls": (
            "<ul><li>Zu viele Impulse lassen keine Zeit für die eigentliche Arbeit.</li>"
            "<li>Fehlt eine Seite (zum Beispiel die Gewerkschaft), fehlt später die "
            "Unterstützung.</li></ul>"
        ),
        "topics": ["fachkraefte", "flaechen"],
    },
    {
        "slug": "design-thinking-workshop",
        "title": "Design-Thinking-Workshop",
        "intro": (
            "In gemischten Teams entstehen aus den Bedürfnissen einer Zielgruppe schnell "
            "erste Lösungsentwürfe."
        ),
        "purpose": (
            "<p>Design Thinking hilft, neue Angebote zu entwickeln, etwa ein Format, mit dem "
            "Jugendliche Industrieberufe kennenlernen. Im Mittelpunkt stehen die Menschen, für "
            "die das Angebot gedacht ist.</p>"
        ),
        "target_group": "Gemischte Teams aus Initiative, Betrieben, Schulen und Jugendlichen",
        "group_size": "12 bis 30 Personen in Teams zu fünft",
        "duration": "1 Tag",
        "room": "Flexibler Raum mit Stellwänden, Arbeitsinseln und Platz zum Bauen",
        "materials": "Haftnotizen, Bastelmaterial, Zeitgeber, Vorlagen für Personas",
        "steps": [
            step(
                "Verstehen",
                "<p>Die Teams befragen Vertreterinnen und Vertreter der Zielgruppe.</p>",
                duration="90 Minuten",
            ),
            step(
                "Standpunkt festlegen",
                "<p>Jedes Team formuliert eine Frage der Art: „Wie könnten wir …?“</p>",
                duration="30 Minuten",
                decision="Für welche Persona entwickeln wir?",
            ),
            step(
                "Ideen entwickeln",
                "<p>Viele Ideen sammeln, dann die vielversprechendste auswählen.</p>",
                duration="60 Minuten",
            ),
            step(
                "Prototyp bauen und testen",
                "<p>Ein einfaches Modell zeigen und Rückmeldungen der Zielgruppe einholen.</p>",
                duration="120 Minuten",
            ),
        ],
        "pitfalls": (
            "<ul><li>Ohne echte Vertreterinnen und Vertreter der Zielgruppe bleibt es beim "
            "Raten.</li><li>Ein Prototyp ist kein fertiges Produkt: Erwartungen klären.</li></ul>"
        ),
        "topics": ["innovation", "fachkraefte"],
    },
    {
        "slug": "zukunftswerkstatt",
        "title": "Zukunftswerkstatt",
        "intro": (
            "Von der Kritik über die Vision zur Umsetzung: so planen Sie gemeinsam die "
            "industrielle Zukunft Ihrer Region."
        ),
        "purpose": (
            "<p>Die Zukunftswerkstatt bringt Menschen zusammen, die die Zukunft ihres "
            "Industriestandorts planen wollen. In drei Phasen werden Sorgen ernst genommen, "
            "Wünsche sichtbar und erste Schritte verabredet. Besonders geeignet ist sie im "
            "Strukturwandel, etwa wenn ein großer Arbeitgeber die Produktion umstellt.</p>"
        ),
        "target_group": "Bürgerinnen und Bürger, Beschäftigte, Betriebe, Kommunalpolitik",
        "group_size": "15 bis 40 Personen",
        "duration": "1 bis 2 Tage",
        "room": "Plenarraum und zwei bis drei Gruppenräume, Pinnwände",
        "materials": "Moderationskoffer, Punkte zum Gewichten, Vorlage für den Maßnahmenplan",
        "steps": [
            step(
                "Kritikphase",
                "<p>Alle sammeln, was sie am heutigen Zustand stört oder beunruhigt.</p>",
                duration="2 Stunden",
            ),
            step(
                "Fantasiephase",
                "<p>Ohne Einschränkungen beschreiben die Gruppen, wie die Region in zehn Jahren "
                "aussehen soll.</p>",
                duration="3 Stunden",
            ),
            step(
                "Verwirklichungsphase",
                "<p>Die Gruppen prüfen, welche Ideen umsetzbar sind, und planen erste "
                "Schritte mit Verantwortlichen.</p>",
                duration="3 Stunden",
                decision="Welche Vorhaben übernimmt die Initiative selbst?",
            ),
            step(
                "Vereinbarung und Nachbereitung",
                "<p>Ein Maßnahmenplan mit Namen und Terminen; nach drei Monaten ein "
                "Folgetreffen.</p>",
                duration="1 Stunde",
            ),
        ],
        "pitfalls": (
            "<ul><li>Die Kritikphase braucht Zeit, darf aber nicht den ganzen Tag "
            "bestimmen.</li><li>Ohne Verantwortliche für die Vorhaben verläuft das Ergebnis "
            "im Sand.</li></ul>"
        ),
        "topics": ["strukturwandel", "akzeptanz"],
    },
]

ZUKUNFTSWERKSTATT_EN = {
    "slug": "future-workshop",
    "title": "Future workshop",
    "intro": (
        "From criticism to vision to action: how to plan the industrial future of your region "
        "together."
    ),
    "purpose": (
        "<p>The future workshop brings together people who want to plan the future of their "
        "industrial location. In three phases, worries are taken seriously, wishes become "
        "visible and first steps are agreed. It is particularly suited to structural change, "
        "for example when a large employer changes its production.</p>"
    ),
    "target_group": "Citizens, employees, companies, local politicians",
    "group_size": "15 to 40 people",
    "duration": "1 to 2 days",
    "room": "Plenary room and two or three group rooms, pin boards",
    "materials": "Facilitation kit, dots for weighting, template for the action plan",
    "steps": [
        step("Criticism phase", "<p>Everyone collects what worries them today.</p>"),
        step("Fantasy phase", "<p>Groups describe the region ten years from now.</p>"),
        step("Implementation phase", "<p>Groups plan first steps with named owners.</p>"),
        step("Agreement and follow-up", "<p>An action plan and a follow-up meeting.</p>"),
    ],
    "pitfalls": "<ul><li>Without owners for each project, results fade away.</li></ul>",
}

TOOLBOX_EN = {
    "slug": "toolbox",
    "title": "Toolbox",
    "intro": "Proven event formats, guides and good-practice examples for regional initiatives.",
}
FORMATS_EN = {
    "slug": "event-formats",
    "title": "Event formats",
    "intro": "Formats for dialogue between industry, politics and society.",
}

# --- Guides ----------------------------------------------------------------------------------
GUIDES: list[dict[str, Any]] = [
    {
        "slug": "gruendungsleitfaden",
        "kind": "founding",
        "title": "Gründungsleitfaden: eine regionale Industrieinitiative gründen",
        "intro": (
            "Die Schritte und Entscheidungen auf dem Weg zu einer neuen Initiative – von der "
            "ersten Idee bis zur ersten öffentlichen Veranstaltung."
        ),
        "topics": ["akzeptanz", "strukturwandel"],
        "body": [
            p(
                "<p>Regionale Industrieinitiativen entstehen dort, wo Unternehmen, "
                "Gewerkschaften, Kammern und Verwaltung gemeinsam mehr erreichen wollen als "
                "jede Seite allein. Die Servicestelle begleitet Gründungen kostenfrei – "
                "telefonisch, mit Workshops und vor Ort.</p>"
            ),
            h("Der Weg in sechs Schritten"),
            steps(
                step(
                    "Anlass klären",
                    "<p>Was soll die Initiative in der Region verändern? Ein konkreter Anlass – "
                    "Fachkräftemangel, eine Werksschließung, fehlende Akzeptanz für "
                    "Gewerbeflächen – trägt weiter als ein allgemeines Ziel.</p>",
                    decision="Welches Handlungsfeld steht am Anfang?",
                ),
                step(
                    "Partner gewinnen",
                    "<p>Sprechen Sie früh mit Kammer, Gewerkschaft, Arbeitgeberverband und "
                    "Landkreis. Eine tripartite Besetzung aus Wirtschaft, Gewerkschaften und "
                    "Politik gibt der Initiative Gewicht.</p>",
                    decision="Wer lädt zum ersten Treffen ein?",
                ),
                step(
                    "Gründungsworkshop",
                    "<p>Ein moderierter Workshop klärt Ziele, Themen und Arbeitsweise. Die "
                    "Servicestelle kann ihn vorbereiten und moderieren.</p>",
                    duration="ein halber Tag",
                ),
                step(
                    "Struktur festlegen",
                    "<p>Lenkungskreis, Arbeitsgruppen, eine Geschäftsstelle: Wer trägt die "
                    "laufende Arbeit und mit welchen Mitteln?</p>",
                    decision="Wo liegt die Geschäftsstelle, und wie wird sie finanziert?",
                ),
                step(
                    "Gemeinsame Erklärung",
                    "<p>Eine kurze Erklärung, von allen Partnern unterzeichnet, macht das "
                    "Bündnis öffentlich.</p>",
                ),
                step(
                    "Erste Veranstaltung",
                    "<p>Ein sichtbarer Auftakt – etwa eine Zukunftswerkstatt oder ein Tag der "
                    "offenen Tür – zeigt der Region, wofür die Initiative steht.</p>",
                ),
            ),
            notice(
                "Beratung der Servicestelle",
                "<p>Sie planen eine Gründung? Rufen Sie uns an oder schreiben Sie uns – wir "
                "nennen Ihnen Ansprechpartner in Ihrer Region.</p>",
            ),
        ],
    },
    {
        "slug": "veranstaltungsplanung",
        "kind": "event_planning",
        "title": "Leitfaden Veranstaltungsplanung",
        "intro": "Mit diesem Zeitplan planen Sie Dialogveranstaltungen Schritt für Schritt.",
        "topics": ["akzeptanz"],
        "body": [
            p(
                "<p>Gute Veranstaltungen beginnen lange vor dem Termin. Der Zeitplan zeigt, "
                "was wann zu tun ist – für eine Veranstaltung mit 50 bis 100 Gästen.</p>"
            ),
            h("Zeitplan"),
            timeline(
                ("12 Wochen vorher", "Ziel, Zielgruppe und Format festlegen; Budget klären"),
                ("10 Wochen vorher", "Ort reservieren, barrierefreien Zugang prüfen"),
                ("8 Wochen vorher", "Einladung verschicken, Anmeldung öffnen"),
                ("4 Wochen vorher", "Programm und Mitwirkende bestätigen"),
                ("1 Woche vorher", "Teilnehmerliste, Namensschilder, Technik prüfen"),
                ("Danach", "Dank und Dokumentation an alle, Ergebnisse veröffentlichen"),
            ),
            h("Barrierefreiheit von Anfang an"),
            p(
                "<p>Fragen Sie in der Anmeldung nach Unterstützungsbedarf, etwa "
                "Gebärdensprachdolmetschung oder Unterlagen in Leichter Sprache.</p>"
            ),
        ],
    },
    {
        "slug": "social-media",
        "kind": "social_media",
        "title": "Social-Media-Anleitung",
        "intro": "Wie Initiativen mit wenig Aufwand in sozialen Netzwerken sichtbar werden.",
        "topics": ["akzeptanz", "digitalisierung"],
        "body": [
            h("Kanäle auswählen"),
            p(
                "<p>Lieber ein Kanal, der regelmäßig gepflegt wird, als drei Kanäle ohne "
                "Beiträge. Für Fachpublikum eignen sich berufliche Netzwerke, für Jugendliche "
                "bildstarke Plattformen.</p>"
            ),
            h("Redaktionsplan"),
            p(
                "<ul><li>Ein Beitrag pro Woche reicht für den Anfang.</li>"
                "<li>Partner zeigen: Betriebe, Auszubildende, Projekte.</li>"
                "<li>Bilder nur mit Einwilligung der abgebildeten Personen.</li></ul>"
            ),
            notice(
                "Barrierefrei posten",
                "<p>Bilder mit Alternativtext, Videos mit Untertiteln, Hashtags in "
                "Binnenmajuskeln (#RegionalStark).</p>",
            ),
        ],
    },
    {
        "slug": "information-und-vernetzung",
        "kind": "networking",
        "title": "Information und Vernetzung",
        "intro": "Netzwerktreffen, Austausch unter Initiativen und Ansprechpartner.",
        "topics": ["akzeptanz"],
        "body": [
            p(
                "<p>Dreimal im Jahr lädt die Servicestelle zu Netzwerktreffen ein. Dort "
                "lernen Initiativen voneinander, stellen Projekte vor und finden Partner für "
                "gemeinsame Vorhaben.</p>"
            ),
        ],
    },
    {
        "slug": "praxisleitfaden-betriebserkundung",
        "kind": "practice",
        "title": "Praxisleitfaden: Betriebserkundungen für Schulklassen",
        "intro": "Wie Schülerinnen und Schüler Industrie vor Ort erleben – gut vorbereitet.",
        "topics": ["fachkraefte"],
        "body": [
            steps(
                step(
                    "Betriebe und Schulen zusammenbringen",
                    "<p>Die Initiative vermittelt Kontakte und stimmt Termine ab.</p>",
                ),
                step(
                    "Vorbereitung im Unterricht",
                    "<p>Die Klasse sammelt Fragen an Auszubildende und Beschäftigte.</p>",
                ),
                step(
                    "Erkundung",
                    "<p>Rundgang, Gespräch mit Auszubildenden, eine kleine Aufgabe zum "
                    "Mitmachen.</p>",
                    duration="3 Stunden",
                ),
                step(
                    "Nachbereitung",
                    "<p>Die Klasse stellt ihre Eindrücke vor; der Betrieb erhält Rückmeldung.</p>",
                ),
            ),
        ],
    },
]

FOUNDING_EASY = {
    "slug": "initiative-gruenden",
    "title": "Eine Industrie-Initiative gründen",
    "intro": "Hier steht: So gründen Sie eine Gruppe für die Industrie in Ihrer Region.",
    "body": [
        h("Was ist eine Industrie-Initiative?"),
        p(
            "<p>Eine Industrie-Initiative ist eine Gruppe.<br/>"
            "In der Gruppe sind Firmen und Gewerkschaften.<br/>"
            "Auch die Stadt oder der Kreis machen mit.</p>"
            "<p>Die Gruppe will: Die Industrie in der Region soll stark sein.<br/>"
            "Und die Menschen sollen gute Arbeit haben.</p>"
        ),
        h("So gründen Sie eine Gruppe"),
        p(
            "<ul><li>Überlegen Sie: Was wollen wir ändern?</li>"
            "<li>Suchen Sie Partner.<br/>Zum Beispiel: Firmen und die Gewerkschaft.</li>"
            "<li>Machen Sie ein erstes Treffen.</li>"
            "<li>Schreiben Sie auf: Das sind unsere Ziele.</li>"
            "<li>Machen Sie eine erste Veranstaltung.<br/>Dann kennen Sie viele Menschen.</li></ul>"
        ),
        h("Wir helfen Ihnen"),
        p(
            "<p>Die Service-stelle hilft bei der Gründung.<br/>"
            "Das kostet nichts.<br/>"
            "Rufen Sie uns an.<br/>"
            "Oder schreiben Sie uns eine E-Mail.</p>"
        ),
    ],
}
FOUNDING_EASY_REVIEW = {
    "reviewer": "Prüfgruppe Leichte Sprache (Demo-Eintrag)",
    "note": "Demo-Inhalt: Beispiel für eine eingetragene Prüfung.",
}

# --- Good practice ---------------------------------------------------------------------------
GOOD_PRACTICE: list[dict[str, Any]] = [
    {
        "slug": "ausbildungsbotschafter",
        "title": "Auszubildende werben für Ausbildung",
        "intro": (
            "Auszubildende aus Industriebetrieben besuchen Schulen und berichten aus ihrem "
            "Alltag – auf Augenhöhe mit den Schülerinnen und Schülern."
        ),
        "initiatives": ["industrie-nord-westfalen", "zukunft-durch-industrie-krefeld"],
        "criteria": ["jugend", "breites-buendnis", "uebertragbarkeit"],
        "topics": ["fachkraefte"],
        "body": [
            p(
                "<p>Die Initiative hat gemeinsam mit der Kammer und der Gewerkschaft ein "
                "Programm aufgebaut, in dem Auszubildende zu Botschafterinnen und Botschaftern "
                "geschult werden. Jedes Jahr erreichen sie mehrere tausend Jugendliche.</p>"
            ),
            h("Was andere übernehmen können"),
            p(
                "<ul><li>Eine kurze Schulung für die Auszubildenden.</li>"
                "<li>Feste Ansprechpersonen in den Schulen.</li>"
                "<li>Freistellung durch die Betriebe, vereinbart mit dem Betriebsrat.</li></ul>"
            ),
        ],
    },
    {
        "slug": "nacht-der-industrie",
        "title": "Eine Nacht der offenen Werkstore",
        "intro": (
            "An einem Abend öffnen Dutzende Betriebe ihre Tore. Busse bringen Besucherinnen "
            "und Besucher von Werk zu Werk."
        ),
        "initiatives": ["industriedialog-rhein-mosel"],
        "criteria": ["dialog", "ergebnisse"],
        "topics": ["akzeptanz"],
        "body": [
            p(
                "<p>Die Initiative koordiniert Programm, Busrouten und Werbung; die Betriebe "
                "gestalten ihr Angebot selbst. Eine Befragung der Gäste zeigt jedes Jahr, wie "
                "sich das Bild der Industrie in der Region verändert.</p>"
            ),
        ],
    },
]

# --- Recommendations -------------------------------------------------------------------------
RECOMMENDATIONS: list[dict[str, Any]] = [
    {
        "slug": "empfehlungen-fuer-initiativen",
        "title": "Empfehlungen für Initiativen",
        "intro": "Arbeitsfähig bleiben, sichtbar werden, voneinander lernen.",
        "groups": ["initiativen"],
        "topics": ["akzeptanz"],
        "text": (
            "<ul><li>Sichern Sie eine Geschäftsstelle mit festen Ansprechpersonen.</li>"
            "<li>Messen Sie Ihre Ziele und berichten Sie offen über Ergebnisse.</li>"
            "<li>Nutzen Sie die Netzwerktreffen der Servicestelle für den Austausch.</li></ul>"
        ),
    },
    {
        "slug": "empfehlungen-fuer-die-politik",
        "title": "Empfehlungen für Politik und Verwaltung",
        "intro": "Initiativen brauchen verlässliche Partner in Land, Kreis und Kommune.",
        "groups": ["politik"],
        "topics": ["flaechen", "strukturwandel"],
        "text": (
            "<ul><li>Beteiligen Sie sich aktiv im Lenkungskreis.</li>"
            "<li>Beziehen Sie Initiativen früh in Planungen zu Flächen und Infrastruktur "
            "ein.</li><li>Unterstützen Sie Geschäftsstellen über mehrere Jahre.</li></ul>"
        ),
    },
    {
        "slug": "empfehlungen-fuer-unternehmen",
        "title": "Empfehlungen für Unternehmen",
        "intro": "Die Türen öffnen: Industrie wird erlebbar, wo man sie sehen kann.",
        "groups": ["unternehmen"],
        "topics": ["fachkraefte", "akzeptanz"],
        "text": (
            "<ul><li>Öffnen Sie Ihren Betrieb für Schulklassen und Nachbarschaft.</li>"
            "<li>Stellen Sie Auszubildende für Botschafterprogramme frei.</li>"
            "<li>Sprechen Sie offen über Veränderungen im Betrieb.</li></ul>"
        ),
    },
    {
        "slug": "empfehlungen-fuer-verbaende-und-kammern",
        "title": "Empfehlungen für Verbände und Kammern",
        "intro": "Brücken bauen zwischen Betrieben, Schulen und Verwaltung.",
        "groups": ["verbaende-kammern"],
        "topics": ["fachkraefte"],
        "text": (
            "<ul><li>Bringen Sie Ihre Mitglieder in die Initiative ein.</li>"
            "<li>Bündeln Sie Ausbildungsangebote der Region an einer Stelle.</li></ul>"
        ),
    },
    {
        "slug": "empfehlungen-fuer-gewerkschaften",
        "title": "Empfehlungen für Gewerkschaften",
        "intro": "Gute Arbeit und starke Industrie gehören zusammen.",
        "groups": ["gewerkschaften"],
        "topics": ["energie", "strukturwandel"],
        "text": (
            "<ul><li>Bringen Sie die Sicht der Beschäftigten in Transformationsprozesse "
            "ein.</li><li>Nutzen Sie Betriebsräte als Multiplikatoren in der Region.</li></ul>"
        ),
    },
]

# --- News, webinar, documents ----------------------------------------------------------------
NEWS: list[dict[str, Any]] = [
    {
        "slug": "netzwerktreffen-fruehjahr",
        "title": "Netzwerktreffen im Frühjahr: Transformation gemeinsam gestalten",
        "date": "2026-03-18",
        "intro": "Rund 90 Vertreterinnen und Vertreter aus Initiativen tauschten sich aus.",
        "topics": ["energie"],
        "text": (
            "<p>Im Mittelpunkt standen Wege, wie Initiativen den Umbau zu klimafreundlicher "
            "Produktion begleiten können. Drei Initiativen stellten ihre Projekte vor.</p>"
        ),
    },
    {
        "slug": "neue-initiativen",
        "title": "Drei neue Initiativen gegründet",
        "date": "2026-06-02",
        "intro": "Die Servicestelle hat drei Gründungen in bisher unversorgten Regionen begleitet.",
        "topics": ["innovation"],
        "text": (
            "<p>In allen drei Regionen gab es zuvor keine Industrieinitiative. Gründungs"
            "workshops mit Kammern, Gewerkschaften und Kreisverwaltung legten die Basis.</p>"
        ),
    },
]

WEBINAR: dict[str, Any] = {
    "slug": "webinar-zukunftswerkstatt",
    "title": "Webinar: Die Zukunftswerkstatt in der Praxis",
    "starts_at": "2026-05-12T10:00:00+02:00",
    "intro": "Wie Initiativen Zukunftswerkstätten planen und was danach geschieht.",
    "topics": ["strukturwandel"],
    "speakers": [
        {"name": "Dr. Jana Beispiel", "role": "Servicestelle, Beratung"},
        {"name": "Malte Muster", "role": "Geschäftsstelle einer Initiative"},
    ],
    "embed_url": "https://video.example.org/embed/industriedialog-zukunftswerkstatt",
    "transcript": (
        "<p>Herzlich willkommen zum Webinar. Heute sprechen wir darüber, wie eine "
        "Zukunftswerkstatt vorbereitet wird, wer eingeladen werden sollte und wie die "
        "Ergebnisse in die Arbeit der Initiative einfließen.</p>"
    ),
}

# (title, file name, material type, topics, year, description, text)
DOCUMENTS: list[tuple[str, str, str, list[str], int, str, str]] = [
    (
        "Checkliste Veranstaltungsplanung",
        "checkliste-veranstaltungsplanung.pdf",
        "checkliste",
        ["akzeptanz"],
        2025,
        "Alle Aufgaben von der Idee bis zur Dokumentation zum Abhaken.",
        "Checkliste Veranstaltungsplanung",
    ),
    (
        "Vorlage Maßnahmenplan Zukunftswerkstatt",
        "vorlage-massnahmenplan.pdf",
        "vorlage",
        ["strukturwandel"],
        2026,
        "Tabelle für Vorhaben, Verantwortliche und Termine aus der Verwirklichungsphase.",
        "Vorlage Massnahmenplan",
    ),
    (
        "Folien: Die Zukunftswerkstatt in der Praxis",
        "folien-webinar-zukunftswerkstatt.pdf",
        "praesentation",
        ["strukturwandel"],
        2026,
        "Folien des Webinars vom Mai 2026.",
        "Webinar Zukunftswerkstatt",
    ),
    (
        "Mustererklärung für die Gründung einer Initiative",
        "mustererklaerung-gruendung.pdf",
        "vorlage",
        ["innovation"],
        2024,
        "Textbausteine für eine gemeinsame Erklärung der Gründungspartner.",
        "Mustererklaerung Gruendung",
    ),
]
