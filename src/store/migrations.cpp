#include "store/migrations.h"

namespace turnaround::store {

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 1: deliveries, comments and their history.
      R"sql(
CREATE TABLE deliveries (
  id             INTEGER PRIMARY KEY,
  endpoint       TEXT    NOT NULL,             -- meta | generic
  received_at_ms INTEGER NOT NULL,
  accepted       INTEGER NOT NULL,
  http_status    INTEGER NOT NULL,
  reason         TEXT    NOT NULL DEFAULT '',
  comment_count  INTEGER NOT NULL DEFAULT 0,
  body           BLOB    NOT NULL              -- raw bytes; empty for rejected deliveries
);
CREATE INDEX deliveries_received ON deliveries(received_at_ms);

CREATE TABLE comments (
  id               INTEGER PRIMARY KEY,
  platform         TEXT    NOT NULL,
  external_id      TEXT    NOT NULL,
  page_id          TEXT    NOT NULL DEFAULT '',
  post_id          TEXT    NOT NULL DEFAULT '',
  parent_id        TEXT    NOT NULL DEFAULT '',
  author_id        TEXT    NOT NULL DEFAULT '',
  author_name      TEXT    NOT NULL DEFAULT '',
  text             TEXT    NOT NULL DEFAULT '',
  url              TEXT    NOT NULL DEFAULT '',
  created_at_ms    INTEGER NOT NULL DEFAULT 0,   -- platform time
  received_at_ms   INTEGER NOT NULL,
  updated_at_ms    INTEGER NOT NULL,
  state            TEXT    NOT NULL DEFAULT 'visible',  -- visible | hidden | withdrawn
  is_ours          INTEGER NOT NULL DEFAULT 0,   -- written by the page itself
  delivery_id      INTEGER NOT NULL REFERENCES deliveries(id),
  is_complaint     INTEGER,
  is_urgent        INTEGER,
  category         TEXT,
  severity         TEXT,
  confidence       REAL,
  verdict_json     TEXT,
  rules_version    TEXT,
  UNIQUE (platform, external_id)
);
CREATE INDEX comments_author ON comments(platform, author_id);
CREATE INDEX comments_parent ON comments(platform, parent_id);

CREATE TABLE comment_history (
  id          INTEGER PRIMARY KEY,
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  action      TEXT    NOT NULL,                -- edit | remove | hide | unhide
  at_ms       INTEGER NOT NULL,
  old_text    TEXT,                            -- the text an edit replaced
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id)
);
CREATE INDEX comment_history_comment ON comment_history(comment_id);
)sql",
  };
  return kMigrations;
}

}  // namespace turnaround::store
