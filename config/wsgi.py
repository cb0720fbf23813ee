"""WSGI entry point for gunicorn (see deploy/gunicorn.conf.py)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Everything loaded at start-up (Django, Wagtail, our modules) lives as long as the process.
# Freezing it keeps the cyclic garbage collector from walking it all on every full
# collection: those walks were the 150-180 ms CPU spikes in bench/whitespots.py's p95.
# With gunicorn's preload_app the master freezes before forking, so workers share the pages.
gc.freeze()
