#include "http/server.h"

#include <sys/socket.h>

#include <chrono>
#include <exception>

#include "core/log.h"
#include "http/errors.h"
#include "http/request_deadline.h"

namespace turnaround::http {

HttpServer::HttpServer(const app::HttpSettings& s) {
  const size_t threads = static_cast<size_t>(s.threads);
  // cpp-httplib takes ownership of the queue it is handed.
  server_.new_task_queue = [threads] { return new DeadlineTaskQueue(threads); };
  SetRequestDeadlineMs(static_cast<std::int64_t>(s.request_deadline_s) * 1000);
  InstallHooks();
  server_.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd_ = sock;
  });
  server_.set_tcp_nodelay(true);
  server_.set_keep_alive_max_count(static_cast<size_t>(s.keep_alive_max_count));
  server_.set_keep_alive_timeout(s.keep_alive_timeout_s);
  server_.set_read_timeout(s.read_timeout_s, 0);
  server_.set_write_timeout(s.write_timeout_s, 0);
  server_.set_payload_max_length(s.max_body_bytes);
  const size_t max_body = s.max_body_bytes;

  // Runs for every response >= 400 that a handler did not fill: unknown
  // routes and the library's own refusals (413, 400 on a bad request line).
  server_.set_error_handler(httplib::Server::HandlerWithResponse(
      [max_body](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    switch (res.status) {
      case 404:
        SendError(res, 404, "not_found", "no route for " + req.method + " " + req.path);
        break;
      case 405:
        SendError(res, 405, "method_not_allowed", req.method + " is not allowed on " + req.path);
        break;
      case 413:
        SendError(res, 413, "payload_too_large",
                  "request body is larger than the limit of " + std::to_string(max_body) + " bytes");
        break;
      default:
        SendError(res, res.status, "bad_request", "the request could not be processed");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                   std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
      // Non-std exceptions carry nothing we can log; the 500 still goes out.
    }
    core::LogError("handler for " + req.method + " " + req.path + " threw: " + what);
    SendError(res, 500, "internal", "internal error");
  });
}

namespace {
// cpp-httplib runs a request's routing, handler and logger on one thread,
// so the start time can travel in a thread_local.
thread_local std::chrono::steady_clock::time_point t_request_start;
}  // namespace

void HttpServer::InstallHooks() {
  server_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    RequestCompleted();
    if (observer_) {
      observer_(req, res, std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count());
    }
  });
}

int HttpServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  // cpp-httplib listens with a compiled-in backlog of 5: a burst of new
  // connections overflows it and the kernel drops the handshakes, which the
  // clients see as connections reset mid-request. Listening again on the same
  // socket raises the backlog (up to net.core.somaxconn).
  if (bound >= 0 && listen_fd_ >= 0) ::listen(listen_fd_, 4096);
  return bound;
}

bool HttpServer::Listen() { return server_.listen_after_bind(); }

}  // namespace turnaround::http
