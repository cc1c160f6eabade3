#include "classify/term_model.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "classify/data_lines.h"
#include "core/utf8.h"

namespace turnaround::classify {

namespace {

// The token character a code point reads as (lower case), or 0 for a separator.
// The fitting script (tests/classify/fit_model.py, TOKEN_MAP) must read the
// same: a feature spelled differently there never matches here.
uint32_t TokenChar(uint32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp;
  if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
  if ((cp >= '0' && cp <= '9') || cp == '\'') return cp;
  if (cp == 0x2019) return '\'';  // phones type the curly apostrophe
  switch (cp) {
    case 0xE1: case 0xE9: case 0xED: case 0xF3: case 0xFA: case 0xF1: case 0xFC:
      return cp;
    case 0xC1: case 0xC9: case 0xCD: case 0xD3: case 0xDA: case 0xD1: case 0xDC:
      return cp + 0x20;
    default:
      return 0;
  }
}

// Decodes the code point at s[i] (its length in *len); an invalid byte reads
// as U+FFFD with length 1 (a separator).
uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b < 0x80) return b;
  const size_t n = core::Utf8SequenceLength(s.substr(i));
  if (n == 0) return 0xFFFD;
  *len = n;
  uint32_t cp = b & (0xFFu >> (n + 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else {  // TokenChar yields nothing above U+00FF
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Ends the token being built, buf[start, end): apostrophes at either end are
// quotes, not part of the word ('helpful' is helpful). A token of nothing but
// apostrophes is dropped, with the space written before it.
void EndToken(size_t start, std::string* buf, std::vector<TermModel::TokenSpan>* spans) {
  const size_t last = buf->find_last_not_of('\'');
  if (last == std::string::npos || last < start) {
    buf->resize(spans->empty() ? 0 : start - 1);
    return;
  }
  buf->resize(last + 1);
  const size_t first = buf->find_first_not_of('\'', start);
  buf->erase(start, first - start);
  spans->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(buf->size())});
}

bool ParseNumber(std::string_view s, double* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end && std::isfinite(*out);
}

}  // namespace

bool TermModel::IsFeature(std::string_view term) {
  const std::vector<std::string> t = Tokens(term);
  return (t.size() == 1 && t[0] == term) || (t.size() == 2 && t[0] + " " + t[1] == term);
}

void TermModel::TokenizeInto(std::string_view text, std::string* buf, std::vector<TokenSpan>* spans) {
  buf->clear();
  spans->clear();
  bool in_token = false;
  size_t start = 0;  // where the token being built begins in buf
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    uint32_t c = TokenChar(Decode(text, i, &len));
    i += len;
    if (c != 0) {
      if (!in_token) {
        if (!spans->empty()) buf->push_back(' ');
        start = buf->size();
        in_token = true;
      }
      AppendUtf8(c, buf);
    } else if (in_token) {
      EndToken(start, buf, spans);
      in_token = false;
    }
  }
  if (in_token) EndToken(start, buf, spans);
}

std::vector<std::string> TermModel::Tokens(std::string_view text) {
  std::string buf;
  std::vector<TokenSpan> spans;
  TokenizeInto(text, &buf, &spans);
  std::vector<std::string> out;
  out.reserve(spans.size());
  for (const TokenSpan& t : spans) out.emplace_back(buf, t.begin, t.end - t.begin);
  return out;
}

std::vector<std::string> TermModel::Features(std::string_view text) {
  std::vector<std::string> tokens = Tokens(text);
  std::vector<std::string> out;
  out.reserve(tokens.size() * 2);
  for (size_t i = 1; i < tokens.size(); ++i) out.push_back(tokens[i - 1] + " " + tokens[i]);
  for (std::string& t : tokens) out.push_back(std::move(t));
  // Each feature counts once: the models were fitted on presence, not counts.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TermScore TermModel::Score(std::string_view text) const {
  std::vector<std::pair<std::string_view, double>> hits;
  for (const std::string& f : Features(text)) {
    if (const uint32_t i = terms_.Find(f); i != TermIndex::kNone) hits.emplace_back(terms_.term(i), weights_[i]);
  }
  return FromHits(hits);
}

