"""Reporting: the dashboard with three years of data and the final report PDF.

Data (synthetic, in a throw-away database): the demo project (17 indicators, 4 periods),
600 initiatives on random districts, 5,000 consultations, 500 events with 10,000
registrations, 50 surveys with 2,000 invitations, spread over 2025–2027.

1. Dashboard ``/intern/berichte/`` as the ministry sees it, N requests through the test
   client: ``cold`` with the figure cache emptied before every request (every figure
   aggregated in the database), ``warm`` with the cache in place. Target p95 <= 300 ms.
   ``whole_term_figure_ms``: each computation once, uncached, for the whole term.
2. Final report for the whole term (>= 10 charts): PDF (WeasyPrint) and DOCX
   (python-docx) from the report content, R runs. Target PDF <= 5 s.

Prints JSON. ``cpu_*`` is this process's CPU time: on a busy machine it shows what a
request costs when wall-clock figures are inflated by waiting for a CPU. With
``BENCH_DATABASE_URL=postgres://…`` the data lives in PostgreSQL.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase, percentile  # noqa: E402

bench_db = BenchDatabase("industriedialog_reporting_bench")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

TZ = datetime.UTC
N = int(os.environ.get("BENCH_REQUESTS", "30"))
RUNS = int(os.environ.get("BENCH_REPORT_RUNS", "3"))
START = datetime.date(2025, 1, 1)
DAYS = 3 * 365


def _day(rng: random.Random) -> datetime.date:
    return START + datetime.timedelta(days=rng.randrange(DAYS))


def _generate() -> dict[str, int]:
    from industriedialog.advisory.models import Consultation
    from industriedialog.events.models import Event, Registration
    from industriedialog.events.vocabularies import EventKind, RegistrationStatus
    from industriedialog.regions.models import District
    from industriedialog.registry.models import Initiative
    from industriedialog.surveys.models import Invitation, Response, Survey, SurveyVersion

    rng = random.Random(10)  # noqa: S311 - reproducible test data
    districts = list(District.objects.current().values_list("pk", "state_id"))
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            name=f"Bench-Initiative {i}",
            slug=f"bench-{i}",
            level="region",
            status="active",
            founded_year=2010 + i % 15,
            is_synthetic=True,
        )
        for i in range(600)
    )
    district_links, state_links = [], []
    for initiative in initiatives:
        district_id, state_id = rng.choice(districts)
        district_links.append(
            Initiative.districts.through(initiative_id=initiative.pk, district_id=district_id)
        )
        state_links.append(
            Initiative.states.through(initiative_id=initiative.pk, state_id=state_id)
        )
    Initiative.districts.through.objects.bulk_create(district_links)
    Initiative.states.through.objects.bulk_create(state_links)

    consultations = Consultation.objects.bulk_create(
        Consultation(kind="telephone", date=_day(rng), duration_minutes=45, summary="Beratung")
        for _ in range(5000)
    )
    Consultation.initiatives.through.objects.bulk_create(
        Consultation.initiatives.through(
            consultation_id=c.pk, initiative_id=rng.choice(initiatives).pk
        )
        for c in consultations
    )

    kinds = list(EventKind.values)
    events = []
    for i in range(500):
        day = _day(rng)
        starts = datetime.datetime(day.year, day.month, day.day, 10, tzinfo=TZ)
        events.append(
            Event(
                title=f"Bench-Veranstaltung {i}",
                slug=f"bench-{i}",
                kind=kinds[i % len(kinds)],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3),
                capacity=40,
                organiser=rng.choice(initiatives),
            )
        )
    events = Event.objects.bulk_create(events)
    registrations = []
    for event in events:
        for j in range(20):
            email = f"p{event.pk}-{j}@example.org"
            registrations.append(
                Registration(
                    event=event,
                    name="Bench",
                    email=email,
                    email_normalised=email,
                    token=secrets.token_urlsafe(24),
                    status=RegistrationStatus.CONFIRMED,
                    initiative=rng.choice(initiatives) if j % 4 == 0 else None,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=2000)

    for i in range(50):
        published = _day(rng)
        survey = Survey.objects.create(
            title={"de": f"Bench-Umfrage {i}"},
            mode=Survey.Mode.PERSONAL,
            closes_on=published + datetime.timedelta(days=60),
        )
        version = SurveyVersion.objects.create(
            survey=survey,
            number=1,
            definition={"questions": []},
            published_at=datetime.datetime(
                published.year, published.month, published.day, tzinfo=TZ
            ),
        )
        survey.current_version = version
        survey.save(update_fields=["current_version"])
        sent = datetime.datetime(published.year, published.month, published.day, 12, tzinfo=TZ)
        invitations = Invitation.objects.bulk_create(
            Invitation(
                survey=survey,
                email=f"s{i}-{k}@example.org",
                token=secrets.token_urlsafe(24),
                sent_at=sent,
            )
            for k in range(40)
        )
        Response.objects.bulk_create(
            Response(
                survey=survey,
                version=version,
                invitation=inv,
                started_on=published,
                submitted_on=published,
            )
            for inv in invitations[: rng.randrange(5, 30)]
        )
    return {
        "initiatives": 600,
        "consultations": 5000,
        "events": 500,
        "registrations": len(registrations),
        "surveys": 50,
    }


def _measure(client: Client, path: str, *, cold: bool) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(N):
        if cold:
            cache.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(path)
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return {
        "p50_ms": round(percentile(walls, 0.5), 1),
        "p95_ms": round(percentile(walls, 0.95), 1),
        "cpu_p50_ms": round(percentile(cpus, 0.5), 1),
        "cpu_p95_ms": round(percentile(cpus, 0.95), 1),
    }


def main() -> None:
    from industriedialog.accounts.roles import Role
    from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
    from industriedialog.regions.services import regions_load
    from industriedialog.reporting import rendering, services
    from industriedialog.reporting.demo import load_demo_reporting
    from industriedialog.reporting.models import Period, Project, Report

    call_command("migrate", verbosity=0)
    from django.conf import settings

    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV

    regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
    load_demo_reporting()
    data = _generate()
    client = Client()
    login_with_second_factor(client, UserFactory(roles=[Role.MINISTRY]))
    project = Project.objects.get()
    whole = Period.objects.get(project=project, is_whole_term=True)
    path = f"/intern/berichte/?zeitraum={whole.pk}"
    client.get(path)  # warm up imports and templates
    dashboard = {
        "cold": _measure(client, path, cold=True),
        "warm": _measure(client, path, cold=False),
    }

    from industriedialog.reporting import indicators

    per_figure = {}
    for key in indicators.COMPUTATIONS:
        cache.clear()
        t0 = time.perf_counter()
        try:
            indicators.compute(key, whole.starts_on, whole.ends_on)
        except indicators.ModuleUnavailable:
            continue
        per_figure[key] = round((time.perf_counter() - t0) * 1000, 1)

    report = Report.objects.create(
        project=project, period=whole, kind=Report.Kind.FINAL, title="Abschlussbericht 2025–2027"
    )
    content = services.report_content(report)
    charts = rendering.report_context(content)["chart_count"]
    pdf_times, pdf_cpu, docx_times = [], [], []
    size = 0
    for _ in range(RUNS):
        t0, c0 = time.perf_counter(), time.process_time()
        size = len(rendering.render_pdf(content))
        pdf_times.append(time.perf_counter() - t0)
        pdf_cpu.append(time.process_time() - c0)
        t0 = time.perf_counter()
        rendering.render_docx(content)
        docx_times.append(time.perf_counter() - t0)
    print(
        json.dumps(
            {
                "database": bench_db.vendor,
                "data": data,
                "dashboard": {**dashboard, "target_p95_ms": 300, "requests": N},
                "whole_term_figure_ms": per_figure,
                "final_report": {
                    "charts": charts,
                    "pdf_max_s": round(max(pdf_times), 2),
                    "pdf_cpu_max_s": round(max(pdf_cpu), 2),
                    "pdf_kb": size // 1024,
                    "docx_max_s": round(max(docx_times), 2),
                    "target_pdf_s": 5,
                    "runs": RUNS,
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        bench_db.drop()
