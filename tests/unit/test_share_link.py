"""Google Classroom's share link points only at an address students can open."""

from __future__ import annotations

import pytest

from marginalia.render.lesson import share_link, shareable


@pytest.mark.parametrize(("site_url", "ok"), [
    ("https://school.example.org/reading/", True),
    ("http://news.example.com", True),
    ("http://127.0.0.1:8000/", False),
    ("http://127.1.2.3/", False),
    ("http://localhost:8000/", False),
    ("http://app.localhost/", False),
    ("http://[::1]:8000/", False),
    ("http://0.0.0.0:8000/", False),
    ("", False),
    ("/reading/", False),
    ("ftp://school.example.org/", False),
])
def test_only_a_public_http_address_is_shareable(site_url, ok):
    assert shareable(site_url) is ok
    assert bool(share_link(site_url, "lessons/x/")) is ok
