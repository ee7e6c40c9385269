"""`make bench`: how Marginalia's build compares with plain MkDocs and the abbr recipe.

For each corpus size (articles × glossary entries) the same synthetic newsroom is
built three ways, each in its own process so that wall time and peak memory
(the child's maximum resident set, from `wait4`) are the build's alone:

  plain       `mkdocs build` of the articles plus one hand-written page per entry
  marginalia  `marginalia build` of the articles plus annotations/*.yml
  abbr        mkdocs-material's glossary recipe: `abbr` + `pymdownx.snippets`
              auto-appending one abbreviations file to every page

Then the linker alone (MB of article text per second with 500 … 100,000
entries), a rebuild after editing one entry, and `serve`'s rebuilds after one save
(bench/serve_rebuild.py: an entry ~1 % of articles mention, one article's body)
beside its first, full build and a plain `mkdocs build` of the same pages (what
`mkdocs serve` redoes after every save). The last line is a summary:
`overhead=…x linker=…MB/s vs_abbr=…x`. `--quick` runs the smallest size only.
This is a benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import engines
from corpus import (
    make_articles,
    make_corpus,
    make_entries,
    write_marginalia,
    write_plain,
)

SIZES = ((10, 50), (30, 150), (100, 500), (1000, 5000))
"""Articles × entries. abbr needs the small ones: its cost grows with entries²."""
ABBR_TIMEOUT = 600.0
"""An abbr build that takes longer than ten minutes is reported as "did not finish"."""
TIMEOUT = 3 * 3600.0
"""Plain and Marginalia builds always run to the end (this only stops a hang)."""
LINKER_ENTRIES = (500, 5_000, 20_000, 100_000)
REFERENCE = (1000, 5000)
"""The size the overhead in the summary line is measured at (when it ran)."""


@dataclass
class Run:
    """One build: None for time and memory means it did not finish."""

    way: str
    pages: int
    seconds: float | None
    cpu: float | None
    peak_mb: float | None
    note: str = ""


@dataclass
class Measured:
    """Wall and CPU seconds (user + system) and peak RSS of one child process."""

    seconds: float | None
    cpu: float | None
    peak_mb: float | None
    note: str = ""


def measure(cmd: list[str], cwd: Path, timeout: float = TIMEOUT) -> Measured:
    """Run `cmd` as a child; its wall time, CPU time and peak RSS (None after `timeout`).

    CPU time is printed too because this machine is shared: other people's work
    stretches wall time, but hardly changes the CPU seconds a build needs.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if timed_out.is_set():
        return Measured(None, None, None, f"did not finish in {timeout / 60:.0f} min")
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"build failed in {cwd}: {' | '.join(tail)}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best_of(runs: int, cmd: list[str], cwd: Path) -> Measured:
    """The fastest of `runs` builds (noise on a shared machine only ever adds time)."""
    results = [measure(cmd, cwd) for _ in range(runs)]
    done = [r for r in results if r.seconds is not None]
    return min(done, key=lambda r: r.seconds or 0.0) if done else results[0]


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"]
MARGINALIA = [sys.executable, "-m", "marginalia.cli", "build", "-d", "out"]


def build_all(work: Path, articles: int, entries: int, *, abbr: bool,
              repeat: int) -> tuple[list[Run], Path]:
    corpus = make_corpus(articles, entries)
    root = work / f"{articles}x{entries}"
    plain, marg, recipe = root / "plain", root / "marginalia", root / "abbr"
    write_plain(plain, corpus)
    write_marginalia(marg, corpus)
    runs = []
    for way, folder, cmd in (("plain", plain, MKDOCS), ("marginalia", marg, MARGINALIA)):
        m = best_of(repeat, cmd, folder)
        runs.append(Run(way, count_pages(folder / "out"), m.seconds, m.cpu, m.peak_mb, m.note))
        progress(f"{articles} × {entries}: {way} {fmt(m.seconds)} s")
    if abbr:
        write_plain(recipe, corpus, abbr=True)
        m = measure(MKDOCS, recipe, ABBR_TIMEOUT)
        runs.append(Run("abbr", runs[0].pages, m.seconds, m.cpu, m.peak_mb, m.note))
        shutil.rmtree(recipe, ignore_errors=True)
    else:
        runs.append(Run("abbr", runs[0].pages, None, None, None,
                         "did not finish (not tried: it did not finish a smaller size)"))
    progress(f"{articles} × {entries}: abbr {fmt(runs[-1].seconds)} s")
    shutil.rmtree(plain, ignore_errors=True)
    return runs, marg


