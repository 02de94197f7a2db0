/**
 * The schema as an append-only list of migrations: PRAGMA user_version holds how many
 * have run, so a database made by any earlier version opens and upgrades in place.
 * Never edit a migration that has shipped; add a new one.
 *
 * Offsets (`char_start`, `char_end`) are code points into `articles.text`
 * (title lines, a blank line, then the body), so `substr(text, char_start + 1, char_end - char_start)`
 * in SQL and `text[char_start:char_end]` in Python give the item back.
 */
export const MIGRATIONS: string[] = [
  // 1: core schema — sources, articles, everything extracted, and the two search indexes.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- source definition key (zzwb) or newspaper name
    name TEXT,
    kind TEXT,                         -- epaper | portal | generic | file
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
  );
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources(id),
    ext_id TEXT,                       -- the input's own id (file name, gold id)
    url TEXT UNIQUE,
    section TEXT,                      -- e-paper section (新郑时报)
    page TEXT,                         -- 版面
    published TEXT,                    -- YYYY-MM-DD
    title TEXT NOT NULL,
    intro_title TEXT,                  -- 引题
    sub_title TEXT,                    -- 副题
    byline TEXT,
    body TEXT NOT NULL,
    text TEXT NOT NULL,                -- what offsets point into
    content_hash TEXT NOT NULL,
    fetched_at TEXT,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    extractor_version TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_source ON articles(source_id, published);
  CREATE INDEX articles_hash ON articles(content_hash);
  CREATE UNIQUE INDEX articles_ext ON articles(source_id, ext_id) WHERE url IS NULL AND ext_id IS NOT NULL;

  CREATE TABLE officials (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    titles TEXT NOT NULL,              -- JSON array, in order
    mentions INTEGER NOT NULL,         -- how many times the article names the person
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX officials_name ON officials(name);
  CREATE INDEX officials_article ON officials(article_id);
  CREATE TABLE official_titles (
    id INTEGER PRIMARY KEY,
    official_id INTEGER NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    title TEXT NOT NULL,
    char_start INTEGER, char_end INTEGER, sentence TEXT
  );
  CREATE INDEX official_titles_title ON official_titles(title);
  CREATE INDEX official_titles_official ON official_titles(official_id);
  CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX persons_name ON persons(name);
  CREATE INDEX persons_article ON persons(article_id);
  CREATE TABLE bylines (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, role TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX bylines_article ON bylines(article_id);
  CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    value TEXT NOT NULL,               -- YYYY[-MM[-DD]] or start/end
    value_start TEXT NOT NULL,         -- first day covered, YYYY-MM-DD
    value_end TEXT NOT NULL,           -- last day covered, YYYY-MM-DD
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX dates_article ON dates(article_id);
  CREATE INDEX dates_value ON dates(value_start);
  CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, metric TEXT,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX figures_article ON figures(article_id);
  CREATE INDEX figures_metric ON figures(metric);
  CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX initiatives_text ON initiatives(text);
  CREATE INDEX initiatives_article ON initiatives(article_id);
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX documents_article ON documents(article_id);
  CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, sentence TEXT NOT NULL
  );
  CREATE INDEX orgs_text ON orgs(text);
  CREATE INDEX orgs_article ON orgs(article_id);

  -- Ranked search: jieba words joined by U+200B, which unicode61 treats as a separator,
  -- so a query matches whole words only (强调 does not hit 市长李强调研).
  -- Contentless: the text lives in articles; snippets are cut from there.
  CREATE VIRTUAL TABLE fts_words USING fts5(title, body, content='', contentless_delete=1,
    tokenize = 'unicode61 separators ''\u200b''');
  -- Substring fallback for terms of 3+ characters that jieba cut differently in the text
  -- (乡村振兴局 inside 乡村/振兴/局局长).
  CREATE VIRTUAL TABLE fts_chars USING fts5(title, body, content='', contentless_delete=1,
    tokenize = 'trigram');
  `,
  // 2: crawl state — frontier, finished editions, HTTP validators, runs and their log, leases, high-water marks.
  `
  CREATE TABLE crawl_frontier (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,              -- source definition key
    url TEXT NOT NULL,                 -- normalised
    kind TEXT NOT NULL,                -- edition | page | list | article
    edition TEXT,                      -- e-paper edition date (YYYY-MM-DD)
    section TEXT,                      -- e-paper section the page belongs to ('' when none)
    page TEXT,                         -- 版面 number and name
    state TEXT NOT NULL DEFAULT 'pending', -- pending | done | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    article_id INTEGER,
    last_error TEXT,
    discovered_at TEXT NOT NULL,
    done_at TEXT,
    UNIQUE (source, url)
  );
  CREATE INDEX crawl_frontier_state ON crawl_frontier(source, state, kind, edition);
  CREATE TABLE crawl_editions (
    source TEXT NOT NULL,
    edition TEXT NOT NULL,             -- YYYY-MM-DD
    section TEXT NOT NULL DEFAULT '',  -- '' = every section of the edition
    articles INTEGER NOT NULL DEFAULT 0,
    done_at TEXT NOT NULL,
    PRIMARY KEY (source, edition, section)
  );
  CREATE TABLE http_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    status INTEGER,
    fetched_at TEXT NOT NULL
  );
  CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running', -- running | ok | partial | failed
    pages INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE crawl_log (
    id INTEGER PRIMARY KEY,
    run_id INTEGER,
    source TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,                -- timeout | network | http-4xx | http-5xx | robots | too-large | redirect | charset | parse | definition | …
    url TEXT,
    message TEXT NOT NULL
  );
  CREATE INDEX crawl_log_source ON crawl_log(source, at);
  -- One crawl of a source at a time, across processes (cron job and manual run).
  CREATE TABLE crawl_leases (
    source TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    pid INTEGER,
    acquired_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE crawl_marks (
    source TEXT PRIMARY KEY,
    last_edition TEXT,                 -- newest e-paper edition completed
    last_published TEXT,               -- newest publication date stored
    updated_at TEXT NOT NULL
  );
  `,
  // 3: a narrow index over what a search page is sorted and filtered on, so ranking tens of
  // thousands of hits reads index pages instead of every hit's whole article row.
  `
  CREATE INDEX articles_page ON articles(id, published, source_id, section);
  `,
  // 4: places (gazetteer name, GB/T 2260 code, level) and posts, stored as extracted: an official's
  // place, each title's post (office without its place), the place of a figure or initiative,
  // a town's own code. Rows extracted before stay NULL until their article is re-extracted.
  `
  ALTER TABLE officials ADD COLUMN place TEXT;
  ALTER TABLE officials ADD COLUMN place_code TEXT;
  ALTER TABLE officials ADD COLUMN place_level TEXT;
  ALTER TABLE official_titles ADD COLUMN office TEXT;
  ALTER TABLE official_titles ADD COLUMN place TEXT;
  ALTER TABLE official_titles ADD COLUMN place_code TEXT;
  ALTER TABLE official_titles ADD COLUMN place_level TEXT;
  ALTER TABLE figures ADD COLUMN place TEXT;
  ALTER TABLE figures ADD COLUMN place_code TEXT;
  ALTER TABLE initiatives ADD COLUMN place TEXT;
  ALTER TABLE initiatives ADD COLUMN place_code TEXT;
  ALTER TABLE orgs ADD COLUMN place TEXT;
  ALTER TABLE orgs ADD COLUMN place_code TEXT;
  CREATE INDEX officials_place ON officials(place_code, name);
  CREATE INDEX figures_place ON figures(place_code);
  `,
  // 5: compounds by their parts, so 书记 also finds 县委书记, which jieba keeps whole in the
  // word index. One row per indexed word and each word the dictionary makes it of (see
  // src/store/word-parts.ts); `at` flags a part that starts (1) or ends (2) the word.
  // Filled for the words already indexed on first use (ensureWordParts), since that needs
  // jieba; word_parts_state holds the rule and dictionary version it was filled under.
  `
  CREATE TABLE word_parts (
    part TEXT NOT NULL,
    word TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (part, word, at)
  ) WITHOUT ROWID;
  CREATE TABLE word_parts_state (version TEXT NOT NULL);
  `,
];
