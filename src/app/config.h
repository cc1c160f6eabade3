// Config: every setting of `turnaround serve`, each with a default, loaded
// from an optional JSON file, then the environment, then command-line flags.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/pipeline.h"
#include "reconcile/settings.h"

namespace turnaround::app {

struct HttpSettings {
  // Handler threads. A keep-alive connection holds one for its life, and each
  // webhook request waits on a group commit, so more in flight = bigger batches.
  int threads = 256;
  int keep_alive_max_count = 10000;  // requests per keep-alive connection
  int keep_alive_timeout_s = 10;
  int read_timeout_s = 10;          // a client that stalls longer is cut off
  int write_timeout_s = 10;
  int request_deadline_s = 30;      // a request must arrive whole within this (slow clients cut off)
  std::size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  // How long the queue's first page, once rendered, is answered as it is to
  // every caller asking for the same filter (0: never). Changes made by an
  // agent through this server show at once; new comments within this time.
  int queue_page_cache_ms = 2000;
};

struct QueueConfig {
  int lease_minutes = 15;
  // First-response targets per severity, in minutes.
  int sla_urgent_minutes = 15;
  int sla_high_minutes = 60;
  int sla_normal_minutes = 240;
  int sla_low_minutes = 1440;
};

// What reply templates are filled with.
struct RepliesConfig {
  std::string page_name = "our team";
  std::string contact_phone;
  std::string contact_email;
  std::string contact_url;
};

// Spike alerts: flagged comments in the last hour against the hourly baseline.
struct AlertsConfig {
  double spike_multiple = 3.0;
  int min_flagged = 5;
  int baseline_hours = 24;
  int check_interval_s = 60;
  std::string webhook_url;  // POSTed a JSON alert when set
};

// Reports: business hours for `business_hours=true` durations.
struct ReportsConfig {
  // IANA zone the hours are in ("UTC" or a name under /usr/share/zoneinfo).
  std::string time_zone = "UTC";
  // "mon".."sun" -> "HH:MM-HH:MM" ranges, comma-separated; "" or absent: closed.
  std::map<std::string, std::string> business_hours = {
      {"mon", "09:00-17:00"}, {"tue", "09:00-17:00"}, {"wed", "09:00-17:00"},
      {"thu", "09:00-17:00"}, {"fri", "09:00-17:00"}};
};

// A page (Facebook) or professional account (Instagram) we act for. The
// token comes from the environment variable `token_env` or from `token_file`
// (which must be readable by its owner only); it is a secret and never logged.
struct PageConfig {
  std::string platform;  // facebook | instagram
  std::string page_id;   // page id / Instagram account id, as in webhooks
  std::string name;
  std::string token_env, token_file;
  std::string token;  // loaded by LoadConfigFile
};

// The Graph API the outbox talks to (tests point base_url at a fake).
struct GraphConfig {
  std::string base_url = "https://graph.facebook.com";
  std::string version = "v21.0";
  int timeout_s = 10;
  int max_attempts = 8;  // per outbox entry, transient failures included
};

struct ModerationConfig {
  bool auto_hide_spam = false;  // queue a hide for each new spam comment (audited)
};

// How rules are matched (README "Configuration", "Why Hyperscan").
struct ClassifyConfig {
  // "hyperscan": RE2 from start-up, Hyperscan as soon as it is compiled (or
  // loaded from cache_dir), same verdicts; "re2": RE2 only.
  std::string engine = "hyperscan";
  std::string cache_dir = "var/cache";  // compiled rule databases; "" = none
  // Not read from the config file: `serve` sets it to its own binary and
  // "rules", "hs-compile", so that compiles run in a child process
  // (classify::Accelerator). Empty = compile inside the service.
  std::vector<std::string> compile_command;
};

struct Config {
  std::string listen_host = "127.0.0.1";
  int listen_port = 8080;
  // The store: sqlite:PATH, postgresql://... (postgres://...), or the path
  // of a SQLite file (store::sql::DbUrl); see CheckDb.
  std::string db = "var/turnaround.db";
  std::string rules_dir = "rules";
  std::string templates_dir = "templates";
  std::string log_level = "info";  // debug | info | warn | error
  // How often, in seconds, this instance checks whether an instance sharing
  // its store reloaded the rules, to reload its own (0 = never).
  int rules_poll_s = 5;
  ClassifyConfig classify;
  HttpSettings http;
  QueueConfig queue;
  RepliesConfig replies;
  AlertsConfig alerts;
  // Raw webhook bodies older than this many days are emptied (0 = keep);
  // text and author names of comments whose items closed that long ago too
  // (0 = keep). Applied at start-up and hourly; each purge is audited.
  int retention_delivery_body_days = 30;
  int retention_closed_comment_text_days = 0;
  ReportsConfig reports;
  // The poll that recovers comments the webhooks missed (README "Reconciliation").
  reconcile::Settings reconcile;
  // Mark the session cookie Secure: set when a TLS proxy fronts the server.
  bool secure_cookies = false;
  // `serve --bench-null-route` only: POST /bench/null answers 200 at once,
  // the ceiling that scripts/bench measures ingest against.
  bool bench_null_route = false;
  // When set, GET /metrics needs "Authorization: Bearer <metrics_token>".
  std::string metrics_token;
  std::vector<PageConfig> pages;  // empty: replies are recorded but not posted
  GraphConfig graph;
  ModerationConfig moderation;
  ingest::WebhookSecrets secrets;
  // Set by ApplyDevelopmentSecrets: the secrets are well-known placeholders.
  bool using_dev_secrets = false;
};

// Reads a JSON config file onto `config`. Unknown keys are errors (a typo must
// not silently fall back to a default). Errors name the key and the problem.
core::Status LoadConfigFile(const std::string& path, Config* config);

// Secrets from TURNAROUND_META_APP_SECRET, TURNAROUND_META_VERIFY_TOKEN and
// TURNAROUND_GENERIC_SECRET override the file.
void ApplyEnvironment(Config* config);

// Fills any secret still empty with a clearly labelled development value and
// marks the config as using them. Returns a description of each one filled.
std::string ApplyDevelopmentSecrets(Config* config);

// InvalidArgument, naming `what` ("db", "--db"), unless `db` names a store
// Config::db may hold; the message never shows a password from the URL.
core::Status CheckDb(const std::string& what, const std::string& db);

// Parses "HOST:PORT" (IPv6 as "[::1]:8080"); InvalidArgument if malformed.
core::Status ParseListen(const std::string& text, std::string* host, int* port);

}  // namespace turnaround::app
