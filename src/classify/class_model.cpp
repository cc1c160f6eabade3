#include "classify/class_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "classify/data_lines.h"
#include "classify/term_model.h"

namespace turnaround::classify {

namespace {

// Splits `s` at single spaces into numbers; false if any is not a finite number.
bool ParseNumbers(std::string_view s, std::vector<double>* out) {
  out->clear();
  while (!s.empty()) {
    const size_t sp = s.find(' ');
    const std::string_view item = s.substr(0, sp);
    double x = 0;
    auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), x);
    if (ec != std::errc() || p != item.data() + item.size() || !std::isfinite(x)) return false;
    out->push_back(x);
    s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
  }
  return true;
}

}  // namespace

std::vector<double> ClassModel::Probabilities(std::string_view text) const {
  std::vector<double> z = intercepts_;
  for (const std::string& f : TermModel::Features(text)) {
    const uint32_t i = terms_.Find(f);
    if (i == TermIndex::kNone) continue;
    const double* w = row(i);
    for (size_t k = 0; k < z.size(); ++k) z[k] += w[k];
  }
  Softmax(&z);
  return z;
}

void ClassModel::Softmax(std::vector<double>* z) {
  if (z->empty()) return;
  const double top = *std::max_element(z->begin(), z->end());
  double sum = 0;
  for (double& x : *z) sum += (x = std::exp(x - top));
  for (double& x : *z) x /= sum;
}

double ClassModel::setting(std::string_view name) const {
  for (const auto& [key, value] : settings_) {
    if (key == name) return value;
  }
  return 0;
}

core::Result<std::unique_ptr<ClassModel>> ClassModel::Parse(std::string_view file_name, std::string_view contents,
                                                            const std::vector<std::string_view>& allowed_classes,
                                                            std::initializer_list<std::string_view> required_settings) {
  auto model = std::make_unique<ClassModel>();
  std::string errors;
  std::vector<double> numbers;
  ForEachDataLine(contents, [&](int line_no, std::string_view line) {
    auto fail = [&](const std::string& why) {
      errors += std::string(file_name) + ":" + std::to_string(line_no) + ": " + why + "\n";
    };
    const size_t n = model->classes_.size();
    const size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      const std::string_view term = line.substr(tab + 1);
      if (n == 0) {
        fail("a term before the `classes` line");
      } else if (!ParseNumbers(line.substr(0, tab), &numbers) || numbers.size() != n) {
        fail("expected " + std::to_string(n) + " numbers before the tab");
      } else if (!TermModel::IsFeature(term)) {
        fail("term is not " + std::string(TermModel::kFeatureShape) + ": " + std::string(term));
      } else if (model->terms_.Find(term) != TermIndex::kNone) {
        fail("duplicate term: " + std::string(term));
      } else {
        model->terms_.Add(term);
        model->weights_.insert(model->weights_.end(), numbers.begin(), numbers.end());
      }
      return;
    }
    const size_t sp = line.find(' ');
    const std::string_view key = line.substr(0, sp);
    const std::string_view rest = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
    if (key == "classes" && n > 0) {
      // Terms already read have one weight per class named so far.
      fail("a second `classes` line");
    } else if (key == "classes") {
      for (size_t b = 0; b < rest.size();) {
        size_t e = std::min(rest.find(' ', b), rest.size());
        const std::string_view c = rest.substr(b, e - b);
        if (std::find(allowed_classes.begin(), allowed_classes.end(), c) == allowed_classes.end()) {
          fail("unknown class: " + std::string(c));
        } else if (std::find(model->classes_.begin(), model->classes_.end(), c) != model->classes_.end()) {
          fail("class named twice: " + std::string(c));
        }
        model->classes_.emplace_back(c);
        b = e + 1;
      }
      if (model->classes_.size() < 2) fail("`classes` needs at least two names");
    } else if (key == "intercept") {
      if (!ParseNumbers(rest, &numbers) || n == 0 || numbers.size() != n) {
        fail("`intercept` needs one number per class, after the `classes` line");
      } else {
        model->intercepts_ = numbers;
      }
    } else if (std::find(required_settings.begin(), required_settings.end(), key) != required_settings.end()) {
      if (!ParseNumbers(rest, &numbers) || numbers.size() != 1 || numbers[0] < 0) {
        fail("`" + std::string(key) + "` needs one number >= 0");
      } else {
        model->settings_.emplace_back(key, numbers[0]);
      }
    } else {
      fail("unknown setting: " + std::string(key));
    }
  });
  if (model->classes_.empty() || model->intercepts_.empty()) {
    errors += std::string(file_name) + ": `classes` and `intercept` are required\n";
  }
  for (std::string_view name : required_settings) {
    bool given = false;
    for (const auto& kv : model->settings_) given |= kv.first == name;
    if (!given) errors += std::string(file_name) + ": `" + std::string(name) + "` is required\n";
  }
  if (!errors.empty()) return core::InvalidArgument(errors);
  return model;
}

}  // namespace turnaround::classify
