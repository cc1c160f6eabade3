#include "app/config.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/report_service.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

using nlohmann::json;

core::Status ReadString(const json& obj, const char* key, const std::string& path, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return core::Status::Ok();
  if (!it->is_string()) return core::InvalidArgument(path + key + ": must be a string");
  *out = it->get<std::string>();
  return core::Status::Ok();
}

core::Status ReadInt(const json& obj, const char* key, const std::string& path, long min, long max,
                     long* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return core::Status::Ok();
  if (!it->is_number_integer()) return core::InvalidArgument(path + key + ": must be an integer");
  long v = it->get<long>();
  if (v < min || v > max) {
    return core::InvalidArgument(path + key + ": must be between " + std::to_string(min) +
                                 " and " + std::to_string(max));
  }
  *out = v;
  return core::Status::Ok();
}

core::Status CheckKeys(const json& obj, const std::string& path,
                       std::initializer_list<const char*> allowed) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) return core::InvalidArgument(path + it.key() + ": unknown setting");
  }
  return core::Status::Ok();
}

core::Status LoadHttp(const json& h, HttpSettings* s) {
  if (!h.is_object()) return core::InvalidArgument("http: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(h, "http.", {"threads", "keep_alive_max_count", "keep_alive_timeout_s",
                                            "read_timeout_s", "write_timeout_s", "max_body_bytes",
                                            "request_deadline_s", "queue_page_cache_ms"}));
  long v;
  struct IntField {
    const char* key;
    long min, max;
    int* target;
  } fields[] = {
      {"threads", 1, 1024, &s->threads},
      {"keep_alive_max_count", 1, 1000000, &s->keep_alive_max_count},
      {"keep_alive_timeout_s", 1, 3600, &s->keep_alive_timeout_s},
      {"read_timeout_s", 1, 3600, &s->read_timeout_s},
      {"write_timeout_s", 1, 3600, &s->write_timeout_s},
      {"request_deadline_s", 1, 3600, &s->request_deadline_s},
      {"queue_page_cache_ms", 0, 60000, &s->queue_page_cache_ms},
  };
  for (const IntField& f : fields) {
    v = *f.target;
    TA_RETURN_IF_ERROR(ReadInt(h, f.key, "http.", f.min, f.max, &v));
    *f.target = static_cast<int>(v);
  }
  v = static_cast<long>(s->max_body_bytes);
  TA_RETURN_IF_ERROR(ReadInt(h, "max_body_bytes", "http.", 1024, 64L << 20, &v));
  s->max_body_bytes = static_cast<std::size_t>(v);
  return core::Status::Ok();
}

core::Status LoadQueue(const json& q, QueueConfig* c) {
  if (!q.is_object()) return core::InvalidArgument("queue: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(q, "queue.", {"lease_minutes", "sla_minutes"}));
  long v = c->lease_minutes;
  TA_RETURN_IF_ERROR(ReadInt(q, "lease_minutes", "queue.", 1, 24 * 60, &v));
  c->lease_minutes = static_cast<int>(v);
  if (auto sla = q.find("sla_minutes"); sla != q.end()) {
    if (!sla->is_object()) return core::InvalidArgument("queue.sla_minutes: must be an object");
    TA_RETURN_IF_ERROR(CheckKeys(*sla, "queue.sla_minutes.", {"urgent", "high", "normal", "low"}));
    struct Field {
      const char* key;
      int* target;
    } fields[] = {{"urgent", &c->sla_urgent_minutes},
                  {"high", &c->sla_high_minutes},
                  {"normal", &c->sla_normal_minutes},
                  {"low", &c->sla_low_minutes}};
    for (const Field& f : fields) {
      v = *f.target;
      TA_RETURN_IF_ERROR(ReadInt(*sla, f.key, "queue.sla_minutes.", 1, 30 * 24 * 60, &v));
      *f.target = static_cast<int>(v);
    }
  }
  return core::Status::Ok();
}

core::Status LoadAlerts(const json& a, AlertsConfig* c) {
  if (!a.is_object()) return core::InvalidArgument("alerts: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(a, "alerts.", {"spike_multiple", "min_flagged", "baseline_hours",
                                             "check_interval_s", "webhook_url"}));
  if (auto m = a.find("spike_multiple"); m != a.end()) {
    if (!m->is_number() || m->get<double>() < 1.0) {
      return core::InvalidArgument("alerts.spike_multiple: must be a number >= 1");
    }
    c->spike_multiple = m->get<double>();
  }
  long v = c->min_flagged;
  TA_RETURN_IF_ERROR(ReadInt(a, "min_flagged", "alerts.", 1, 1000000, &v));
  c->min_flagged = static_cast<int>(v);
  v = c->baseline_hours;
  TA_RETURN_IF_ERROR(ReadInt(a, "baseline_hours", "alerts.", 1, 24 * 28, &v));
  c->baseline_hours = static_cast<int>(v);
  v = c->check_interval_s;
  TA_RETURN_IF_ERROR(ReadInt(a, "check_interval_s", "alerts.", 5, 3600, &v));
  c->check_interval_s = static_cast<int>(v);
  TA_RETURN_IF_ERROR(ReadString(a, "webhook_url", "alerts.", &c->webhook_url));
  if (!c->webhook_url.empty() && c->webhook_url.rfind("http://", 0) != 0 &&
      c->webhook_url.rfind("https://", 0) != 0) {
    return core::InvalidArgument("alerts.webhook_url: must start with http:// or https://");
  }
  return core::Status::Ok();
}

