// UserStore on both engines (tests/store/sql/engines.h), through the
// sql::Pool the service wires it with.
#include "store/user_store.h"

#include <thread>

#include <catch2/catch.hpp>

#include "store/event_log.h"
#include "store/sql/open.h"
#include "sql/engines.h"

using namespace turnaround;
using testing::Engine;

namespace {

std::unique_ptr<store::UserStore> MakeStore(const testing::ScratchDb& db) {
  auto pool = store::sql::OpenPool(db.url());
  INFO(pool.status().ToString());
  REQUIRE(pool.ok());
  return std::make_unique<store::UserStore>(pool.value());
}

// A separate connection for looking at the tables behind the store's back.
std::unique_ptr<store::sql::Connection> Inspect(const testing::ScratchDb& db) {
  auto conn = store::sql::OpenConnection(db.url());
  REQUIRE(conn.ok());
  return std::move(conn).value();
}

std::int64_t Count(store::sql::Connection& c, const std::string& sql, const store::sql::Params& params = {}) {
  auto row = c.QueryRow(sql, params);
  INFO(row.status().ToString());
  REQUIRE(row.ok());
  return (*row)->Int(0);
}

model::User Agent(const std::string& name, model::Role role = model::Role::kAgent) {
  model::User u;
  u.name = name;
  u.role = role;
  u.password_hash = "pbkdf2-sha256$1$c2FsdA$aGFzaA";
  return u;
}

// The audit chain checked on either engine: ids 1..n, each prev_hash the
// hash before it, each hash the event's own.
void CheckChain(store::sql::Connection& c, std::int64_t expected_events) {
  auto rows = c.Query("SELECT id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash "
                      "FROM events ORDER BY id");
  REQUIRE(rows.ok());
  CHECK(static_cast<std::int64_t>(rows->size()) == expected_events);
  std::string prev(64, '0');
  std::int64_t id = 1;
  for (const auto& r : *rows) {
    model::Event e{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5), r.Text(6), r.Text(7), r.Text(8)};
    CHECK(e.id == id++);
    CHECK(e.prev_hash == prev);
    CHECK(store::EventHash(e) == e.hash);
    prev = e.hash;
  }
}

}  // namespace

TEST_CASE("user store adds lists and finds users on each engine", "[store][users]") {
  TA_ON_EACH_ENGINE(db);
  auto users = MakeStore(db);
  auto bo = users->Add(Agent("bo", model::Role::kSupervisor), "admin", 1000);
  REQUIRE(bo.ok());
  CHECK(bo->id > 0);
  CHECK(bo->created_at_ms == 1000);
  auto al = users->Add(Agent("al"), "admin", 2000);
  REQUIRE(al.ok());
  CHECK(al->id != bo->id);

  auto dup = users->Add(Agent("al"), "admin", 3000);
  CHECK(dup.status().code() == core::Code::kConflict);
  CHECK_THAT(dup.status().message(), Catch::Contains("already exists"));

  auto list = users->List();
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].name == "al");  // ordered by name
  CHECK((*list)[1].role == model::Role::kSupervisor);

  auto found = users->FindByName("bo");
  REQUIRE(found.ok());
  CHECK(found->id == bo->id);
  CHECK(found->password_hash == Agent("bo").password_hash);
  CHECK_FALSE(found->disabled);
  CHECK(users->FindByName("nobody").status().code() == core::Code::kNotFound);

  auto c = Inspect(db);
  CHECK(Count(*c, "SELECT count(*) FROM events WHERE kind = 'user.add' AND actor = 'admin'") == 2);
  CheckChain(*c, 2);  // the refused duplicate left no event
}

