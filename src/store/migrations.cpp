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
      // 2: the queue (items, replies), accounts (users, tokens, sessions) and the
      // append-only, hash-chained audit log (events).
      R"sql(
CREATE TABLE items (
  id                   INTEGER PRIMARY KEY,
  comment_id           INTEGER NOT NULL UNIQUE REFERENCES comments(id),
  state                TEXT    NOT NULL,
  severity             TEXT    NOT NULL,
  category             TEXT    NOT NULL,
  urgent_reasons       TEXT    NOT NULL DEFAULT '[]',   -- JSON array
  is_urgent            INTEGER NOT NULL,
  platform             TEXT    NOT NULL,
  created_at_ms        INTEGER NOT NULL,
  posted_at_ms         INTEGER NOT NULL,
  received_at_ms       INTEGER NOT NULL,
  due_at_ms            INTEGER NOT NULL,
  first_response_at_ms INTEGER NOT NULL DEFAULT 0,
  resolved_at_ms       INTEGER NOT NULL DEFAULT 0,
  assignee             TEXT    NOT NULL DEFAULT '',
  lease_expires_at_ms  INTEGER NOT NULL DEFAULT 0,
  dismiss_reason       TEXT    NOT NULL DEFAULT '',
  escalation_reason    TEXT    NOT NULL DEFAULT '',
  escalated_to         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX items_queue ON items(state, is_urgent DESC, due_at_ms, id);
CREATE INDEX items_lease ON items(lease_expires_at_ms) WHERE assignee != '';

CREATE TABLE replies (
  id               INTEGER PRIMARY KEY,
  item_id          INTEGER NOT NULL REFERENCES items(id),
  agent            TEXT    NOT NULL,
  text             TEXT    NOT NULL,
  template_id      TEXT    NOT NULL DEFAULT '',
  at_ms            INTEGER NOT NULL,
  guard_overridden INTEGER NOT NULL DEFAULT 0,
  override_reason  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX replies_item ON replies(item_id);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  role          TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  token_hash    TEXT    NOT NULL UNIQUE,       -- SHA-256 hex; the token itself is never stored
  label         TEXT    NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  revoked_at_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  id_hash       TEXT    PRIMARY KEY,           -- SHA-256 hex of the cookie value
  user_id       INTEGER NOT NULL REFERENCES users(id),
  csrf_token    TEXT    NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);

CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  at_ms      INTEGER NOT NULL,
  actor      TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  item_id    INTEGER NOT NULL DEFAULT 0,
  comment_id INTEGER NOT NULL DEFAULT 0,
  details    TEXT    NOT NULL DEFAULT '{}',
  prev_hash  TEXT    NOT NULL,
  hash       TEXT    NOT NULL
);
CREATE INDEX events_item ON events(item_id) WHERE item_id != 0;
CREATE INDEX events_kind_at ON events(kind, at_ms);
CREATE INDEX events_at ON events(at_ms);
)sql",
      // 3: the outbox of actions on the platforms (replies, hide/unhide,
      // private replies), each written in the transaction that decided it and
      // sent by the outbox sender at most once (see src/outbox/sender.h).
      R"sql(
CREATE TABLE outbox (
  id                 INTEGER PRIMARY KEY,
  item_id            INTEGER NOT NULL DEFAULT 0,   -- 0 for actions without an item (auto-hide)
  comment_id         INTEGER NOT NULL REFERENCES comments(id),
  reply_id           INTEGER NOT NULL DEFAULT 0,   -- replies(id) for kind 'reply'
  kind               TEXT    NOT NULL,             -- reply | hide | unhide | private_reply
  platform           TEXT    NOT NULL,
  page_id            TEXT    NOT NULL,
  target_id          TEXT    NOT NULL,             -- external id of the comment acted on
  text               TEXT    NOT NULL DEFAULT '',
  actor              TEXT    NOT NULL DEFAULT '',
  state              TEXT    NOT NULL,             -- queued | sending | sent | failed
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER NOT NULL DEFAULT 0,
  verify_first       INTEGER NOT NULL DEFAULT 0,   -- an earlier attempt may have posted: look first
  sending_at_ms      INTEGER NOT NULL DEFAULT 0,   -- when the last attempt started
  platform_id        TEXT    NOT NULL DEFAULT '',  -- what the platform created
  error              TEXT    NOT NULL DEFAULT '',
  echo_comment_id    INTEGER NOT NULL DEFAULT 0,   -- our reply as it came back by webhook
  created_at_ms      INTEGER NOT NULL,
  updated_at_ms      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at_ms);
CREATE INDEX outbox_item ON outbox(item_id);
CREATE INDEX outbox_comment ON outbox(comment_id);
CREATE INDEX outbox_target ON outbox(platform, target_id);
CREATE INDEX outbox_platform_id ON outbox(platform, platform_id);
)sql",
      // 4: the rules generation, one row bumped by every successful rules
      // reload, which every instance sharing the store polls so that a reload
      // on one reaches all (issue #9). No row until the first reload.
      R"sql(
CREATE TABLE rules_generation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  generation    INTEGER NOT NULL,
  rules_version TEXT    NOT NULL,             -- what the reloading instance loaded
  actor         TEXT    NOT NULL,
  at_ms         INTEGER NOT NULL
);
)sql",
      // 5: every two-column lookup index leads with its selective column.
      // On PostgreSQL a prepared statement's generic plan, made while a table
      // is still empty and kept until the next ANALYZE, used comments_parent
      // (platform, parent_id) for the lookup by (platform, external_id) and
      // filtered every comment of the platform (1 ms per webhook comment at
      // 2,000 stored). With platform second, only the unique index fits it.
      // Both engines keep the same shape (tests/store/sql/pg_migrations_test).
      R"sql(
DROP INDEX comments_author;
CREATE INDEX comments_author ON comments(author_id, platform);
DROP INDEX comments_parent;
CREATE INDEX comments_parent ON comments(parent_id, platform);
DROP INDEX outbox_target;
CREATE INDEX outbox_target ON outbox(target_id, platform);
DROP INDEX outbox_platform_id;
CREATE INDEX outbox_platform_id ON outbox(platform_id, platform);
)sql",
  };
  return kMigrations;
}

}  // namespace turnaround::store
