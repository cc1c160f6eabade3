#include "core/ticket_gate.h"

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>
#endif

namespace turnaround::core {

#if defined(__linux__)

namespace {
long Futex(std::atomic<std::uint32_t>* word, int op, std::uint32_t val) {
  static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));
  return syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word), op, val, nullptr, nullptr, 0);
}
}  // namespace

void TicketGate::WaitFor(std::uint64_t target) {
  for (;;) {
    // Generation first: an Advance after this load changes it, so the
    // FUTEX_WAIT below returns at once instead of sleeping through it.
    const std::uint32_t gen = generation_.load(std::memory_order_acquire);
    if (value_.load(std::memory_order_acquire) >= target) return;
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    Futex(&generation_, FUTEX_WAIT_PRIVATE, gen);  // EAGAIN / EINTR: look again
    sleepers_.fetch_sub(1, std::memory_order_relaxed);
  }
}

void TicketGate::Advance(std::uint64_t v) {
  std::uint64_t cur = value_.load(std::memory_order_relaxed);
  while (cur < v && !value_.compare_exchange_weak(cur, v, std::memory_order_release, std::memory_order_relaxed)) {
  }
  generation_.fetch_add(1, std::memory_order_seq_cst);
  // A waiter counts itself before it sleeps and after it read the old
  // generation; if it is not counted yet, its FUTEX_WAIT sees the new
  // generation and returns. So skipping the call when nobody sleeps is safe.
  if (sleepers_.load(std::memory_order_seq_cst) > 0) Futex(&generation_, FUTEX_WAKE_PRIVATE, INT_MAX);
}

#else

void TicketGate::WaitFor(std::uint64_t target) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return value_.load(std::memory_order_acquire) >= target; });
}

void TicketGate::Advance(std::uint64_t v) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::uint64_t cur = value_.load(std::memory_order_relaxed);
    if (cur < v) value_.store(v, std::memory_order_release);
  }
  cv_.notify_all();
}

#endif

}  // namespace turnaround::core
