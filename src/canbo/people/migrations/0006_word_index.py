"""On PostgreSQL, the word index of cadre names (see canbo.people.word_index), kept by triggers on people_cadre.

Words with digits (codes) are not indexed; the vocabulary holds every word ever seen, codes included, so that a
search can tell a word found only inside a code. Words are split on spaces, as fold() leaves them.
"""

from django.db import migrations

from canbo.core.migration_ops import VendorSQL

WORDS = "unnest(string_to_array({text}, ' ')) AS w WHERE w <> ''"

FORWARD = [
    """CREATE TABLE people_cadreword (
        word text NOT NULL,
        sort_key varchar(255) NOT NULL,
        cadre_id bigint NOT NULL,
        search_text varchar(255) NOT NULL
    )""",
    "CREATE TABLE people_cadrevocabulary (word text PRIMARY KEY)",
    f"""CREATE FUNCTION people_cadre_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM people_cadreword WHERE cadre_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO people_cadreword (word, sort_key, cadre_id, search_text)
                SELECT DISTINCT w, NEW.sort_key, NEW.id, NEW.search_text
                FROM {WORDS.format(text="NEW.search_text")} AND w !~ '[0-9]';
            INSERT INTO people_cadrevocabulary (word)
                SELECT DISTINCT w FROM {WORDS.format(text="NEW.search_text")}
                ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    # Django's test flush empties people_cadre with TRUNCATE, which row triggers do not see.
    """CREATE FUNCTION people_cadre_words_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE people_cadreword;
        RETURN NULL;
    END $$""",
    f"""INSERT INTO people_cadreword (word, sort_key, cadre_id, search_text)
        SELECT DISTINCT w, c.sort_key, c.id, c.search_text
        FROM people_cadre c, {WORDS.format(text="c.search_text")} AND w !~ '[0-9]'""",
    f"""INSERT INTO people_cadrevocabulary (word)
        SELECT DISTINCT w FROM people_cadre c, {WORDS.format(text="c.search_text")}""",
    # Covering: a word's entries are read in name order, and the other search words checked, from the index.
    """CREATE INDEX people_cadreword_order ON people_cadreword (word, sort_key, cadre_id)
        INCLUDE (search_text)""",
    "CREATE INDEX people_cadreword_cadre ON people_cadreword (cadre_id)",
    "CREATE INDEX people_cadrevocabulary_trgm ON people_cadrevocabulary USING gin (word gin_trgm_ops)",
    "CREATE INDEX people_cadrevocabulary_prefix ON people_cadrevocabulary (word text_pattern_ops)",
    """CREATE TRIGGER people_cadre_words AFTER INSERT OR DELETE
        ON people_cadre FOR EACH ROW EXECUTE FUNCTION people_cadre_words()""",
    # A save writes every column: only a changed name (or code) rewrites the cadre's entries.
    """CREATE TRIGGER people_cadre_words_changed AFTER UPDATE OF search_text, sort_key ON people_cadre
        FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.sort_key IS DISTINCT FROM NEW.sort_key)
        EXECUTE FUNCTION people_cadre_words()""",
    """CREATE TRIGGER people_cadre_words_truncate AFTER TRUNCATE ON people_cadre
        FOR EACH STATEMENT EXECUTE FUNCTION people_cadre_words_truncate()""",
]

BACKWARD = [
    "DROP TRIGGER people_cadre_words_truncate ON people_cadre",
    "DROP TRIGGER people_cadre_words_changed ON people_cadre",
    "DROP TRIGGER people_cadre_words ON people_cadre",
    "DROP FUNCTION people_cadre_words_truncate()",
    "DROP FUNCTION people_cadre_words()",
    "DROP TABLE people_cadrevocabulary",
    "DROP TABLE people_cadreword",
]


class Migration(migrations.Migration):
    dependencies = [("people", "0005_name_order_index")]

    operations = [VendorSQL("postgresql", FORWARD, BACKWARD)]
