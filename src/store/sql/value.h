// Value and Row: what goes into and comes out of a statement of the
// engine-neutral SQL layer (see connection.h), whatever the engine.
//
// A Value is null, a 64-bit integer, a double, UTF-8 text or a blob. Reading
// a column converts like SQLite does for the common cases (null reads as 0 or
// ""), so a store can read `SELECT count(*)` or a nullable column the same way
// on both engines. Plain values: cheap to copy, thread-compatible.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace turnaround::store::sql {

// Bytes bound and read as a BLOB (SQLite) / BYTEA (PostgreSQL), never as text.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

class Value {
 public:
  enum class Type { kNull, kInt, kReal, kText, kBlob };

  Value() = default;  // null
  Value(std::nullptr_t) {}  // NOLINT: implicit so that parameter lists read naturally
  // Every integer type (bool included) is stored as int64.
  template <std::integral T>
  Value(T v) : v_(static_cast<std::int64_t>(v)) {}  // NOLINT
  Value(double v) : v_(v) {}  // NOLINT
  Value(std::string v) : v_(std::move(v)) {}  // NOLINT
  Value(std::string_view v) : v_(std::string(v)) {}  // NOLINT
  Value(const char* v) : v_(std::string(v)) {}  // NOLINT
  Value(Blob v) : v_(std::move(v)) {}  // NOLINT

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }

  // Integer value; a real is truncated, text is parsed as a decimal integer
  // (0 if it is not one), null and blobs read as 0.
  std::int64_t AsInt() const;
  // Real value; integers convert, text is parsed (0 if not a number), null is 0.
  double AsReal() const;
  // Text value; numbers are formatted, a blob gives its bytes, null is "".
  std::string AsText() const;
  // The stored bytes of a text or blob value, without a copy; valid while
  // this Value lives. Only for type() kText or kBlob.
  const std::string& StoredBytes() const {
    return type() == Type::kText ? std::get<std::string>(v_) : std::get<Blob>(v_).bytes;
  }

  bool operator==(const Value&) const = default;

 private:
  // Order matches Type.
  std::variant<std::monostate, std::int64_t, double, std::string, Blob> v_;
};

using Params = std::vector<Value>;

// One result row; columns by position (0-based), as in the SELECT list.
class Row {
 public:
  Row() = default;
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  // Out-of-range columns read as null, so a typo shows up as a wrong value in
  // a test rather than as undefined behaviour.
  const Value& operator[](std::size_t i) const;
  std::int64_t Int(std::size_t i) const { return (*this)[i].AsInt(); }
  double Real(std::size_t i) const { return (*this)[i].AsReal(); }
  std::string Text(std::size_t i) const { return (*this)[i].AsText(); }
  bool IsNull(std::size_t i) const { return (*this)[i].is_null(); }

 private:
  std::vector<Value> values_;
};

}  // namespace turnaround::store::sql