TEST_CASE("user store tokens resolve until revoked", "[store][users]") {
  TA_ON_EACH_ENGINE(db);
  auto users = MakeStore(db);
  auto al = users->Add(Agent("al"), "admin", 1);
  REQUIRE(al.ok());
  const std::string h1(64, 'a'), h2(64, 'b');
  REQUIRE(users->AddToken(al->id, h1, "laptop", "admin", 2).ok());
  REQUIRE(users->AddToken(al->id, h2, "phone", "admin", 3).ok());
  CHECK_FALSE(users->AddToken(al->id, h1, "again", "admin", 4).ok());  // token hashes are unique

  auto who = users->FindByTokenHash(h1);
  REQUIRE(who.ok());
  CHECK(who->name == "al");
  CHECK(users->FindByTokenHash(std::string(64, 'c')).status().code() == core::Code::kUnauthenticated);

  CHECK(users->RevokeTokens("al", "admin", 5).value() == 2);
  CHECK(users->RevokeTokens("al", "admin", 6).value() == 0);
  CHECK(users->RevokeTokens("nobody", "admin", 7).status().code() == core::Code::kNotFound);
  CHECK(users->FindByTokenHash(h1).status().code() == core::Code::kUnauthenticated);

  auto c = Inspect(db);
  // The audit keeps a short prefix of a token's hash, never the whole of it.
  CHECK(Count(*c, "SELECT count(*) FROM events WHERE kind = 'token.create' AND details LIKE ?",
              {"%" + h1.substr(0, 8) + "%"}) == 1);  // the refused duplicate left none
  CHECK(Count(*c, "SELECT count(*) FROM events WHERE details LIKE ?", {"%" + h1 + "%"}) == 0);
  CheckChain(*c, 1 + 2 + 2);  // add, two tokens, two revocations
}

TEST_CASE("user store sessions expire and disabling signs a user out", "[store][users]") {
  TA_ON_EACH_ENGINE(db);
  auto users = MakeStore(db);
  auto al = users->Add(Agent("al"), "admin", 1);
  REQUIRE(al.ok());
  REQUIRE(users->CreateSession("s1", al->id, "csrf1", 100, 200).ok());
  auto s = users->FindSession("s1", 150);
  REQUIRE(s.ok());
  CHECK(s->user.name == "al");
  CHECK(s->csrf_token == "csrf1");
  CHECK(s->expires_at_ms == 200);
  CHECK(users->FindSession("s1", 200).status().code() == core::Code::kUnauthenticated);

  // Creating a session sweeps the expired ones.
  auto c = Inspect(db);
  REQUIRE(users->CreateSession("s2", al->id, "csrf2", 300, 400).ok());
  CHECK(Count(*c, "SELECT count(*) FROM sessions WHERE id_hash = 's1'") == 0);
  REQUIRE(users->DeleteSession("s2").ok());
  CHECK(users->FindSession("s2", 310).status().code() == core::Code::kUnauthenticated);

  REQUIRE(users->CreateSession("s3", al->id, "csrf3", 500, 900).ok());
  REQUIRE(users->AddToken(al->id, std::string(64, 'd'), "", "admin", 500).ok());
  REQUIRE(users->Disable("al", "admin", 600).ok());
  CHECK(users->FindByName("al")->disabled);
  CHECK(users->FindSession("s3", 610).status().code() == core::Code::kUnauthenticated);
  CHECK(users->FindByTokenHash(std::string(64, 'd')).status().code() == core::Code::kUnauthenticated);
  CHECK(Count(*c, "SELECT count(*) FROM tokens WHERE revoked_at_ms = 600") == 1);
  CHECK(users->Disable("nobody", "admin", 700).code() == core::Code::kNotFound);
  CheckChain(*c, 1 + 1 + 1);
}

TEST_CASE("user stores of two instances keep one audit chain", "[store][users]") {
  TA_ON_EACH_ENGINE(db);
  auto a = MakeStore(db);
  auto b = MakeStore(db);
  constexpr int kEach = 40;
  int failures_a = 0, failures_b = 0;
  auto add = [](store::UserStore& users, const std::string& prefix, int* failures) {
    for (int i = 0; i < kEach; ++i) {
      if (!users.Add(Agent(prefix + std::to_string(i)), prefix, i).ok()) ++*failures;
    }
  };
  std::thread ta(add, std::ref(*a), "a", &failures_a);
  std::thread tb(add, std::ref(*b), "b", &failures_b);
  ta.join();
  tb.join();
  CHECK(failures_a == 0);
  CHECK(failures_b == 0);
  auto c = Inspect(db);
  CheckChain(*c, 2 * kEach);
}
