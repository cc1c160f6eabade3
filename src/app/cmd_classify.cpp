// The classifier's verbs: classify, eval, rules check, rules hs-compile.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "app/commands.h"
#include "classify/classifier.h"
#include "classify/eval.h"
#include "classify/hs_set.h"
#include "classify/verdict_json.h"

namespace turnaround::app {

namespace {

constexpr const char* kRulesHelp =
    "  --rules DIR   rule files and sentiment lexicon (default: $TURNAROUND_RULES_DIR,\n"
    "                or 'rules' relative to the current directory)\n";
constexpr const char* kCacheHelp =
    "  --cache DIR   match with Hyperscan (same verdicts, far faster on many texts), its\n"
    "                database compiled once into DIR (serve's classify.cache_dir, var/cache)\n";

std::string DefaultRulesDir() {
  const char* env = std::getenv("TURNAROUND_RULES_DIR");
  return env != nullptr && *env != '\0' ? env : "rules";
}

bool IsHelp(const std::string& a) { return a == "--help" || a == "-h"; }

// Loads the rules or prints the report; nullptr on failure. classify and
// eval, like the server, use the rules as they are and leave their examples
// to `rules check` (a CI test): running ~2,500 examples tripled a one-line
// classify's start-up, and every eval a fitting script makes paid it again.
std::shared_ptr<const classify::Classifier> LoadOrReport(const std::string& dir, bool run_examples) {
  auto loaded = classify::Classifier::Load(dir, {.run_examples = run_examples});
  if (!loaded.ok()) {
    std::fprintf(stderr, "turnaround: rules in '%s' refused:\n%s", dir.c_str(), loaded.status().message().c_str());
    return nullptr;
  }
  return std::move(loaded).value();
}

// --cache DIR: match with Hyperscan, loading the database compiled for these
// rules from DIR (as `serve` keeps it in classify.cache_dir) or compiling it
// there first. Same verdicts as without it; worth it for many texts.
bool AccelerateOrReport(const classify::Classifier& c, const std::string& cache_dir) {
  if (cache_dir.empty()) return true;
  auto summary = c.Accelerate(cache_dir);
  if (!summary.ok()) {
    std::fprintf(stderr, "turnaround: %s\n", summary.status().message().c_str());
    return false;
  }
  return true;
}

std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

int Usage(const char* text, bool asked, bool cache = false) {
  std::fputs(text, asked ? stdout : stderr);
  std::fputs(kRulesHelp, asked ? stdout : stderr);
  if (cache) std::fputs(kCacheHelp, asked ? stdout : stderr);
  return asked ? 0 : 2;
}

constexpr const char* kClassifyUsage =
    "usage: turnaround classify [--rules DIR] [--cache DIR] [TEXT...]\n"
    "Prints one JSON verdict per TEXT, or per line of stdin when no TEXT is given.\n";
constexpr const char* kEvalUsage =
    "usage: turnaround eval [--rules DIR] [--cache DIR] [--json] [--errors N] FILE.jsonl\n"
    "Scores the classifier on lines {\"text\", \"label\": complaint|not_complaint,\n"
    "\"urgent\"?: REASON or true/false, \"category\"?: NAME}.\n"
    "  --json        print one JSON object (n, precision, recall, f1, accuracy, tp, fp, fn, tn,\n"
    "                and urgent_recall, urgent_precision, category_accuracy when labelled)\n"
    "  --errors N    list up to N misclassified lines\n";
constexpr const char* kRulesUsage =
    "usage: turnaround rules check [--rules DIR]\n"
    "       turnaround rules hs-compile PATTERNS.json OUT\n"
    "check: compiles every rule, runs every rule's match/no_match examples and the lexicon;\n"
    "prints each problem with file, line and rule id, and exits 1 if there is any.\n"
    "hs-compile: compiles a list of patterns ([{\"regex\", \"caseless\"}, ...]) into a\n"
    "Hyperscan database file OUT; serve runs it in a child process after each rules load.\n";

// Reads `path` whole into *out, or prints "turnaround VERB: cannot read PATH".
bool ReadInput(const char* verb, const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "turnaround %s: cannot read %s\n", verb, path.c_str());
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void PrintHuman(const classify::EvalReport& r) {
  std::printf("n=%d precision=%.4f recall=%.4f f1=%.4f accuracy=%.4f\n", r.n, r.precision(), r.recall(), r.f1(),
              r.accuracy());
  std::printf("                 predicted complaint  predicted not\n");
  std::printf("complaint        %19d  %13d\n", r.tp, r.fn);
  std::printf("not_complaint    %19d  %13d\n", r.fp, r.tn);
  if (r.has_urgent) {
    std::printf("urgent_recall=%.4f urgent_precision=%.4f\n", r.urgent_recall(), r.urgent_precision());
  }
  if (r.has_category) std::printf("category_accuracy=%.4f (%d rows)\n", r.category_accuracy(), r.category_n);
}

}  // namespace

int RunClassify(const Args& args) {
  std::string dir = DefaultRulesDir(), cache;
  Args texts;
  for (size_t i = 0; i < args.size(); ++i) {
    if (IsHelp(args[i])) return Usage(kClassifyUsage, true, true);
    if (args[i] == "--rules" && i + 1 < args.size()) {
      dir = args[++i];
    } else if (args[i] == "--cache" && i + 1 < args.size()) {
      cache = args[++i];
    } else if (args[i] == "--") {
      texts.insert(texts.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage(kClassifyUsage, false, true);
    } else {
      texts.push_back(args[i]);
    }
  }
  auto c = LoadOrReport(dir, /*run_examples=*/false);
  if (c == nullptr || !AccelerateOrReport(*c, cache)) return 1;
  for (const std::string& t : texts) std::cout << classify::VerdictJsonText(c->Classify(t)) << '\n';
  if (texts.empty()) {
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::cout << classify::VerdictJsonText(c->Classify(line)) << '\n';
    }
  }
  return 0;
}

int RunEval(const Args& args) {
  std::string dir = DefaultRulesDir(), file, cache;
  bool json = false;
  long max_errors = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    if (IsHelp(args[i])) return Usage(kEvalUsage, true, true);
    if (args[i] == "--rules" && i + 1 < args.size()) {
      dir = args[++i];
    } else if (args[i] == "--cache" && i + 1 < args.size()) {
      cache = args[++i];
    } else if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--errors" && i + 1 < args.size()) {
      char* end = nullptr;
      max_errors = std::strtol(args[++i].c_str(), &end, 10);
      if (*end != '\0' || max_errors < 0) return Usage(kEvalUsage, false, true);
    } else if (args[i].rfind("--", 0) == 0 || !file.empty()) {
      return Usage(kEvalUsage, false, true);
    } else {
      file = args[i];
    }
  }
  if (file.empty()) return Usage(kEvalUsage, false, true);
  std::string text;
  if (!ReadInput("eval", file, &text)) return 1;
  auto c = LoadOrReport(dir, /*run_examples=*/false);
  if (c == nullptr || !AccelerateOrReport(*c, cache)) return 1;
  auto report = classify::Evaluate(*c, file, text);
  if (!report.ok()) {
    std::fprintf(stderr, "turnaround eval: %s\n", report.status().message().c_str());
    return 1;
  }
  if (json) {
    std::cout << Dump(report->ToJson()) << '\n';
  } else {
    PrintHuman(*report);
  }
  long shown = 0;
  for (const classify::EvalError& e : report->errors) {
    if (shown++ >= max_errors) break;
    std::cout << Dump({{"line", e.line}, {"expected", e.expected}, {"got", e.got}, {"rules", e.rules},
                       {"text", e.text}})
              << '\n';
  }
  return 0;
}

