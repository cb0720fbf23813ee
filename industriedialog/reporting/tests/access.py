"""Access rules of the reporting URLs (permission matrix, see common/tests/access_rules.py).

Dashboard, indicators, issued reports and the advisory board are read by staff, the ministry
and the advisory board (``reporting.rules``); every write is staff only. Representatives,
jurors and visitors are refused everywhere. Pages without a write path take ``write=ANY``."""

from industriedialog.common.tests.access_rules import (
    ANY,
    STAFF,
    STAFF_AND_READERS,
    Rule,
    staff,
    staff_post_only,
)


def extend_world(w):  # type: ignore[no-untyped-def]
    """A project with a manual indicator (value with evidence), an issued report with its
    files, and an advisory board meeting with a document and a decision."""
    import datetime
    from decimal import Decimal

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from industriedialog.reporting import services
    from industriedialog.reporting.models import (
        BoardDocument,
        BoardMeeting,
        BoardMember,
        Decision,
        ManualValue,
        Report,
    )
    from industriedialog.reporting.tests.factories import make_indicator, make_project, make_task

    w.reporting_project = make_project()
    w.reporting_period = w.reporting_project.periods.get(label="2025")
    w.reporting_task = make_task(w.reporting_project)
    w.reporting_indicator = make_indicator(w.reporting_task, "Beratungen", targets={"2025": "10"})
    w.reporting_manual_value = ManualValue(
        indicator=w.reporting_indicator, period=w.reporting_period, value=Decimal(4), note="Zählung"
    )
    w.reporting_manual_value.evidence.save("nachweis.pdf", ContentFile(b"%PDF-1.4"), save=True)
    # An issued report (frozen figures, files ready): what the read-only roles may read.
    w.reporting_report = services.report_create(
        project=w.reporting_project,
        period=w.reporting_period,
        kind="interim",
        title="Zwischenbericht",
        actor=None,
    )
    snapshot = services.report_content(w.reporting_report)
    snapshot["frozen_at"] = timezone.now().isoformat()
    w.reporting_report.snapshot = snapshot
    w.reporting_report.status = Report.Status.ISSUED
    w.reporting_report.issued_at = timezone.now()
    w.reporting_report.pdf.save("bericht.pdf", ContentFile(b"%PDF-1.4"), save=False)
    w.reporting_report.docx.save("bericht.docx", ContentFile(b"PK"), save=False)
    w.reporting_report.save()
    w.reporting_member = BoardMember.objects.create(
        name="Dr. Weber", organisation="IHK", role="Vorsitz"
    )
    w.reporting_meeting = BoardMeeting.objects.create(
        title="1. Sitzung", held_on=datetime.date(2025, 3, 1)
    )
    w.reporting_meeting.attendees.add(w.reporting_member)
    w.reporting_board_document = BoardDocument(meeting=w.reporting_meeting, title="Protokoll")
    w.reporting_board_document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4"), save=True)
    w.reporting_decision = Decision.objects.create(
        meeting=w.reporting_meeting, text="Arbeitsgruppe einrichten"
    )


def _indicator(w):  # type: ignore[no-untyped-def]
    return {"pk": w.reporting_indicator.pk}


def _report(w):  # type: ignore[no-untyped-def]
    return {"pk": w.reporting_report.pk}


def _meeting(w):  # type: ignore[no-untyped-def]
    return {"pk": w.reporting_meeting.pk}


def _read(**kwargs):  # type: ignore[no-untyped-def]
    """Staff and the read-only roles read; the page has no write path."""
    return Rule(read=STAFF_AND_READERS, write=ANY, **kwargs)


RULES = {
    # Dashboard and indicators
    "reporting:dashboard": _read(),
    "reporting:indicator_detail": _read(kwargs=_indicator),
    "reporting:indicator_create": staff(),
    "reporting:indicator_edit": staff(kwargs=_indicator),
    "reporting:targets_edit": staff_post_only(
        kwargs=_indicator, data=lambda w: {f"period_{w.reporting_period.pk}": "12"}
    ),
    "reporting:manual_value_add": staff_post_only(
        kwargs=_indicator,
        data=lambda w: {"period": w.reporting_period.pk, "value": "5", "note": "Nachzählung"},
    ),
    "reporting:evidence_download": _read(kwargs=lambda w: {"pk": w.reporting_manual_value.pk}),
    "reporting:task_edit": staff(kwargs=lambda w: {"pk": w.reporting_task.pk}),
    # Reports: the list for all readers, a report for the read-only roles once issued;
    # creating, changing texts and issuing are staff only.
    "reporting:report_list": Rule(read=STAFF_AND_READERS, write=STAFF),
    "reporting:report_detail": Rule(read=STAFF_AND_READERS, write=STAFF, kwargs=_report),
    "reporting:report_issue": staff_post_only(kwargs=_report),
    "reporting:report_status": _read(kwargs=_report),
    "reporting:report_download": _read(
        kwargs=lambda w: {"pk": w.reporting_report.pk, "fmt": "pdf"}
    ),
    # Advisory board
    "reporting:board": _read(),
    "reporting:member_create": staff(),
    "reporting:member_edit": staff(kwargs=lambda w: {"pk": w.reporting_member.pk}),
    "reporting:meeting_create": staff(),
    "reporting:meeting_detail": _read(kwargs=_meeting),
    "reporting:meeting_edit": staff(kwargs=_meeting),
    "reporting:agenda_add": staff_post_only(
        kwargs=_meeting, data=lambda w: {"title": "Bericht der Servicestelle"}
    ),
    "reporting:document_add": staff_post_only(kwargs=_meeting),
    "reporting:document_download": _read(kwargs=lambda w: {"pk": w.reporting_board_document.pk}),
    "reporting:decision_add": staff_post_only(
        kwargs=_meeting, data=lambda w: {"text": "Bericht anfordern", "status": "open"}
    ),
    "reporting:decision_edit": staff(kwargs=lambda w: {"pk": w.reporting_decision.pk}),
}
