"""The `waqai` command: a thin layer over the library.

Only this module may read the clock or the environment; everything below it
takes its inputs as arguments so builds are reproducible.
"""
from __future__ import annotations

import errno
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from .content.reports import load_article
from .errors import BuildError, ChangedDuringBuild, ContentError, DuplicateOutputError, ServeError
from .extract.article import extract_article, extraction_json
from .extract.gazetteer import Gazetteer, load_gazetteer, missing_gazetteer
from .extract.sentences import sentence_at, split_sentences
from .settings import SETTINGS, Settings, settings_options
from .timeline.acled import Gazette
from .timeline.export import event_json
from .timeline.happenings import article_events


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="waqai")
def main() -> None:
    """waqai (وقائع): Arabic war reports in, a dated chronology site out.

    Reports live in content/articles/*.md (YAML front matter, then the text).
    `waqai build` extracts their dates and figures and writes the site to
    build/site/; `waqai extract` shows what the extractor finds in a report.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))  # each checked by load_article: one line
@click.option("--json", "as_json", is_flag=True, help="Print JSON, one object per file: its dates and figures with their offsets and values, and its events.")
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The content folder whose places.yaml and actors.yaml name places and parties (default: the report's, else ./content).")
def extract(files: tuple[Path, ...], as_json: bool, content_dir: Path | None) -> None:
    """Extract the dates, figures and events of report FILES.

    Without --json, prints each expression in its sentence with its value, then the
    events the chronology will hold for the report (before merging with other reports).
    Offsets are into the body (the text after the front matter).
    """
    results = []
    gazetteers: dict[Path, tuple[Gazetteer, Gazette]] = {}  # per content folder: the reports of a batch share one
    try:
        for path in files:
            article = load_article(path)
            ex = extract_article(article)
            folder = content_dir or _content_of(path)
            if folder not in gazetteers:
                gazetteer = load_gazetteer(folder)
                gazetteers[folder] = gazetteer, Gazette.of(gazetteer.places, gazetteer.actors)
            gazetteer, gazette = gazetteers[folder]
            events = article_events(article, ex, gazetteer)
            results.append((str(path), article, ex, events, gazette))
    except ContentError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        docs = [{**extraction_json(src, ex), "events": [event_json(e, gazette) for e in events]} for src, _, ex, events, gazette in results]
        json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for src, article, ex, events, _ in results:
        _print_readable(src, article.body, ex)
        _print_events(events)


def _content_of(report: Path) -> Path:
    """The content folder of a report (content/articles/x.md -> content/), else ./content."""
    folder = report.resolve().parent.parent
    return folder if (folder / "places.yaml").exists() else Path("content")


def _print_events(events) -> None:
    click.echo(f"  events: {len(events)}")
    for event in events:
        places = ",".join(event.places) or "-"
        actors = ",".join(event.actors) or "-"
        click.echo(f"  event  {event.date or 'unknown':24} {event.type:13} places {places}  actors {actors}")
        click.echo(f"         {event.summary}")
        for source in event.sources:
            click.echo(f"         from s{source.sentence}: «{source.text[:160]}»")


EXPECTED_ERRORS = (ContentError, BuildError, DuplicateOutputError, ChangedDuringBuild)


def _settings(options: dict) -> Settings:
    """The settings of a command, dated today: the one place below which no clock is read."""
    return replace(Settings.defaults(), today=date.today()).with_options(**options)


def _progress(quiet: bool):
    """One progress line on stderr, rewritten in place on a terminal."""
    if quiet:
        return lambda _: None
    tty = sys.stderr.isatty()

    def show(step: str) -> None:
        click.echo(f"\r\033[Kwaqai: {step}" if tty else f"waqai: {step}", err=True, nl=not tty)

    return show


def _fail(exc: Exception | str) -> None:
    """An expected failure: one line `file:line: problem` on stderr, exit status 1."""
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(str(exc), err=True)
    sys.exit(1)


class Stopped(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, `kill`): unwinds the build as Ctrl-C does, so its
    staging folder goes with it."""


@contextmanager
def _stopped_by_sigterm() -> Iterator[list[str]]:
    """While it lasts, SIGTERM raises Stopped (the previous handler is put back after),
    once the process is not forking (SIGALRM tries again). The list yielded records the
    signal too: raised while Python runs a finalizer, the exception would be ignored
    and the build go on."""
    from .site.children import forking

    received: list[str] = []

    def stop(signum: int, _frame) -> None:
        if signum == signal.SIGTERM:
            received.append(signal.Signals(signum).name)
        if forking():  # in a fork's hooks the exception would be lost: again in 10 ms
            signal.signal(signal.SIGALRM, stop)
            signal.setitimer(signal.ITIMER_REAL, 0.01)
            return
        raise Stopped(received[0])

    previous, alarm = signal.signal(signal.SIGTERM, stop), signal.getsignal(signal.SIGALRM)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)
        if signal.getsignal(signal.SIGALRM) is stop:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, alarm)


def _leave(line: str) -> NoReturn:
    """Say why the build stopped and end this process at once, exit status 1. Not through
    the interpreter's exit: it joins the workers of a process pool, and one that Ctrl-C or
    SIGTERM interrupted while it started or stopped may still fork workers no one will
    stop (those left end with this process: waqai.site.children)."""
    click.echo(line, err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1)


def _system_problem(exc: OSError, out: Path) -> str:
    """One line for a failure of the system under a build (a full disk, a folder it may not
    write): what and where, and that the site in place is still the last complete one."""
    where = exc.filename or out
    problem = "no space left on the device: free some space and build again" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
    return f"{where}: {problem} ({out / 'site'} holds the last complete build)"


