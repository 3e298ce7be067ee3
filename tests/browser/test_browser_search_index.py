"""The browser search index that search/browser.py writes (what bb-search.js fetches).

Built from the real project's records with the project's analysis: the same input gives the
same bytes, a rewrite leaves no stale shard behind, the lexicon lets a word typed without
æ/ø/å reach the terms of the word with them, and no file a first query needs is large.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sitecheck import REPO_ROOT

from search.analysis import Analyzer, fold
from search.browser import SNIPPET_SOURCE, write_browser_index
from search.records import AnalysedRecord, analyse, records_for
from site_build.content.load import load_site
from tests.search.relevance import load_queries

pytestmark = pytest.mark.browser

_SCRIPT = re.compile(r'^__bbSearch\("([^"]+)",(.*)\);\n$', re.S)


@pytest.fixture(scope="module")
def project() -> tuple[list[AnalysedRecord], Analyzer]:
    site = load_site(REPO_ROOT, jobs=1).site
    analyzer = Analyzer.from_vocab(site.vocab)
    return analyse(records_for(site), analyzer, 1), analyzer


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _data(path: Path) -> Any:
    match = _SCRIPT.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} is not a __bbSearch(name, data) script"
    return json.loads(match.group(2))


def test_the_same_records_give_the_same_bytes(
        project: tuple[list[AnalysedRecord], Analyzer], tmp_path: Path) -> None:
    analysed, analyzer = project
    write_browser_index(analysed, analyzer, tmp_path / "a")
    write_browser_index(analysed, analyzer, tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_rewrite_leaves_no_stale_shard_and_keeps_other_files(
        project: tuple[list[AnalysedRecord], Analyzer], tmp_path: Path) -> None:
    analysed, analyzer = project
    write_browser_index(analysed, analyzer, tmp_path)
    (tmp_path / "search_index.json").write_text("{}", encoding="utf-8")
    write_browser_index(analysed[:40], analyzer, tmp_path)
    manifest = _data(tmp_path / "manifest.js")
    assert manifest["records"] == 40
    assert len(list((tmp_path / "r").iterdir())) == -(-40 // manifest["recordsShard"])
    assert len(list((tmp_path / "p").iterdir())) == len(manifest["postings"])
    assert (tmp_path / "search_index.json").is_file()


def test_a_word_typed_without_the_norwegian_letters_reaches_the_same_terms(
        project: tuple[list[AnalysedRecord], Analyzer], tmp_path: Path) -> None:
    analysed, analyzer = project
    write_browser_index(analysed, analyzer, tmp_path)
    manifest = _data(tmp_path / "manifest.js")
    lexicon: dict[str, Any] = {}
    for n in range(len(manifest["lexicon"])):
        lexicon.update(_data(tmp_path / "l" / f"{n}.js"))
    indexed = {t for p in _postings(tmp_path, manifest) for t in p}
    for word in ("oppfølgingen", "sykefraværet", "tjenestene"):
        key = fold(word)
        entry = lexicon.get(key)
        assert entry not in (None, 0), f"{word!r} (typed {key!r}) is not in the lexicon"
        wanted = set(analyzer.word_terms(word, None)) & indexed
        got = {key} if entry == 1 else set(entry["t"] if isinstance(entry, dict) else entry)
        assert wanted <= got, f"{word!r}: the browser reaches {got}, Python {wanted}"


def _postings(out: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return [_data(out / "p" / f"{n}.js") for n in range(len(manifest["postings"]))]


def test_no_shard_a_first_query_fetches_is_large(
        project: tuple[list[AnalysedRecord], Analyzer], tmp_path: Path) -> None:
    analysed, analyzer = project
    write_browser_index(analysed, analyzer, tmp_path)
    sizes = {str(p.relative_to(tmp_path)): p.stat().st_size for p in tmp_path.rglob("*.js")}
    big = {name: size for name, size in sizes.items() if size > 64_000}
    assert not big, f"shards over 64 KB: {big}"


# ------------------------------------------------- the script's analysis, run in node

_NODE_RUNNER = Path(__file__).with_name("bb_search_node.js")
_SCRIPT_JS = REPO_ROOT / "overrides" / "assets" / "javascripts" / "bb-search.js"


@pytest.fixture(scope="module")
def served(project: tuple[list[AnalysedRecord], Analyzer],
           tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose ``search/`` is the project's browser index."""
    root = tmp_path_factory.mktemp("served")
    analysed, analyzer = project
    write_browser_index(analysed, analyzer, root / "search")
    return root


