"""Background tasks of the newsletter (django-tasks; worker: manage.py db_worker)."""

from __future__ import annotations

from django_tasks import task

from .services import issue_deliver


@task()
def issue_send_task(issue_id: int) -> dict[str, int]:
    return issue_deliver(issue_id=issue_id)
