"""The local search index (whoosh), outside ``site/``: incremental, atomic, written in parallel.

The only package that imports whoosh. Layout of the index folder
(``<project>/.brobygger/index`` by default)::

    CURRENT        the name of the live generation folder, replaced atomically
    g-<n>/         a whoosh index + manifest.json (page -> content hash) + vocab.pickle
                   + analyzer.snapshot (the query analyzer, ready to load)
                   + common-<segment>.pickle (the postings of each segment's common terms)
    tmp-<pid>-<n>/ a generation being written; a crashed writer's is removed by the next
    .lock          held (flock) while writing

A writer never touches the live generation: it hard-links its files into a new folder
(whoosh never rewrites a file, so the links are safe), deletes and re-adds only the changed
pages, commits, and only then points ``CURRENT`` at it (``os.replace``). A writer killed at any
moment leaves the old generation live and whole.

Terms arrive analysed (``search.analysis``); whoosh never analyses text here. A full build
writes one whoosh segment per forked worker and joins them in one table of contents, straight
through whoosh's codec (:mod:`search.index.writer`). Searching reads the posting lists and
scores them here (:mod:`search.index.live`); the postings of each segment's common terms are
also kept as plain arrays with their highest-impact sections first
(:mod:`search.index.common`), so a word found in half the sections costs a few lookups, not a
pass over its postings.

Modules: :mod:`~search.index.schema` (fields, constants), :mod:`~search.index.writer`
(segments), :mod:`~search.index.common` (common terms), :mod:`~search.index.store`
(generations, ``build_index``, ``open_index``), :mod:`~search.index.live` (searching).
"""

from search.index.live import LiveIndex, Word
from search.index.schema import ANY_AUDIENCE, BOOSTS, IndexNotFound, IndexReport
from search.index.store import ANALYZER, build_index, default_index_dir, live_generation, open_index

__all__ = ["ANALYZER", "ANY_AUDIENCE", "BOOSTS", "IndexNotFound", "IndexReport", "LiveIndex",
           "Word",           "build_index", "default_index_dir", "live_generation", "open_index"]
