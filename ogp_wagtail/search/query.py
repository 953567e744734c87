"""What a resident searched for, as an engine receives it, and what an engine answers.

The query string is parsed by ``modelsearch``'s ``parse_query_string``: quoted parts
are phrases, ``key:value`` parts are filters. Only the facets' names are filter keys
(``type:commitment``, ``year:2026``); any other key is reported and ignored. Words
are what ``\\w+`` finds (letters and digits of every script), so no character a
resident types reaches an engine's own query syntax: engines quote each word.
"""

import re
from dataclasses import dataclass, field, fields

from modelsearch.query import And, Phrase, PlainText
from modelsearch.utils import parse_query_string

from .documents import SearchDocument

# The languages whose stemming both engines know, by the name both give it: PostgreSQL's
# text-search configurations and Elasticsearch's built-in analysers.
STEMMED_LANGUAGES = {"fr": "french", "ar": "arabic", "es": "spanish", "en": "english"}
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
WORD = re.compile(r"\w+")


def words_of(text):
    """The words of ``text``, lower-cased, at most :data:`MAX_WORDS` of them."""
    found = [word[:MAX_WORD_LENGTH] for word in WORD.findall(text.lower()) if word != "_"]
    return tuple(word.strip("_") for word in found if word.strip("_"))[:MAX_WORDS]


@dataclass(frozen=True)
class ParsedText:
    """The searched words and phrases, and the ``key:value`` filters typed with them.

    ``words`` and ``phrases`` are split on ``\\w+`` (SQLite's tokenizer splits alike);
    ``plain`` and ``phrase_texts`` keep what was typed, for engines that parse text
    their own way (PostgreSQL reads "MS-2" as "ms" and "-2").
    """

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    plain: str = ""
    phrase_texts: tuple[str, ...] = ()

    @property
    def is_empty(self):
        return not self.words and not self.phrases

    @property
    def all_words(self):
        return self.words + tuple(word for phrase in self.phrases for word in phrase)


def _tokens(parsed):
    """The plain texts and phrases of a parsed query, however deeply its ``And``s nest."""
    if isinstance(parsed, And):
        for subquery in parsed.subqueries:
            yield from _tokens(subquery)
    elif isinstance(parsed, Phrase | PlainText):
        yield parsed


def parse_text(text):
    filters, parsed = parse_query_string(text)
    words, phrases, plain, phrase_texts = [], [], [], []
    for token in _tokens(parsed):
        if isinstance(token, Phrase):
            phrase = words_of(token.query_string)
            if len(phrase) == 1:
                words.extend(phrase)
                plain.append(token.query_string)
            elif phrase:
                phrases.append(phrase)
                phrase_texts.append(token.query_string)
        else:
            words.extend(words_of(token.query_string))
            plain.append(token.query_string)
    typed = tuple((key.lower(), value) for key, values in filters.lists() for value in values)
    return ParsedText(
        words=tuple(dict.fromkeys(words))[:MAX_WORDS],
        phrases=tuple(phrases)[:MAX_WORDS],
        filters=typed[:MAX_WORDS],
        plain=" ".join(plain),
        phrase_texts=tuple(phrase_texts)[:MAX_WORDS],
    )


@dataclass(frozen=True)
class SearchQuery:
    """A search as engines receive it: everything already checked and typed."""

    text: ParsedText
    locale_id: int
    language: str
    root_path: str
    chosen: dict = field(default_factory=dict)  # facet name -> frozenset of values
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True)
class Hit:
    """A result as stored by the engine: enough to show it without loading its page."""

    key: str
    kind: str
    page_id: int
    url_suffix: str
    title: str
    body: str
    date: object
    plan_id: int | None
    status: str
    percent: int | None

    @classmethod
    def from_document(cls, document: SearchDocument):
        return cls(
            key=document.key,
            kind=document.kind,
            page_id=document.page_id,
            url_suffix=document.url_suffix,
            title=document.title,
            body=document.body,
            date=document.date,
            plan_id=document.plan_id,
            status=document.status,
            percent=document.percent,
        )


HIT_FIELDS = tuple(hit_field.name for hit_field in fields(Hit))


def stemmed_language(language, default):
    """The stemming name of ``language`` ("fr-ca": "french"), else ``default``."""
    return STEMMED_LANGUAGES.get(language.split("-")[0].lower(), default)


@dataclass
class SearchResults:
    """What an engine answers: the total, one page of hits and every facet's counts."""

    total: int
    hits: list[Hit]
    counts: dict  # facet name -> {value: count}
