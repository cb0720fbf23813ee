"""The first criteria catalogue (version 1): eight dimensions of a successful initiative.

Written by the service centre's team for this platform, German first with English. Staff change
it later in the staff area (a new draft version); this module only seeds version 1.
Toolbox pages are named by slug and linked when they exist (``setup_site`` creates them).
"""

from __future__ import annotations

from typing import Any


def _l(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"de": de, "en": en} for de, en in pairs]


def _t(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


CATALOGUE: list[dict[str, Any]] = [
    {
        "key": "goals",
        "title": _t("Ziele und Strategie", "Goals and strategy"),
        "description": _t(
            "Ein gemeinsames Bild davon, wofür die Initiative steht und was sie erreichen will.",
            "A shared picture of what the initiative stands for and wants to achieve.",
        ),
        "weight": 2,
        "criteria": [
            {
                "key": "mission",
                "question": _t(
                    "Haben Sie ein gemeinsames Leitbild mit Zielen?",
                    "Do you have a shared mission statement with goals?",
                ),
                "help": _t(
                    "Gemeint ist ein Text, dem alle Partner zugestimmt haben – etwa eine "
                    "gemeinsame Erklärung oder Charta.",
                    "A text all partners have agreed to, e.g. a joint declaration or charter.",
                ),
                "levels": _l(
                    ("Es gibt kein gemeinsames Leitbild.", "There is no shared mission."),
                    (
                        "Ziele wurden mündlich besprochen, aber nicht festgehalten.",
                        "Goals were discussed but not written down.",
                    ),
                    (
                        "Ein schriftliches Leitbild mit Zielen liegt vor.",
                        "A written mission statement with goals exists.",
                    ),
                    (
                        "Das Leitbild ist von allen Partnern unterzeichnet und öffentlich.",
                        "All partners have signed the mission statement and it is public.",
                    ),
                    (
                        "Das Leitbild wird regelmäßig gemeinsam überprüft und fortgeschrieben.",
                        "The mission statement is reviewed and updated together regularly.",
                    ),
                ),
                "toolbox": ["gruendungsleitfaden", "empfehlungen-fuer-initiativen"],
            },
            {
                "key": "planning",
                "question": _t(
                    "Planen Sie Ihre Arbeit mit Jahreszielen und Maßnahmen?",
                    "Do you plan your work with annual goals and measures?",
                ),
                "help": _t(
                    "Zum Beispiel ein Arbeitsprogramm mit Verantwortlichen und Terminen.",
                    "For example a work programme with owners and dates.",
                ),
                "levels": _l(
                    ("Wir arbeiten anlassbezogen.", "We act as occasions arise."),
                    (
                        "Es gibt eine Liste geplanter Vorhaben.",
                        "There is a list of planned projects.",
                    ),
                    (
                        "Ein Jahresprogramm mit Zuständigkeiten wird beschlossen.",
                        "An annual programme with responsibilities is adopted.",
                    ),
                    (
                        "Das Jahresprogramm wird am Jahresende gegen die Ziele ausgewertet.",
                        "The annual programme is evaluated against the goals at year end.",
                    ),
                ),
                "toolbox": ["gruendungsleitfaden"],
            },
        ],
    },
    {
        "key": "alliance",
        "title": _t("Breite des Bündnisses", "Breadth of the alliance"),
        "description": _t(
            "Wer macht mit? Wirtschaft, Gewerkschaften, Politik, Wissenschaft, Zivilgesellschaft.",
            "Who takes part? Business, unions, politics, science, civil society.",
        ),
        "weight": 2,
        "criteria": [
            {
                "key": "actor-groups",
                "prefill": "actor_groups",
                "question": _t(
                    "Wie viele Akteursgruppen sind unter Ihren Mitgliedern vertreten?",
                    "How many actor groups are among your members?",
                ),
                "help": _t(
                    "Aus den Mitgliedern im Verzeichnis berechnet.",
                    "Computed from the members in the directory.",
                ),
                "levels": _l(
                    ("Höchstens eine Akteursgruppe.", "At most one actor group."),
                    ("Zwei Akteursgruppen.", "Two actor groups."),
                    ("Drei Akteursgruppen.", "Three actor groups."),
                    ("Vier Akteursgruppen.", "Four actor groups."),
                    ("Alle fünf Akteursgruppen.", "All five actor groups."),
                ),
                "toolbox": ["gruendungsleitfaden"],
            },
            {
                "key": "tripartite",
                "prefill": "tripartite",
                "question": _t(
                    "Sind Wirtschaft, Gewerkschaften und Politik beteiligt (tripartit)?",
                    "Are business, unions and politics involved (tripartite)?",
                ),
                "help": _t(
                    "Aus den Mitgliedern im Verzeichnis berechnet.",
                    "Computed from the members in the directory.",
                ),
                "levels": _l(
                    (
                        "Höchstens eine der drei Gruppen ist beteiligt.",
                        "At most one of the three groups takes part.",
                    ),
                    ("Zwei der drei Gruppen sind beteiligt.", "Two of the three groups take part."),
                    ("Das Bündnis ist tripartit.", "The alliance is tripartite."),
                    (
                        "Tripartit und zusätzlich Wissenschaft oder Zivilgesellschaft.",
                        "Tripartite plus science or civil society.",
                    ),
                ),
                "toolbox": ["gruendungsleitfaden", "empfehlungen-fuer-gewerkschaften"],
            },
            {
                "key": "involvement",
                "question": _t(
                    "Wie aktiv bringen sich die Mitglieder ein?",
                    "How actively do members contribute?",
                ),
                "help": _t(
                    "Denken Sie an das vergangene Jahr: Wer hat Veranstaltungen, Texte oder "
                    "Geld beigetragen?",
                    "Think of the past year: who contributed events, texts or money?",
                ),
                "levels": _l(
                    (
                        "Wenige tragen die Arbeit, die meisten sind passiv.",
                        "A few carry the work, most are passive.",
                    ),
                    (
                        "Einzelne Mitglieder übernehmen gelegentlich Aufgaben.",
                        "Some members take on tasks now and then.",
                    ),
                    (
                        "Die meisten Mitglieder beteiligen sich an Treffen und Vorhaben.",
                        "Most members join meetings and projects.",
                    ),
                    (
                        "Mitglieder leiten eigene Arbeitsgruppen und Vorhaben.",
                        "Members lead their own working groups and projects.",
                    ),
                ),
                "toolbox": ["werkstattgespraech"],
            },
        ],
    },
    {
        "key": "resources",
        "title": _t("Ressourcen und Kontinuität", "Resources and continuity"),
        "description": _t(
            "Geschäftsstelle, Finanzierung und Personal, die die Arbeit auf Dauer tragen.",
            "Office, funding and staff that sustain the work.",
        ),
        "weight": 1,
        "criteria": [
            {
                "key": "office",
                "prefill": "office",
                "question": _t(
                    "Gibt es eine Geschäftsstelle und Träger?",
                    "Is there an office and are there sponsors?",
                ),
                "help": _t(
                    "Aus Geschäftsstelle und Trägern im Verzeichnis.",
                    "From office and sponsors in the directory.",
                ),
                "levels": _l(
                    (
                        "Weder Geschäftsstelle noch Träger eingetragen.",
                        "Neither office nor sponsor recorded.",
                    ),
                    ("Ein Träger, keine Geschäftsstelle.", "A sponsor but no office."),
                    ("Eine Geschäftsstelle ist eingerichtet.", "An office has been set up."),
                    (
                        "Geschäftsstelle und mehrere Träger.",
                        "An office and several sponsors.",
                    ),
                ),
                "toolbox": ["gruendungsleitfaden"],
            },
            {
                "key": "funding",
                "question": _t("Wie ist die Finanzierung gesichert?", "How secure is the funding?"),
                "help": _t(
                    "Eigenmittel der Partner, Fördermittel, Beiträge.",
                    "Partners' own funds, grants, fees.",
                ),
                "levels": _l(
                    ("Es gibt kein eigenes Budget.", "There is no budget of our own."),
                    ("Geld wird je Vorhaben eingeworben.", "Money is raised per project."),
                    (
                        "Ein Jahresbudget ist für das laufende Jahr gesichert.",
                        "An annual budget is secured for the current year.",
                    ),
                    (
                        "Die Finanzierung ist für mehrere Jahre vereinbart.",
                        "Funding is agreed for several years.",
                    ),
                ),
                "toolbox": ["gruendungsleitfaden"],
            },
            {
                "key": "continuity",
                "prefill": "continuity",
                "question": _t(
                    "Seit wann besteht die Initiative?", "How long has the initiative existed?"
                ),
                "help": _t(
                    "Aus dem Gründungsjahr im Verzeichnis.",
                    "From the founding year in the directory.",
                ),
                "levels": _l(
                    (
                        "Gründungsjahr nicht bekannt oder im laufenden Jahr.",
                        "Unknown or this year.",
                    ),
                    ("Seit ein bis zwei Jahren.", "For one to two years."),
                    ("Seit drei bis fünf Jahren.", "For three to five years."),
                    ("Seit sechs bis zehn Jahren.", "For six to ten years."),
                    ("Seit mehr als zehn Jahren.", "For more than ten years."),
                ),
                "toolbox": [],
            },
        ],
    },
    {
        "key": "activities",
        "title": _t("Aktivitäten und Formate", "Activities and formats"),
        "description": _t(
            "Regelmäßige Treffen und vielfältige Veranstaltungsformate.",
            "Regular meetings and a variety of event formats.",
        ),
        "weight": 1,
        "criteria": [
            {
                "key": "formats",
                "prefill": "formats",
                "question": _t(
                    "Wie viele Veranstaltungsformate nutzen Sie?",
                    "How many event formats do you use?",
                ),
                "help": _t(
                    "Aus den genutzten Formaten im Verzeichnis.",
                    "From the formats recorded in the directory.",
                ),
                "levels": _l(
                    ("Keine Formate eingetragen.", "No formats recorded."),
                    ("Ein Format.", "One format."),
                    ("Zwei bis drei Formate.", "Two to three formats."),
                    ("Vier bis fünf Formate.", "Four to five formats."),
                    ("Sechs oder mehr Formate.", "Six or more formats."),
                ),
                "toolbox": ["world-cafe", "zukunftswerkstatt", "design-thinking-workshop"],
            },
            {
                "key": "meetings",
                "prefill": "meetings",
                "question": _t(
                    "Wie oft trifft sich die Initiative?", "How often does the initiative meet?"
                ),
                "help": _t(
                    "Aus der Angabe „Treffen“ im Verzeichnis.",
                    "From the meeting frequency in the directory.",
                ),
                "levels": _l(
                    ("Unregelmäßig oder nicht angegeben.", "Irregularly or not stated."),
                    ("Jährlich.", "Yearly."),
                    ("Halbjährlich.", "Every six months."),
                    ("Vierteljährlich.", "Quarterly."),
                    ("Monatlich oder öfter.", "Monthly or more often."),
                ),
                "toolbox": ["werkstattgespraech"],
            },
            {
                "key": "event-quality",
                "question": _t(
                    "Wie planen Sie Ihre Veranstaltungen?", "How do you plan your events?"
                ),
                "help": _t(
                    "Zeitplan, Aufgaben, Einladung, Auswertung.",
                    "Time plan, tasks, invitations, evaluation.",
                ),
                "levels": _l(
                    ("Kurzfristig und ohne festen Ablauf.", "At short notice, no set process."),
                    ("Mit einem Zeitplan.", "With a time plan."),
                    (
                        "Mit Zeitplan, Aufgabenliste und Zielgruppe.",
                        "With a time plan, task list and target group.",
                    ),
                    (
                        "Wie zuvor, und jede Veranstaltung wird ausgewertet.",
                        "As before, and every event is evaluated.",
                    ),
                ),
                "toolbox": ["veranstaltungsplanung"],
            },
        ],
    },
    {
        "key": "communication",
        "title": _t(
            "Kommunikation und Öffentlichkeitsarbeit", "Communication and public relations"
        ),
        "description": _t(
            "Sichtbarkeit in der Region: Website, Presse und soziale Medien.",
            "Visibility in the region: website, press and social media.",
        ),
        "weight": 1,
        "criteria": [
            {
                "key": "online",
                "prefill": "online",
                "question": _t(
                    "Ist die Initiative im Netz zu finden?", "Can the initiative be found online?"
                ),
                "help": _t(
                    "Aus Website und Social-Media-Profilen im Verzeichnis.",
                    "From website and social media profiles in the directory.",
                ),
                "levels": _l(
                    ("Keine Website eingetragen.", "No website recorded."),
                    ("Eine Website.", "A website."),
                    ("Website und ein Social-Media-Profil.", "Website and one social profile."),
                    (
                        "Website und mehrere Social-Media-Profile.",
                        "Website and several social profiles.",
                    ),
                ),
                "toolbox": ["social-media"],
            },
            {
                "key": "press",
                "question": _t(
                    "Wie regelmäßig informieren Sie Öffentlichkeit und Medien?",
                    "How regularly do you inform the public and the media?",
                ),
                "help": _t(
                    "Pressemitteilungen, Newsletter, Berichte in regionalen Medien.",
                    "Press releases, newsletters, coverage in regional media.",
                ),
                "levels": _l(
                    ("Selten oder nie.", "Rarely or never."),
                    ("Zu einzelnen Anlässen.", "On single occasions."),
                    ("Mehrmals im Jahr nach Plan.", "Several times a year, planned."),
                    (
                        "Laufend, mit festen Zuständigkeiten und Medienkontakten.",
                        "Continuously, with set responsibilities and media contacts.",
                    ),
                ),
                "toolbox": ["social-media", "empfehlungen-fuer-initiativen"],
            },
            {
                "key": "social-media",
                "question": _t("Wie nutzen Sie soziale Medien?", "How do you use social media?"),
                "help": _t(
                    "Zum Beispiel Beiträge zu Veranstaltungen, Betrieben und Ausbildung.",
                    "For example posts on events, companies and training.",
                ),
                "levels": _l(
                    ("Gar nicht.", "Not at all."),
                    ("Unregelmäßige Beiträge.", "Irregular posts."),
                    ("Regelmäßige Beiträge nach Redaktionsplan.", "Regular posts to a plan."),
                    (
                        "Regelmäßig, mit Dialog und Beiträgen der Mitglieder.",
                        "Regularly, with dialogue and posts by members.",
                    ),
                ),
                "toolbox": ["social-media"],
            },
        ],
    },
    {
        "key": "young-people",
        "title": _t("Junge Menschen und Fachkräfte", "Young people and skilled workers"),
        "description": _t(
            "Jugendliche für Industrie begeistern und Fachkräfte gewinnen.",
            "Inspiring young people for industry and winning skilled workers.",
        ),
        "weight": 2,
        "criteria": [
            {
                "key": "schools",
                "question": _t(
                    "Wie erreichen Sie Schulen und Jugendliche?",
                    "How do you reach schools and young people?",
                ),
                "help": _t(
                    "Betriebserkundungen, Ausbildungsbotschafter, Nacht der Industrie.",
                    "Company visits, training ambassadors, industry night.",
                ),
                "levels": _l(
                    ("Gar nicht.", "Not at all."),
                    ("Mit einzelnen Aktionen.", "With single activities."),
                    (
                        "Mit jährlichen Angeboten für mehrere Schulen.",
                        "With yearly offers for several schools.",
                    ),
                    (
                        "In fester Partnerschaft mit Schulen, Jugendliche gestalten mit.",
                        "In firm partnership with schools; young people help shape it.",
                    ),
                ),
                "toolbox": [
                    "praxisleitfaden-betriebserkundung",
                    "ausbildungsbotschafter",
                    "nacht-der-industrie",
                ],
            },
            {
                "key": "skilled-workers",
                "question": _t(
                    "Was tun Sie für Ausbildung und Fachkräfte?",
                    "What do you do for training and skilled workers?",
                ),
                "help": _t(
                    "Gemeinsam mit Kammern, Agentur für Arbeit und Betrieben.",
                    "Together with chambers, the employment agency and companies.",
                ),
                "levels": _l(
                    ("Das Thema ist nicht Teil unserer Arbeit.", "Not part of our work."),
                    ("Wir informieren über Angebote anderer.", "We pass on others' offers."),
                    (
                        "Eigene Vorhaben mit Kammern und Agentur für Arbeit.",
                        "Own projects with chambers and the employment agency.",
                    ),
                    (
                        "Eine abgestimmte Fachkräftestrategie der Region, die wir mittragen.",
                        "A coordinated regional skills strategy we help carry.",
                    ),
                ),
                "toolbox": ["ausbildungsbotschafter", "empfehlungen-fuer-unternehmen"],
            },
        ],
    },
    {
        "key": "networking",
        "title": _t("Vernetzung mit anderen Initiativen", "Networking with other initiatives"),
        "description": _t(
            "Voneinander lernen: Austausch und gemeinsame Vorhaben mit anderen Initiativen.",
            "Learning from each other: exchange and joint projects with other initiatives.",
        ),
        "weight": 1,
        "criteria": [
            {
                "key": "exchange",
                "question": _t(
                    "Wie tauschen Sie sich mit anderen Initiativen aus?",
                    "How do you exchange with other initiatives?",
                ),
                "help": _t(
                    "Netzwerktreffen der Servicestelle, Besuche, Webinare.",
                    "Network meetings of the service centre, visits, webinars.",
                ),
                "levels": _l(
                    ("Gar nicht.", "Not at all."),
                    ("Gelegentlich, bei Einladungen.", "Now and then, when invited."),
                    (
                        "Regelmäßige Teilnahme an Netzwerktreffen.",
                        "Regular participation in network meetings.",
                    ),
                    (
                        "Wir bringen eigene Beispiele ein und laden andere ein.",
                        "We contribute our own examples and invite others.",
                    ),
                ),
                "toolbox": ["information-und-vernetzung"],
            },
            {
                "key": "joint-projects",
                "question": _t(
                    "Gibt es gemeinsame Vorhaben mit anderen Initiativen?",
                    "Are there joint projects with other initiatives?",
                ),
                "help": _t(
                    "Zum Beispiel grenzübergreifende Veranstaltungen oder Kampagnen.",
                    "For example cross-border events or campaigns.",
                ),
                "levels": _l(
                    ("Nein.", "No."),
                    ("Erste Gespräche.", "First talks."),
                    ("Ein gemeinsames Vorhaben.", "One joint project."),
                    (
                        "Mehrere, auf Dauer angelegte Kooperationen.",
                        "Several lasting cooperations.",
                    ),
                ),
                "toolbox": ["information-und-vernetzung"],
            },
        ],
    },
    {
        "key": "impact",
        "title": _t("Wirkung messen", "Measuring impact"),
        "description": _t(
            "Wissen, was die Arbeit bewirkt, und daraus lernen.",
            "Knowing what the work achieves and learning from it.",
        ),
        "weight": 1,
        "criteria": [
            {
                "key": "indicators",
                "question": _t(
                    "Haben Sie Kennzahlen für Ihre Ziele?", "Do you have indicators for your goals?"
                ),
                "help": _t(
                    "Zum Beispiel Teilnehmende, erreichte Schulen, Ausbildungsverträge.",
                    "For example participants, schools reached, training contracts.",
                ),
                "levels": _l(
                    ("Nein.", "No."),
                    ("Wir zählen Veranstaltungen und Teilnehmende.", "We count events and people."),
                    (
                        "Kennzahlen je Ziel werden jährlich erhoben.",
                        "Indicators per goal are collected yearly.",
                    ),
                    (
                        "Kennzahlen werden ausgewertet und steuern unsere Planung.",
                        "Indicators are analysed and steer our planning.",
                    ),
                ),
                "toolbox": ["empfehlungen-fuer-initiativen"],
            },
            {
                "key": "feedback",
                "question": _t("Holen Sie Rückmeldungen ein?", "Do you collect feedback?"),
                "help": _t(
                    "Von Teilnehmenden, Mitgliedern und Partnern.",
                    "From participants, members and partners.",
                ),
                "levels": _l(
                    ("Nein.", "No."),
                    ("Gelegentlich mündlich.", "Occasionally, verbally."),
                    ("Regelmäßig mit Fragebogen.", "Regularly, with a questionnaire."),
                    (
                        "Regelmäßig, ausgewertet und mit den Mitgliedern besprochen.",
                        "Regularly, analysed and discussed with the members.",
                    ),
                ),
                "toolbox": ["veranstaltungsplanung"],
            },
        ],
    },
]
