"""Hypothesis: whatever the loader makes of hostile bytes survives the rest of the pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import RamStorage

from index.engine.schema import article_fields, article_from_fields, build_schema
from index.facts.dates import extract_dates
from index.facts.numbers import extract_quantities
from index.ingest.loader import load_file
from index.text.sentences import split_passages
from tests.strategies import EXTENSIONS, TEXT, check

EXAMPLES = int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "1000"))
SCHEMA = build_schema()

# Raw bytes with the prefixes and damage that steer the decoder: BOMs, NULs, bad UTF-8, cp1252.
PREFIXES = st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"---\n", b"\x00", b"\xff", b"\x93", b"\x1b"]
)
RAW = st.one_of(
    st.binary(max_size=400),
    st.tuples(PREFIXES, TEXT, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"])).map(
        lambda t: t[0] + t[1].encode(t[2], errors="ignore")
    ),
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pipeline")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=RAW, ext=st.sampled_from(EXTENSIONS))
def test_loaded_articles_store_split_and_extract(fuzz_dir: Path, data: bytes, ext: str) -> None:
    path = fuzz_dir / f"f{ext}"
    path.write_bytes(data)
    result = load_file(fuzz_dir, path)
    check(result)
    articles, _ = result
    if not articles:
        return
    ix = RamStorage().create_index(SCHEMA)
    with ix.writer() as writer:
        for article in articles:
            writer.add_document(**article_fields(article))
    with ix.searcher() as searcher:
        for article in articles:
            stored = searcher.document(id=article.id)
            assert stored is not None and article_from_fields(stored) == article
    for article in articles:
        for passage in split_passages(article):
            assert article.body[passage.start : passage.end] == passage.text
        for q in extract_quantities(article.body):
            assert article.body[q.start : q.end] == q.text
        for d in extract_dates(article.body, article.published):
            assert article.body[d.start : d.end] == d.text
