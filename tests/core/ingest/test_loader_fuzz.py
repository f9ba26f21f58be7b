"""Property tests: any bytes load as Articles or Skipped; cleaned text never carries controls."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.ingest.clean import clean_text, clean_title
from index.ingest.loader import load_file
from index.text.controls import strip_controls
from tests.strategies import BAD_CHARS, EXTENSIONS, TEXT, check

# A thousand cases per property by default; NEWSREADER_FUZZ_EXAMPLES=20000 searches deeper.
EXAMPLES = int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "1000"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per module: hypothesis reruns a test body many times within one fixture."""
    return tmp_path_factory.mktemp("fuzz")


@FAST
@given(data=st.binary(max_size=600), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_load_or_skip(fuzz_dir: Path, data: bytes, ext: str) -> None:
    path = fuzz_dir / f"b{ext}"
    path.write_bytes(data)
    check(load_file(fuzz_dir, path))


@FAST
@given(text=TEXT, ext=st.sampled_from(EXTENSIONS), enc=st.sampled_from(["utf-8", "utf-16"]))
def test_hostile_text_load_or_skip(fuzz_dir: Path, text: str, ext: str, enc: str) -> None:
    path = fuzz_dir / f"t{ext}"
    path.write_bytes(text.encode(enc, errors="surrogatepass"))
    check(load_file(fuzz_dir, path))


@FAST
@given(raw=TEXT)
def test_clean_text_has_no_controls(raw: str) -> None:
    out = clean_text(raw)
    assert not BAD_CHARS.search(out)
    stripped = strip_controls(raw, normalise=True)
    assert "\x1b" not in stripped and "\r" not in stripped
    assert "\n" not in clean_title(raw) and not BAD_CHARS.search(clean_title(raw))
    assert out == clean_text(out)  # cleaning is idempotent


SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
VALUE = st.recursive(
    SCALAR,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=8,
)
KEYS = st.sampled_from(["title", "source", "published", "url", "author", "body", "x"])


@FAST
@given(meta=st.dictionaries(KEYS, VALUE, max_size=6), body=TEXT, toml=st.booleans())
def test_markdown_with_random_front_matter(
    fuzz_dir: Path, meta: dict[str, object], body: str, toml: bool
) -> None:
    # JSON is valid YAML flow syntax; as TOML it is usually invalid, which must not matter either
    fence = "+++" if toml else "---"
    src = f"{fence}\n{json.dumps(meta)}\n{fence}\n{body}"
    path = fuzz_dir / "fm.md"
    path.write_text(src, encoding="utf-8", errors="surrogatepass")
    check(load_file(fuzz_dir, path))


@FAST
@given(objs=st.lists(st.dictionaries(KEYS, VALUE, max_size=6) | VALUE, max_size=5))
def test_json_and_jsonl_with_random_objects(fuzz_dir: Path, objs: list[object]) -> None:
    (fuzz_dir / "r.json").write_text(json.dumps(objs), encoding="utf-8")
    lines = "\n".join(json.dumps(o) for o in objs) + "\n"
    (fuzz_dir / "r.jsonl").write_text(lines, encoding="utf-8")
    check(load_file(fuzz_dir, fuzz_dir / "r.json"))
    check(load_file(fuzz_dir, fuzz_dir / "r.jsonl"))


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
SENTENCE = st.lists(WORDS, min_size=2, max_size=12).map(
    lambda ws: (" ".join(ws)[0].upper() + " ".join(ws)[1:] + ".").replace(" .", ".")
)
FURNITURE = st.sampled_from(
    [
        "Advertisement",
        "Share this article",
        "2 min read",
        "Updated",
        "Add a Comment",
        "Sign up for our newsletter",
        "Follow us on X",
        "Read more",
        "Top 10 Stories",
    ]
)


@FAST
@given(
    sentences=st.lists(SENTENCE, min_size=1, max_size=15, unique=True),
    noise=st.lists(st.tuples(st.integers(0, 15), FURNITURE), max_size=6),
    sep=st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]),
)
def test_no_sentence_lost_and_no_furniture_kept(
    sentences: list[str], noise: list[tuple[int, str]], sep: str
) -> None:
    lines = list(sentences)
    for at, junk in sorted(noise, reverse=True):
        lines.insert(min(at, len(lines)), junk)
    paragraphs = clean_text(sep.join(lines)).split("\n\n")
    assert paragraphs == sentences
