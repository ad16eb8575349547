"""The signals that survive rewording, and the invariants of the pairwise decision."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadscope.cli.demo import demo_corpus
from dyadscope.provenance.compare import anchor_similarity, shingle_overlap
from dyadscope.provenance.features import features, jaccard_estimate, minhash, shingle_hashes
from dyadscope.provenance.relate import Subject, relate
from dyadscope.provenance.text import anchors_of, body_hash, body_of

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))}


def test_anchors_keep_names_and_numbers_not_sentence_openers() -> None:
    words = ["Weeks", "after", "Shoigu", "met", "Wei", "Fenghe", "in", "Moscow", "1,000", "troops"]
    assert anchors_of(words) == ["shoigu", "wei", "fenghe", "moscow", "1000"]


def test_spinning_breaks_shingles_but_not_anchors() -> None:
    a = body_of(TEXTS["russia-quits-grain-deal-odesa.txt"])
    b = body_of(TEXTS["newspulse-russia-give-up-grain-deal.txt"])
    jaccard, _ = shingle_overlap(a, b)
    assert jaccard < 0.3
    assert anchor_similarity(a.anchors, b.anchors) > 0.9


def test_body_hash_ignores_header_and_footer_lines() -> None:
    text = TEXTS["joint-bomber-patrol-sea-of-japan.txt"]
    framed = "Some Other Headline\nShare this:\n\n" + text + "\n\nAll rights reserved."
    assert body_hash(body_of(text)) == body_hash(body_of(framed))


@given(st.text(alphabet="abcdefghij ", min_size=50, max_size=400))
@settings(max_examples=50, deadline=None)
def test_minhash_estimate_tracks_shingle_jaccard(words: str) -> None:
    tokens = words.split()
    half = tokens[: len(tokens) // 2]
    sa, sb = minhash(shingle_hashes(tokens)), minhash(shingle_hashes(half + ["x"] * 3))
    assert jaccard_estimate(sa, sa) == 1.0
    assert 0.0 <= jaccard_estimate(sa, sb) <= 1.0


def _subject(name: str, text: str) -> Subject:
    f = features(name, text, None)
    return Subject(id=name, body=f.body, body_hash=f.body_hash, language="en",
                   published=date(2023, 3, 21))


@given(st.sampled_from(sorted(TEXTS)), st.sampled_from(sorted(TEXTS)))
@settings(max_examples=30, deadline=None)
def test_relate_is_symmetric(x: str, y: str) -> None:
    if x == y:
        return
    a, b = _subject(x, TEXTS[x]), _subject(y, TEXTS[y])
    assert relate(a, b) == relate(b, a)
