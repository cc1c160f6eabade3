#include "store/sql/value.h"

#include <charconv>
#include <cstdio>

namespace turnaround::store::sql {
namespace {

std::int64_t ParseInt(const std::string& s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return 0;
  return v;
}

double ParseReal(const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc()) return 0;
  return v;
}

}  // namespace

std::int64_t Value::AsInt() const {
  switch (type()) {
    case Type::kInt: return std::get<std::int64_t>(v_);
    case Type::kReal: return static_cast<std::int64_t>(std::get<double>(v_));
    case Type::kText: return ParseInt(std::get<std::string>(v_));
    case Type::kNull:
    case Type::kBlob: return 0;
  }
  return 0;
}

double Value::AsReal() const {
  switch (type()) {
    case Type::kInt: return static_cast<double>(std::get<std::int64_t>(v_));
    case Type::kReal: return std::get<double>(v_);
    case Type::kText: return ParseReal(std::get<std::string>(v_));
    case Type::kNull:
    case Type::kBlob: return 0;
  }
  return 0;
}

std::string Value::AsText() const {
  switch (type()) {
    case Type::kInt: return std::to_string(std::get<std::int64_t>(v_));
    case Type::kReal: {
      char buf[32];
      // %.17g round-trips every double.
      std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v_));
      return buf;
    }
    case Type::kText: return std::get<std::string>(v_);
    case Type::kBlob: return std::get<Blob>(v_).bytes;
    case Type::kNull: return "";
  }
  return "";
}

const Value& Row::operator[](std::size_t i) const {
  static const Value kNull;
  return i < values_.size() ? values_[i] : kNull;
}

}  // namespace turnaround::store::sql
