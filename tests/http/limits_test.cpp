// Abuse limits: a client trickling a request in is cut off by the request
// deadline, while a well-behaved keep-alive client is not.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "http/service_harness.h"

using namespace turnaround;
using turnaround::testing::ServiceHarness;

namespace {

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  timeval tv{0, 50 * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// True once the server has closed the connection.
bool Closed(int fd) {
  char c;
  ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

}  // namespace

TEST_CASE("a client sending one byte at a time is cut off at the request deadline", "[http]") {
  app::Config config;
  config.http.request_deadline_s = 1;
  ServiceHarness h(config);
  const std::string request =
      "POST /webhooks/generic HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\n\r\n{}";
  int fd = Connect(h.port());
  const auto start = std::chrono::steady_clock::now();
  size_t sent = 0;
  bool closed = false;
  while (sent < request.size() && !closed) {
    ::send(fd, &request[sent], 1, MSG_NOSIGNAL);
    ++sent;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    closed = Closed(fd);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::close(fd);
  CHECK(closed);
  CHECK(sent < request.size());
  CHECK(seconds < 4.0);
}

TEST_CASE("keep-alive requests spread over longer than the deadline still work", "[http]") {
  app::Config config;
  config.http.request_deadline_s = 1;
  ServiceHarness h(config);
  httplib::Client c = h.Client();
  c.set_keep_alive(true);
  for (int i = 0; i < 3; ++i) {
    auto r = c.Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
  }
}
