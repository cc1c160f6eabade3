#include "http/request_deadline.h"

#include <dlfcn.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>

namespace turnaround::http {
namespace {

std::atomic<std::int64_t> g_deadline_ms{0};

// Per worker thread: the connection being served and when its current
// request began to arrive (0: between requests).
thread_local bool t_tracked = false;
thread_local int t_fd = -1;
thread_local std::int64_t t_request_started_ms = 0;

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void SetRequestDeadlineMs(std::int64_t ms) { g_deadline_ms.store(ms); }

void RequestCompleted() { t_request_started_ms = 0; }

DeadlineTaskQueue::DeadlineTaskQueue(size_t threads) {
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

DeadlineTaskQueue::~DeadlineTaskQueue() { shutdown(); }

void DeadlineTaskQueue::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(fn));
  }
  cv_.notify_one();
}

void DeadlineTaskQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    shutdown_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void DeadlineTaskQueue::Work() {
  t_tracked = true;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return shutdown_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // shutting down and drained
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    t_fd = -1;  // each job serves one new connection
    t_request_started_ms = 0;
    job();
  }
}

}  // namespace turnaround::http

// The interposed recv (see the header). Only worker threads of a
// DeadlineTaskQueue are ever refused; everything else passes straight through.
extern "C" ssize_t recv(int fd, void* buf, size_t len, int flags) {
  using RecvFn = ssize_t (*)(int, void*, size_t, int);
  static const RecvFn real = reinterpret_cast<RecvFn>(dlsym(RTLD_NEXT, "recv"));
  using namespace turnaround::http;
  const std::int64_t deadline = g_deadline_ms.load(std::memory_order_relaxed);
  if (deadline > 0 && t_tracked && (flags & MSG_PEEK) == 0) {
    const std::int64_t now = NowMs();
    if (fd != t_fd) {
      t_fd = fd;
      t_request_started_ms = now;
    } else if (t_request_started_ms == 0) {
      t_request_started_ms = now;
    } else if (now - t_request_started_ms > deadline) {
      errno = ETIMEDOUT;
      return -1;
    }
  }
  return real(fd, buf, len, flags);
}