def rebuild_after_edit(project: Path) -> Measured:
    """Edit one entry's summary, as an editor would, and build again into the same site."""
    people = project / "annotations" / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("appears in the synthetic news corpus",
                                   "appears, as edited, in the synthetic news corpus", 1),
                      encoding="utf-8")
    return measure(MARGINALIA, project)


SERVE = [sys.executable, str(Path(__file__).resolve().parent / "serve_rebuild.py"), "."]


def serve_rebuilds(project: Path) -> dict:
    """`serve` in a child process: its full build and its rebuilds after two edits."""
    import json

    result = subprocess.run(SERVE, cwd=project, capture_output=True, text=True,
                            timeout=TIMEOUT)
    if result.returncode != 0:
        raise SystemExit(f"serve bench failed: {result.stderr.strip().splitlines()[-3:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_serve(size: tuple[int, int], serve: dict, plain: Run) -> None:
    """Seconds an editor waits after one save, each way (wall, and this process's CPU)."""
    print()
    print(f"serve, one save ({size[0]:,} × {size[1]:,}){'':<6}{'pages':>7}{'wall s':>9}"
          f"{'×plain':>8}{'cpu s':>9}{'×plain':>8}")
    rows = [("plain mkdocs serve (full build)", plain.pages, plain.seconds, plain.cpu),
            ("marginalia full build", None, *serve["full"]),
            (f"entry edit ({serve['entry_articles']} articles)", serve["entry_pages"],
             *serve["entry"]),
            ("article edit", serve["article_pages"], *serve["article"])]
    for label, pages, wall, cpu in rows:
        shown = "all" if pages is None else str(pages)
        print(f"{label:<34}{shown:>7}{fmt(wall, 2):>9}{ratio(wall, plain.seconds):>8}"
              f"{fmt(cpu, 2):>9}{ratio(cpu, plain.cpu):>8}")


def linker_throughput(entries: int, articles: int) -> tuple[int, float, float]:
    """(names, MB of text, MB/s) for the linker alone over article paragraphs.

    Timed in this process's CPU seconds, best of three: on a shared machine wall
    time measures the neighbours as much as the linker.
    """
    from marginalia.link.linker import Linker

    glossary = make_entries(entries, seed=entries)
    names = {label: e.key for e in glossary for label in e.names}
    linker = Linker(names)
    paragraphs = [p for a in make_articles(glossary, articles) for p in a.body.split("\n\n")]
    mb = sum(len(p.encode()) for p in paragraphs) / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for p in paragraphs:
            linker.find(p)
        best = min(best, time.process_time() - start)
    return len(names), mb, mb / best


# --------------------------------------------------------------------------- output

def fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def ratio(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:.2f}"


def lower_bound(abbr: Run, marginalia: Run) -> str:
    """For an abbr build stopped at the time limit: the speed-up it proves at the least.

    It ran for the whole limit without finishing, so Marginalia's build of the same
    pages was faster by at least limit ÷ Marginalia's time (an honest floor, no
    extrapolation).
    """
    if abbr.seconds is not None or not marginalia.seconds or "not tried" in abbr.note:
        return ""
    return f" (so Marginalia is over {ABBR_TIMEOUT / marginalia.seconds:.0f}× faster)"


def progress(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="the smallest size only (< 1 minute)")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it (default: temp)")
    p.add_argument("--repeat", type=int, help="builds per way and size, fastest shown "
                   "(default 2, or 1 with --quick; abbr always once)")
    args = p.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 2)
    sizes = SIZES[:1] if args.quick else SIZES
    work = args.keep or Path(tempfile.mkdtemp(prefix="marginalia-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Marginalia benchmark on {machine()}")
    print("Synthetic corpus: 600–900-word articles, a mention every ~22 words, glossary of "
          "people, places, organizations with aliases.", flush=True)
    try:
        results: dict[tuple[int, int], list[Run]] = {}
        last_project = None
        abbr_alive = True
        for articles, entries in sizes:
            runs, last_project = build_all(work, articles, entries, abbr=abbr_alive,
                                           repeat=repeat)
            results[articles, entries] = runs
            abbr_alive = runs[2].seconds is not None
        serve = serve_rebuilds(last_project) if last_project else None
        rebuild = rebuild_after_edit(last_project) if last_project else Measured(None, None,
                                                                                 None)
        rebuild_size = sizes[-1]
        linker_articles = 30 if args.quick else 300
        linker = [(n, *linker_throughput(n, linker_articles)) for n in LINKER_ENTRIES]
        show_engines = engines.sections(measure, work, quick=args.quick, progress=progress)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'articles × entries':<20}{'build':<12}{'pages':>7}{'wall s':>9}{'×plain':>8}"
          f"{'cpu s':>9}{'×plain':>8}{'peak MB':>9}{'×plain':>8}")
    for (articles, entries), runs in results.items():
        base = runs[0]
        for i, r in enumerate(runs):
            label = f"{articles:,} × {entries:,}" if i == 0 else ""
            row = (f"{label:<20}{r.way:<12}{r.pages:>7}{fmt(r.seconds):>9}"
                   f"{ratio(r.seconds, base.seconds):>8}{fmt(r.cpu):>9}"
                   f"{ratio(r.cpu, base.cpu):>8}{fmt(r.peak_mb, 0):>9}"
                   f"{ratio(r.peak_mb, base.peak_mb):>8}")
            print(row + (f"  {r.note}{lower_bound(r, runs[1])}" if r.note else ""))
    print()
    print(f"{'linker alone: entries':<24}{'names':>9}{'text MB':>9}{'MB/s':>9}")
    for entries, names, mb, speed in linker:
        print(f"{entries:<24,}{names:>9,}{mb:>9.2f}{speed:>9.1f}")
    base_plain = results[rebuild_size][0]
    print()
    print(f"rebuild after editing one entry ({rebuild_size[0]:,} × {rebuild_size[1]:,}): "
          f"wall {fmt(rebuild.seconds)} s ({ratio(rebuild.seconds, base_plain.seconds)}× plain), "
          f"cpu {fmt(rebuild.cpu)} s ({ratio(rebuild.cpu, base_plain.cpu)}× plain)")

    if serve is not None:
        print_serve(rebuild_size, serve, base_plain)

    show_engines()  # MkDocs and Zensical side by side, abbr on two corpora, start-up
    print()
    ref = REFERENCE if REFERENCE in results else sizes[-1]
    plain, marg, _ = results[ref]
    both = [runs for runs in results.values() if runs[2].seconds is not None]
    print(f"overhead and vs_abbr below are CPU-time ratios (wall-clock ratios: "
          f"overhead {ratio(marg.seconds, plain.seconds)}, vs_abbr "
          f"{ratio(both[-1][2].seconds, both[-1][1].seconds) if both else '—'}); "
          f"the machine's load average was {os.getloadavg()[0]:.1f}")
    overhead = ratio(marg.cpu, plain.cpu)
    vs_abbr = ratio(both[-1][2].cpu, both[-1][1].cpu) if both else "—"
    speed = dict((n, s) for n, _, _, s in linker)[5_000]
    print(f"overhead={overhead}x linker={speed:.1f}MB/s vs_abbr={vs_abbr}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
