"""What we publish can be read by a web server running as another user.

Builds, exports and the zip are written under temporary names first (mkdtemp
makes 0700 folders, mkstemp 0600 files). Once finished they must carry the
modes an ordinary `open()` or `mkdir` gives under the user's umask, or nginx
as www-data answers 403 and an unpacked zip is readable by its owner alone.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from marginalia.exports import ALL_FORMATS, file_names
from tests.conftest import REPO, copy_project, run_cli

EVERY_EXPORT = [name for fmt in ALL_FORMATS for name in file_names("ceasefire-talks-cairo", fmt)]
"""The seed lesson's LMS files and handout files (PDFs, .docx)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()
FOLDER_MODE = 0o777 & ~_umask()


def wrong_modes(root: Path) -> list[str]:
    """Every path under `root` (itself included) whose mode is not the ordinary one."""
    wrong = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = FOLDER_MODE if path.is_dir() else FILE_MODE
        if mode != expected:
            wrong.append(f"{path.relative_to(root.parent)}: {mode:o}, not {expected:o}")
    return wrong


@pytest.mark.parametrize("edition", ["seed_site", "seed_teacher_site"])
def test_every_file_and_folder_of_a_built_site_has_ordinary_modes(edition, request):
    site = request.getfixturevalue(edition).site
    assert wrong_modes(site) == []


def test_the_teacher_site_has_its_exports_to_check(seed_teacher_site):
    lessons = [p for p in (seed_teacher_site.site / "lessons").iterdir() if p.is_dir()]
    assert lessons
    for lesson in lessons:
        assert len(list((lesson / "exports").glob("*"))) == len(EVERY_EXPORT), lesson.name


def test_exported_lms_files_have_ordinary_modes(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    out = tmp_path / "exports"
    result = run_cli(project, "export", "ceasefire-talks-cairo", "--format", "all",
                     "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert len(list(out.iterdir())) == len(EVERY_EXPORT)
    assert wrong_modes(out) == []


def test_the_folder_zip_and_every_member_have_ordinary_modes(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    target = tmp_path / "handout.zip"
    result = run_cli(project, "build", "--zip", "--edition", "teacher", "-d", str(target))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == FILE_MODE
    with zipfile.ZipFile(target) as zf:
        members = [info for info in zf.infolist() if not info.is_dir()]
        wrong = [info.filename for info in members
                 if stat.S_IMODE(info.external_attr >> 16) != FILE_MODE]
    assert members and wrong == []
