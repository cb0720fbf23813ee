"""Composing and sending issues: recipients, headers, retries, permissions, archive."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.newsletter import services
from industriedialog.newsletter.models import Delivery, Issue, Subscriber

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_second_factor(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )


@pytest.fixture
def editor(client, no_second_factor):  # type: ignore[no-untyped-def]
    user = UserFactory(roles=[Role.EDITOR])
    client.force_login(user)
    return user


def recipients_of(outbox) -> set[str]:  # type: ignore[no-untyped-def]
    return {message.to[0] for message in outbox}


def test_only_confirmed_subscribers_of_the_chosen_topics_get_the_issue(editor):
    SubscriberFactory(email="fach@beispiel.de", topic_keys=["fachkraefte"])
    SubscriberFactory(email="energie@beispiel.de", topic_keys=["energie"])
    SubscriberFactory(email="alles@beispiel.de")
    SubscriberFactory(email="offen@beispiel.de", status=Subscriber.Status.PENDING)
    SubscriberFactory(email="weg@beispiel.de", status=Subscriber.Status.UNSUBSCRIBED)
    issue = IssueFactory(topic_keys=["fachkraefte", "digitalisierung"])

    issue = services.issue_send_start(issue=issue, user=editor)
    assert recipients_of(mail.outbox) == {"fach@beispiel.de", "alles@beispiel.de"}
    assert (issue.status, issue.recipients_total, issue.sent_count) == ("sent", 2, 2)


def test_issue_without_topics_goes_to_every_confirmed_subscriber(editor):
    SubscriberFactory(email="a@beispiel.de", topic_keys=["energie"])
    SubscriberFactory(email="b@beispiel.de")
    SubscriberFactory(email="c@beispiel.de", status=Subscriber.Status.PENDING)
    services.issue_send_start(issue=IssueFactory(), user=editor)
    assert recipients_of(mail.outbox) == {"a@beispiel.de", "b@beispiel.de"}


def test_every_mail_has_one_click_unsubscribe_headers_and_link(editor):
    subscriber = SubscriberFactory()
    services.issue_send_start(issue=IssueFactory(subject="Newsletter März"), user=editor)
    message = mail.outbox[0]
    url = f"http://127.0.0.1:8000/newsletter/abmelden/{services.unsubscribe_token(subscriber)}/"
    assert message.subject == "Newsletter März"
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    assert url in message.alternatives[0][0]


def test_a_retried_task_mails_nobody_twice(editor):
    first, second = SubscriberFactory(), SubscriberFactory()
    issue = IssueFactory()
    issue.status = Issue.Status.SENDING
    issue.save()
    # The first run reached ``first`` before the worker died.
    Delivery.objects.create(issue=issue, subscriber=first, status=Delivery.Status.SENT)

    services.issue_deliver(issue_id=issue.pk)
    services.issue_deliver(issue_id=issue.pk)
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert Delivery.objects.filter(issue=issue).count() == 2


def test_a_task_run_after_the_end_mails_nobody_new(editor):
    SubscriberFactory()
    issue = services.issue_send_start(issue=IssueFactory(), user=editor)
    SubscriberFactory(email="spaeter@beispiel.de")
    services.issue_deliver(issue_id=issue.pk)
    assert len(mail.outbox) == 1


def test_a_sent_issue_cannot_be_sent_again(editor):
    from django.core.exceptions import ValidationError

    SubscriberFactory()
    issue = services.issue_send_start(issue=IssueFactory(), user=editor)
    with pytest.raises(ValidationError, match="bereits versandt"):
        services.issue_send_start(issue=issue, user=editor)
    assert len(mail.outbox) == 1


def test_one_failing_address_does_not_stop_the_others(editor, monkeypatch):
    SubscriberFactory(email="kaputt@beispiel.de")
    SubscriberFactory(email="gut@beispiel.de")
    original = services._send_issue_mail

    def flaky(issue, subscriber):  # type: ignore[no-untyped-def]
        if subscriber.email.startswith("kaputt"):
            raise OSError("Mailserver lehnt ab")
        original(issue, subscriber)

    monkeypatch.setattr(services, "_send_issue_mail", flaky)
    issue = services.issue_send_start(issue=IssueFactory(), user=editor)
    assert (issue.sent_count, issue.failed_count) == (1, 1)
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert "Mailserver lehnt ab" in failed.error


def test_editor_starts_sending_and_sees_the_progress(client, editor):
    SubscriberFactory.create_batch(3)
    issue = IssueFactory()
    page = client.get(f"/cms/newsletter/{issue.pk}/versand/").content.decode()
    assert "Jetzt an 3 Personen versenden" in page

    response = client.post(f"/cms/newsletter/{issue.pk}/versand/", follow=True)
    body = response.content.decode()
    assert "3 von 3 versandt, 0 fehlgeschlagen" in body
    assert len(mail.outbox) == 3


def test_progress_page_refreshes_while_sending(client, editor):
    issue = IssueFactory(status=Issue.Status.SENDING)
    issue.status, issue.recipients_total, issue.sent_count = Issue.Status.SENDING, 10, 4
    issue.save()
    body = client.get(f"/cms/newsletter/{issue.pk}/versand/").content.decode()
    assert "4 von 10 versandt" in body
    assert 'http-equiv="refresh"' in body


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.ANALYST, Role.REPRESENTATIVE])
def test_only_editors_compose_and_send(client, no_second_factor, role):
    SubscriberFactory()
    issue = IssueFactory()
    user = UserFactory(roles=[role])
    client.force_login(user)
    assert client.post(f"/cms/newsletter/{issue.pk}/versand/").status_code in (302, 403)
    assert client.get("/cms/snippets/newsletter/issue/add/").status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        services.issue_send_start(issue=issue, user=user)
    issue.refresh_from_db()
    assert issue.is_draft and not mail.outbox


def test_visitors_are_sent_to_the_login(client):
    issue = IssueFactory()
    response = client.post(f"/cms/newsletter/{issue.pk}/versand/")
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.is_draft


def test_editor_composes_an_issue_in_the_back_office(client, editor):
    assert client.get("/cms/snippets/newsletter/issue/").status_code == 200
    response = client.post(
        "/cms/snippets/newsletter/issue/add/",
        {
            "subject": "Newsletter April",
            "intro": '{"blocks": [], "entityMap": {}}',
            "items-count": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Issue.objects.get().subject == "Newsletter April"


def test_sent_issue_cannot_be_edited(client, editor):
    SubscriberFactory()
    issue = services.issue_send_start(issue=IssueFactory(subject="Alt"), user=editor)
    response = client.post(
        f"/cms/snippets/newsletter/issue/edit/{issue.pk}/",
        {"subject": "Neu", "intro": '{"blocks": [], "entityMap": {}}', "items-count": "0"},
    )
    assert "kann nicht mehr geändert werden" in response.content.decode()
    issue.refresh_from_db()
    assert issue.subject == "Alt"


def test_archive_lists_sent_issues_only(client, editor):
    SubscriberFactory()
    sent = services.issue_send_start(issue=IssueFactory(subject="Ausgabe Mai"), user=editor)
    draft = IssueFactory(subject="Ausgabe Juni (Entwurf)")
    client.logout()
    body = client.get("/newsletter/archiv/").content.decode()
    assert "Ausgabe Mai" in body and "Ausgabe Juni" not in body
    detail = client.get(f"/newsletter/archiv/{sent.pk}/").content.decode()
    assert "Neues aus der Servicestelle." in detail
    assert client.get(f"/newsletter/archiv/{draft.pk}/").status_code == 404


def test_issue_shows_news_material_and_free_items(client, editor):
    import json

    from industriedialog.knowledge.models import KnowledgeDocument, NewsPage
    from industriedialog.knowledge.services import site_setup

    site_setup()
    news = NewsPage.objects.live().filter(locale__language_code="de").first()
    document = KnowledgeDocument.objects.first()
    issue = IssueFactory(
        items=json.dumps(
            [
                {
                    "type": "item",
                    "value": {
                        "title": "Regionalkonferenz Nord",
                        "text": "Am 12. Mai in Hamburg.",
                        "url": "https://example.org/konferenz",
                    },
                }
            ]
        )
    )
    issue.news.set([news])
    issue.documents.set([document])
    issue.save()
    preview = client.get(f"/cms/snippets/newsletter/issue/preview/{issue.pk}/")
    assert preview.status_code in (200, 405)
    SubscriberFactory()
    services.issue_send_start(issue=issue, user=editor)
    text = mail.outbox[0].body
    assert news.title in text and document.title in text and "Regionalkonferenz Nord" in text
    assert "PDF" in text, "documents show type and size"
