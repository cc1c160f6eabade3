#include "replies/render.h"

#include <array>
#include <cctype>

namespace turnaround::replies {
namespace {

constexpr std::size_t kMaxFirstNameChars = 30;

// Decodes one code point at *i and advances; returns false (advancing one byte) on
// invalid UTF-8.
bool NextCodePoint(std::string_view s, std::size_t* i, char32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(*i);
  std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return false;
  }
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return false;
    }
    v = (v << 6) | (byte(*i + k) & 0x3Fu);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    ++*i;
    return false;
  }
  *i += len;
  *cp = v;
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Characters that are invisible or reorder text: never wanted in a public reply.
bool IsControlOrFormat(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
         (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

// Letters of the scripts a name is written in; symbols, emoji, and styled "math" letters
// (used to dodge filters) are not.
bool IsNameLetter(char32_t cp) {
  if (cp < 0x80) return std::isalpha(static_cast<int>(cp)) != 0;
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x370 && cp <= 0x1FFF && !(cp >= 0x2B0 && cp <= 0x36F)) ||
         (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsHonorific(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (c != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static constexpr std::array<std::string_view, 14> kTitles = {
      "dr", "mr", "mrs", "ms", "miss", "mx", "sr", "sra", "srta", "dra", "prof", "rev", "don", "doña"};
  for (std::string_view t : kTitles) {
    if (w == t) return true;
  }
  return false;
}

// The name part of one word: letters, apostrophes, hyphens. Returns false if the word
// is a handle, a link or contains digits (then no first name is used at all).
bool NameFromWord(std::string_view word, std::string* name, std::size_t* letters) {
  if (word.find_first_of("@/\\:#0123456789") != std::string_view::npos) return false;
  std::string_view core = word;
  while (!core.empty() && core.back() == '.') core.remove_suffix(1);
  if (core.find('.') != std::string_view::npos) return false;  // looks like a domain
  name->clear();
  *letters = 0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < core.size() && count < kMaxFirstNameChars;) {
    char32_t cp = 0;
    if (!NextCodePoint(core, &i, &cp)) continue;
    if (cp == 0x2019) cp = '\'';
    if (IsNameLetter(cp)) ++*letters;
    if (IsNameLetter(cp) || ((cp == '\'' || cp == '-') && !name->empty())) {
      AppendUtf8(cp, name);
      ++count;
    }
  }
  while (!name->empty() && (name->back() == '\'' || name->back() == '-')) name->pop_back();
  return true;
}

std::string FirstWord(std::string_view s) { return std::string(s.substr(0, s.find(' '))); }

std::string Lookup(std::string_view name, const Variables& v, std::string_view language) {
  if (name == "author.first_name") return SafeFirstName(v.author_name);
  if (name == "agent.first_name") return FirstWord(CleanValue(v.agent_name));
  if (name == "agent.name") return CleanValue(v.agent_name);
  if (name == "page.name") return CleanValue(v.page_name);
  if (name == "contact.phone") return CleanValue(v.contact_phone);
  if (name == "contact.email") return CleanValue(v.contact_email);
  if (name == "contact.url") return CleanValue(v.contact_url);
  if (name == "category.label") return CategoryLabel(v.category, language);
  return std::string();
}

}  // namespace

std::string CleanValue(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < value.size();) {
    char32_t cp = 0;
    if (!NextCodePoint(value, &i, &cp)) continue;
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsControlOrFormat(cp)) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(cp, &out);
  }
  return out;
}

std::string SafeFirstName(std::string_view display_name) {
  std::string cleaned = CleanValue(display_name);
  std::string_view rest = cleaned;
  std::string name;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (IsHonorific(word)) continue;
    std::size_t letters = 0;
    if (!NameFromWord(word, &name, &letters)) return std::string();
    if (letters >= 2) return name;  // single initials ("J.") are skipped
  }
  return std::string();
}

std::string CategoryLabel(std::string_view category, std::string_view language) {
  struct Label {
    std::string_view id, en, es;
  };
  static constexpr Label kLabels[] = {
      {"wait_time", "wait times", "los tiempos de espera"},
      {"billing", "billing", "la facturación"},
      {"staff_attitude", "staff courtesy", "el trato del personal"},
      {"scheduling", "scheduling", "la programación de citas"},
      {"communication", "communication", "la comunicación"},
      {"clinical_care", "the quality of care", "la calidad de la atención"},
      {"facilities", "our facilities", "nuestras instalaciones"},
      {"privacy", "privacy", "la privacidad"},
      {"access", "access to our services", "el acceso a nuestros servicios"},
  };
  for (const Label& l : kLabels) {
    if (l.id == category) return std::string(language == "es" ? l.es : l.en);
  }
  return std::string();
}

Rendered Render(const Template& tmpl, const Variables& vars) {
  Rendered r;
  for (const Segment& s : tmpl.segments) {
    if (!s.is_placeholder) {
      r.text += s.text;
      continue;
    }
    std::string value = Lookup(s.text, vars, tmpl.language);
    if (!value.empty()) {
      r.text += value;
    } else if (s.has_fallback) {
      r.text += s.fallback;
    } else {
      r.text += "{{" + s.text + "}}";
      r.missing.push_back(s.text);
    }
  }
  return r;
}

}  // namespace turnaround::replies
