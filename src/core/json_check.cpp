#include "core/json_check.h"

#include "core/utf8.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <vector>

namespace turnaround::core {
namespace {

// Bytes a string holds as they are: printable ASCII other than '"' and '\\'.
constexpr auto kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

class Checker {
 public:
  explicit Checker(std::string_view s)
      : p_(reinterpret_cast<const unsigned char*>(s.data())), end_(p_ + s.size()) {}

  bool Document() {
    // A byte order mark may open the text (nlohmann skips one).
    if (p_ != end_ && *p_ == 0xEF) {
      if (!Literal("\xEF\xBB\xBF")) return false;
    }
    // An explicit stack of open containers ('{' or '['), not recursion, so
    // that deep nesting cannot exhaust the thread's stack.
    std::vector<unsigned char> open;
    Space();
    for (;;) {
      // A value starts here.
      if (p_ == end_) return false;
      if (*p_ == '{' || *p_ == '[') {
        const unsigned char kind = *p_++;
        Space();
        const unsigned char close = kind == '{' ? '}' : ']';
        if (p_ != end_ && *p_ == close) {
          ++p_;
        } else {
          open.push_back(kind);
          if (kind == '{' && !Key()) return false;
          continue;
        }
      } else if (!Scalar()) {
        return false;
      }
      // After a value: a comma, a closing bracket, or the end.
      for (;;) {
        Space();
        if (open.empty()) return p_ == end_;
        if (p_ == end_) return false;
        const unsigned char kind = open.back();
        if (*p_ == ',') {
          ++p_;
          Space();
          if (kind == '{' && !Key()) return false;
          break;  // the next value
        }
        if (*p_ != (kind == '{' ? '}' : ']')) return false;
        ++p_;
        open.pop_back();
      }
    }
  }

 private:
  void Space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  // A member's key and its colon; the value follows.
  bool Key() {
    if (p_ == end_ || *p_ != '"' || !String()) return false;
    Space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    Space();
    return true;
  }

  bool Literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size()) return false;
    for (char c : word) {
      if (*p_++ != static_cast<unsigned char>(c)) return false;
    }
    return true;
  }

  bool Scalar() {
    switch (*p_) {
      case '"': return String();
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      default: return Number();
    }
  }

  bool Digits() {
    const unsigned char* start = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ != start;
  }

  bool Number() {
    const unsigned char* start = p_;
    if (!NumberGrammar()) return false;
    // nlohmann refuses a number too large for a double (read with strtod): so
    // does this. Without an exponent only more than 308 integer digits can
    // overflow (a fraction cannot), so integers and stored verdicts' weights
    // ("0.66") need no strtod and no copy.
    const unsigned char* digits = start + (*start == '-' ? 1 : 0);
    const unsigned char* int_end = digits;
    while (int_end != p_ && *int_end >= '0' && *int_end <= '9') ++int_end;
    bool exponent = false;
    for (const unsigned char* e = int_end; e != p_ && !exponent; ++e) exponent = *e == 'e' || *e == 'E';
    if (!exponent && int_end - digits <= 308) return true;
    const std::string token(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p_ - start));
    return std::isfinite(std::strtod(token.c_str(), nullptr));
  }

  bool NumberGrammar() {
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ == end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      Digits();
    } else {
      return false;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!Digits()) return false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!Digits()) return false;
    }
    return true;
  }

  static bool Hex(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static unsigned HexValue(const unsigned char* p) {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      const unsigned char c = p[i];
      v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
  }

  // "\uXXXX" at p_ (after the backslash and 'u' were read): its code unit.
  bool Unicode(unsigned* unit) {
    if (end_ - p_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      if (!Hex(p_[i])) return false;
    }
    *unit = HexValue(p_);
    p_ += 4;
    return true;
  }

  bool String() {
    ++p_;  // the opening quote
    while (p_ != end_) {
      // Most of a stored verdict is plain ASCII inside strings: skip it in a tight loop.
      while (p_ != end_ && kPlain[*p_]) ++p_;
      if (p_ == end_) break;
      const unsigned char c = *p_;
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++p_ == end_) return false;
        const unsigned char e = *p_++;
        if (e == 'u') {
          unsigned unit;
          if (!Unicode(&unit)) return false;
          // Surrogates come in pairs, high then low, as nlohmann requires.
          if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            unsigned low;
            if (!Unicode(&low) || low < 0xDC00 || low > 0xDFFF) return false;
          }
        } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
                   e != 't') {
          return false;
        }
        continue;
      }
      if (c < 0x80) {
        ++p_;
        continue;
      }
      if (!Utf8()) return false;
    }
    return false;  // no closing quote
  }

  // One multi-byte UTF-8 sequence at p_, well-formed as core::IsValidUtf8 has it.
  bool Utf8() {
    const std::size_t len = Utf8SequenceLength(
        std::string_view(reinterpret_cast<const char*>(p_), static_cast<std::size_t>(end_ - p_)));
    p_ += len;
    return len != 0;
  }

  const unsigned char* p_;
  const unsigned char* const end_;
};

}  // namespace

bool IsJsonText(std::string_view text) { return Checker(text).Document(); }

}  // namespace turnaround::core
