// sql_bench: the SQL layer's cost per operation on one engine, one thread.
// Usage: sql_bench URL [N]   (URL: sqlite:PATH or postgresql://...; the
// tables it uses are created and dropped; N operations of each kind)
// Prints lookup_per_s (a cached prepared point query), insert_tx_per_s (one
// INSERT per transaction, so one commit each) and batch_insert_per_s (N
// inserts in one transaction). Wall-clock: on a shared machine, compare
// figures of one run, not across runs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "store/sql/open.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace sql = turnaround::store::sql;
namespace core = turnaround::core;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

int Fail(const core::Status& s) {
  std::fprintf(stderr, "sql_bench: %s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: sql_bench URL [N]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto opened = sql::OpenConnection(argv[1]);
  if (!opened.ok()) return Fail(opened.status());
  sql::Connection& c = **opened;
  core::Status s = c.ExecScript(
      "DROP TABLE IF EXISTS sqlbench; CREATE TABLE sqlbench (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
  if (!s.ok()) return Fail(s);

  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    s = sql::InTransaction(c, [&] { return c.Exec("INSERT INTO sqlbench VALUES (?, ?)", {i, "row"}).status(); });
    if (!s.ok()) return Fail(s);
  }
  const double tx = n / Seconds(start);

  start = Clock::now();
  s = sql::InTransaction(c, [&]() -> core::Status {
    for (int i = n; i < 2 * n; ++i) {
      TA_RETURN_IF_ERROR(c.Exec("INSERT INTO sqlbench VALUES (?, ?)", {i, "row"}).status());
    }
    return core::Status::Ok();
  });
  if (!s.ok()) return Fail(s);
  const double batch = n / Seconds(start);

  start = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto row = c.QueryRow("SELECT name FROM sqlbench WHERE id = ?", {(i * 7919) % (2 * n)});
    if (!row.ok()) return Fail(row.status());
  }
  const double lookup = n / Seconds(start);

  s = c.ExecScript("DROP TABLE sqlbench");
  if (!s.ok()) return Fail(s);
  std::printf("lookup_per_s=%.0f insert_tx_per_s=%.0f batch_insert_per_s=%.0f\n", lookup, tx, batch);
  return 0;
}
