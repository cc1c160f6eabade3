#include "core/json_string.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace turnaround::core {

namespace {

// Bytes copied as they are: printable ASCII other than '"' and '\\'.
constexpr bool IsPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  // Keys, ids, rule names and most English text need no escaping and no UTF-8
  // check: one scan, one append (the audit chain and the queue page write
  // tens of such strings per comment).
  size_t plain = 0;
  while (plain < s.size() && IsPlain(static_cast<unsigned char>(s[plain]))) ++plain;
  if (plain == s.size()) {
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  if (!IsValidUtf8(s.substr(plain))) {
    // Rare (stored text is validated on the way in); nlohmann's replacement
    // of bad sequences has its own rules, so reuse them.
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not copied yet; UTF-8 is copied as is
  for (size_t i = plain; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace turnaround::core
