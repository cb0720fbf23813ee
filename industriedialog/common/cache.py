"""Cache backend for production: Redis, and while Redis cannot be reached, this process's
memory ("degraded caching").

django-redis alone can only ignore a failed call (a read is a miss, a write is lost); but
``cache.add`` then answers "not added", and allauth's rate limiter takes that as "lock held by
someone else" and refuses every login with 429 as long as Redis is away (found by
common/tests/test_cluster_faults.py). With this backend every call that finds Redis
unreachable is answered by a local-memory cache instead, so locks, rate limits and the
failed-login counter keep working per process (each app server process counts on its own:
weaker, not off), pages and fragments are cached per process, and sessions (``cached_db``)
are read from the database.

After a failure Redis is left alone for ``RETRY_SECONDS``, so that an unreachable host costs
one connect timeout per process and interval, not one per cache call. Then Redis is used
again without a restart. Entries written during the outage stay local and are not copied
back. If Redis returns with its old data (a network split rather than a restart), entries
changed during the outage may be stale there until they expire: flush it (redis-cli FLUSHDB)
before it is reachable again (deploy/README.md).
"""

from __future__ import annotations

import logging
import socket
import time
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, socket.timeout)


class FailoverRedisCache(RedisCache):
    RETRY_SECONDS = 5.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._ignore_exceptions = False  # handled here, with the local fallback
        self._fallback = LocMemCache(
            f"redis-failover-{id(self)}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 5000}},
        )
        self._down_until = 0.0

    @property
    def redis_reachable(self) -> bool:
        """False while calls are answered locally (until the next retry)."""
        return time.monotonic() >= self._down_until

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.redis_reachable:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as exc:
                self._down_until = time.monotonic() + self.RETRY_SECONDS
                logger.warning(
                    "Redis unreachable, caching in process memory for %ss",
                    self.RETRY_SECONDS,
                    extra={"error": str(exc)},
                )
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get_many", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("incr", *args, **kwargs)

    def decr(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("decr", *args, **kwargs)

    def clear(self) -> Any:
        return self._call("clear")
