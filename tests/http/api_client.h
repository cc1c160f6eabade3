// ApiClient: JSON API calls with a bearer token against a ServiceHarness,
// answering (HTTP status, parsed body) — for the HTTP tests.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "http/service_harness.h"

namespace turnaround::testing {

struct ApiClient {
  ServiceHarness& h;
  std::string token;

  httplib::Headers Auth() const { return {{"Authorization", "Bearer " + token}}; }
  std::pair<int, nlohmann::json> Get(const std::string& path) const {
    auto r = h.Client().Get(path.c_str(), Auth());
    REQUIRE(r);
    return {r->status, nlohmann::json::parse(r->body, nullptr, false)};
  }
  std::pair<int, nlohmann::json> Post(const std::string& path,
                                      const nlohmann::json& body = nlohmann::json::object()) const {
    auto r = h.Client().Post(path.c_str(), Auth(), body.dump(), "application/json");
    REQUIRE(r);
    return {r->status, nlohmann::json::parse(r->body, nullptr, false)};
  }
};

}  // namespace turnaround::testing