TermScore TermModel::FromHits(const std::vector<std::pair<std::string_view, double>>& hits, bool in_domain) const {
  // Heavier first, ties by the term's text: one order whatever order the
  // hits came in.
  auto heavier = [](const std::pair<std::string_view, double>& a, const std::pair<std::string_view, double>& b) {
    const double x = std::fabs(a.second), y = std::fabs(b.second);
    return x != y ? x > y : a.first < b.first;
  };
  // The few heaviest kept by insertion: sorting every hit for six of them was
  // a tenth of the models' time (README, "The fitted models' cost").
  std::array<const std::pair<std::string_view, double>*, kExplainTerms> top{};
  size_t kept = 0;
  TermScore r;
  r.raw = intercept_;
  for (const auto& h : hits) {
    r.raw += h.second;
    if (kept == kExplainTerms && !heavier(h, *top[kept - 1])) continue;
    size_t at = kept < kExplainTerms ? kept++ : kept - 1;
    for (; at > 0 && heavier(h, *top[at - 1]); --at) top[at] = top[at - 1];
    top[at] = &h;
  }
  r.capped = std::clamp(r.raw, -max_lower_, max_raise_);
  r.score = in_domain && has_domain_ ? r.raw + domain_shift_ : r.capped;
  r.terms.reserve(kept);
  for (size_t i = 0; i < kept; ++i) r.terms.push_back({std::string(top[i]->first), top[i]->second});
  return r;
}

core::Result<std::unique_ptr<TermModel>> TermModel::Parse(std::string_view file_name, std::string_view contents) {
  auto model = std::make_unique<TermModel>();
  std::string errors;
  bool have_raise = false, have_lower = false, have_share = false, have_shift = false;
  ForEachDataLine(contents, [&](int line_no, std::string_view line) {
    auto fail = [&](const std::string& why) {
      errors += std::string(file_name) + ":" + std::to_string(line_no) + ": " + why + "\n";
    };
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      const size_t sp = line.find(' ');
      const std::string_view key = line.substr(0, sp);
      double value = 0;
      if (sp == std::string_view::npos || !ParseNumber(line.substr(sp + 1), &value)) {
        fail("expected `SETTING NUMBER` (intercept, max_raise, max_lower, domain_rules_share, domain_shift) or `WEIGHT<TAB>TERM`");
      } else if (key == "intercept") {
        model->intercept_ = value;
      } else if (key == "max_raise" && value >= 0) {
        model->max_raise_ = value;
        have_raise = true;
      } else if (key == "max_lower" && value >= 0) {
        model->max_lower_ = value;
        have_lower = true;
      } else if (key == "domain_rules_share" && value >= 0 && value <= 1) {
        model->domain_rules_share_ = value;
        have_share = true;
      } else if (key == "domain_shift") {
        model->domain_shift_ = value;
        have_shift = true;
      } else {
        fail("unknown setting or negative cap (or domain_rules_share outside 0..1): " + std::string(key));
      }
      return;
    }
    double weight = 0;
    const std::string_view term = line.substr(tab + 1);
    if (!ParseNumber(line.substr(0, tab), &weight)) {
      fail("weight is not a number");
    } else if (!IsFeature(term)) {
      // A term the tokenizer cannot produce would silently never match.
      fail("term is not " + std::string(kFeatureShape) + ": " + std::string(term));
    } else if (model->terms_.Find(term) != TermIndex::kNone) {
      fail("duplicate term: " + std::string(term));
    } else {
      model->terms_.Add(term);
      model->weights_.push_back(weight);
    }
  });
  if (!have_raise || !have_lower) errors += std::string(file_name) + ": max_raise and max_lower are required\n";
  if (have_share != have_shift) {
    errors += std::string(file_name) + ": domain_rules_share and domain_shift go together\n";
  }
  model->has_domain_ = have_share && have_shift;
  if (!errors.empty()) return core::InvalidArgument(errors);
  return model;
}

}  // namespace turnaround::classify
