// JsonWriter: appends JSON text to a string without building a tree.
//
// Why: the queue page is the API's hottest read, and building a
// nlohmann::json tree per item (one allocation per key and value, keys kept
// in a std::map) and then serializing it took about half of a request's CPU;
// the webhook writer's audit event details (store::EventDetails) are the
// hottest write.
// The writer produces the same bytes nlohmann's dump() would for the same
// values (strings escaped the same way, invalid UTF-8 replaced by U+FFFD), so
// a caller that writes keys in sorted order, as nlohmann's objects keep them,
// gets output identical to the tree's.
//
// Commas are the writer's business; nesting and key order are the caller's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace turnaround::core {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);  // the next value is this key's
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(std::int64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Text that is already one JSON value (the caller checked it).
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  // One entry per open object or array: whether it has an element yet.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace turnaround::core
