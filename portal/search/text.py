# ruff: noqa: RUF002, RUF003 (Arabic letters in the docstrings and comments)
"""Text analysis of the site search, the same at index time and at query time.

`terms` turns any text (Arabic, French, English, Tifinagh, digits) into normalised, lightly
stemmed terms: lowercase runs of letters and digits, or digit groups joined by single hyphens
(`46-19`). No other character ever reaches the full-text backends, so nothing a visitor types
can be read as a query operator by SQLite FTS5 or PostgreSQL.

- Everything: case folding, compatibility decomposition (NFKD) and removal of every combining
  mark (accents, tashkeel), of tatweel and of invisible format characters.
- Arabic: أ إ آ ٱ → ا, ؤ → و, ئ ى ی → ي, ة → ه, ک → ك, Arabic-Indic digits → 0-9, then a light
  stemmer in the spirit of Larkey's light10 (`_arabic_stem`).
- Latin script: ligatures unfolded (œ → oe), a light French stemmer (`_latin_stem`).
- Digit groups joined by `-`, `.`, `/` (`46-19`, `46.19`, `46/19`, `٤٦-١٩`) make one term,
  `46-19`; other words and numbers are kept as they are (Tifinagh, `covid19`).
- French, English and Arabic stopwords, and single letters, are dropped.
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERM_LENGTH = 64
MAX_QUERY_LENGTH = 10_000

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))  # fmt: skip
_LETTER_MAP = {
    "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا", "أ": "ا", "إ": "ا", "آ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ے": "ي",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه", "ک": "ك", "ڪ": "ك",
    "œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th",
}  # fmt: skip
_INVISIBLE = "\u00ad\u0640\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff"
# Between digits, these join a digit group (after NFKD, which already maps their fullwidth forms).
_DIGIT_JOINERS = "-./\u2010\u2013\u2044\u2215\u066b"


def _char_class(chars):
    """The inside of a regex character class matching exactly `chars`."""
    codes = sorted({ord(c) for c in chars})
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


def _unicode_tables():
    """Characters removed from words (marks, invisible ones), digits to fold to ASCII, and
    Arabic letters, from the Basic Multilingual Plane."""
    removed, digits, arabic = set(_INVISIBLE), {}, set()
    # Han, Hangul syllables, surrogates and private use have none of them.
    codes = (*range(0x3400), *range(0xA000, 0xAC00), *range(0xF900, 0x10000))
    for code in codes:
        char = chr(code)
        category = unicodedata.category(char)
        if category[0] == "M":
            removed.add(char)
        elif category == "Nd" and not char.isascii():
            digits[char] = str(unicodedata.decimal(char))
        elif char.isalpha() and any(low <= code <= high for low, high in _ARABIC_BLOCKS):
            arabic.add(char)
    return removed, digits, arabic


_REMOVED, _DIGITS, _ARABIC = _unicode_tables()
_REMOVED_RE = re.compile(f"[{_char_class(_REMOVED)}]+")
_DIGIT_RE = re.compile(f"[{_char_class(_DIGITS)}]")
_ARABIC_CLASS = _char_class(_ARABIC)
_TOKEN_RE = re.compile(
    rf"[0-9]+(?:[{_char_class(_DIGIT_JOINERS)}][0-9]+)+|[{_ARABIC_CLASS}]+|[^\W_{_ARABIC_CLASS}]+"
)
_NOT_DIGITS_RE = re.compile(r"[^0-9]+")
# Words of the original text, for `highlight`: the same digit groups, and runs of word
# characters with the marks and invisible characters that `_prepare` removes.
_ORIGINAL_JOINERS = _char_class(_DIGIT_JOINERS + "\u2011\u2024\ufe52\ufe58\ufe63\uff0d\uff0e\uff0f")
_REMOVED_CLASS = _char_class(_REMOVED)
_WORD_RE = re.compile(rf"\d+(?:[{_ORIGINAL_JOINERS}]\d+)+|[\w{_REMOVED_CLASS}]+")
_BOUNDARY_RE = re.compile(rf"[^\w{_REMOVED_CLASS}{_ORIGINAL_JOINERS}]")

_ARABIC_STOPWORDS = frozenset(
    """في من الي علي عن ان انه انها ما لا لم لن هذا هذه ذلك تلك هولاء التي الذي الذين اللذين
    اللتين اللواتي هو هي هم هن انا نحن انت انتم كان كانت يكون تكون قد لقد كل بعض او ام ثم مع
    بين حتي اذا اذ كما لكن بل غير عند منذ ضمن لدي اي ايضا اما الا عليه عليها فيه فيها منه
    منها به بها له لها هناك هنا حيث كيف متي""".split()  # noqa: SIM905
)
_LATIN_STOPWORDS = frozenset(
    """le la les de des du un une et en au aux pour par sur dans avec sans sous entre vers chez
    ce cet cette ces se sa son ses leur leurs il elle ils elles on nous vous je tu me te moi toi
    lui qui que quoi dont ou ne pas plus est sont ete etre etait ont ai avait y qu jusqu lorsqu
    puisqu ainsi comme mais donc ni car si tout tous toute toutes meme aussi
    the of and to in an for on is are was were be been being by with as at from or that this
    these those it its not no but which who whom will would can could shall should may might
    has have had do does did their there they them we you he she his her our your my me so if
    than then into about over under also any all""".split()  # noqa: SIM905
)
# Light10-like affixes, on normalised words (ة is ه, ى is ي), longest first.
_ARABIC_PREFIXES = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل",
                    "ال", "لل")  # fmt: skip
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_MIN_STEM = 3


def _prepare(text):
    """Case folded, decomposed text without marks nor invisible characters, letters unified."""
    text = unicodedata.normalize("NFKD", text.casefold()).casefold()
    text = _REMOVED_RE.sub("", text)
    for variant, letter in _LETTER_MAP.items():
        if variant in text:
            text = text.replace(variant, letter)
    return _DIGIT_RE.sub(lambda m: _DIGITS[m.group()], text)


def _arabic_stem(word):
    """Strip one article (with its conjunction or preposition: وال, بال, لل…), suffixes
    (light10's, each at most once), then a leading و, always leaving at least 3 letters.
    Single-letter prefixes other than و are kept: ف, ب, ك and ل too often begin the word
    itself (فساد, بيان, كشف, لجنة). و is stripped last, so that وزارة, الوزارة and ووزارة
    meet."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    suffixes = list(_ARABIC_SUFFIXES)
    while suffix := next(
        (s for s in suffixes if word.endswith(s) and len(word) - len(s) >= _MIN_STEM), None
    ):
        word = word[: -len(suffix)]
        suffixes.remove(suffix)
    while word.startswith("و") and len(word) > _MIN_STEM:
        word = word[1:]
    return word


def _cut(word, suffix, replacement=""):
    """`word` with `suffix` replaced, if it ends with it and keeps at least 3 letters."""
    if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
        return word[: -len(suffix)] + replacement
    return word


def _latin_stem(word):
    """A light French stemmer (plurals, feminines, past participles), harmless on English:
    publiques, public → public; marchés, marche → march; nationaux, nationale → national."""
    if len(word) <= _MIN_STEM:
        return word
    if word.endswith("s") and not word.endswith("ss"):
        word = _cut(word, "s")
    elif word.endswith("eaux"):
        word = _cut(word, "x")
    elif word.endswith("aux") and len(word) > 4:
        word = _cut(word, "aux", "al")
    elif word.endswith(("eux", "oux")):
        word = _cut(word, "x")
    if word.endswith("ique"):
        word = _cut(word, "ique", "ic")
    elif word.endswith("ee"):
        word = _cut(word, "ee")
    elif word.endswith("e"):
        word = _cut(word, "e")
    elif word.endswith("if"):
        word = _cut(word, "if", "iv")
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] in "lnt":
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def _term(token):
    """The term of one token of prepared text (cut to `MAX_TERM_LENGTH`), or "" when it is not
    worth indexing."""
    if not token.isalnum():  # A digit group.
        return _NOT_DIGITS_RE.sub("-", token).strip("-")
    if len(token) < 2 and not token.isdigit():
        return ""
    if token[0] in _ARABIC:
        if token in _ARABIC_STOPWORDS or (token[0] in "وف" and token[1:] in _ARABIC_STOPWORDS):
            return ""
        return _arabic_stem(token)
    if token.isascii() and token.isalpha():
        return "" if token in _LATIN_STOPWORDS else _latin_stem(token)
    return token