core::Status LoadReconcile(const json& r, reconcile::Settings* c) {
  if (!r.is_object()) return core::InvalidArgument("reconcile: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(r, "reconcile.", {"interval_minutes", "lookback_hours", "max_posts",
                                                "max_calls_per_page", "backoff_usage_percent", "replies"}));
  struct IntField {
    const char* key;
    long min, max;
    int* target;
  } fields[] = {
      {"interval_minutes", 0, 24 * 60, &c->interval_minutes},
      {"lookback_hours", 1, 24 * 30, &c->lookback_hours},
      {"max_posts", 1, 1000, &c->max_posts},
      {"max_calls_per_page", 1, 100000, &c->max_calls},
      {"backoff_usage_percent", 1, 100, &c->backoff_usage_percent},
  };
  for (const IntField& f : fields) {
    long v = *f.target;
    TA_RETURN_IF_ERROR(ReadInt(r, f.key, "reconcile.", f.min, f.max, &v));
    *f.target = static_cast<int>(v);
  }
  if (auto rep = r.find("replies"); rep != r.end()) {
    if (!rep->is_boolean()) return core::InvalidArgument("reconcile.replies: must be true or false");
    c->read_replies = rep->get<bool>();
  }
  return core::Status::Ok();
}

core::Status LoadReplies(const json& r, RepliesConfig* c) {
  if (!r.is_object()) return core::InvalidArgument("replies: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(r, "replies.", {"page_name", "contact_phone", "contact_email", "contact_url"}));
  TA_RETURN_IF_ERROR(ReadString(r, "page_name", "replies.", &c->page_name));
  TA_RETURN_IF_ERROR(ReadString(r, "contact_phone", "replies.", &c->contact_phone));
  TA_RETURN_IF_ERROR(ReadString(r, "contact_email", "replies.", &c->contact_email));
  TA_RETURN_IF_ERROR(ReadString(r, "contact_url", "replies.", &c->contact_url));
  return core::Status::Ok();
}

// business_hours replaces the whole weekly table (days left out are closed).
core::Status LoadReports(const json& r, ReportsConfig* c) {
  if (!r.is_object()) return core::InvalidArgument("reports: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(r, "reports.", {"time_zone", "business_hours"}));
  TA_RETURN_IF_ERROR(ReadString(r, "time_zone", "reports.", &c->time_zone));
  if (auto h = r.find("business_hours"); h != r.end()) {
    if (!h->is_object()) return core::InvalidArgument("reports.business_hours: must be an object");
    TA_RETURN_IF_ERROR(CheckKeys(*h, "reports.business_hours.", {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
    c->business_hours.clear();
    for (auto it = h->begin(); it != h->end(); ++it) {
      TA_RETURN_IF_ERROR(ReadString(*h, it.key().c_str(), "reports.business_hours.", &c->business_hours[it.key()]));
    }
  }
  auto hours = reports::LoadBusinessHours(c->business_hours, c->time_zone);
  if (!hours.ok()) return core::InvalidArgument("reports: " + hours.status().message());
  return core::Status::Ok();
}

core::Status LoadToken(const std::string& path, PageConfig* p) {
  if (p->token_env.empty() == p->token_file.empty()) {
    return core::InvalidArgument(path + "token_env: give exactly one of token_env and token_file");
  }
  if (!p->token_env.empty()) {
    const char* v = std::getenv(p->token_env.c_str());
    if (!v || !*v) return core::InvalidArgument(path + "token_env: environment variable " + p->token_env + " is not set");
    p->token = v;
    return core::Status::Ok();
  }
  struct stat st {};
  if (::stat(p->token_file.c_str(), &st) != 0) return core::InvalidArgument(path + "token_file: cannot read " + p->token_file);
  if ((st.st_mode & 077) != 0) {
    return core::InvalidArgument(path + "token_file: " + p->token_file +
                                 " is readable by group or others; chmod 600 it");
  }
  std::ifstream in(p->token_file, std::ios::binary);
  std::getline(in, p->token);
  while (!p->token.empty() && (p->token.back() == '\r' || p->token.back() == ' ')) p->token.pop_back();
  if (p->token.empty()) return core::InvalidArgument(path + "token_file: " + p->token_file + " is empty");
  return core::Status::Ok();
}

core::Status LoadPages(const json& pages, std::vector<PageConfig>* out) {
  if (!pages.is_array()) return core::InvalidArgument("pages: must be an array");
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string path = "pages[" + std::to_string(i) + "].";
    const json& j = pages[i];
    if (!j.is_object()) return core::InvalidArgument("pages[" + std::to_string(i) + "]: must be an object");
    TA_RETURN_IF_ERROR(CheckKeys(j, path, {"platform", "page_id", "name", "token_env", "token_file"}));
    PageConfig p;
    const std::pair<const char*, std::string*> fields[] = {{"platform", &p.platform}, {"page_id", &p.page_id},
                                                           {"name", &p.name}, {"token_env", &p.token_env},
                                                           {"token_file", &p.token_file}};
    for (const auto& [key, target] : fields) TA_RETURN_IF_ERROR(ReadString(j, key, path, target));
    if (p.platform != "facebook" && p.platform != "instagram") {
      return core::InvalidArgument(path + "platform: must be facebook or instagram");
    }
    if (p.page_id.empty()) return core::InvalidArgument(path + "page_id: required");
    TA_RETURN_IF_ERROR(LoadToken(path, &p));
    out->push_back(std::move(p));
  }
  return core::Status::Ok();
}

core::Status LoadGraph(const json& g, GraphConfig* c) {
  if (!g.is_object()) return core::InvalidArgument("graph: must be an object");
  TA_RETURN_IF_ERROR(CheckKeys(g, "graph.", {"base_url", "version", "timeout_s", "max_attempts"}));
  TA_RETURN_IF_ERROR(ReadString(g, "base_url", "graph.", &c->base_url));
  TA_RETURN_IF_ERROR(ReadString(g, "version", "graph.", &c->version));
  if (c->base_url.rfind("http://", 0) != 0 && c->base_url.rfind("https://", 0) != 0) {
    return core::InvalidArgument("graph.base_url: must start with http:// or https://");
  }
  long v = c->timeout_s;
  TA_RETURN_IF_ERROR(ReadInt(g, "timeout_s", "graph.", 1, 300, &v));
  c->timeout_s = static_cast<int>(v);
  v = c->max_attempts;
  TA_RETURN_IF_ERROR(ReadInt(g, "max_attempts", "graph.", 1, 100, &v));
  c->max_attempts = static_cast<int>(v);
  return core::Status::Ok();
}

}  // namespace

core::Status ParseListen(const std::string& text, std::string* host, int* port) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return core::InvalidArgument("listen address must be HOST:PORT, got '" + text + "'");
  }
  std::string h = text.substr(0, colon);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  long p = 0;
  for (size_t i = colon + 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || p > 65535) {
      return core::InvalidArgument("listen port must be a number 0-65535, got '" + text + "'");
    }
    p = p * 10 + (text[i] - '0');
  }
  if (p > 65535) return core::InvalidArgument("listen port must be 0-65535");
  *host = h;
  *port = static_cast<int>(p);
  return core::Status::Ok();
}