def _node(root: Path, what: str, queries: list[str]) -> dict[str, Any]:
    """``bb-search.js`` run in node over ``root/search``: each query's analysis or hits."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    done = subprocess.run(["node", str(_NODE_RUNNER), str(_SCRIPT_JS), str(root), what],
                          input=json.dumps(queries), capture_output=True, text=True,
                          check=True, timeout=120)
    out: dict[str, Any] = json.loads(done.stdout)
    return out


def _indexed(root: Path) -> set[str]:
    manifest = _data(root / "search" / "manifest.js")
    return {t for p in _postings(root / "search", manifest) for t in p}


# simplemma guesses the lemma of a word no dictionary knows by suffix rules (*merknadsboks* →
# *merknadsbokser*); the script does not guess. As the query's last word it still finds the
# term as a prefix.
GUESSED = {"merknadsboks"}


def _python_words(analyzer: Analyzer, query: str, indexed: set[str]) -> list[dict[str, Any]]:
    """Python's words in the index's terms; parts the index lacks one of can match nothing."""
    out = []
    for w in analyzer.query(query):
        parts = [sorted(indexed & p) for p in getattr(w, "parts", ())]
        out.append({"word": w.word, "terms": sorted(indexed & w.terms), "prefix": w.prefix,
                    "fuzzy": w.fuzzy, "parts": parts if all(parts) else []})
    return out


def _comparable(py: list[dict[str, Any]], js: list[dict[str, Any]],
                indexed: set[str]) -> list[dict[str, Any]]:
    """The script's words in Python's terms, compared where the difference can matter.

    Terms are compared as far as the index has them (the browser has no others). Parts only
    matter when no term of the word is indexed, and only Python's parts of words the site
    does not have can differ (the script splits those itself). A word the site does not know
    at all may be a typo for the script where Python's dictionaries know it: harmless, as the
    typo's neighbours are only tried when its own terms find nothing. Where Python's terms
    are not in the index, the lexicon gives the terms of the site's words spelt the same when
    folded (*arbeidsmiljoet*: the dictionaries lack *arbeidsmiljøet*, the site has it).
    """
    out = []
    for n, w in enumerate(js):
        mine = {**w, "terms": sorted(indexed & set(w["terms"])),
                "parts": [sorted(indexed & set(p)) for p in w["parts"]]}
        theirs = py[n] if n < len(py) else {}
        if theirs.get("terms"):
            mine["parts"] = theirs.get("parts")
        if not theirs.get("terms"):
            mine["terms"] = []
        if not theirs.get("fuzzy"):
            mine["fuzzy"] = False
        out.append(mine)
    return out


def test_the_script_analyses_every_suite_query_as_python_does(
        project: tuple[list[AnalysedRecord], Analyzer], served: Path) -> None:
    analyzer = project[1]
    queries = [q.query for q in load_queries()]
    indexed = _indexed(served)
    js = _node(served, "analyse", queries)
    differ = []
    for query in queries:
        py = _python_words(analyzer, query, indexed)
        got = _comparable(py, js[query], indexed)
        if got != py and query not in GUESSED:
            differ.append(f"{query!r}:\n  python {py}\n  script {got}")
    assert not differ, f"{len(differ)} queries differ:\n" + "\n".join(differ)


def test_a_snippet_shows_the_first_match_in_its_section(
        project: tuple[list[AnalysedRecord], Analyzer], served: Path) -> None:
    analysed, analyzer = project
    word, url = _late_word(analysed, analyzer)
    hits = _node(served, "search", [word])[word]
    hit = next((h for h in hits if h["url"] == url), None)
    assert hit is not None, f"{word!r}: {url} not among the hits {hits}"
    assert hit["marks"], f"{word!r}: the snippet marks nothing: {hit['snippet']!r}"
    start, end = hit["marks"][0]
    assert fold(hit["snippet"][start:end]) == fold(word), hit


def _late_word(analysed: list[AnalysedRecord], analyzer: Analyzer) -> tuple[str, str]:
    """A long word whose terms only one section has, beyond the first 200 characters of its
    text but inside what the index keeps of it (SNIPPET_SOURCE), and not in its headings."""
    df: dict[str, int] = {}
    for a in analysed:
        for t in {t for field in a.terms() for t in field}:
            df[t] = df.get(t, 0) + 1
    for a in analysed:
        r = a.record
        text = " ".join(r.text.split())
        for m in re.finditer(r"\b[^\W\d_]{9,}\b", text[:SNIPPET_SOURCE - 20]):
            w = m.group().lower()
            terms = analyzer.word_terms(w, None)
            if m.start() > 250 and terms and all(df.get(t) == 1 for t in terms) \
                    and w not in (r.title + r.section).lower():
                return w, r.url
    pytest.skip("no section has a word only it has beyond its first 250 characters")
