"""The local index: records from the one parse, incremental writes, and no broken index ever."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from search.analysis import Analyzer
from search.index import ANALYZER, IndexNotFound, build_index, live_generation, open_index
from search.query import search
from search.records import AnalysedRecord, analyse, records_for
from site_build.content.load import load_site
from site_build.model import Vocabularies
from tests.conftest import page

REPO = Path(__file__).resolve().parents[2]


def _analysed(project: Path) -> tuple[list[AnalysedRecord], Vocabularies]:
    site = load_site(project, jobs=1).site
    return analyse(records_for(site), Analyzer.from_vocab(site.vocab), jobs=1), site.vocab


def _index(project: Path, index_dir: Path) -> object:
    analysed, vocab = _analysed(project)
    return build_index(analysed, index_dir, vocab=vocab, jobs=1)



@pytest.fixture(autouse=True)
def _no_index_yet(site_dir: Path) -> None:
    """The fixture site's copy starts without a local index (a build in place leaves one)."""
    shutil.rmtree(site_dir / ".brobygger", ignore_errors=True)

def test_records_are_the_sections_of_each_page_with_their_tracks(site_dir: Path) -> None:
    site = load_site(site_dir, jobs=1).site
    records = records_for(site)
    coordinator = [r for r in records if r.page == "ip/koordinator.md"]
    page_model = site.page("ip/koordinator.md")
    assert page_model is not None
    anchors = [s.anchor for s in page_model.sections]
    assert [r.anchor for r in coordinator] == ([] if anchors[0] == "" else [""]) + anchors
    assert coordinator[0].anchor == "" and coordinator[0].section == page_model.front.title
    assert all(r.url == page_model.url and r.lang == page_model.front.lang for r in coordinator)
    in_track = {lesson.page for course in site.courses for lesson in course.lessons}
    for record in records:
        assert bool(record.tracks) == (record.page in in_track)


def test_analysed_terms_survive_packing_and_pickling() -> None:
    import pickle

    from search.records import Record

    record = Record("a.md", "a/", "", "Tittel", "Tittel", "tekst", "", ("nav",), (), "nb",
                    "page")
    analysed = AnalysedRecord(record, ("tittel",), ("tittel",), ("tekst", "tekst", "to ord"))
    assert analysed.text_terms == ("tekst", "tekst", "to ord")
    assert pickle.loads(pickle.dumps(analysed)) == analysed


def test_a_hit_lands_on_the_section_that_has_the_word(site_dir: Path, tmp_path: Path) -> None:
    (site_dir / "content" / "ip" / "ventetid.md").write_text(page(
        "Ventetid", "Innledning.\n\n## Første del\n\nIngenting her.\n\n"
        "## Andre del\n\nHer står ordet kvernkallen.\n"), encoding="utf-8")
    _index(site_dir, tmp_path / "ix")
    hits = search(tmp_path / "ix", "kvernkallen")
    assert [(h.page, h.anchor, h.section) for h in hits][:1] == [
        ("ip/ventetid.md", "andre-del", "Andre del")]


def test_only_changed_pages_are_reindexed(site_dir: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    first = _index(site_dir, ix)
    assert first.full and first.reindexed == first.pages  # type: ignore[attr-defined]
    assert _index(site_dir, ix).reindexed == 0  # type: ignore[attr-defined]
    target = site_dir / "content" / "ip" / "koordinator.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nNytt ord: trollkrabbe.\n",
                      encoding="utf-8")
    report = _index(site_dir, ix)
    assert (report.reindexed, report.removed, report.full) == (1, 0, False)  # type: ignore[attr-defined]
    assert [h.page for h in search(ix, "trollkrabbe")][:1] == ["ip/koordinator.md"]
    target.unlink()
    report = _index(site_dir, ix)
    assert report.removed == 1  # type: ignore[attr-defined]
    assert all(h.page != "ip/koordinator.md" for h in search(ix, "trollkrabbe koordinator"))
    assert len([p for p in ix.iterdir() if p.name.startswith("g-")]) == 1


