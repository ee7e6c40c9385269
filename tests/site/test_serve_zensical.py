"""`marginalia serve --engine zensical`: the same preview loop, built by Zensical.

One real server (a subprocess on a free port, as in test_serve_live) walks an
editor's session: the first site, a good save that shows, a bad save that is
reported in the terminal and on the page while the last good site stays, and the
fix that clears it. Each step waits for the server's own log line.
"""

from __future__ import annotations

from tests.conftest import copy_project
from tests.site.test_serve_live import ARTICLE, BASE, GOOD_CARD, PEOPLE, edit, serving

BANNER = 'id="mg-serve-errors"'
BUILT = r"Documentation built with Zensical"


def test_an_editors_session_on_the_zensical_preview(tmp_path):
    with serving(copy_project(BASE, tmp_path / "project"), "--engine", "zensical") as srv:
        page = srv.get("articles/harbour-opens/")
        assert "first ferry" in page and GOOD_CARD in page and BANNER not in page

        edit(srv, ARTICLE, "first ferry", "first cruise ship")
        srv.wait_for(BUILT)
        srv.wait_for(r"Reloading browsers")
        assert "first cruise ship" in srv.get("articles/harbour-opens/")

        edit(srv, PEOPLE, "summary: Runs", "sumary: Runs")
        said = "\n".join(srv.wait_for(r"still serving the last good site"))
        assert f"{PEOPLE}:5:3: error: unknown key 'sumary'" in said
        broken = srv.get("articles/harbour-opens/")
        assert BANNER in broken and "sumary" in broken and GOOD_CARD in broken

        edit(srv, PEOPLE, "sumary: Runs", "summary: Runs")
        srv.wait_for(BUILT)
        assert BANNER not in srv.get("articles/harbour-opens/")
        assert "Traceback" not in "\n".join(srv.seen)
