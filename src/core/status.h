// Status and Result<T>: how every expected failure travels in Turnaround.
//
// Expected failures (bad signature, malformed payload, not found, conflict, bad
// rule) are values, never exceptions. Code maps to an HTTP status in exactly one
// place (http/errors.cpp). Both types are cheap to copy and thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace turnaround::core {

enum class Code {
  kOk,
  kInvalidArgument,       // the caller sent something malformed (400)
  kUnauthenticated,       // missing or wrong credentials / signature (401)
  kPermissionDenied,      // authenticated but not allowed (403)
  kNotFound,              // (404)
  kConflict,              // state does not allow the change (409)
  kPayloadTooLarge,       // (413)
  kUnsupportedMediaType,  // (415)
  kRateLimited,           // (429)
  kUnavailable,           // shutting down or overloaded; retry later (503)
  kInternal,              // a bug or an I/O failure (500)
};

// Stable lower-case name used in JSON error bodies ("invalid_argument", ...).
const char* CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "code_name: message" for logs and CLI output.
  std::string ToString() const;

  // Extra machine-readable context (e.g. the current state or the holder of
  // a claim in a 409), added as string fields to the JSON error body.
  Status& With(std::string key, std::string value) {
    fields_.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::vector<std::pair<std::string, std::string>> fields_;
};

inline Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
inline Status Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
inline Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
inline Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
inline Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
inline Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace turnaround::core

// Returns the Status of `expr` from the enclosing function if it is not OK.
#define TA_RETURN_IF_ERROR(expr)                     \
  do {                                               \
    ::turnaround::core::Status ta_status_ = (expr);  \
    if (!ta_status_.ok()) return ta_status_;         \
  } while (0)
