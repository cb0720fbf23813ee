"""Reads of the surveys app: lists, response rates, and the results, aggregated in the
database (one GROUP BY over the typed Answer rows, then only the grouped rows in Python)."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, FilteredRelation, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from industriedialog.accounts.permissions import can

from .models import Answer, Invitation, Response, Survey
from .questions import (
    ANSWERED,
    CATEGORICAL_KINDS,
    OTHER,
    SCALE_KINDS,
    TEXT_KINDS,
    Kind,
    initiative_labels,
    option_label,
    region_labels,
    scale_of,
    text_in_language,
)


def surveys_for_staff() -> QuerySet[Survey]:
    return Survey.objects.annotate(
        submitted=Count("responses", filter=Q(responses__submitted_on__isnull=False)),
    ).select_related("current_version")


def surveys_for_results(user: Any) -> QuerySet[Survey]:
    """Surveys whose results ``user`` may read: staff all, the ministry the shared ones."""
    if can(user, "surveys.manage_surveys"):
        return surveys_for_staff().exclude(current_version__isnull=True)
    if can(user, "surveys.view_shared_results"):
        return surveys_for_staff().filter(is_shared_with_ministry=True)
    return Survey.objects.none()


@dataclass
class ResponseRate:
    invited: int
    sent: int
    submitted: int
    in_progress: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.submitted / self.sent, 1) if self.sent else None


def response_rate(survey: Survey) -> ResponseRate:
    counts = Response.objects.filter(survey=survey).aggregate(
        submitted=Count("id", filter=Q(submitted_on__isnull=False)),
        in_progress=Count("id", filter=Q(submitted_on__isnull=True)),
    )
    invitations = Invitation.objects.filter(survey=survey).aggregate(
        invited=Count("id"), sent=Count("id", filter=Q(sent_at__isnull=False))
    )
    return ResponseRate(
        invited=invitations["invited"],
        sent=invitations["sent"],
        submitted=counts["submitted"],
        in_progress=counts["in_progress"],
    )


def invitations_of(survey: Survey) -> QuerySet[Invitation]:
    return survey.invitations.select_related("initiative", "organisation", "response")


def survey_questions(survey: Survey) -> list[dict]:
    """The questions of the published version (the working copy before publishing), with
    option labels of older versions merged in, so answers to since-removed options keep
    their label."""
    from .services import survey_definition

    versions = list(survey.versions.order_by("number"))
    current = survey.current_version.definition if survey.current_version else None
    questions = [dict(q) for q in (current or survey_definition(survey))["questions"]]
    known = {q["key"]: q for q in questions}
    for version in versions[:-1]:
        for old in version.definition["questions"]:
            q = known.get(old["key"])
            if q is None:
                continue
            keys = {o["key"] for o in q.get("options") or []}
            extra = [o for o in old.get("options") or [] if o["key"] not in keys]
            if extra:
                q["options"] = [*(q.get("options") or []), *extra]
    return questions


def categorical_questions(questions: list[dict]) -> list[dict]:
    return [q for q in questions if q["kind"] in CATEGORICAL_KINDS]


def category_labels(question: dict, keys: list[str] | None = None) -> dict[str, str]:
    kind = question["kind"]
    if kind in SCALE_KINDS:
        return {k: str(v) for k, v in scale_of(kind)}
    if kind == Kind.REGION:
        return region_labels(question.get("region") or "state", keys)
    if kind == Kind.INITIATIVE:
        return initiative_labels(keys or [])
    labels = {o["key"]: option_label(o) for o in question.get("options") or []}
    if question.get("other"):
        from django.utils.translation import gettext as _

        labels[OTHER] = _("Sonstiges")
    return labels


@dataclass
class QuestionResult:
    question: dict
    respondents: int = 0
    rows: list[dict] = field(default_factory=list)  # label, count, share
    mean: float | None = None
    median: float | None = None
    minimum: Any = None
    maximum: Any = None
    matrix: list[dict] = field(default_factory=list)  # per row: label, counts per scale, mean
    chart: dict | None = None

    @property
    def key(self) -> str:
        return self.question["key"]

    @property
    def kind(self) -> str:
        return self.question["kind"]

    @property
    def text(self) -> str:
        return text_in_language(self.question["text"])

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


def _median(distribution: list[tuple[Decimal, int]]) -> float | None:
    """Median from (value, count) pairs, as the database grouped them."""
    total = sum(n for _v, n in distribution)
    if not total:
        return None
    ordered = sorted(distribution)
    lower_index, upper_index = (total - 1) // 2, total // 2
    seen, lower, upper = 0, None, None
    for value, n in ordered:
        if lower is None and seen + n > lower_index:
            lower = value
        if seen + n > upper_index:
            upper = value
            break
        seen += n
    return float((Decimal(lower) + Decimal(upper)) / 2)  # type: ignore[arg-type]


def _respondent_filter(survey: Survey, filters: dict[str, str]) -> Q:
    """Only responses whose answer to each filter question is the given category."""
    condition = Q()
    for key, value in filters.items():
        condition &= Q(
            response_id__in=Answer.objects.filter(
                survey=survey, question_key=key, choice=value
            ).values("response_id")
        )
    return condition


def submitted_count(survey: Survey, filters: dict[str, str] | None = None) -> int:
    responses = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    for key, value in (filters or {}).items():
        responses = responses.filter(
            pk__in=Answer.objects.filter(survey=survey, question_key=key, choice=value).values(
                "response_id"
            )
        )
    return responses.count()


def survey_results(
    survey: Survey, filters: dict[str, str] | None = None, *, initiative_id: int | None = None
) -> list[QuestionResult]:
    """Per question: counts and shares, mean and median where numeric, matrix rows, and the
    chart data. Three GROUP BY queries for the whole survey, whatever its size (optionally
    only the responses linked to one initiative)."""
    questions = survey_questions(survey)
    by_key = {q["key"]: q for q in questions}
    answers = Answer.objects.filter(survey=survey).filter(_respondent_filter(survey, filters or {}))
    if initiative_id is not None:
        answers = answers.filter(
            response__initiative_id=initiative_id, response__submitted_on__isnull=False
        )
    text_keys = [q["key"] for q in questions if q["kind"] in TEXT_KINDS]
    value_keys = [q["key"] for q in questions if q["kind"] in {Kind.NUMBER, Kind.DATE}]
    category_keys = [q["key"] for q in by_key.values() if q["key"] not in {*text_keys, *value_keys}]
    # Categories (also scale values, matrix cells and ranks): an index-only GROUP BY.
    grouped = [
        (key, item, choice, None, None, n)
        for key, item, choice, n in answers.filter(question_key__in=category_keys)
        .values_list("question_key", "item", "choice")
        .annotate(n=Count("*"))
        .order_by()
    ]
    grouped += [
        (key, "", "", number, date, n)
        for key, number, date, n in answers.filter(question_key__in=value_keys)
        .values_list("question_key", "number", "date")
        .annotate(n=Count("*"))
        .order_by()
    ]
    respondents = dict(
        answers.filter(question_key__in=text_keys)
        .values_list("question_key")
        .annotate(n=Count("*"))
        .order_by()
    )
    cells: dict[str, list[tuple]] = {}
    for key, item, choice, number, date, n in grouped:
        cells.setdefault(key, []).append((item, choice, number, date, n))
    return [
        _question_result(q, cells.get(q["key"], []), respondents.get(q["key"], 0))
        for q in by_key.values()
    ]


def results_cached(survey: Survey, name: str, params: Any, compute: Any) -> Any:
    """``compute()`` (results or a cross-tab), computed again only when a response was
    submitted, a new version was published, or language or parameters differ: the cache key
    says so, nothing has to expire."""
    import hashlib

    from django.core.cache import cache
    from django.utils.translation import get_language

    submitted = Response.objects.filter(survey=survey, submitted_on__isnull=False).count()
    digest = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    key = (
        f"surveys:{name}:{survey.pk}:{survey.current_version_id}:{submitted}:"
        f"{get_language()}:{digest}"
    )
    return cache.get_or_set(key, compute, 3600)


def survey_results_cached(
    survey: Survey, filters: dict[str, str] | None = None
) -> list[QuestionResult]:
    return results_cached(survey, "results", filters or {}, lambda: survey_results(survey, filters))


def crosstab_cached(
    survey: Survey, row_key: str, column_key: str, filters: dict[str, str] | None = None
) -> CrossTab:
    return results_cached(
        survey,
        "crosstab",
        [row_key, column_key, filters or {}],
        lambda: crosstab(survey, row_key, column_key, filters),
    )


def _question_result(q: dict, cells: list[tuple], distinct: int) -> QuestionResult:
    kind = q["kind"]
    result = QuestionResult(question=q)
    if kind in TEXT_KINDS:
        result.respondents = distinct
        return result
    if kind in {Kind.MATRIX, Kind.RANKING}:
        return _matrix_result(result, cells)
    if kind == Kind.NUMBER or kind == Kind.DATE:
        values = [(number if kind == Kind.NUMBER else date, n) for _i, _c, number, date, n in cells]
        result.respondents = sum(n for _v, n in values)
        if values:
            result.minimum = min(v for v, _n in values)
            result.maximum = max(v for v, _n in values)
        if kind == Kind.NUMBER and values:
            total = sum(Decimal(v) * n for v, n in values)
            result.mean = float(total / result.respondents)
            result.median = _median(values)
        return result
    counts: dict[str, int] = {}
    answered = 0
    for item, choice, _number, _date, n in cells:
        if item == ANSWERED:
            answered += n
        else:
            counts[choice] = counts.get(choice, 0) + n
    result.respondents = answered if kind == Kind.MULTIPLE else sum(counts.values())
    labels = category_labels(q, list(counts))
    if kind in SCALE_KINDS:
        order = [k for k, _label in scale_of(kind)]
        distribution = [(Decimal(k), counts.get(k, 0)) for k in order]
        if result.respondents:
            result.mean = float(sum(v * n for v, n in distribution) / result.respondents)
            result.median = _median(distribution)
    elif kind in {Kind.REGION, Kind.INITIATIVE}:
        order = sorted(counts, key=lambda k: (-counts[k], labels.get(k, k)))
    else:
        order = [o["key"] for o in q.get("options") or []]
        order += [OTHER] if q.get("other") else []
        order += [k for k in counts if k not in order]
    base = result.respondents or 1
    result.rows = [
        {
            "key": k,
            "label": labels.get(k, k),
            "count": counts.get(k, 0),
            "share": round(100 * counts.get(k, 0) / base, 1),
        }
        for k in order
    ]
    result.chart = {
        "type": "grade" if kind == Kind.GRADE else "bar",
        "labels": [r["label"] for r in result.rows],
        "counts": [r["count"] for r in result.rows],
    }
    return result


def _matrix_result(result: QuestionResult, cells: list[tuple]) -> QuestionResult:
    q = result.question
    scale = (
        [(str(i), str(i)) for i in range(1, len(q.get("options") or []) + 1)]
        if q["kind"] == Kind.RANKING
        else [(k, str(v)) for k, v in scale_of(Kind.LIKERT)]
    )
    per_item: dict[str, dict[str, int]] = {}
    for item, choice, _number, _date, n in cells:
        per_item.setdefault(item, {})[choice] = per_item.setdefault(item, {}).get(choice, 0) + n
    for option in q.get("options") or []:
        counts = per_item.get(option["key"], {})
        total = sum(counts.values())
        mean = sum(int(k) * n for k, n in counts.items()) / total if total else None
        result.matrix.append(
            {
                "label": option_label(option),
                "counts": [counts.get(k, 0) for k, _label in scale],
                "total": total,
                "mean": round(mean, 2) if mean is not None else None,
            }
        )
    result.respondents = max((row["total"] for row in result.matrix), default=0)
    result.chart = {
        "type": "stacked",
        "labels": [row["label"] for row in result.matrix],
        "series": [
            {"label": label, "counts": [row["counts"][i] for row in result.matrix]}
            for i, (_k, label) in enumerate(scale)
        ],
    }
    return result


def text_answers(
    survey: Survey,
    key: str,
    *,
    search: str = "",
    filters: dict[str, str] | None = None,
    limit: int = 50,
) -> QuerySet[Answer]:
    answers = Answer.objects.filter(survey=survey, question_key=key).exclude(text="")
    answers = answers.filter(_respondent_filter(survey, filters or {}))
    if search:
        answers = answers.filter(text__icontains=search)
    return answers.order_by("-id").only("text")[:limit]


@dataclass
class CrossTab:
    row_question: dict
    column_question: dict
    rows: list[dict]
    columns: list[dict]
    total: int


def crosstab(
    survey: Survey, row_key: str, column_key: str, filters: dict[str, str] | None = None
) -> CrossTab:
    """Counts of responses per (row category, column category), e.g. grade by state: one
    self-join of Answer on the response, grouped in the database."""
    questions = {q["key"]: q for q in survey_questions(survey)}
    row_q, col_q = questions[row_key], questions[column_key]
    pairs = (
        Answer.objects.filter(survey=survey, question_key=row_key, item="")
        .filter(_respondent_filter(survey, filters or {}))
        .annotate(
            other=FilteredRelation(
                "response__answers",
                condition=Q(response__answers__question_key=column_key, response__answers__item=""),
            )
        )
        .filter(other__isnull=False)
        .values_list("choice", "other__choice")
        .annotate(n=Count("id"))
        .order_by()
    )
    table: dict[str, dict[str, int]] = {}
    for row, column, n in pairs:
        table.setdefault(row, {})[column] = n
    column_keys = sorted({c for cells in table.values() for c in cells})
    if col_q["kind"] in SCALE_KINDS:  # the whole scale, also grades nobody gave
        column_keys = [k for k, _label in scale_of(col_q["kind"])]
    row_labels = category_labels(row_q, list(table))
    column_labels = category_labels(col_q, column_keys)
    column_keys = _ordered_keys(col_q, column_keys, column_labels)
    row_keys = _ordered_keys(row_q, list(table), row_labels)
    rows: list[dict[str, Any]] = []
    for key in row_keys:
        counts = [table[key].get(c, 0) for c in column_keys]
        total = sum(counts)
        mean = None
        if col_q["kind"] in SCALE_KINDS and total:
            mean = round(
                sum(int(c) * n for c, n in zip(column_keys, counts, strict=True)) / total, 2
            )
        rows.append(
            {"label": row_labels.get(key, key), "counts": counts, "total": total, "mean": mean}
        )
    return CrossTab(
        row_question=row_q,
        column_question=col_q,
        rows=rows,
        columns=[{"key": c, "label": column_labels.get(c, c)} for c in column_keys],
        total=sum(int(r["total"]) for r in rows),
    )


def _ordered_keys(question: dict, keys: list[str], labels: dict[str, str]) -> list[str]:
    if question["kind"] in SCALE_KINDS:
        return sorted(keys, key=int)
    order = [o["key"] for o in question.get("options") or []] + [OTHER]
    if question["kind"] in {Kind.SINGLE, Kind.MULTIPLE}:
        return sorted(keys, key=lambda k: order.index(k) if k in order else len(order))
    return sorted(keys, key=lambda k: labels.get(k, k))


def results_by_registry(survey: Survey) -> dict[str, list[dict]]:
    """Submitted responses per state and actor group of the invited initiative/organisation
    (not for anonymous surveys, which keep no such link)."""
    from industriedialog.registry.vocabularies import ACTOR_GROUP_OF_KIND, ActorGroup

    if survey.is_anonymous:
        return {}
    submitted = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    states = (
        submitted.filter(initiative__isnull=False)
        .values_list("initiative__states__name")
        .annotate(n=Count("id", distinct=True))
        .order_by("initiative__states__name")
    )
    kinds = (
        submitted.filter(organisation__isnull=False)
        .values_list("organisation__kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    groups: dict[str, int] = {}
    for kind, n in kinds:
        group = ACTOR_GROUP_OF_KIND.get(kind)
        if group:
            label = str(ActorGroup(group).label)
            groups[label] = groups.get(label, 0) + n
    initiatives = (
        submitted.filter(initiative__isnull=False)
        .values_list("initiative__name")
        .annotate(n=Count("id"))
        .order_by("initiative__name")
    )
    return {
        "states": [{"label": s, "count": n} for s, n in states if s],
        "groups": [{"label": g, "count": n} for g, n in sorted(groups.items())],
        "initiatives": [{"label": i, "count": n} for i, n in initiatives],
    }


def export_rows(survey: Survey) -> tuple[list[dict], Any]:
    """Columns (codebook) and an iterator of one row per submitted response."""
    questions = survey_questions(survey)
    columns: list[dict] = []
    for q in questions:
        if q["kind"] in {Kind.MATRIX, Kind.RANKING}:
            for option in q.get("options") or []:
                columns.append(
                    {
                        "name": f"{q['key']}_{option['key']}",
                        "question": q,
                        "item": option["key"],
                        "item_label": option_label(option),
                    }
                )
        else:
            columns.append({"name": q["key"], "question": q, "item": ""})
            if q.get("other"):
                columns.append({"name": f"{q['key']}_other", "question": q, "item": OTHER})

    def rows():  # type: ignore[no-untyped-def]
        answers = (
            Answer.objects.filter(survey=survey, response__submitted_on__isnull=False)
            .order_by("response_id", "question_key", "item", "choice")
            .values_list(
                "response_id",
                "response__submitted_on",
                "question_key",
                "item",
                "choice",
                "number",
                "date",
                "text",
            )
        )
        current: dict[str, Any] | None = None
        for response_id, submitted_on, key, item, choice, number, date, text in answers.iterator(
            chunk_size=5000
        ):
            if current is None or current["_id"] != response_id:
                if current is not None:
                    yield current
                current = {"_id": response_id, "_submitted_on": submitted_on}
            if item == ANSWERED:
                continue
            if item:
                current[f"{key}_{item}"] = choice
            elif choice == OTHER:
                current[f"{key}_other"] = text
                current[key] = _join(current.get(key), choice)
            elif choice:
                current[key] = _join(current.get(key), choice)
            elif number is not None:
                current[key] = number
            elif date is not None:
                current[key] = date
            else:
                current[key] = text
        if current is not None:
            yield current

    return columns, rows()


def _join(existing: str | None, value: str) -> str:
    return f"{existing};{value}" if existing else value


def surveys_staff_tasks(user: Any) -> list:
    """Dashboard: published surveys closing within a week, and personal surveys with a low
    response rate (under a third of the invited have answered)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import StaffTask

    if not can(user, "surveys.manage_surveys"):
        return []
    today = timezone.localdate()
    closing = Survey.objects.open_on(today).filter(
        closes_on__lte=today + datetime.timedelta(days=7)
    )
    sent = (
        Invitation.objects.filter(survey=OuterRef("pk"), sent_at__isnull=False)
        .values("survey")
        .annotate(n=Count("id"))
        .values("n")
    )
    answered = (
        Response.objects.filter(
            survey=OuterRef("pk"), invitation__isnull=False, submitted_on__isnull=False
        )
        .values("survey")
        .annotate(n=Count("id"))
        .values("n")
    )
    low_count = (
        Survey.objects.open_on(today)
        .filter(mode=Survey.Mode.PERSONAL)
        .annotate(sent=Coalesce(Subquery(sent), 0), answered=Coalesce(Subquery(answered), 0))
        .filter(sent__gt=F("answered") * 3)
        .count()
    )
    url = reverse("surveys:staff_survey_list")
    return [
        StaffTask(
            key="surveys_closing",
            label=_("Umfragen, die in 7 Tagen schließen"),
            count=closing.count(),
            url=url,
        ),
        StaffTask(
            key="surveys_low_rate",
            label=_("Umfragen mit geringem Rücklauf (unter einem Drittel)"),
            count=low_count,
            url=url,
        ),
    ]


def initiative_timeline_entries(initiative: Any) -> list[Any]:
    """INITIATIVE_TIMELINE_PROVIDERS: surveys answered for the initiative (submitted
    responses; anonymous surveys never store the initiative and never appear)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.common.timeline import TimelineEntry

    responses = (
        Response.objects.filter(initiative=initiative, submitted_on__isnull=False)
        .exclude(survey__mode=Survey.Mode.ANONYMOUS)
        .select_related("survey")
        .order_by("submitted_on")
    )
    return [
        TimelineEntry(
            date=r.submitted_on,  # type: ignore[arg-type]
            kind="survey",
            label=_("Umfrage"),
            title=r.survey.display_title or str(r.survey),
            url=reverse("surveys:results", kwargs={"pk": r.survey_id}),
            detail=_("beantwortet"),
        )
        for r in responses
    ]
