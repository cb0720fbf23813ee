"""The cluster of deploy/cluster, started once for all cluster tests of a session."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from .cluster_support import cluster_command


@pytest.fixture(scope="session")
def cluster():
    # Not under pytest's tmp_path (mode 0700): PostgreSQL runs as its own user and must
    # reach its data directory.
    run_dir = Path(tempfile.mkdtemp(prefix="industriedialog-cluster-"))
    run_dir.chmod(0o755)
    started = cluster_command("start", run_dir)
    try:
        logs = (
            "".join(
                f"\n--- {log.name}:\n" + log.read_text(errors="replace")[-3000:]
                for log in sorted((run_dir / "log").glob("*.log"))
            )
            if started.returncode
            else ""
        )
        assert started.returncode == 0, started.stdout + started.stderr + logs
        yield run_dir
    finally:
        cluster_command("wipe", run_dir)
        shutil.rmtree(run_dir, ignore_errors=True)
