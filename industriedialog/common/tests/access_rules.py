"""Vocabulary of the permission matrix (contract 4).

Each app declares, in ``industriedialog/<app>/tests/access.py``, a dict ``RULES`` from URL
name (``"app:name"``) to a ``Rule``: which roles may read (GET) and write (POST), and how to
fill the URL's arguments from the shared ``World`` of test objects. The matrix test
(``common/tests/test_permission_matrix.py``) walks the URL configuration: a URL without a rule
fails it, naming the URL. Objects an app's URLs need beyond the shared ones are added by an
optional ``extend_world(w)`` function in the same module (called once per matrix run).

Outcomes: *allowed* is any answer that is not a refusal and not an error; a *refusal* is
403, a redirect to the login page, 404 (object hidden) or 405 (method not offered). A role
outside the set must be refused; a role inside must be allowed. ``ANY`` means no rule on
allow/deny (only "never a server error"): used for writes to pages without a write path and
for token links, whose answer depends on the token, not on the role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ANONYMOUS = "anonymous"
REP_OTHER = "rep_other"  # representative of another initiative
REP_THIS = "rep_this"  # approved representative of the world's initiative
ADVISOR = "advisor"
EDITOR = "editor"
ANALYST = "analyst"
JURY = "jury"
MINISTRY = "ministry"
ADVISORY_BOARD = "advisory_board"
SUPERUSER = "superuser"

ROLES = (
    ANONYMOUS,
    REP_OTHER,
    REP_THIS,
    ADVISOR,
    EDITOR,
    ANALYST,
    JURY,
    MINISTRY,
    ADVISORY_BOARD,
    SUPERUSER,
)

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset({ADVISOR, EDITOR, ANALYST, SUPERUSER})
STAFF_AND_READERS = STAFF | {MINISTRY, ADVISORY_BOARD}
EDITORS = frozenset({EDITOR, SUPERUSER})
NOBODY: frozenset[str] = frozenset()


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()


@dataclass(frozen=True)
class Rule:
    read: frozenset[str] | _Any
    write: frozenset[str] | _Any = ANY
    kwargs: Callable[[Any], dict[str, Any]] = field(default=lambda world: {})
    query: str = ""
    # POST body naming the object a write acts on (e.g. the registration to check in).
    data: Callable[[Any], dict[str, Any]] = field(default=lambda world: {})


def public(**kwargs: Any) -> Rule:
    """A public page without a write path."""
    return Rule(read=EVERYONE, write=ANY, **kwargs)


def staff(**kwargs: Any) -> Rule:
    """A back-office page: staff read and write, everybody else is refused."""
    return Rule(read=STAFF, write=STAFF, **kwargs)


def staff_post_only(**kwargs: Any) -> Rule:
    """A back-office action (POST only): GET is refused to all."""
    return Rule(read=NOBODY, write=STAFF, **kwargs)


def token(**kwargs: Any) -> Rule:
    """A link with a secret token: the answer depends on the token, never on the role."""
    return Rule(read=ANY, write=ANY, **kwargs)
