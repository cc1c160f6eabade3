// turnaround_loadgen: sends signed Meta deliveries to a running server from
// several keep-alive connections and reports what was acknowledged.
//
// Used by scripts/bench (throughput and latency) and scripts/crashtest
// (with --retry, every delivery is re-sent until acknowledged, across server
// restarts; acknowledged comment ids go to --ack-log, one per line, written
// and flushed before the next delivery so a kill of this process loses none).
//
//   turnaround_loadgen --port P[,P2...] --secret S [--path /webhooks/meta]
//       [--connections 64] [--duration-s 10] [--max-deliveries N]
//       [--batch-percent 2] [--batch-size 50] [--dup-percent 2]
//       [--complaint-percent 30] [--id-prefix run1] [--ack-log FILE] [--retry]
//       [--rate PER_S] [--get PATH --bearer TOKEN]
// --rate PER_S: an open load (Poisson arrivals over all connections; a request that had to wait
// for its connection's previous answer counts from when it was due); without it every
// connection sends its next request as soon as the last is answered (a closed loop: the
// server's saturation).
// Several ports (instances sharing one store) get the connections in turn.
// Prints one JSON object with the figures on stdout.
#include <httplib.h>

#include <algorithm>
#include <csignal>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/signature.h"

namespace {

struct Options {
  std::string host = "127.0.0.1", path = "/webhooks/meta", secret, id_prefix = "lg", ack_log;
  std::vector<int> ports;
  int connections = 64, batch_percent = 2, batch_size = 50, dup_percent = 2, complaint_percent = 30;
  double duration_s = 10, rate = 0;
  long max_deliveries = 0;
  bool retry = false;
  std::string get_path, bearer;  // --get: GET this path instead of posting deliveries
};

// Comment texts are built from fragments and numbers (some 70,000 distinct
// texts) so the matcher meets the variety of a real page: ten fixed texts kept
// its automata's cached states hot and hid what classifying new text costs.
// Plain ASCII without characters JSON must escape.
const char* kOpeners[] = {"", "Hi, ", "Honestly ", "UPDATE: ", "So ", "@CityHealth ", "Hello. ", "Ok so "};
const char* kComplaints[] = {
    "I have been waiting # hours in the ER and nobody has told us anything",
    "Billing charged me twice for the same visit on the #th and nobody calls back",
    "The front desk was rude to my mother, unacceptable",
    "Day # of waiting for a call back about my referral",
    "Cancelled my appointment again without telling me. Time number #.",
    "still no refund for the $# copay you took by mistake",
    "the parking garage was full again and I missed my # oclock slot",
    "nobody answers the phone at the clinic, tried # times today",
    "the doctor spent # minutes with us and did not listen at all",
    "my bill says # dollars for a visit insurance already paid",
    "llevo # horas esperando en urgencias y nadie nos dice nada",
    "room # has had a broken call button for a week, really?",
};
const char* kOthers[] = {
    "Thank you to the nurses on # West, you were wonderful",
    "What time does the flu shot clinic open on Saturday the #th?",
    "Congratulations on the new cancer center!",
    "Tagging my sister, she was asking about this",
    "So proud of my mom who works here, # years now",
    "are you hiring night shift CNAs for floor #",
    "our baby was born in room # last night, the team was amazing",
    "does the lab on # Main St take walk ins",
    "praying for everyone in the ICU tonight",
    "gracias a las enfermeras del piso #, muy amables",
    "my dad finished radiation today after # weeks, ring that bell",
    "is the # bus still stopping at the east entrance",
};
const char* kClosers[] = {"", ".", "!!", " :(", "?", " thanks", " #healthcare", " smh", " :)"};

std::string CommentText(bool complaint, std::mt19937& rng) {
  std::string t = kOpeners[rng() % std::size(kOpeners)];
  const char* body = complaint ? kComplaints[rng() % std::size(kComplaints)] : kOthers[rng() % std::size(kOthers)];
  for (const char* c = body; *c; ++c) {
    if (*c == '#') t += std::to_string(2 + rng() % 40);
    else t += *c;
  }
  t += kClosers[rng() % std::size(kClosers)];
  return t;
}

std::atomic<bool> g_stop{false};  // set by SIGTERM: finish and report

struct Shared {
  Options opt;
  std::atomic<long> next{0}, sent{0}, acked{0}, errors{0}, comments_acked{0};
  std::mutex mu;
  std::vector<double> latencies_ms;  // guarded by mu
  std::map<std::string, long> error_kinds;  // guarded by mu: HTTP status or transport error
  FILE* ack = nullptr;               // guarded by mu
  FILE* sent_log = nullptr;          // guarded by mu; ids before they are sent
};

// The body is written with plain appends rather than a JSON tree: the load
// generator shares the machine's cores with the server it measures, so every
// microsecond it spends per request is taken from the server's figures. All
// values are ASCII without characters that need escaping.
std::string Delivery(Shared& s, long n, std::mt19937& rng, std::vector<std::string>* ids) {
  const Options& o = s.opt;
  const bool batch = static_cast<int>(rng() % 100) < o.batch_percent;
  const int count = batch ? o.batch_size : 1;
  std::string body = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"time\":1795500000,\"changes\":[";
  for (int i = 0; i < count; ++i) {
    // A duplicate re-sends an earlier comment id, as Meta's retries do.
    long id_n = (n > 10 && static_cast<int>(rng() % 100) < o.dup_percent) ? static_cast<long>(rng() % n) : n;
    std::string id = o.id_prefix + "_" + std::to_string(id_n) + "_" + std::to_string(i);
    bool complaint = static_cast<int>(rng() % 100) < o.complaint_percent;
    const std::string text = CommentText(complaint, rng);
    if (i) body += ',';
    body += "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"";
    body += id;
    body += "\",\"post_id\":\"1001_2002\",\"parent_id\":\"1001_2002\",\"from\":{\"id\":\"";
    body += std::to_string(50000 + rng() % 10000);
    body += "\",\"name\":\"Load Tester\"},\"message\":\"";
    body += text;
    body += "\",\"created_time\":";
    body += std::to_string(1795500000 + n % 1000);
    body += "}}";
    ids->push_back(std::move(id));
  }
  body += "]}]}";
  return body;
}

void Worker(Shared& s, int index, std::chrono::steady_clock::time_point end) {
  const Options& o = s.opt;
  std::mt19937 rng(static_cast<unsigned>(index * 7919 + 17));
  httplib::Client client(o.host, o.ports[static_cast<size_t>(index) % o.ports.size()]);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  client.set_connection_timeout(2, 0);
  client.set_read_timeout(30, 0);
  std::vector<double> local;
  // --rate is an open load: each connection sends at the moments of a Poisson process (random
  // gaps with the connection's share of the rate as their mean). A request due while this
  // connection still waited for its previous answer counts from the moment it was due, so a slow
  // answer is not hidden by the requests it delayed (coordinated omission); one due on an idle
  // connection counts from when it was sent (this thread waking late is the load generator's
  // delay, not the server's).
  const double per_conn_interval = o.rate > 0 ? o.connections / o.rate : 0;
  std::exponential_distribution<double> gap(per_conn_interval > 0 ? 1.0 / per_conn_interval : 1.0);
  auto next_send = std::chrono::steady_clock::now();
  auto last_answer = next_send;  // when this connection's previous request was answered
  if (per_conn_interval > 0) next_send += std::chrono::microseconds(static_cast<long>(gap(rng) * 1e6));
  for (;;) {
    if (std::chrono::steady_clock::now() >= end || g_stop) break;
    long n = s.next.fetch_add(1);
    if (o.max_deliveries > 0 && n >= o.max_deliveries) break;
    auto due = std::chrono::steady_clock::now();
    if (per_conn_interval > 0) {
      std::this_thread::sleep_until(next_send);
      // Sent on an idle connection: from now.
      due = last_answer > next_send ? next_send : std::chrono::steady_clock::now();
      next_send += std::chrono::microseconds(static_cast<long>(gap(rng) * 1e6));
    }
    if (!o.get_path.empty()) {
      const auto t0 = due;
      auto res = client.Get(o.get_path.c_str(), {{"Authorization", "Bearer " + o.bearer}});
      last_answer = std::chrono::steady_clock::now();
      ++s.sent;
      if (res && res->status == 200) {
        ++s.acked;
        local.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      } else {
        ++s.errors;
      }
      continue;
    }
    std::vector<std::string> ids;
    const std::string body = Delivery(s, n, rng, &ids);
    if (s.sent_log) {
      std::lock_guard<std::mutex> lock(s.mu);
      for (const auto& id : ids) std::fprintf(s.sent_log, "%s\n", id.c_str());
      std::fflush(s.sent_log);
    }
    const httplib::Headers headers = {{"X-Hub-Signature-256", "sha256=" + turnaround::ingest::HmacSha256Hex(o.secret, body)}};
    for (bool first_try = true;; first_try = false) {
      const auto t0 = first_try ? due : std::chrono::steady_clock::now();
      auto res = client.Post(o.path.c_str(), headers, body, "application/json");
      last_answer = std::chrono::steady_clock::now();
      ++s.sent;
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (res && res->status == 200) {
        ++s.acked;
        s.comments_acked += static_cast<long>(ids.size());
        local.push_back(ms);
        if (s.ack) {
          std::lock_guard<std::mutex> lock(s.mu);
          for (const auto& id : ids) std::fprintf(s.ack, "%s\n", id.c_str());
          std::fflush(s.ack);
        }
        break;
      }
      ++s.errors;
      {
        std::lock_guard<std::mutex> lock(s.mu);
        ++s.error_kinds[res ? std::to_string(res->status) : httplib::to_string(res.error())];
      }
      if (!o.retry || g_stop || std::chrono::steady_clock::now() >= end + std::chrono::seconds(30)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the server is restarting
    }
  }
  std::lock_guard<std::mutex> lock(s.mu);
  s.latencies_ms.insert(s.latencies_ms.end(), local.begin(), local.end());
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  Shared s;
  Options& o = s.opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "missing value for %s\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--host") o.host = val();
    else if (a == "--port") {
      const std::string list = val();
      for (size_t at = 0; at <= list.size();) {
        const size_t comma = std::min(list.find(',', at), list.size());
        const int port = std::atoi(list.substr(at, comma - at).c_str());
        if (port <= 0) {
          std::fprintf(stderr, "--port: bad port in '%s'\n", list.c_str());
          return 2;
        }
        o.ports.push_back(port);
        at = comma + 1;
      }
    }
    else if (a == "--path") o.path = val();
    else if (a == "--secret") o.secret = val();
    else if (a == "--connections") o.connections = std::atoi(val().c_str());
    else if (a == "--duration-s") o.duration_s = std::atof(val().c_str());
    else if (a == "--max-deliveries") o.max_deliveries = std::atol(val().c_str());
    else if (a == "--batch-percent") o.batch_percent = std::atoi(val().c_str());
    else if (a == "--batch-size") o.batch_size = std::atoi(val().c_str());
    else if (a == "--dup-percent") o.dup_percent = std::atoi(val().c_str());
    else if (a == "--complaint-percent") o.complaint_percent = std::atoi(val().c_str());
    else if (a == "--id-prefix") o.id_prefix = val();
    else if (a == "--ack-log") o.ack_log = val();
    else if (a == "--rate") o.rate = std::atof(val().c_str());
    else if (a == "--retry") o.retry = true;
    else if (a == "--get") o.get_path = val();
    else if (a == "--bearer") o.bearer = val();
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (o.ports.empty() || (o.secret.empty() && o.get_path.empty()) || o.connections <= 0) {
    std::fprintf(stderr, "usage: turnaround_loadgen --port P[,P2...] --secret S [options]\n");
    return 2;
  }
  if (!o.ack_log.empty()) {
    s.ack = std::fopen(o.ack_log.c_str(), "a");
    s.sent_log = std::fopen((o.ack_log + ".sent").c_str(), "a");
    if (!s.ack || !s.sent_log) {
      std::perror(o.ack_log.c_str());
      return 1;
    }
  }
  std::signal(SIGTERM, [](int) { g_stop = true; });
  std::signal(SIGPIPE, SIG_IGN);
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::milliseconds(static_cast<long>(o.duration_s * 1000));
  std::vector<std::thread> threads;
  for (int i = 0; i < o.connections; ++i) threads.emplace_back([&s, i, end] { Worker(s, i, end); });
  for (auto& t : threads) t.join();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (s.ack) std::fclose(s.ack);
  if (s.sent_log) std::fclose(s.sent_log);
  nlohmann::json out = {{"seconds", secs},
                        {"sent", s.sent.load()},
                        {"acknowledged", s.acked.load()},
                        {"comments_acknowledged", s.comments_acked.load()},
                        {"errors", s.errors.load()},
                        {"deliveries_per_s", s.acked.load() / secs},
                        {"comments_per_s", s.comments_acked.load() / secs},
                        {"p50_ms", Percentile(s.latencies_ms, 0.50)},
                        {"p99_ms", Percentile(s.latencies_ms, 0.99)},
                        {"error_kinds", s.error_kinds}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
