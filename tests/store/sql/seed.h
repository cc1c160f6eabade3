// Rows for store tests on either engine (tests/store/sql/engines.h), written
// straight through a sql::Connection: the delivery writer that stores
// comments and items in the server is SQLite-only for now.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "store/item_store.h"
#include "store/sql/open.h"
#include "engines.h"

namespace turnaround::testing {

// A comment to store; received_at_ms also serves as its updated time.
struct SeedComment {
  std::string platform = "facebook";
  std::string external_id;
  std::string page_id = "page-1";
  std::string parent_id;
  std::string author_id = "fan-1";
  std::string text = "still waiting";
  std::int64_t created_at_ms = 0;
  std::int64_t received_at_ms = 1000;
};

class Seeder {
 public:
  explicit Seeder(const ScratchDb& db) {
    auto conn = store::sql::OpenConnection(db.url());
    INFO(conn.status().ToString());
    REQUIRE(conn.ok());
    conn_ = std::move(conn).value();
    auto delivery = conn_->InsertReturningId(
        "INSERT INTO deliveries(endpoint, received_at_ms, accepted, http_status, body) VALUES ('generic', 0, 1, 200, ?)",
        {store::sql::Blob{}});
    INFO(delivery.status().ToString());
    REQUIRE(delivery.ok());
    delivery_id_ = *delivery;
  }

  store::sql::Connection& conn() { return *conn_; }

  // Returns the comment's id.
  std::int64_t Comment(const SeedComment& c) {
    auto id = conn_->InsertReturningId(
        "INSERT INTO comments(platform, external_id, page_id, parent_id, author_id, author_name, text, "
        "created_at_ms, received_at_ms, updated_at_ms, delivery_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        {c.platform, c.external_id, c.page_id, c.parent_id, c.author_id, "Fan " + c.author_id, c.text,
         c.created_at_ms, c.received_at_ms, c.received_at_ms, delivery_id_});
    INFO(id.status().ToString());
    REQUIRE(id.ok());
    return *id;
  }

  // Stores `item` for a new comment `external_id` (platform taken from the
  // item, "facebook" if empty) and returns it with its ids set.
  model::Item Item(model::Item item, const std::string& external_id) {
    if (item.platform.empty()) item.platform = "facebook";
    SeedComment c;
    c.platform = item.platform;
    c.external_id = external_id;
    c.received_at_ms = item.received_at_ms;
    item.comment_id = Comment(c);
    core::Status s = store::InsertItem(*conn_, item);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return item;
  }

  std::int64_t Count(const std::string& sql, const store::sql::Params& params = {}) {
    auto row = conn_->QueryRow(sql, params);
    INFO(row.status().ToString());
    REQUIRE(row.ok());
    return (*row)->Int(0);
  }

 private:
  std::unique_ptr<store::sql::Connection> conn_;
  std::int64_t delivery_id_ = 0;
};

// A pool on `db` as the server opens it (sql::OpenPool). Each call is a
// separate pool: a separate instance.
inline std::shared_ptr<store::sql::Pool> InstancePool(const ScratchDb& db) {
  auto pool = store::sql::OpenPool(db.url());
  INFO(pool.status().ToString());
  REQUIRE(pool.ok());
  return std::move(pool).value();
}

}  // namespace turnaround::testing
