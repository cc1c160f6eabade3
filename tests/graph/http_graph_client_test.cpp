#include "graph/http_graph_client.h"

#include <catch2/catch.hpp>

#include "fakes/fake_graph_server.h"

using namespace turnaround;
using testing::FakeGraphServer;

namespace {

graph::HttpGraphClient ClientFor(const FakeGraphServer& fake, int timeout_s = 5) {
  return graph::HttpGraphClient({fake.base_url(), "v21.0", timeout_s});
}

graph::Target Fb(const std::string& object) { return {"facebook", "page-1", object, "tok-secret"}; }
graph::Target Ig(const std::string& object) { return {"instagram", "ig-1", object, "tok-secret"}; }

}  // namespace

TEST_CASE("graph errors are classified as transient or permanent by code and status", "[graph]") {
  struct Row {
    int status, code;
    graph::FailureKind kind;
  } rows[] = {
      {500, 0, graph::FailureKind::kTransient},    {503, 2, graph::FailureKind::kTransient},
      {429, 0, graph::FailureKind::kTransient},    {400, 4, graph::FailureKind::kTransient},
      {400, 17, graph::FailureKind::kTransient},   {400, 32, graph::FailureKind::kTransient},
      {400, 613, graph::FailureKind::kTransient},  {400, 80001, graph::FailureKind::kTransient},
      {400, 80014, graph::FailureKind::kTransient}, {0, 0, graph::FailureKind::kTransient},
      {400, 190, graph::FailureKind::kPermanent},  {400, 10, graph::FailureKind::kPermanent},
      {403, 200, graph::FailureKind::kPermanent},  {400, 299, graph::FailureKind::kPermanent},
      {400, 100, graph::FailureKind::kPermanent},  {400, 368, graph::FailureKind::kPermanent},
      {404, 0, graph::FailureKind::kPermanent},    {400, 80015, graph::FailureKind::kPermanent},
  };
  for (const Row& r : rows) {
    INFO("status " << r.status << " code " << r.code);
    CHECK(graph::ClassifyGraphError(r.status, r.code) == r.kind);
  }
}

TEST_CASE("a facebook public reply posts to the comment's comments edge with the token as a form field", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  auto r = client.PublicReply(Fb("post1_c1"), "Thank you, we are looking into it");
  REQUIRE(r.ok());
  CHECK(r.value->id.rfind("post1_c1_fake", 0) == 0);
  auto reqs = fake.Requests();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].method == "POST");
  CHECK(reqs[0].path == "/v21.0/post1_c1/comments");
  CHECK(reqs[0].Param("message") == "Thank you, we are looking into it");
  CHECK(reqs[0].Param("access_token") == "tok-secret");
}

TEST_CASE("an instagram public reply posts to the replies edge", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  auto r = client.PublicReply(Ig("17890"), "Sorry to hear that");
  REQUIRE(r.ok());
  CHECK(fake.Count("POST", "/v21.0/17890/replies") == 1);
}

TEST_CASE("hide and unhide use is_hidden on facebook and hide on instagram", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  REQUIRE(client.SetHidden(Fb("c1"), true).ok());
  REQUIRE(client.SetHidden(Ig("c2"), false).ok());
  auto reqs = fake.Requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].path == "/v21.0/c1");
  CHECK(reqs[0].Param("is_hidden") == "true");
  CHECK(reqs[1].path == "/v21.0/c2");
  CHECK(reqs[1].Param("hide") == "false");
  CHECK(reqs[1].Param("is_hidden").empty());
}

TEST_CASE("a private reply goes to the page's messages with the comment as recipient", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  auto r = client.PrivateReply(Fb("c9"), "Please send us your details privately");
  REQUIRE(r.ok());
  CHECK(r.value->id.rfind("m_fake", 0) == 0);
  auto reqs = fake.Requests();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].path == "/v21.0/page-1/messages");
  CHECK(reqs[0].Param("recipient") == R"({"comment_id":"c9"})");
  CHECK(reqs[0].Param("message") == R"({"text":"Please send us your details privately"})");
}

TEST_CASE("graph failures carry the platform's message and their kind", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  const std::string path = "/v21.0/c1/comments";
  fake.Script(path, {FakeGraphServer::ServerError(), FakeGraphServer::RateLimited(120),
                     FakeGraphServer::ExpiredToken(), FakeGraphServer::DeletedComment()});
  auto e5xx = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(e5xx.ok());
  CHECK(e5xx.failure.kind == graph::FailureKind::kTransient);
  CHECK(e5xx.failure.http_status == 503);
  auto limited = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(limited.ok());
  CHECK(limited.failure.kind == graph::FailureKind::kTransient);
  CHECK(limited.failure.code == 4);
  CHECK(limited.failure.retry_after_ms == 120000);
  auto expired = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.failure.kind == graph::FailureKind::kPermanent);
  CHECK(expired.failure.code == 190);
  CHECK(expired.failure.subcode == 463);
  CHECK(expired.failure.message.find("Session has expired") != std::string::npos);
  auto deleted = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(deleted.ok());
  CHECK(deleted.failure.kind == graph::FailureKind::kPermanent);
  CHECK(deleted.failure.code == 100);
  CHECK(client.PublicReply(Fb("c1"), "x").ok());  // the script is used up
}

