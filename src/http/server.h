// HttpServer: cpp-httplib tuned for webhook bursts, with JSON errors for
// everything (unknown routes, oversized bodies, exceptions).
//
// cpp-httplib's defaults answer ~300 req/s on keep-alive connections because
// every response waits on a delayed ACK; TCP_NODELAY, a long keep-alive limit
// and a thread pool sized for handlers that wait on a group commit take it to
// tens of thousands. Route registration happens before Listen(); afterwards
// the server is used from its own threads and Stop() may be called from any.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "app/config.h"

namespace turnaround::http {

class HttpServer {
 public:
  explicit HttpServer(const app::HttpSettings& settings);
  HttpServer(const HttpServer&) = delete;  // owns sockets and threads
  HttpServer& operator=(const HttpServer&) = delete;

  httplib::Server& raw() { return server_; }

  // Binds; returns the port (useful with port 0) or -1 on failure.
  int Bind(const std::string& host, int port);
  // Serves until Stop(); returns false if the listener failed.
  bool Listen();
  // Stops accepting, lets requests in flight finish, returns immediately.
  void Stop() { server_.stop(); }
  bool running() const { return server_.is_running(); }

  // Called on the handler thread after each response is written, with how
  // long the request took since routing began. Set before Listen().
  using Observer = std::function<void(const httplib::Request&, const httplib::Response&, double seconds)>;
  void SetObserver(Observer observer) { observer_ = std::move(observer); }

 private:
  void InstallHooks();

  httplib::Server server_;
  int listen_fd_ = -1;  // the listening socket, recorded when cpp-httplib creates it
  Observer observer_;
};

}  // namespace turnaround::http
