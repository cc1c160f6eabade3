// WalCheckpointer: with SQLite's automatic checkpoint replaced, the writer's
// WAL is copied back by the checkpointer's own thread past the threshold, and
// by the committing connection itself past the limit (the thread starved), so
// the WAL file stays bounded; no committed row is lost either way.
#include "store/wal_checkpointer.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "store/database.h"
#include "test_util.h"

using namespace turnaround;

namespace {

constexpr int kCommits = 40;
constexpr int kRowsPerCommit = 10;  // a 4,000-byte row takes about a page: ~400 pages in all

std::unique_ptr<SQLite::Database> OpenWriter(const std::string& path) {
  auto db = store::OpenDatabase(path);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  (*db)->exec("CREATE TABLE IF NOT EXISTS wal_test (id INTEGER PRIMARY KEY, b BLOB)");
  return std::move(db).value();
}

void CommitRows(SQLite::Database& db) {
  SQLite::Transaction tx(db);
  SQLite::Statement insert(db, "INSERT INTO wal_test(b) VALUES (zeroblob(4000))");
  for (int i = 0; i < kRowsPerCommit; ++i) {
    insert.exec();
    insert.reset();
  }
  tx.commit();
}

std::uintmax_t WalBytes(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t n = std::filesystem::file_size(path + "-wal", ec);
  return ec ? 0 : n;
}

void CheckAllRows(SQLite::Database& db) {
  CHECK(db.execAndGet("SELECT count(*) FROM wal_test").getInt() == kCommits * kRowsPerCommit);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

}  // namespace

TEST_CASE("wal checkpoints past the threshold run on the checkpointer's thread", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("wal.db");
  auto writer = OpenWriter(path);
  auto checkpointer = store::WalCheckpointer::Start(path, /*threshold_pages=*/50, /*limit_pages=*/1'000'000);
  REQUIRE(checkpointer.ok());
  (*checkpointer)->Attach(*writer);
  for (int i = 0; i < kCommits; ++i) CommitRows(*writer);
  // The thread runs when it gets the CPU; wait for it rather than guess.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while ((*checkpointer)->background_checkpoints() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK((*checkpointer)->background_checkpoints() > 0);
  CHECK((*checkpointer)->inline_checkpoints() == 0);
  CheckAllRows(*writer);
  writer.reset();  // an attached connection closes before its checkpointer
}

TEST_CASE("wal past the limit is checkpointed by the committing connection and stays bounded", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("wal.db");
  auto writer = OpenWriter(path);
  // A threshold never reached: the thread never runs, as if starved of CPU.
  auto checkpointer = store::WalCheckpointer::Start(path, /*threshold_pages=*/1'000'000, /*limit_pages=*/64);
  REQUIRE(checkpointer.ok());
  (*checkpointer)->Attach(*writer);
  std::uintmax_t largest = 0;
  for (int i = 0; i < kCommits; ++i) {
    CommitRows(*writer);
    largest = std::max(largest, WalBytes(path));
  }
  CHECK((*checkpointer)->background_checkpoints() == 0);
  CHECK((*checkpointer)->inline_checkpoints() > 0);
  // Each complete checkpoint lets the next commit start the WAL over, so it
  // never holds much more than the limit plus one commit (~80 pages of 4 KB);
  // without any checkpoint it would hold all ~400 pages (1.6 MB).
  INFO("largest WAL " << largest << " bytes");
  CHECK(largest > 0);
  CHECK(largest < 1'000'000);
  CheckAllRows(*writer);
  writer.reset();
}

TEST_CASE("a wal that cannot restart asks for one checkpoint per threshold of new log", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("wal.db");
  auto writer = OpenWriter(path);
  // A reader holding a snapshot from before the commits: no checkpoint may
  // copy past it, so the log only grows, as under a steady ingest where the
  // writer appends while each checkpoint runs. Asking after every commit
  // past the threshold made ~35 requests here (a checkpoint and a database
  // fsync per commit under load).
  auto reader = store::OpenDatabase(path);
  REQUIRE(reader.ok());
  (*reader)->exec("BEGIN");
  CHECK((*reader)->execAndGet("SELECT count(*) FROM wal_test").getInt() == 0);
  constexpr int kThreshold = 50;
  auto checkpointer = store::WalCheckpointer::Start(path, kThreshold, /*limit_pages=*/1'000'000);
  REQUIRE(checkpointer.ok());
  (*checkpointer)->Attach(*writer);
  for (int i = 0; i < kCommits; ++i) CommitRows(*writer);
  // 32-byte header, then frames of a 4,096-byte page and a 24-byte header.
  const auto frames = static_cast<std::uint64_t>((WalBytes(path) - 32) / (4096 + 24));
  INFO("wal frames " << frames);
  REQUIRE(frames >= 400);
  CHECK((*checkpointer)->requested_checkpoints() <= frames / kThreshold);
  // Each request comes at the first commit past the mark, up to a commit's
  // pages (~11) late.
  CHECK((*checkpointer)->requested_checkpoints() >= frames / (kThreshold + 20));
  (*reader)->exec("COMMIT");
  reader->reset();
  CheckAllRows(*writer);
  writer.reset();
}
