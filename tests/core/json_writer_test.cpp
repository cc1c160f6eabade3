#include "core/json_writer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

using turnaround::core::JsonWriter;

namespace {
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace

TEST_CASE("JsonWriter puts commas and colons where a nested document needs them", "[core]") {
  JsonWriter w;
  w.BeginObject();
  w.Key("a").BeginArray().Int(1).Int(-2).BeginObject().EndObject().BeginArray().EndArray().Null().EndArray();
  w.Key("b").Bool(true);
  w.Key("c").BeginObject().Key("d").Bool(false).Key("e").Raw("{\"x\":[1,2]}").EndObject();
  w.Key("f").String("g");
  w.EndObject();
  const nlohmann::json want = {{"a", {1, -2, nlohmann::json::object(), nlohmann::json::array(), nullptr}},
                               {"b", true},
                               {"c", {{"d", false}, {"e", {{"x", {1, 2}}}}}},
                               {"f", "g"}};
  CHECK(w.str() == Dump(want));
  CHECK(nlohmann::json::parse(w.str()) == want);
}

TEST_CASE("JsonWriter: top-level values and integer edges", "[core]") {
  JsonWriter w;
  w.BeginArray().Int(INT64_MIN).Int(INT64_MAX).Int(0).EndArray();
  CHECK(w.str() == "[-9223372036854775808,9223372036854775807,0]");
  JsonWriter n;
  n.Null();
  CHECK(n.Take() == "null");
}
