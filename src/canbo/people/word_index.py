"""The word index of cadre names (PostgreSQL): each word of a cadre's search text, with its name-order key.

Names sort given name first, so a given name's matches lie together somewhere down the name order. The
trigram index finds them, but in no order: the first thousand of "hùng" at 500,000 cadres meant reading and
sorting all of its 9,000 matches (110 ms). Here every word's entries are kept in name order
(`people_cadreword`, filled by a trigger on `people_cadre`, see migration 0006), so a search reads its rarest
word's entries in order and stops at the limit.

A search word matches inside a name's words ("hung" finds "Nhung" too, as the trigram search does), so it is
first looked up in the vocabulary of every word ever indexed (`people_cadrevocabulary`), and the entries of
each word containing it are merged in name order. The other search words are checked on the search text.
"""

from django.db import connections

from canbo.core.text import fold
from canbo.organizations.filtersets import SHORTEST_INNER_MATCH

# A search word found inside more words than this (a single letter) is left to the trigram search.
MOST_WORDS = 64
# Entries counted per search word to pick the rarest; past this a word is common, whichever it is.
COUNT_BOUND = 5_000


def _like(connection, word: str, inner: bool) -> str:
    escaped = connection.ops.prep_for_like_query(word)
    return f"%{escaped}%" if inner else f"{escaped}%"


def _condition(connection, word: str) -> tuple[str, list]:
    """The search text condition for one search word, as the trigram search writes it (search_folded)."""
    if len(word) < SHORTEST_INNER_MATCH:
        return "(search_text LIKE %s OR search_text LIKE %s)", [
            _like(connection, word, False),
            _like(connection, " " + word, True),
        ]
    return "search_text LIKE %s", [_like(connection, word, True)]


def first_matches_by_words(value: str, limit: int, using: str = "default") -> list[int] | None:
    """Ids of the first `limit` cadres of the whole register matching `value`, in name order; None where the
    word index cannot say (not PostgreSQL, or no search word it can read in order)."""
    connection = connections[using]
    words = list(dict.fromkeys(fold(value).split()))
    if connection.vendor != "postgresql" or not words:
        return None
    with connection.cursor() as cursor:
        readable = {}
        for word in words:
            # Words with digits (codes) are not indexed: a search word with one is checked on the text only.
            if any(ch.isdigit() for ch in word):
                continue
            inner = len(word) >= SHORTEST_INNER_MATCH
            cursor.execute(
                "SELECT word FROM people_cadrevocabulary WHERE word LIKE %s LIMIT %s",
                [_like(connection, word, inner), MOST_WORDS + 1],
            )
            containing = [row[0] for row in cursor.fetchall()]
            if not containing:
                return []
            if len(containing) <= MOST_WORDS and not any(ch.isdigit() for w in containing for ch in w):
                readable[word] = containing
        if not readable:
            return None
        # The rarest word leads: its entries are read in order, the other words checked on each.
        driver = next(iter(readable))
        if len(readable) > 1:
            driver = min(readable, key=lambda word: _entries(cursor, readable[word]))
        conditions, checks = ["word = %s"], []
        for word in words:
            if word != driver:
                sql, params = _condition(connection, word)
                conditions.append(sql)
                checks += params
        # Each word's entries are read in order up to the limit (a branch per word, as one read of them all
        # was planned as a sort of every entry: "thi", half the register), then the few merged and cut.
        branch = f"(SELECT sort_key, cadre_id FROM people_cadreword WHERE {' AND '.join(conditions)} "
        branch += "ORDER BY sort_key, cadre_id LIMIT %s)"
        merged = " UNION ALL ".join([branch] * len(readable[driver]))
        query = f"SELECT cadre_id FROM ({merged}) AS entries ORDER BY sort_key, cadre_id LIMIT %s"
        # A cadre with two words containing the driver ("Nhung", "Hùng" for "hung") comes twice, side by side.
        fetch = limit
        while True:
            params = [value for word in readable[driver] for value in (word, *checks, fetch)]
            cursor.execute(query, [*params, fetch])
            rows = [row[0] for row in cursor.fetchall()]
            found = list(dict.fromkeys(rows))
            if len(found) >= limit or len(rows) < fetch:
                return found[:limit]
            fetch += limit - len(found)


def _entries(cursor, words: list[str]) -> int:
    cursor.execute(
        "SELECT count(*) FROM (SELECT 1 FROM people_cadreword WHERE word = ANY(%s) LIMIT %s) AS entries",
        [words, COUNT_BOUND],
    )
    return cursor.fetchone()[0]
