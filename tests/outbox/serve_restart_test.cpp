// The real binary, killed with SIGKILL while its reply is at the platform,
// then restarted: the reply is posted at most once and its delivery settles.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "fakes/fake_graph_server.h"
#include "ingest/signature.h"
#include "test_util.h"

extern char** environ;

using namespace turnaround;
using nlohmann::json;
using testing::FakeGraphServer;

namespace {

const std::string kPost = "/v21.0/2002_3003/comments";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class Serve {
 public:
  Serve(const std::string& config, std::string log) : log_(std::move(log)) {
    const std::size_t log_size_before = ReadFile(log_).size();
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    env.emplace_back("TEST_PAGE_TOKEN=page-secret-token");
    env.emplace_back("TURNAROUND_META_APP_SECRET=meta-secret");
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string bin = TURNAROUND_BINARY, serve = "serve", flag = "--config", cfg = config;
    char* argv[] = {bin.data(), serve.data(), flag.data(), cfg.data(), nullptr};
    const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    pid_ = ::fork();
    if (pid_ == 0) {  // only async-signal-safe calls until exec
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::execve(argv[0], argv, envp.data());
      ::_exit(127);
    }
    ::close(fd);
    // The port comes from the log line of this start (the config says port 0).
    const std::string marker = "listening on http://127.0.0.1:";
    for (int i = 0; i < 3600 && port_ == 0; ++i) {  // up to 3 min: ASan start-up compiles the rules slowly
      std::string log_text = ReadFile(log_);
      auto at = log_text.find(marker, log_size_before);
      if (at != std::string::npos) port_ = std::atoi(log_text.c_str() + at + marker.size());
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(port_ > 0);
  }
  ~Serve() {
    if (pid_ > 0) Kill(SIGKILL);
  }
  void Kill(int sig) {
    ::kill(pid_, sig);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
  }
  httplib::Client Client(const std::string& token) const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    c.set_bearer_token_auth(token.c_str());
    return c;
  }
  int port() const { return port_; }

 private:
  std::string log_;
  pid_t pid_ = 0;
  int port_ = 0;
};

std::string AddUser(const std::string& db) {
  std::string cmd = std::string(TURNAROUND_BINARY) + " user add ann --role agent --db '" + db + "'";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  auto at = out.find("token: ");
  REQUIRE(at != std::string::npos);
  return out.substr(at + 7, out.find('\n', at) - at - 7);
}

// Delivers the comment, claims and replies; returns the item id.
std::int64_t ReplyThroughApi(const Serve& serve, const std::string& token) {
  const std::string body = testing::ReadFixture("webhooks/facebook/comment_add.json");
  httplib::Client hook("127.0.0.1", serve.port());
  auto delivered = hook.Post("/webhooks/meta",
                             {{"X-Hub-Signature-256", "sha256=" + ingest::HmacSha256Hex("meta-secret", body)}}, body,
                             "application/json");
  REQUIRE(delivered);
  REQUIRE(delivered->status == 200);
  auto queue = serve.Client(token).Get("/api/queue");
  REQUIRE(queue);
  json items = json::parse(queue->body)["items"];
  REQUIRE(items.size() == 1);
  const std::int64_t id = items[0]["id"].get<std::int64_t>();
  const std::string base = "/api/items/" + std::to_string(id);
  REQUIRE(serve.Client(token).Post(base + "/claim", "{}", "application/json")->status == 200);
  auto replied = serve.Client(token).Post(base + "/reply", R"({"text":"We are sorry; please call us at the desk"})",
                                          "application/json");
  REQUIRE(replied);
  REQUIRE(replied->status == 200);
  return id;
}

// Replies through a first server and kills it with SIGKILL while the fake
// holds the answer: between the request and the commit of its result.
std::int64_t ReplyThenKill(const std::string& config, const std::string& log, const std::string& token,
                           const FakeGraphServer& fake) {
  Serve first(config, log);
  const std::int64_t id = ReplyThroughApi(first, token);
  REQUIRE(fake.WaitFor("POST", kPost, 1, 10000));
  first.Kill(SIGKILL);
  return id;
}

json Delivery(const Serve& serve, const std::string& token, std::int64_t id) {
  for (int i = 0; i < 200; ++i) {
    auto r = serve.Client(token).Get("/api/items/" + std::to_string(id));
    if (r && r->status == 200) {
      json d = json::parse(r->body)["replies"][0]["delivery"];
      if (d.is_object() && d["state"] != "queued" && d["state"] != "sending") return d;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return nullptr;
}

}  // namespace

TEST_CASE("serve killed during a reply request posts it at most once after a restart", "[outbox][serve]") {
  testing::TempDir dir;
  FakeGraphServer fake;
  fake.SetPageId("1001");
  const std::string db = dir.File("t.db");
  const std::string config = dir.File("config.json");
  std::ofstream(config) << json{{"listen", "127.0.0.1:0"},
                                {"db", db},
                                {"rules_dir", testing::RulesDir()},
                                {"templates_dir", testing::SourcePath("templates")},
                                // No Hyperscan compile in the background: a kill must not
                                // race one, and sanitizer builds compile for minutes.
                                {"classify", {{"engine", "re2"}}},
                                {"pages", {{{"platform", "facebook"}, {"page_id", "1001"}, {"name", "Riverside"},
                                            {"token_env", "TEST_PAGE_TOKEN"}}}},
                                {"graph", {{"base_url", fake.base_url()}, {"timeout_s", 30}}}}
                               .dump();
  const std::string token = AddUser(db);
  const std::string log = dir.File("serve.log");

  SECTION("the platform posted it before the kill: found and marked sent") {
    fake.Script(kPost, {FakeGraphServer::Hang()});
    const std::int64_t id = ReplyThenKill(config, log, token, fake);
    Serve second(config, log);
    json d = Delivery(second, token, id);
    REQUIRE(d.is_object());
    CHECK(d["state"] == "sent");
    CHECK(d["link"].get<std::string>().rfind("https://www.facebook.com/2002_3003_fake", 0) == 0);
    CHECK(fake.Count("POST", kPost) == 1);
    second.Kill(SIGTERM);
  }
  SECTION("the platform never did it: failed with outcome unknown, not sent again") {
    fake.Script(kPost, {FakeGraphServer::HangWithoutDoing()});
    const std::int64_t id = ReplyThenKill(config, log, token, fake);
    Serve second(config, log);
    json d = Delivery(second, token, id);
    REQUIRE(d.is_object());
    CHECK(d["state"] == "failed");
    CHECK(d["error"] == "outcome unknown after restart; check the platform");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a sender pass or more
    CHECK(fake.Count("POST", kPost) == 1);
    second.Kill(SIGTERM);
  }
  CHECK(ReadFile(log).find("page-secret-token") == std::string::npos);  // the token is never logged
}