TEST_CASE("no answer from the graph api is a transient failure that does not reveal the token", "[graph]") {
  int port = 0;
  {
    FakeGraphServer gone;
    port = gone.port();
  }
  graph::HttpGraphClient client({"http://127.0.0.1:" + std::to_string(port), "v21.0", 1});
  auto r = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(r.ok());
  CHECK(r.failure.kind == graph::FailureKind::kTransient);
  CHECK(r.failure.http_status == 0);
  CHECK_FALSE(r.failure.maybe_done);  // refused: nothing reached the platform
  CHECK(r.failure.message.find("tok-secret") == std::string::npos);
}

TEST_CASE("a timeout after the request was sent says the post may have happened", "[graph]") {
  FakeGraphServer fake;
  fake.Script("/v21.0/c1/comments", {FakeGraphServer::Hang()});
  graph::HttpGraphClient client({fake.base_url(), "v21.0", 1});
  auto r = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(r.ok());
  CHECK(r.failure.kind == graph::FailureKind::kTransient);
  CHECK(r.failure.maybe_done);
  fake.ReleaseHangs();
  auto listed = client.ListComments(Fb("c1"), graph::CommentsOf::kComment, "", 25);
  REQUIRE(listed.ok());
  REQUIRE(listed.value->data.size() == 1);  // the fake did post it
  CHECK(listed.value->data[0].from_id == "page-1");
}

TEST_CASE("a success without the expected id is permanent so a post is never repeated", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  fake.Script("/v21.0/c1/comments", {{200, R"({"ok":1})", {}, false}});
  auto r = client.PublicReply(Fb("c1"), "x");
  REQUIRE_FALSE(r.ok());
  CHECK(r.failure.kind == graph::FailureKind::kPermanent);
}

TEST_CASE("usage headers are parsed so a poller can back off", "[graph]") {
  FakeGraphServer fake;
  auto client = ClientFor(fake);
  fake.Script("/v21.0/page-1/feed",
              {{503, R"({"error":{"message":"busy","code":80001}})",
                {{"X-App-Usage", R"({"call_count":12,"total_cputime":40,"total_time":7})"},
                 {"X-Business-Use-Case-Usage",
                  R"({"123":[{"type":"pages","call_count":95,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":2}]})"}},
                false}});
  auto r = client.ListPosts(Fb(""), "", 10);
  REQUIRE_FALSE(r.ok());
  CHECK(r.usage.call_count == 95);
  CHECK(r.usage.total_cputime == 40);
  CHECK(r.usage.MaxPercent() == 95);
  CHECK(r.usage.regain_access_ms == 120000);
  CHECK(r.failure.retry_after_ms == 120000);
  CHECK(r.failure.kind == graph::FailureKind::kTransient);
}

TEST_CASE("comment listings page through with the after cursor", "[graph]") {
  FakeGraphServer fake;
  for (int i = 0; i < 5; ++i) {
    fake.SeedComment("post1", "c" + std::to_string(i), "u" + std::to_string(i), "text " + std::to_string(i),
                     "2026-11-24T05:00:0" + std::to_string(i) + "+0000");
  }
  auto client = ClientFor(fake);
  std::vector<graph::RemoteComment> all;
  std::string cursor;
  int pages = 0;
  do {
    auto r = client.ListComments(Fb("post1"), graph::CommentsOf::kPost, cursor, 2);
    REQUIRE(r.ok());
    for (auto& c : r.value->data) all.push_back(c);
    cursor = r.value->next_cursor;
    ++pages;
  } while (!cursor.empty() && pages < 10);
  CHECK(pages == 3);
  REQUIRE(all.size() == 5);
  CHECK(all[4].id == "c4");
  CHECK(all[4].text == "text 4");
  CHECK(all[4].from_id == "u4");
  CHECK(all[4].parent_id == "post1");
  CHECK(all[4].created_at_ms == 1795496404000);
  CHECK(fake.Requests()[0].Param("fields").find("message") != std::string::npos);
}

TEST_CASE("instagram listings read replies of a comment and media of the account", "[graph]") {
  FakeGraphServer fake;
  fake.SeedComment("ig-c1", "ig-r1", "someone", "hello", "2026-11-24T05:00:00+0000");
  fake.SeedPost("ig-1", "media-1", "2026-11-24T04:00:00+0000");
  auto client = ClientFor(fake);
  auto replies = client.ListComments(Ig("ig-c1"), graph::CommentsOf::kComment, "", 25);
  REQUIRE(replies.ok());
  REQUIRE(replies.value->data.size() == 1);
  CHECK(replies.value->data[0].text == "hello");
  CHECK(replies.value->data[0].from_name == "someone");
  CHECK(fake.Count("GET", "/v21.0/ig-c1/replies") == 1);
  auto media = client.ListPosts(Ig(""), "", 25);
  REQUIRE(media.ok());
  REQUIRE(media.value->data.size() == 1);
  CHECK(media.value->data[0].id == "media-1");
  CHECK(fake.Count("GET", "/v21.0/ig-1/media") == 1);
}
