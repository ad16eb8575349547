"""Schema migrations, recorded in the store.

Each migration has a number and a name and is applied once, in order, inside a
transaction; `schema_migrations` says which ones a store has seen. Numbers are
grouped by the part of the system that owns the tables (1xx foundation, 2xx
provenance, 3xx actors and quotes, 4xx events and relations, 5xx dashboard,
6xx engines) so that parts can grow without renumbering each other.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: list[Migration] = [
    Migration(
        100,
        "articles, runs and failures",
        """
        CREATE SEQUENCE IF NOT EXISTS runs_seq START 1;
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY DEFAULT nextval('runs_seq'),
            started TIMESTAMP NOT NULL,
            finished TIMESTAMP,
            status VARCHAR NOT NULL,           -- running, done, failed
            command VARCHAR,
            paths VARCHAR[],
            config JSON,
            files_seen INTEGER DEFAULT 0,
            stored INTEGER DEFAULT 0,          -- new articles written
            present INTEGER DEFAULT 0,         -- articles already in the store
            skipped INTEGER DEFAULT 0          -- inputs that failed (see failures)
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            path VARCHAR NOT NULL,
            record VARCHAR,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published DATE,
            published_basis VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            text_hash VARCHAR NOT NULL,
            chars INTEGER NOT NULL,
            warnings VARCHAR[],
            run_id INTEGER,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE INDEX articles_text_hash ON articles (text_hash);
        CREATE INDEX articles_published ON articles (published);
        CREATE TABLE failures (
            run_id INTEGER,
            path VARCHAR NOT NULL,
            record VARCHAR,
            stage VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            failed_at TIMESTAMP NOT NULL
        );
        """,
    ),
    Migration(
        200,
        "provenance: lookup index, pairwise links, copy decisions and story groups",
        """
        CREATE TABLE provenance_index (
            article_id VARCHAR PRIMARY KEY,
            body_hash VARCHAR NOT NULL,        -- folded body without header/footer: exact copies
            sentences INTEGER NOT NULL
        );
        CREATE INDEX provenance_index_body ON provenance_index (body_hash);
        -- MinHash LSH band keys over word shingles (near copies)
        CREATE TABLE provenance_bands (key BIGINT NOT NULL, article_id VARCHAR NOT NULL);
        -- rarest names, numbers and content stems (spun, translated copies; stories)
        CREATE TABLE provenance_terms (term BIGINT NOT NULL, article_id VARCHAR NOT NULL);
        CREATE TABLE provenance_links (
            a VARCHAR NOT NULL,                -- a < b
            b VARCHAR NOT NULL,
            relation VARCHAR NOT NULL,         -- copy, story
            kind VARCHAR,                      -- exact, near, spun, translated (copies)
            score DOUBLE NOT NULL,
            evidence JSON,
            PRIMARY KEY (a, b)
        );
        CREATE TABLE provenance (
            article_id VARCHAR PRIMARY KEY,
            copy_of VARCHAR,                   -- the version judged original, or null
            copy_kind VARCHAR,
            copy_score DOUBLE,
            original_reason VARCHAR,
            evidence JSON,
            story VARCHAR
        );
        CREATE INDEX provenance_copy_of ON provenance (copy_of);
        CREATE INDEX provenance_story ON provenance (story);
        CREATE TABLE stories (
            story VARCHAR PRIMARY KEY,
            title VARCHAR,
            first_article VARCHAR NOT NULL,
            first DATE,
            last DATE,
            articles INTEGER NOT NULL,
            outlets INTEGER NOT NULL
        );
        """,
    ),
    Migration(
        201,
        "provenance: whole-article sentence-encoder vectors, kept once computed",
        """
        CREATE TABLE provenance_vectors (
            article_id VARCHAR PRIMARY KEY,
            vector BLOB NOT NULL               -- 512 float32, L2-normalised (USE multilingual v3)
        );
        """,
    ),
    Migration(
        600,
        "inputs fully stored, for resumed runs",
        """
        CREATE TABLE inputs (
            path VARCHAR NOT NULL,
            size BIGINT NOT NULL,
            mtime_ns BIGINT NOT NULL,
            config_hash VARCHAR NOT NULL,
            articles INTEGER NOT NULL,
            run_id INTEGER,
            stored_at TIMESTAMP NOT NULL,
            PRIMARY KEY (path, size, mtime_ns, config_hash)
        );
        """,
    ),
    Migration(
        601,
        "articles whose corpus steps have not run yet",
        """
        CREATE TABLE pending_steps (
            article_id VARCHAR PRIMARY KEY,
            run_id INTEGER
        );
        """,
    ),
    Migration(
        400,
        "events (one row per coded event, written with its article)",
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,
            start_char INTEGER NOT NULL,       -- evidence span in articles.text (listed as start/end)
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            trigger VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            actor1 VARCHAR,
            actor2 VARCHAR,
            plover VARCHAR NOT NULL,
            cameo VARCHAR NOT NULL,
            quad INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            date DATE,
            date_precision VARCHAR,            -- day, week, month, year
            date_basis VARCHAR,                -- explicit, relative, publication
            date_text VARCHAR,                 -- the time expression resolved
            negated BOOLEAN NOT NULL,
            hypothetical BOOLEAN NOT NULL,
            reported BOOLEAN NOT NULL,
            confidence DOUBLE NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_actors ON events (actor1, actor2);
        """,
    ),
    Migration(
        401,
        "event groups: one real-world event reported by several articles",
        """
        CREATE TABLE event_groups (
            id VARCHAR PRIMARY KEY,
            dyad VARCHAR NOT NULL,             -- sorted roots, e.g. CHN-RUS (or CHN- for no target)
            actor1 VARCHAR,
            actor2 VARCHAR,
            plover VARCHAR NOT NULL,
            cameo VARCHAR NOT NULL,
            quad INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            date DATE,
            date_precision VARCHAR,
            date_basis VARCHAR,
            negated BOOLEAN NOT NULL,
            hypothetical BOOLEAN NOT NULL,
            events INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            sources INTEGER NOT NULL,          -- independent articles: copies count as their original
            first_event VARCHAR NOT NULL       -- the member shown for the group (highest confidence)
        );
        CREATE TABLE event_group_members (
            event_id VARCHAR PRIMARY KEY,
            group_id VARCHAR NOT NULL,
            date_ref DATE                      -- publication date a copy's relative date resolves against
        );
        CREATE INDEX event_group_members_group ON event_group_members (group_id);
        """,
    ),
    Migration(
        300,
        "actor mentions (one row per linked span, written with its article)",
        """
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,       -- characters into articles.text (listed as start/end)
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            code VARCHAR,                      -- CAMEO-shaped: CHN, RUSGOV, NATO; null when unknown
            kind VARCHAR,                      -- state, igo, org, group, person
            method VARCHAR,                    -- dictionary, spun, fuzzy, ner, surname, role, subject
            confidence DOUBLE,
            name VARCHAR,
            country VARCHAR,
            role VARCHAR,
            title VARCHAR,                     -- a person's title and apposition as written
            sentence INTEGER,
            entity INTEGER                     -- same number for every mention of one person
        );
        CREATE INDEX mentions_article ON mentions (article_id);
        CREATE INDEX mentions_code ON mentions (code);
        """,
    ),
    Migration(
        301,
        "quotes (direct and reported speech, written with their article)",
        """
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            id VARCHAR PRIMARY KEY,            -- hash of article_id, start, end, kind
            kind VARCHAR NOT NULL,             -- direct, indirect
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            speaker VARCHAR,
            speaker_code VARCHAR,
            cue VARCHAR,
            confidence DOUBLE
        );
        CREATE INDEX quotes_article ON quotes (article_id);
        """,
    ),
]
