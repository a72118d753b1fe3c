"""Vietnamese text helpers: folding for search and a collation key for sorting names.

Plain Python with no Django imports, so they serve the ORM layer, imports and the demo generator alike.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Letters of the Vietnamese alphabet in dictionary order; ă, â, đ, ê, ô, ơ, ư are letters of their own.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
# Tone marks in the order dictionaries use: level, grave, hook, tilde, acute, dot below.
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: they make a new letter
_SYMBOLS = "23456789abcdefghijklmnopqrstuvwxyz"  # '0' ends a name part, '1' separates words


def fold(text: str) -> str:
    """Lower-case, strip diacritics, map đ to d and collapse spaces: 'Nguyễn Văn Đức' -> 'nguyen van duc'."""
    text = (text or "").replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


def _letter_and_tone(ch: str) -> tuple[str, int]:
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    letter_marks = "".join(m for m in marks if m in _LETTER_MARKS)
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    return unicodedata.normalize("NFC", base + letter_marks), tone


def _part_key(part: str) -> str:
    letters, tones = [], []
    for word_index, word in enumerate(part.lower().split()):
        if word_index:
            letters.append("1")
        word_tone = 0
        for ch in word:
            letter, tone = _letter_and_tone(ch)
            if letter == "d" and ch in "đĐ":
                letter = "đ"
            if letter in _ALPHABET:
                letters.append(_SYMBOLS[_ALPHABET.index(letter)])
            elif letter.isdigit():
                letters.append(_SYMBOLS[0])
            word_tone = tone or word_tone
        tones.append(str(word_tone + 2))
    return "".join(letters) + "0" + "".join(tones) + "0"


def vietnamese_key(text: str) -> str:
    """A key ordering any text (a unit's name) as a Vietnamese dictionary does: Bắc before Bình."""
    return _part_key(text)


def name_sort_key(family: str, middle: str, given: str) -> str:
    """A key whose plain byte order is the Vietnamese order of names: given name, then family, then middle.

    It uses only [0-9a-z], so every database collation orders it the same way.
    """
    return (_part_key(given) + _part_key(family) + _part_key(middle))[:250]


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """Split 'Nguyễn Thị Minh Khai' into ('Nguyễn', 'Thị Minh', 'Khai')."""
    words = _SPACES.sub(" ", full_name or "").strip().split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]
