"""Access rules of the events URLs (permission matrix, see common/tests/access_rules.py)."""

from industriedialog.common.tests.access_rules import (
    EVERYONE,
    Rule,
    public,
    staff,
    staff_post_only,
    token,
)


def _event(w):  # type: ignore[no-untyped-def]
    return {"pk": w.event.pk}


def _slug(w):  # type: ignore[no-untyped-def]
    return {"slug": w.event.slug}


RULES = {
    "events:event_list": public(),
    "events:calendar_feed": public(),
    "events:event_detail": public(kwargs=_slug),
    "events:event_ics": public(kwargs=_slug),
    "events:registration_create": Rule(read=EVERYONE, write=EVERYONE, kwargs=_slug),
    "events:feedback": token(kwargs=lambda w: {"slug": w.event.slug, "token": "falsch"}),
    "events:registration_confirm": token(kwargs=lambda w: {"token": "falsch"}),
    "events:registration_cancel": token(kwargs=lambda w: {"token": "falsch"}),
    # Back office
    "events:staff_event_list": staff(),
    "events:staff_event_create": staff(),
    "events:staff_send_reminders": staff_post_only(),
    "events:staff_tasks_overdue": staff(),
    "events:staff_template_list": staff(),
    "events:staff_template_edit": staff(kwargs=lambda w: {"code": w.event.format.code}),
    "events:staff_event_edit": staff(kwargs=_event),
    "events:staff_planning": staff(
        kwargs=_event, data=lambda w: {"action": "done", "task": w.task.pk}
    ),
    "events:staff_participants": staff(
        kwargs=_event, data=lambda w: {"registration": w.registration.pk}
    ),
    "events:staff_participants_export": staff(
        kwargs=lambda w: {"pk": w.event.pk, "file_format": "csv"}
    ),
    "events:staff_badges": staff(kwargs=_event),
    "events:staff_invitations": staff(kwargs=_event),
    "events:staff_check_in": staff(
        kwargs=_event, data=lambda w: {"registration": w.registration.pk, "attended": "1"}
    ),
    "events:staff_message": staff(kwargs=_event),
    "events:staff_feedback": staff(kwargs=_event),
}
