"""Bench sections for engines, start-up and the abbr comparison on two corpora.

Called by run.py (its `measure` times each build in its own process):

  engines   the same hand-written site (the main table's "plain") and the same
            Marginalia site built by MkDocs and by Zensical, side by side at each size
  startup   `marginalia check` on the seed, and what importing the CLI costs
            (`python -X importtime`)
  abbr      mkdocs-material's abbr glossary recipe against Marginalia on two
            corpora: abbreviation titles carrying role and summary (the main
            table's), and short ones (the role alone), each at growing sizes
            until abbr no longer finishes within the cap
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus import make_corpus, write_marginalia, write_plain

REPO = Path(__file__).resolve().parent.parent
ENGINE_SIZES = ((10, 50), (100, 500), (1000, 5000))
ABBR_SIZES = ((10, 50), (20, 150), (30, 150), (30, 600))
ABBR_CAP = 120.0
"""CPU seconds: an abbr build of this table stopped after two CPU minutes is reported as
not finished. A CPU limit, not a wall-clock one: on a shared machine the neighbours
would decide where a wall-clock limit falls."""
ABBR_CORPORA = (("role+summary", False), ("short titles", True))

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"]
ZENSICAL = [sys.executable, "-m", "zensical", "build", "-c", "-f", "mkdocs.yml"]
MARGINALIA = [sys.executable, "-m", "marginalia.cli", "build", "-d", "out"]
MARGINALIA_ZENSICAL = [*MARGINALIA, "--engine", "zensical"]


@dataclass
class Timed:
    seconds: float | None
    cpu: float | None
    pages: int = 0
    note: str = ""


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


def _timed(measure: Callable, cmd: list[str], cwd: Path, out: str = "out") -> Timed:
    """One build's times; a build that fails is reported with the engine's last words
    (Zensical 0.0.73 refuses a page section too large for its search index)."""
    try:
        m = measure(cmd, cwd)
    except SystemExit as exc:
        return Timed(None, None, note=str(exc).rsplit(" | ", 1)[-1][:160])
    return Timed(m.seconds, m.cpu, _pages(cwd / out), m.note)


def cpu_capped(cmd: list[str], cwd: Path, cap: float) -> Timed:
    """Run `cmd` with at most `cap` CPU seconds (RLIMIT_CPU); None times if it hit the cap."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (int(cap), int(cap) + 5))

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=limit)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return Timed(None, None, note=f"did not finish in {cap / 60:.0f} CPU min")
    if code != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"build failed in {cwd}: {' | '.join(tail)}")
    return Timed(seconds, usage.ru_utime + usage.ru_stime, _pages(cwd / "out"))


# --------------------------------------------------------------------------- engines

def engines(measure: Callable, work: Path, sizes=ENGINE_SIZES,
            progress: Callable[[str], None] = print) -> dict:
    """{size: {(way, engine): Timed}} for plain and Marginalia sites on both engines."""
    results: dict = {}
    for articles, entries in sizes:
        corpus = make_corpus(articles, entries)
        root = work / f"engines-{articles}x{entries}"
        plain, marg = root / "plain", root / "marginalia"
        write_plain(plain, corpus)
        write_marginalia(marg, corpus)
        row = {("plain", "mkdocs"): _timed(measure, MKDOCS, plain),
               ("plain", "zensical"): _timed(measure, ZENSICAL, plain, out="site"),
               ("marginalia", "mkdocs"): _timed(measure, MARGINALIA, marg),
               ("marginalia", "zensical"): _timed(measure, MARGINALIA_ZENSICAL, marg)}
        results[articles, entries] = row
        progress(f"{articles} × {entries}: engines " + ", ".join(
            f"{w}/{e} {_f(t.seconds)} s" for (w, e), t in row.items()))
        shutil.rmtree(root, ignore_errors=True)
    return results


def print_engines(results: dict) -> None:
    print(f"{'engines: articles × entries':<29}{'site':<13}{'pages':>7}{'MkDocs s':>10}"
          f"{'cpu s':>8}{'Zensical s':>12}{'cpu s':>8}{'MkDocs÷Zensical':>17}")
    for (articles, entries), row in results.items():
        for i, way in enumerate(("plain", "marginalia")):
            mk, zs = row[way, "mkdocs"], row[way, "zensical"]
            # Named apart from the main table's rows ("at …", "hand-written", "Marginalia").
            label = f"at {articles:,} × {entries:,}" if i == 0 else ""
            site = "hand-written" if way == "plain" else "Marginalia"
            pages = str(mk.pages) if mk.pages == zs.pages else f"{mk.pages}/{zs.pages}"
            notes = "; ".join(f"{e}: {t.note}" for e, t in (("MkDocs", mk), ("Zensical", zs))
                              if t.note)
            print(f"{label:<29}{site:<13}{pages:>7}{_f(mk.seconds):>10}{_f(mk.cpu):>8}"
                  f"{_f(zs.seconds):>12}{_f(zs.cpu):>8}"
                  f"{_r(mk.seconds, zs.seconds) + ' (cpu ' + _r(mk.cpu, zs.cpu) + ')':>17}"
                  + (f"  {notes}" if notes else ""))


# --------------------------------------------------------------------------- start-up

