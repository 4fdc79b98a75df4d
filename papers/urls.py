"""The committee papers of a review and its rounds, under councils/<council>/reviews/<review>/.

One page and one download per format for each paper of the registry: the
review's own at papers/<paper>/, a round's at rounds/<meeting date>/<paper>/.
"""

from django.urls import path

import common.converters  # noqa: F401 (registers "isodate")

from . import views
from .build import url_name
from .registry import PAPERS

app_name = "papers"

urlpatterns = []
for kind in PAPERS.values():
    base = f"rounds/<isodate:meeting_date>/{kind.slug}" if kind.of_round else f"papers/{kind.slug}"
    for output in kind.formats:
        route = f"{base}/" if output == "html" else f"{base}.{output}"
        name = url_name(kind.slug, output).removeprefix("papers:")
        urlpatterns.append(path(route, views.paper, {"kind": kind, "output": output}, name=name))
