// Request deadlines: a client that trickles a request in (one byte a second,
// "slowloris") is cut off once the request has taken longer than the
// deadline to arrive, whatever its per-read pace.
//
// cpp-httplib only has a per-read timeout, and a keep-alive connection holds
// one worker thread for its whole life, so a handful of trickling clients
// could occupy every worker. Its library (a Debian package) cannot be
// patched, so the deadline is enforced where it reads: our executable
// defines recv(), which the shared library's calls bind to. On threads of
// DeadlineTaskQueue only, a request's clock starts at its first byte and
// stops when its response has been written (RequestCompleted, from the
// server's logger); past the deadline recv() fails with ETIMEDOUT and
// cpp-httplib closes the connection. Every other thread and every idle
// keep-alive wait (poll, not recv) is unaffected.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace turnaround::http {

// 0 disables. Process-wide; set before serving.
void SetRequestDeadlineMs(std::int64_t ms);

// Call on the worker thread once a response has been written.
void RequestCompleted();

// cpp-httplib's task queue with deadline tracking on its workers.
class DeadlineTaskQueue final : public httplib::TaskQueue {
 public:
  explicit DeadlineTaskQueue(size_t threads);
  ~DeadlineTaskQueue() override;
  DeadlineTaskQueue(const DeadlineTaskQueue&) = delete;  // owns threads
  DeadlineTaskQueue& operator=(const DeadlineTaskQueue&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;  // runs what is queued, then joins

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_
  bool shutdown_ = false;                   // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace turnaround::http
