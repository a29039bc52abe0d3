-- 001_init: plume's first schema — sources, stories, articles and runs.
-- Timestamps are TEXT in RFC 3339 (UTC, nanoseconds) so they sort as strings.

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    title      TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT    NOT NULL UNIQUE,
    url          TEXT    UNIQUE,
    name         TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    site         TEXT    NOT NULL DEFAULT '',
    date         TEXT,
    language     TEXT    NOT NULL DEFAULT '',
    clean_text   TEXT    NOT NULL,
    clean_json   TEXT,
    facts_json   TEXT,
    story_id     INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX sources_story_id ON sources(story_id);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    args_json   TEXT    NOT NULL DEFAULT '[]',
    status      TEXT    NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'done', 'failed')),
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    error       TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    story_id          INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    run_id            INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    format            TEXT    NOT NULL DEFAULT '',
    markdown          TEXT    NOT NULL DEFAULT '',
    html              TEXT    NOT NULL DEFAULT '',
    json              TEXT,
    word_count        INTEGER NOT NULL DEFAULT 0,
    seo_score         REAL    NOT NULL DEFAULT 0,
    readability_score REAL    NOT NULL DEFAULT 0,
    checks_json       TEXT,
    warnings_json     TEXT    NOT NULL DEFAULT '[]',
    created_at        TEXT    NOT NULL
);
CREATE INDEX articles_story_id ON articles(story_id);