def test_an_unreadable_index_is_written_anew(site_dir: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    _index(site_dir, ix)
    gen = live_generation(ix)
    assert gen is not None
    for seg in gen.glob("*.seg"):
        seg.write_bytes(b"rubbish")
    with pytest.raises(IndexNotFound):
        open_index(ix)
    assert _index(site_dir, ix).full  # type: ignore[attr-defined]
    assert open_index(ix).vocab is not None


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from search.index import build_index
    from search.records import AnalysedRecord, Record
    from site_build.model import Vocabularies

    words = [f"ord{i}" for i in range(3000)]
    recs = []
    for p in range(int(sys.argv[2])):
        text = tuple(words[(p * 7 + k * 13) % 3000] for k in range(200))
        r = Record(f"p{p}.md", f"p{p}/", "", f"Side {p}", f"Side {p}", " ".join(text), "",
                   (), (), "nb", "page")
        recs.append(AnalysedRecord(r, (f"side{p}",), (f"side{p}",), text + (sys.argv[3],)))
    print("ready", flush=True)
    build_index(recs, Path(sys.argv[1]), vocab=Vocabularies(), jobs=int(sys.argv[4]))
""")


def _writer(ix: Path, pages: int, marker: str, jobs: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(ix), str(pages), marker,
                             str(jobs)], stdout=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_writer_leaves_the_old_index_whole(tmp_path: Path, delay: float,
                                                    jobs: int) -> None:
    ix = tmp_path / "ix"
    first = _writer(ix, 400, "gammelmerke", 1)
    assert first.wait(timeout=120) == 0
    before = [(h.page, h.anchor) for h in search(ix, "gammelmerke side7", limit=5)]
    assert before
    # A full rewrite (every page changed) that is killed while it writes.
    proc = _writer(ix, 2500, "nyttmerke", jobs)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 60
    while not any(p.name.startswith("tmp-") for p in ix.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None, "the writer never started"
        time.sleep(0.001)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and its segment workers
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the writer finished before it was killed"
    # The old generation is live, opens and answers exactly as before.
    live = open_index(ix)
    live.close()
    assert [(h.page, h.anchor) for h in search(ix, "gammelmerke side7", limit=5)] == before
    assert search(ix, "nyttmerke") == []
    # The next writer clears what the killed one left and succeeds.
    again = _writer(ix, 50, "tredjemerke", 1)
    assert again.wait(timeout=120) == 0
    assert not [p for p in ix.iterdir() if p.name.startswith("tmp-")]
    assert [h.page for h in search(ix, "tredjemerke side3", limit=1)] == ["p3.md"]


def test_an_update_never_writes_through_to_the_live_generation(
        site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An update hard-links the live files; rewriting one through its link would change the
    live index before the switch (its manifest would claim pages it does not have)."""
    from search.index import store

    ix = tmp_path / "ix"
    _index(site_dir, ix)
    live = live_generation(ix)
    assert live is not None
    before = {f.name: f.read_bytes() for f in live.iterdir() if f.is_file()}
    target = site_dir / "content" / "ip" / "koordinator.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nNytt ord: sjøorm.\n",
                      encoding="utf-8")

    def fail(*_: object) -> None:
        raise RuntimeError("killed before the switch")

    monkeypatch.setattr(store, "_publish", fail)
    with pytest.raises(RuntimeError):
        _index(site_dir, ix)
    assert {f.name: f.read_bytes() for f in live.iterdir() if f.is_file()} == before


def test_the_saved_analyzer_is_used_and_a_damaged_one_is_rebuilt(site_dir: Path,
                                                                  tmp_path: Path) -> None:
    from search import query

    site = load_site(site_dir, jobs=1).site
    analyzer = Analyzer.from_vocab(site.vocab)
    ix = tmp_path / "ix"
    build_index(analyse(records_for(site), analyzer, jobs=1), ix, vocab=site.vocab, jobs=1,
                analyzer=analyzer.snapshot())
    live = live_generation(ix)
    assert live is not None and (live / ANALYZER).is_file()
    expected = [(h.page, h.anchor) for h in search(ix, "koordinator")]
    assert expected
    query._OPEN.clear()
    (live / ANALYZER).write_bytes(b"not a snapshot")
    assert [(h.page, h.anchor) for h in search(ix, "koordinator")] == expected
    query._OPEN.clear()
