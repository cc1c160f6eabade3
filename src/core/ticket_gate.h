// TicketGate: a monotonic counter that many threads wait on and one thread
// advances, waking every waiter with a single system call.
//
// Why not std::atomic<>::wait: libstdc++ spins before it sleeps (a dozen
// sched_yield calls per wait). The webhook handlers wait 10-30 ms for a group
// commit, so the spin never pays off, and with a hundred handler threads it
// burned about a seventh of the server's CPU under the ingest benchmark,
// taken from the writer and the handlers doing real work. This sleeps on a
// futex at once (Linux; elsewhere a mutex and condition variable).
#pragma once

#include <atomic>
#include <cstdint>

#if !defined(__linux__)
#include <condition_variable>
#include <mutex>
#endif

namespace turnaround::core {

class TicketGate {
 public:
  // The highest value passed to Advance so far (0 at first).
  std::uint64_t value() const { return value_.load(std::memory_order_acquire); }

  // Returns once value() >= target. Everything the advancing thread wrote
  // before Advance(v >= target) is visible to the caller afterwards.
  void WaitFor(std::uint64_t target);

  // Sets the value (never lowers it) and wakes every waiter.
  void Advance(std::uint64_t v);

 private:
  std::atomic<std::uint64_t> value_{0};
#if defined(__linux__)
  // The futex word: bumped on every Advance so that a waiter that read the
  // old generation before sleeping is woken or does not sleep at all.
  std::atomic<std::uint32_t> generation_{0};
  std::atomic<std::uint32_t> sleepers_{0};
#else
  std::mutex mu_;
  std::condition_variable cv_;
#endif
};

}  // namespace turnaround::core