def startup(measure: Callable, runs: int = 3) -> tuple[Timed, float]:
    """(`marginalia check` on the seed, best of `runs`; ms to import the CLI)."""
    checks = [measure([sys.executable, "-m", "marginalia.cli", "check"], REPO)
              for _ in range(runs)]
    best = min(checks, key=lambda m: m.seconds or 0.0)
    imports = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import marginalia.cli"],
                             cwd=REPO, capture_output=True, text=True, check=True).stderr
        line = next(x for x in err.splitlines() if re.search(r"\|\s*marginalia\.cli$", x))
        imports.append(int(line.split("|")[1]) / 1000)
    return Timed(best.seconds, best.cpu), min(imports)


def print_startup(check: Timed, import_ms: float) -> None:
    print(f"start-up: `marginalia check` on the seed: wall {_f(check.seconds, 2)} s, cpu "
          f"{_f(check.cpu, 2)} s; importing marginalia.cli: {import_ms:.0f} ms "
          "(python -X importtime, best of 3)")


# --------------------------------------------------------------------------- abbr

def abbr(measure: Callable, work: Path, sizes=ABBR_SIZES, cap: float = ABBR_CAP,
         progress: Callable[[str], None] = print) -> dict:
    """{corpus: [(size, abbr Timed, marginalia Timed)]}, each corpus until abbr misses `cap`."""
    results: dict = {}
    for name, short in ABBR_CORPORA:
        rows = results[name] = []
        for articles, entries in sizes:
            corpus = make_corpus(articles, entries)
            root = work / f"abbr-{'short' if short else 'long'}-{articles}x{entries}"
            recipe, marg = root / "abbr", root / "marginalia"
            write_plain(recipe, corpus, abbr=True, short_titles=short)
            write_marginalia(marg, corpus)
            a = cpu_capped(MKDOCS, recipe, cap)
            m = _timed(measure, MARGINALIA, marg)
            rows.append(((articles, entries), a, m))
            progress(f"abbr ({name}) {articles} × {entries}: abbr {_f(a.seconds)} s, "
                     f"marginalia {_f(m.seconds)} s")
            shutil.rmtree(root, ignore_errors=True)
            if a.seconds is None:
                break
    return results


def print_abbr(results: dict, cap: float = ABBR_CAP) -> None:
    print(f"{'abbr recipe vs Marginalia':<27}{'size':<14}{'abbr cpu s':>11}{'Marginalia cpu s':>18}"
          f"{'abbr÷Marginalia':>17}")
    for name, rows in results.items():
        for i, ((articles, entries), a, m) in enumerate(rows):
            label = name if i == 0 else ""
            if a.seconds is None:
                floor = f"> {cap / m.cpu:.0f}" if m.cpu else "—"
                print(f"{label:<27}{f'{articles} × {entries}':<14}{'—':>11}{_f(m.cpu):>18}"
                      f"{floor:>17}  {a.note}")
            else:
                print(f"{label:<27}{f'{articles} × {entries}':<14}{_f(a.cpu):>11}"
                      f"{_f(m.cpu):>18}{_r(a.cpu, m.cpu):>17}")


def _f(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _r(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:.2f}"


# --------------------------------------------------------------------------- alone

def sections(measure: Callable, work: Path, *, quick: bool,
             progress: Callable[[str], None] = print) -> Callable[[], None]:
    """Measure every section of this module; return what prints their tables."""
    engine_sizes = ENGINE_SIZES[:1] if quick else ENGINE_SIZES
    abbr_sizes = ABBR_SIZES[:1] if quick else ABBR_SIZES
    cap = 60.0 if quick else ABBR_CAP
    check, import_ms = startup(measure)
    by_engine = engines(measure, work, engine_sizes, progress)
    by_corpus = abbr(measure, work, abbr_sizes, cap, progress)

    def show() -> None:
        print()
        print_engines(by_engine)
        print()
        print_abbr(by_corpus, cap)
        print()
        print_startup(check, import_ms)

    return show


def main(argv: list[str] | None = None) -> int:
    """These sections alone: `python bench/engines.py [--quick]`."""
    import argparse
    import tempfile

    from run import machine, measure, progress

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="the smallest sizes only")
    p.add_argument("--only", choices=("engines", "abbr", "startup"), help="one section")
    p.add_argument("--sizes", help="engine sizes, e.g. 10x50,100x500 (default: the table's)")
    args = p.parse_args(argv)
    print(f"Marginalia engines, start-up and abbr benchmark on {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="marginalia-bench-") as tmp:
        work = Path(tmp)
        if args.only is None:
            sections(measure, work, quick=args.quick, progress=progress)()
        elif args.only == "engines":
            sizes = (tuple(tuple(int(n) for n in s.split("x")) for s in args.sizes.split(","))
                     if args.sizes else ENGINE_SIZES[:1] if args.quick else ENGINE_SIZES)
            print_engines(engines(measure, work, sizes, progress))
        elif args.only == "abbr":
            print_abbr(abbr(measure, work, ABBR_SIZES[:1] if args.quick else ABBR_SIZES,
                            ABBR_CAP, progress))
        else:
            print_startup(*startup(measure))
    return 0


if __name__ == "__main__":
    sys.exit(main())
