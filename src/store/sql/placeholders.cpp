#include "store/sql/placeholders.h"

#include <cctype>

namespace turnaround::store::sql {
namespace {

// Index just past the literal or comment starting at `i`, or `i` when none
// starts there.
std::size_t SkipQuoted(std::string_view sql, std::size_t i) {
  const char c = sql[i];
  if (c == '\'' || c == '"') {
    // E'...' strings take backslash escapes; the E must start a token.
    const bool backslashes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                             (i == 1 || !(std::isalnum(static_cast<unsigned char>(sql[i - 2])) ||
                                          sql[i - 2] == '_'));
    std::size_t j = i + 1;
    while (j < sql.size()) {
      if (backslashes && sql[j] == '\\') {
        j += 2;
        continue;
      }
      if (sql[j] == c) {
        if (j + 1 < sql.size() && sql[j + 1] == c) {  // doubled quote: part of the literal
          j += 2;
          continue;
        }
        return j + 1;
      }
      ++j;
    }
    return sql.size();  // unterminated: the server reports it
  }
  if (sql.compare(i, 2, "--") == 0) {
    std::size_t end = sql.find('\n', i);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (sql.compare(i, 2, "/*") == 0) {
    std::size_t end = sql.find("*/", i + 2);
    return end == std::string_view::npos ? sql.size() : end + 2;
  }
  return i;
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  std::size_t i = 0;
  while (i < sql.size()) {
    std::size_t skip = SkipQuoted(sql, i);
    if (skip != i) {
      out.append(sql.substr(i, skip - i));
      i = skip;
    } else if (sql[i] == '?') {
      out += '$';
      out += std::to_string(++n);
      ++i;
    } else {
      out += sql[i++];
    }
  }
  if (count != nullptr) *count = n;
  return out;
}

std::string Tuples(std::size_t columns, std::size_t rows) {
  std::string one = "(";
  for (std::size_t c = 0; c < columns; ++c) one += c == 0 ? "?" : ",?";
  one += ')';
  std::string out;
  out.reserve(rows * (one.size() + 1));
  for (std::size_t r = 0; r < rows; ++r) {
    if (r > 0) out += ',';
    out += one;
  }
  return out;
}

core::Status ForEachIdChunk(const std::vector<std::int64_t>& ids,
                            const std::function<core::Status(const std::string&, const Params&)>& fn) {
  constexpr std::size_t kWidth = 50;  // a queue page's default size
  static const std::string in_list = Tuples(kWidth);
  for (std::size_t start = 0; start < ids.size(); start += kWidth) {
    Params params;
    params.reserve(kWidth);
    for (std::size_t i = start; i < start + kWidth; ++i) {
      params.emplace_back(i < ids.size() ? ids[i] : std::int64_t{-1});
    }
    TA_RETURN_IF_ERROR(fn(in_list, params));
  }
  return core::Status::Ok();
}

}  // namespace turnaround::store::sql