def _iter_terms(text):
    for match in _TOKEN_RE.finditer(_prepare(text)):
        term = _term(match.group()[:MAX_TERM_LENGTH])
        if term:
            yield term


def terms(text: str) -> list[str]:
    """The terms of `text`, in order, stopwords removed: what is indexed, and what is searched."""
    return list(_iter_terms(text)) if text else []


def index_text(text: str) -> str:
    """The terms of `text` separated by spaces, for the search index."""
    return " ".join(terms(text))


def clean_query(q: str, max_length: int = 300) -> str:
    """A query as it is shown back and recorded: control, format and surrogate characters
    removed (a database refuses some of them), spaces collapsed, at most `max_length`
    characters."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in q[: max_length * 4]
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    return " ".join(kept.split())[:max_length]


def query_terms(q: str, limit: int = 32) -> list[str]:
    """The distinct terms of a visitor's query, in order, at most `limit`. Never raises."""
    if not isinstance(q, str) or not isinstance(limit, int) or limit <= 0:
        return []
    found = {}
    for term in _iter_terms(q[:MAX_QUERY_LENGTH]):
        found[term] = None
        if len(found) >= limit:
            break
    return list(found)


# highlight

_CHUNK = 2048  # characters of text checked at once for the query terms
_MAX_CHUNKS = 48  # chunks analysed word by word at most
_SPACE_RE = re.compile(r"\s+")
_FIRST_SPACE_RE = re.compile(r"\s")
_LAST_SPACE_RE = re.compile(r".*\s", re.DOTALL)
_NOT_SPACE_RE = re.compile(r"\S")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=65536)
def _short_word_terms(word):
    return frozenset(_iter_terms(word))


