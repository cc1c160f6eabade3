#include "core/ticket_gate.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using turnaround::core::TicketGate;

TEST_CASE("TicketGate: a waiter returns only once the value reaches its ticket", "[core]") {
  TicketGate gate;
  CHECK(gate.value() == 0);
  gate.WaitFor(0);  // already there: returns at once
  std::atomic<int> returned{0};
  std::thread waiter([&] {
    gate.WaitFor(3);
    returned = 1;
  });
  gate.Advance(1);
  gate.Advance(2);
  // Not a timing assertion: the waiter may not have run at all yet, but it
  // must not have returned before the value reached 3.
  CHECK(returned.load() == 0);
  gate.Advance(3);
  waiter.join();
  CHECK(returned.load() == 1);
  CHECK(gate.value() == 3);
}

TEST_CASE("TicketGate: Advance never lowers the value", "[core]") {
  TicketGate gate;
  gate.Advance(10);
  gate.Advance(4);
  CHECK(gate.value() == 10);
}

TEST_CASE("TicketGate: many waiters, values published in order, none sleeps through its ticket", "[core]") {
  // Each ticket's slot is written before the Advance that covers it; a waiter
  // must see its slot written (the acquire/release pairing) and every waiter
  // must return (no lost wake-up), whatever the interleaving.
  constexpr int kTickets = 20000;
  constexpr int kThreads = 8;
  TicketGate gate;
  std::vector<int> slot(kTickets + 1, 0);
  std::atomic<int> wrong{0};
  std::vector<std::thread> waiters;
  for (int t = 0; t < kThreads; ++t) {
    waiters.emplace_back([&, t] {
      for (int ticket = 1 + t; ticket <= kTickets; ticket += kThreads) {
        gate.WaitFor(static_cast<std::uint64_t>(ticket));
        if (slot[static_cast<size_t>(ticket)] != ticket) ++wrong;
      }
    });
  }
  for (int ticket = 1; ticket <= kTickets; ++ticket) {
    slot[static_cast<size_t>(ticket)] = ticket;
    // Batches of varying size, as the writer's are.
    if (ticket % 7 == 0 || ticket == kTickets) gate.Advance(static_cast<std::uint64_t>(ticket));
  }
  for (auto& w : waiters) w.join();
  CHECK(wrong.load() == 0);
}
