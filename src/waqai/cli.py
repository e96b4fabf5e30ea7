"""The `waqai` command: a thin layer over the library.

Only this module may read the clock or the environment; everything below it
takes its inputs as arguments so builds are reproducible.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .content import ContentError, load_article
from .extract import extract_article, extraction_json
from .sentences import sentence_at, split_sentences


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="waqai")
def main() -> None:
    """waqai (وقائع): Arabic war reports in, a dated chronology site out.

    Reports live in content/articles/*.md (YAML front matter, then the text).
    `waqai build` extracts their dates and figures and writes the site to
    build/site/; `waqai extract` shows what the extractor finds in a report.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of shared/eval/score.py: one object per file.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Extract the dates and figures of report FILES.

    Without --json, prints each expression in its sentence with its value.
    Offsets are into the body (the text after the front matter).
    """
    results = []
    for path in files:
        try:
            article = load_article(path)
        except ContentError as exc:
            raise click.ClickException(str(exc)) from None
        results.append((str(path), article, extract_article(article)))
    if as_json:
        json.dump([extraction_json(src, ex) for src, _, ex in results], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for src, article, ex in results:
        _print_readable(src, article.body, ex)


def _print_readable(source: str, body: str, ex) -> None:
    published = ex.published.isoformat() if ex.published else "unknown"
    how = f" ({ex.published_source}" + (f": {ex.published_evidence}" if ex.published_evidence else "") + ")" if ex.published_source else ""
    click.echo(f"== {source}  published {published}{how}")
    sentences = split_sentences(body)
    items = [(d.start, "date", d.text, d.value or "-", d.kind) for d in ex.dates]
    items += [(f.start, "figure", f.text, _figure_value(f), f.category) for f in ex.figures]
    for start, what, text, value, kind in sorted(items):
        sentence = sentence_at(sentences, start)
        click.echo(f"  {what:6} {value:24} {kind:10} «{text}»")
        if sentence:
            click.echo(f"         in: {_shorten(sentence.text)}")
    for w in ex.warnings:
        click.echo(f"  warning [{w.code}] {w.message}")


def _figure_value(f) -> str:
    value = "?" if f.value is None else f"{f.value:g}"
    party = f" {f.party}" if f.party else ""
    return f"{f.qualifier} {value} {f.unit}{party}"


def _shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    main()