def _word_terms(word):
    """The terms of a word of the original text."""
    if len(word) > MAX_TERM_LENGTH:
        return frozenset(_iter_terms(word))
    return _short_word_terms(word)


def _core(term):
    """A part of `term` found in the prepared text of every word having that term (the stems of
    the Latin stemmer differ from the word in their last letter at most)."""
    if term.isascii() and term.isalpha() and len(term) > _MIN_STEM:
        return term[:-1]
    return term


def _matches(text, wanted):
    """(start, end, terms) of the words having a wanted term in the first piece of `text` that
    has any. Pieces of the text are prepared at once, and only those containing a wanted term
    are analysed word by word (an extract needs one place, and long texts stay cheap)."""
    cores = {_core(term) for term in wanted}
    found, analysed, start, size = [], 0, 0, len(text)
    while start < size and analysed < _MAX_CHUNKS:
        end = size
        if start + _CHUNK < size:
            boundary = _BOUNDARY_RE.search(text, start + _CHUNK)
            end = boundary.start() + 1 if boundary else size
        prepared = _prepare(text[start:end])
        if any(core in prepared for core in cores):
            analysed += 1
            for match in _WORD_RE.finditer(text, start, end):
                hits = wanted.intersection(_word_terms(match.group()))
                if hits:
                    found.append((match.start(), match.end(), hits))
            if found:
                break
        start = end
    return found


def _densest(matches, length):
    """The first and last matches of the window of `length` characters having the most distinct
    terms, then the most matches."""
    best, best_span, counts, last = None, (0, 0), {}, 0
    for first, (start, _, hits) in enumerate(matches):
        while last < len(matches) and (last <= first or matches[last][1] <= start + length):
            for term in matches[last][2]:
                counts[term] = counts.get(term, 0) + 1
            last += 1
        score = (len(counts), last - first)
        if best is None or score > best:
            best, best_span = score, (first, last - 1)
        for term in hits:
            counts[term] -= 1
            if not counts[term]:
                del counts[term]
    return best_span


def _plain(text):
    return escape(_SURROGATE_RE.sub("\ufffd", _SPACE_RE.sub(" ", text)))


def _head(text, length):
    """The start of `text`, cut at a word boundary."""
    first = _NOT_SPACE_RE.search(text)
    start = first.start() if first else len(text)
    if len(text) - start <= length:
        return _plain(text[start:].rstrip())
    end = start + length
    space = _LAST_SPACE_RE.match(text, start, end + 1)
    if space and space.end() - 1 > start + length // 2:
        end = space.end() - 1
    return _plain(text[start:end].rstrip()) + "…"


def highlight(text: str, q_terms: list[str], *, length: int = 240) -> SafeString:
    """An HTML extract of about `length` characters of `text` where the words having one of
    `q_terms` are the densest, those words in <mark>, "…" where the text is cut; the start of
    the text when no word matches."""
    if not isinstance(text, str) or not text:
        return SafeString("")
    length = max(length, 1)
    wanted = {term for term in q_terms or () if isinstance(term, str) and term}
    matches = _matches(text, wanted) if wanted else []
    if not matches:
        return mark_safe(_head(text, length))  # noqa: S308 (escaped)
    first, last = _densest(matches, length)
    span_start, span_end = matches[first][0], matches[last][1]
    start = max(0, span_start - max(0, length - (span_end - span_start)) // 2)
    end = min(len(text), max(start + length, span_end))
    start = max(0, min(start, end - length, span_start))
    if start > 0:  # Cut after a space, not in a word.
        space = _FIRST_SPACE_RE.search(text, start, span_start)
        start = space.end() if space else span_start
    if end < len(text):
        space = _LAST_SPACE_RE.match(text, span_end, end)
        end = space.end() - 1 if space else span_end
    parts = ["…"] if start > 0 else []
    cursor = start
    for word_start, word_end, _ in matches:
        if word_start >= start and word_end <= end:
            parts += [_plain(text[cursor:word_start]), "<mark>", _plain(text[word_start:word_end])]
            parts.append("</mark>")
            cursor = word_end
    parts.append(_plain(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts).strip())  # noqa: S308 (escaped)