def _print_lines(lines: list) -> None:
    """Problems or warnings, one line each, on stderr."""
    for line in lines:
        click.echo(str(line), err=True)


@main.command()
@settings_options
def build(**options) -> None:
    """Build the site: read content/, extract, write build/docs/ and build/site/.

    Pages are generated from the templates into a temporary folder and MkDocs
    builds them in strict mode; build/site/ is replaced only when everything
    succeeded. A broken report prints one line `file:line: problem` and exits 1.
    Run it from the project folder (the one holding mkdocs.yml).
    """
    try:
        settings = _settings(options)
    except EXPECTED_ERRORS as exc:
        _fail(exc)
    try:
        from .build import build as build_site  # pandas, plotly, MkDocs: only for the commands that build

        _print_lines(missing_gazetteer(settings.content))
        with _stopped_by_sigterm() as received:
            build_site(settings, _progress(settings.quiet))
        if received:
            raise Stopped(received[0])
    except EXPECTED_ERRORS as exc:
        _fail(exc)
    except OSError as exc:
        _fail(_system_problem(exc, settings.out))
    except KeyboardInterrupt as exc:
        _leave(f"waqai: build stopped ({str(exc) or 'Ctrl-C'}): {settings.out / 'site'} holds the last complete build")
    if sys.stderr.isatty() and not settings.quiet:
        click.echo("", err=True)


@main.command()
@settings_options
@click.option("--address", "-a", default="127.0.0.1:8000", show_default=True, help="IP:PORT to serve on.")
def serve(address: str, **options) -> None:
    """Preview the site with live reload while you edit.

    Regenerates the pages into build/preview/ whenever content/, templates/ or
    mkdocs.yml change, and serves them at ADDRESS; the browser reloads on its
    own. build/site/ is not touched. Stop with Ctrl-C.
    """
    from .preview import serve as serve_preview

    try:
        settings = _settings(options)
        serve_preview(settings, address, _progress(settings.quiet), lambda line: click.echo(line, err=True))
    except (*EXPECTED_ERRORS, ServeError) as exc:
        _fail(exc)


@main.command()
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build/site"), show_default=True, help="The built site (run `waqai build` first).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/waqai.pdf"), show_default=True, help="The PDF to write.")
def pdf(site_dir: Path, out: Path) -> None:
    """Print the full chronology to a PDF with headless Chromium.

    Title page, table of contents (and PDF bookmarks), page numbers, Arabic
    shaped right to left, charts included. Needs Debian's chromium
    (/usr/bin/chromium: `apt-get install chromium`).
    """
    from .errors import ChromiumMissing, PdfError
    from .render.browser import find_chromium
    from .render.pdf import write_pdf

    try:
        size = write_pdf(site_dir, out, find_chromium())
    except (ChromiumMissing, FileNotFoundError, PdfError) as exc:
        _fail(exc)
    click.echo(f"waqai: {out} ({size // 1024} KB)", err=True)


@main.command()
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=None, help=SETTINGS["content"].help)
@click.option("--strict", is_flag=True, help="Fail on warnings too (a report without title or outlet, a date that does not exist).")
def check(content: Path | None, strict: bool) -> None:
    """Validate content/ without building, for a pre-commit hook.

    Reads the reports and the editorial data (places, actors, acknowledged
    notes) as `waqai build` does and prints every problem, one line
    `file:line: problem` each; exits 1 if there is any. Warnings (a report
    without title or outlet, 31 شباط) are printed too, and fail with --strict.
    Nothing is written.
    """
    from .check import check_content

    try:
        settings = _settings({"content": content})
    except EXPECTED_ERRORS as exc:
        _fail(exc)
    checked = check_content(settings.content, settings.today)
    _print_lines([*checked.problems, *checked.warnings])
    if checked.problems or (strict and checked.warnings):
        sys.exit(1)
    noted = f" ({len(checked.warnings)} warnings)" if checked.warnings else ""
    click.echo(f"waqai: {len(checked.articles)} reports in {settings.content} are fine{noted}", err=True)


def _print_readable(source: str, body: str, ex) -> None:
    published = ex.published.isoformat() if ex.published else "unknown"
    how = f" ({ex.published_source}" + (f": {ex.published_evidence}" if ex.published_evidence else "") + ")" if ex.published_source else ""
    click.echo(f"== {source}  published {published}{how}")
    sentences = split_sentences(body)
    items = [(d.start, d.end, "date", d.text, d.value or "-", d.kind) for d in ex.dates]
    items += [(f.start, f.end, "figure", f.text, _figure_value(f), f.category) for f in ex.figures]
    for start, end, what, text, value, kind in sorted(items):
        click.echo(f"  {what:6} {value:24} {kind:10} «{text}»")
        sentence = sentence_at(sentences, start)
        if sentence:
            click.echo(f"         in: {_in_context(body, sentence, start, end)}")
    for w in ex.warnings:
        click.echo(f"  warning [{w.code}] {w.message}")


def _figure_value(f) -> str:
    value = "?" if f.value is None else f"{f.value:g}"
    party = f" {f.party}" if f.party else ""
    return f"{f.qualifier} {value} {f.unit}{party}"


def _in_context(body: str, sentence, start: int, end: int, margin: int = 70) -> str:
    """The expression in its sentence, marked with [ ], cut to `margin` characters each side."""
    left = max(sentence.start, start - margin)
    right = min(sentence.end, end + margin)
    before = ("…" if left > sentence.start else "") + body[left:start]
    after = body[end:right] + ("…" if right < sentence.end else "")
    return f"{before}[{body[start:end]}]{after}".replace("\n", " ")


if __name__ == "__main__":
    main()
