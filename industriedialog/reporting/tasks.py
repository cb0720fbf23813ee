"""Background tasks of the reporting module (django-tasks; worker: manage.py db_worker)."""

from __future__ import annotations

from django_tasks import task

from .services import report_render


@task()
def report_render_task(report_id: int) -> str:
    return report_render(report_id=report_id)