core::Status CheckDb(const std::string& what, const std::string& db) {
  if (store::sql::DialectOf(store::sql::DbUrl(db)).ok()) return core::Status::Ok();
  return core::InvalidArgument(what + ": must be sqlite:PATH, postgresql://... or the path of a SQLite file, not '" +
                               store::sql::ShownUrl(db) + "'");
}

core::Status LoadConfigFile(const std::string& path, Config* config) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::InvalidArgument("cannot read config file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  json doc = json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return core::InvalidArgument("config file " + path + " is not a JSON object");
  }
  core::Status s = CheckKeys(doc, "", {"listen", "db", "rules_dir", "templates_dir", "log_level", "rules_poll_s",
                                       "http", "secrets", "queue", "replies", "secure_cookies", "metrics_token", "alerts", "retention", "reports", "reconcile",
                                       "pages", "graph", "moderation", "classify"});
  if (!s.ok()) return core::InvalidArgument(path + ": " + s.message());
  auto fail = [&](const core::Status& st) { return core::InvalidArgument(path + ": " + st.message()); };
  std::string listen;
  if (s = ReadString(doc, "listen", "", &listen); !s.ok()) return fail(s);
  if (!listen.empty()) {
    if (s = ParseListen(listen, &config->listen_host, &config->listen_port); !s.ok()) return fail(s);
  }
  if (s = ReadString(doc, "db", "", &config->db); !s.ok()) return fail(s);
  if (s = CheckDb("db", config->db); !s.ok()) return fail(s);
  if (s = ReadString(doc, "rules_dir", "", &config->rules_dir); !s.ok()) return fail(s);
  if (s = ReadString(doc, "templates_dir", "", &config->templates_dir); !s.ok()) return fail(s);
  if (s = ReadString(doc, "log_level", "", &config->log_level); !s.ok()) return fail(s);
  if (s = ReadString(doc, "metrics_token", "", &config->metrics_token); !s.ok()) return fail(s);
  long poll_s = config->rules_poll_s;
  if (s = ReadInt(doc, "rules_poll_s", "", 0, 3600, &poll_s); !s.ok()) return fail(s);
  config->rules_poll_s = static_cast<int>(poll_s);
  if (auto h = doc.find("http"); h != doc.end()) {
    if (s = LoadHttp(*h, &config->http); !s.ok()) return fail(s);
  }
  if (auto q = doc.find("queue"); q != doc.end()) {
    if (s = LoadQueue(*q, &config->queue); !s.ok()) return fail(s);
  }
  if (auto r = doc.find("replies"); r != doc.end()) {
    if (s = LoadReplies(*r, &config->replies); !s.ok()) return fail(s);
  }
  if (auto a = doc.find("alerts"); a != doc.end()) {
    if (s = LoadAlerts(*a, &config->alerts); !s.ok()) return fail(s);
  }
  if (auto r = doc.find("reports"); r != doc.end()) {
    if (s = LoadReports(*r, &config->reports); !s.ok()) return fail(s);
  }
  if (auto r = doc.find("retention"); r != doc.end()) {
    if (!r->is_object()) return fail(core::InvalidArgument("retention: must be an object"));
    if (s = CheckKeys(*r, "retention.", {"delivery_body_days", "closed_comment_text_days"}); !s.ok()) return fail(s);
    long v = config->retention_delivery_body_days;
    if (s = ReadInt(*r, "delivery_body_days", "retention.", 0, 36500, &v); !s.ok()) return fail(s);
    config->retention_delivery_body_days = static_cast<int>(v);
    v = config->retention_closed_comment_text_days;
    if (s = ReadInt(*r, "closed_comment_text_days", "retention.", 0, 36500, &v); !s.ok()) return fail(s);
    config->retention_closed_comment_text_days = static_cast<int>(v);
  }
  if (auto p = doc.find("pages"); p != doc.end()) {
    if (s = LoadPages(*p, &config->pages); !s.ok()) return fail(s);
  }
  if (auto g = doc.find("graph"); g != doc.end()) {
    if (s = LoadGraph(*g, &config->graph); !s.ok()) return fail(s);
  }
  if (auto m = doc.find("moderation"); m != doc.end()) {
    if (!m->is_object()) return fail(core::InvalidArgument("moderation: must be an object"));
    if (s = CheckKeys(*m, "moderation.", {"auto_hide_spam"}); !s.ok()) return fail(s);
    auto a = m->find("auto_hide_spam");
    if (a != m->end() && !a->is_boolean()) return fail(core::InvalidArgument("moderation.auto_hide_spam: must be true or false"));
    if (a != m->end()) config->moderation.auto_hide_spam = a->get<bool>();
  }
  if (auto c = doc.find("classify"); c != doc.end()) {
    if (!c->is_object()) return fail(core::InvalidArgument("classify: must be an object"));
    if (s = CheckKeys(*c, "classify.", {"engine", "cache_dir"}); !s.ok()) return fail(s);
    if (s = ReadString(*c, "engine", "classify.", &config->classify.engine); !s.ok()) return fail(s);
    if (config->classify.engine != "hyperscan" && config->classify.engine != "re2") {
      return fail(core::InvalidArgument("classify.engine: must be \"hyperscan\" or \"re2\""));
    }
    if (s = ReadString(*c, "cache_dir", "classify.", &config->classify.cache_dir); !s.ok()) return fail(s);
  }
  if (auto r = doc.find("reconcile"); r != doc.end()) {
    if (s = LoadReconcile(*r, &config->reconcile); !s.ok()) return fail(s);
  }
  if (auto sc = doc.find("secure_cookies"); sc != doc.end()) {
    if (!sc->is_boolean()) return fail(core::InvalidArgument("secure_cookies: must be true or false"));
    config->secure_cookies = sc->get<bool>();
  }
  if (auto sec = doc.find("secrets"); sec != doc.end()) {
    if (!sec->is_object()) return fail(core::InvalidArgument("secrets: must be an object"));
    if (s = CheckKeys(*sec, "secrets.", {"meta_app_secret", "meta_verify_token", "generic_secret"});
        !s.ok()) {
      return fail(s);
    }
    ingest::WebhookSecrets& w = config->secrets;
    if (s = ReadString(*sec, "meta_app_secret", "secrets.", &w.meta_app_secret); !s.ok()) return fail(s);
    if (s = ReadString(*sec, "meta_verify_token", "secrets.", &w.meta_verify_token); !s.ok()) return fail(s);
    if (s = ReadString(*sec, "generic_secret", "secrets.", &w.generic_secret); !s.ok()) return fail(s);
  }
  return core::Status::Ok();
}