// `rules hs-compile PATTERNS OUT`: the server's child process
// (classify::Accelerator), so that the compile's memory peak is never the
// server's. Quiet on success: the server logs the outcome.
int RunHsCompile(const Args& args) {
  if (args.size() != 3 || IsHelp(args[1])) return Usage(kRulesUsage, args.size() == 2 && IsHelp(args[1]));
  std::string text;
  if (!ReadInput("rules hs-compile", args[1], &text)) return 1;
  auto patterns = classify::HsSet::PatternsFromJson(text);
  if (!patterns.ok()) {
    std::fprintf(stderr, "turnaround rules hs-compile: %s: %s\n", args[1].c_str(),
                 patterns.status().message().c_str());
    return 1;
  }
  auto hs = classify::HsSet::Compile(*patterns);
  core::Status saved = hs.ok() ? (*hs)->Save(args[2]) : hs.status();
  if (!saved.ok()) {
    std::fprintf(stderr, "turnaround rules hs-compile: %s\n", saved.message().c_str());
    return 1;
  }
  return 0;
}

int RunRules(const Args& args) {
  std::string dir = DefaultRulesDir();
  if (args.empty() || IsHelp(args[0])) return Usage(kRulesUsage, !args.empty());
  if (args[0] == "hs-compile") return RunHsCompile(args);
  if (args[0] != "check") return Usage(kRulesUsage, false);
  for (size_t i = 1; i < args.size(); ++i) {
    if (IsHelp(args[i])) return Usage(kRulesUsage, true);
    if (args[i] == "--rules" && i + 1 < args.size()) {
      dir = args[++i];
    } else {
      return Usage(kRulesUsage, false);
    }
  }
  auto c = LoadOrReport(dir, /*run_examples=*/true);
  if (c == nullptr) return 1;
  std::printf("rules in '%s' OK: %zu rules, version %s\n", dir.c_str(), c->rule_count(), c->version().c_str());
  return 0;
}

}  // namespace turnaround::app
