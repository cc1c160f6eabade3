// ChildProcess: exit status, stopping a child, and what the child inherits.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "core/child_process.h"

namespace turnaround::core {
namespace {

Status Run(const std::vector<std::string>& argv) {
  auto child = ChildProcess::Start(argv);
  if (!child.ok()) return child.status();
  return (*child)->Wait();
}

TEST_CASE("a child's exit status is its result", "[core][child]") {
  CHECK(Run({"/bin/sh", "-c", "exit 0"}).ok());
  Status failed = Run({"/bin/sh", "-c", "exit 3"});
  CHECK_FALSE(failed.ok());
  CHECK(failed.message() == "child process exited with status 3");
  auto missing = ChildProcess::Start({"/nonexistent/turnaround-child"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("cannot start /nonexistent/turnaround-child") != std::string::npos);
  CHECK(ChildProcess::Start({}).status().code() == Code::kInvalidArgument);
}

TEST_CASE("the child keeps stdout and stderr but no other descriptor", "[core][child]") {
  const int fd = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC: a careless descriptor
  REQUIRE(fd > 2);
  CHECK(Run({"/bin/sh", "-c", "test -e /proc/$$/fd/2"}).ok());
  CHECK_FALSE(Run({"/bin/sh", "-c", "test -e /proc/$$/fd/" + std::to_string(fd)}).ok());
  // stdin is /dev/null, not the parent's.
  CHECK(Run({"/bin/sh", "-c", "test \"$(readlink /proc/$$/fd/0)\" = /dev/null"}).ok());
  ::close(fd);
}

TEST_CASE("Terminate stops a child even when the parent blocks SIGTERM", "[core][child]") {
  // As `serve` does: its signal thread waits for SIGTERM, every other thread
  // blocks it, and a child would inherit the mask.
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &term, &old);
  auto child = ChildProcess::Start({"/bin/sleep", "60"});
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  REQUIRE(child.ok());
  const auto start = std::chrono::steady_clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    (*child)->Terminate();
  });
  Status s = (*child)->Wait();
  stopper.join();
  CHECK(s.message() == "child process ended by signal 15");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
  (*child)->Terminate();  // after Wait(): does nothing
}

TEST_CASE("a child never waited for is killed with its owner", "[core][child]") {
  pid_t pid;
  {
    auto child = ChildProcess::Start({"/bin/sleep", "60"});
    REQUIRE(child.ok());
    pid = (*child)->pid();
    CHECK(::kill(pid, 0) == 0);
  }
  CHECK(::kill(pid, 0) != 0);  // reaped: no such process (or, rarely, someone else's pid)
}

}  // namespace
}  // namespace turnaround::core