void ApplyEnvironment(Config* config) {
  struct Var {
    const char* name;
    std::string* target;
  } vars[] = {
      {"TURNAROUND_META_APP_SECRET", &config->secrets.meta_app_secret},
      {"TURNAROUND_META_VERIFY_TOKEN", &config->secrets.meta_verify_token},
      {"TURNAROUND_GENERIC_SECRET", &config->secrets.generic_secret},
  };
  for (const Var& v : vars) {
    const char* value = std::getenv(v.name);
    if (value && *value) *v.target = value;
  }
}

std::string ApplyDevelopmentSecrets(Config* config) {
  std::string described;
  struct Dev {
    const char* env;
    std::string* target;
    const char* value;
  } devs[] = {
      {"TURNAROUND_META_APP_SECRET", &config->secrets.meta_app_secret, "dev-meta-app-secret"},
      {"TURNAROUND_META_VERIFY_TOKEN", &config->secrets.meta_verify_token, "dev-verify-token"},
      {"TURNAROUND_GENERIC_SECRET", &config->secrets.generic_secret, "dev-generic-secret"},
  };
  for (const Dev& d : devs) {
    if (!d.target->empty()) continue;
    *d.target = d.value;
    config->using_dev_secrets = true;
    described += std::string("  ") + d.env + "=" + d.value + "\n";
  }
  return described;
}

}  // namespace turnaround::app
