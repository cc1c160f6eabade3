// The pages/graph/moderation part of the configuration: where page tokens
// come from and what is refused.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "app/config.h"
#include "test_util.h"

using namespace turnaround;

namespace {

core::Status Load(const testing::TempDir& dir, const std::string& json, app::Config* config) {
  const std::string path = dir.File("config.json");
  std::ofstream(path) << json;
  return app::LoadConfigFile(path, config);
}

}  // namespace

TEST_CASE("page tokens load from the environment and graph settings from the file", "[app]") {
  testing::TempDir dir;
  ::setenv("TA_TEST_PAGE_TOKEN", "tok-from-env", 1);
  app::Config c;
  REQUIRE(Load(dir,
               R"({"pages":[{"platform":"facebook","page_id":"1001","name":"Riverside","token_env":"TA_TEST_PAGE_TOKEN"}],
                   "graph":{"base_url":"http://127.0.0.1:9","version":"v20.0","timeout_s":3,"max_attempts":2},
                   "moderation":{"auto_hide_spam":true}})",
               &c)
              .ok());
  REQUIRE(c.pages.size() == 1);
  CHECK(c.pages[0].token == "tok-from-env");
  CHECK(c.pages[0].page_id == "1001");
  CHECK(c.graph.base_url == "http://127.0.0.1:9");
  CHECK(c.graph.version == "v20.0");
  CHECK(c.graph.timeout_s == 3);
  CHECK(c.graph.max_attempts == 2);
  CHECK(c.moderation.auto_hide_spam);
  app::Config defaults;
  CHECK(defaults.pages.empty());
  CHECK(defaults.graph.base_url == "https://graph.facebook.com");
  CHECK_FALSE(defaults.moderation.auto_hide_spam);
}

TEST_CASE("a token file must be readable by its owner only", "[app]") {
  testing::TempDir dir;
  const std::string token = dir.File("page.token");
  std::ofstream(token) << "tok-from-file\n";
  const std::string json = R"({"pages":[{"platform":"instagram","page_id":"17841","token_file":")" + token + R"("}]})";
  ::chmod(token.c_str(), 0644);
  app::Config refused;
  core::Status s = Load(dir, json, &refused);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.message(), Catch::Contains("readable by group or others"));
  CHECK_THAT(s.message(), !Catch::Contains("tok-from-file"));
  ::chmod(token.c_str(), 0600);
  app::Config c;
  REQUIRE(Load(dir, json, &c).ok());
  CHECK(c.pages[0].token == "tok-from-file");
}

TEST_CASE("bad page and graph settings are refused with the key", "[app]") {
  testing::TempDir dir;
  ::unsetenv("TA_TEST_MISSING_TOKEN");
  struct Row {
    const char* json;
    const char* error;
  } rows[] = {
      {R"({"pages":[{"platform":"twitter","page_id":"1","token_env":"X"}]})", "pages[0].platform"},
      {R"({"pages":[{"platform":"facebook","token_env":"X"}]})", "pages[0].page_id"},
      {R"({"pages":[{"platform":"facebook","page_id":"1"}]})", "exactly one of token_env and token_file"},
      {R"({"pages":[{"platform":"facebook","page_id":"1","token_env":"TA_TEST_MISSING_TOKEN"}]})", "is not set"},
      {R"({"pages":[{"platform":"facebook","page_id":"1","token":"inline"}]})", "pages[0].token: unknown setting"},
      {R"({"graph":{"base_url":"graph.facebook.com"}})", "graph.base_url"},
      {R"({"graph":{"timeout_s":0}})", "graph.timeout_s"},
      {R"({"moderation":{"auto_hide_spam":"yes"}})", "moderation.auto_hide_spam"},
      {R"({"moderation":{"auto_hide":true}})", "moderation.auto_hide: unknown setting"},
      {R"({"classify":{"engine":"pcre"}})", "classify.engine: must be \"hyperscan\" or \"re2\""},
      {R"({"classify":{"cache_dir":5}})", "classify.cache_dir: must be a string"},
      {R"({"classify":"re2"})", "classify: must be an object"},
      {R"({"classify":{"cache":"x"}})", "classify.cache: unknown setting"},
  };
  for (const Row& r : rows) {
    INFO(r.json);
    app::Config c;
    core::Status s = Load(dir, r.json, &c);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains(r.error));
  }
}

TEST_CASE("db in the config takes a store URL or a SQLite path and refuses any other scheme", "[app]") {
  testing::TempDir dir;
  for (const char* good : {"var/t.db", "sqlite:/tmp/t.db", "postgresql://u:pw@h:5432/db", "postgres://u@h/db"}) {
    app::Config c;
    INFO(good);
    REQUIRE(Load(dir, std::string(R"({"db":")") + good + "\"}", &c).ok());
    CHECK(c.db == good);
  }
  for (const char* bad : {"mysql://u:secret@h/db", "sqlite:", ""}) {
    app::Config c;
    INFO(bad);
    core::Status s = Load(dir, std::string(R"({"db":")") + bad + "\"}", &c);
    CHECK(s.code() == core::Code::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains("db: must be sqlite:PATH, postgresql://... or the path of a SQLite file"));
    CHECK_THAT(s.message(), !Catch::Contains("secret"));
  }
  CHECK(app::CheckDb("--db", "postgresql://u@h/db").ok());
  CHECK_THAT(app::CheckDb("--db", "mysql://u:secret@h/db").message(), Catch::Contains("--db: must be"));
}

TEST_CASE("classify settings choose the matching engine and where compiled rules are cached", "[app]") {
  testing::TempDir dir;
  app::Config c;
  CHECK(c.classify.engine == "hyperscan");
  CHECK(c.classify.cache_dir == "var/cache");
  REQUIRE(Load(dir, R"({"classify":{"engine":"re2","cache_dir":"/tmp/x"}})", &c).ok());
  CHECK(c.classify.engine == "re2");
  CHECK(c.classify.cache_dir == "/tmp/x");
}

TEST_CASE("http.queue_page_cache_ms is 2 s unless set, 0 turns it off, and out of range is refused", "[app]") {
  testing::TempDir dir;
  app::Config c;
  CHECK(c.http.queue_page_cache_ms == 2000);
  REQUIRE(Load(dir, R"({"http":{"queue_page_cache_ms":0}})", &c).ok());
  CHECK(c.http.queue_page_cache_ms == 0);
  for (const char* bad : {R"({"http":{"queue_page_cache_ms":-1}})", R"({"http":{"queue_page_cache_ms":60001}})",
                          R"({"http":{"queue_page_cache_ms":"2s"}})"}) {
    app::Config d;
    core::Status s = Load(dir, bad, &d);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("queue_page_cache_ms") != std::string::npos);
  }
}
