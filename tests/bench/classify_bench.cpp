// classify_bench: comments classified per second of one thread's CPU time over a large
// generated corpus (or CLASSIFY_CORPUS=FILE). Usage: classify_bench RULES_DIR [N]   prints classify_per_s=N
// (full verdicts with spans) and classify_nospans_per_s=N (decisions only).
// CLASSIFY_JSONL=FILE[,FILE...]: the "text" of every line of labelled sets, each
// classified once (at most N), after a warm-up on the generated corpus: how fast
// text the rule set has never seen goes, as every new comment is. Prints
// classify_per_s and classify_texts only.
// CLASSIFY_ENGINE=hyperscan (the default, what `serve` runs once its rules are
// accelerated) or re2 (RE2::Set, what runs until then); with hyperscan it also
// prints classify_accelerate_s (compile, or load from CLASSIFY_CACHE=DIR).
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "classify/classifier.h"

namespace {

// CPU time of this thread: the figure is per core even on a busy machine,
// where wall-clock time mostly measures the other processes.
double ThreadSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Builds varied comments from fragments so that the DFA sees realistic text.
std::vector<std::string> Corpus(size_t n) {
  const char* openers[] = {"", "Hi, ", "@CityHealth ", "Honestly ", "Hola, ", "UPDATE: ", "So "};
  const char* bodies[] = {
      "still waiting for someone from billing to call me back",
      "the nurses on 4 west were so kind to my mom",
      "what time does the lab open on Saturday",
      "charged twice for the same visit and no refund yet",
      "the parking garage is full every day by 9am",
      "thank you for taking such good care of my dad",
      "llevo tres horas esperando en urgencias con mi hija",
      "is the patient portal down again? can't log in",
      "great job losing my paperwork for the third time",
      "are you hiring night shift CNAs",
      "the doctor didn't even listen, just rushed out",
      "congrats to the NICU team on the award!"};
  const char* closers[] = {"", ".", "!!", " :(", " 🙄", " 😊", "?", " #healthcare", " thanks"};
  std::mt19937 rng(42);  // fixed seed: the same corpus every run
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string s = openers[rng() % std::size(openers)];
    s += bodies[rng() % std::size(bodies)];
    if (rng() % 3 == 0) s += std::string(". ") + bodies[rng() % std::size(bodies)];
    s += closers[rng() % std::size(closers)];
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: classify_bench RULES_DIR [N]\n");
    return 2;
  }
  size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 200000;
  auto c = turnaround::classify::Classifier::Load(argv[1]);
  if (!c.ok()) {
    std::fprintf(stderr, "%s", c.status().message().c_str());
    return 1;
  }
  const char* engine = std::getenv("CLASSIFY_ENGINE");
  if (!engine || std::string(engine) == "hyperscan") {
    const char* cache = std::getenv("CLASSIFY_CACHE");
    auto summary = (*c)->Accelerate(cache ? cache : "");
    if (!summary.ok()) {
      std::fprintf(stderr, "%s\n", summary.status().message().c_str());
      return 1;
    }
    std::fprintf(stderr, "%s\n", summary->Summary().c_str());
    std::printf("classify_accelerate_s=%.1f\n", summary->seconds);
  } else if (std::string(engine) != "re2") {
    std::fprintf(stderr, "CLASSIFY_ENGINE must be hyperscan or re2\n");
    return 2;
  }
  if (const char* files = std::getenv("CLASSIFY_JSONL")) {
    std::vector<std::string> texts;
    std::stringstream list(files);
    for (std::string file; std::getline(list, file, ',');) {
      std::ifstream in(file);
      if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 1;
      }
      for (std::string line; std::getline(in, line) && texts.size() < n;) {
        auto row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_object() && row.contains("text") && row["text"].is_string()) texts.push_back(row["text"]);
      }
    }
    // Warm-up: the generated corpus, then every other text (each once), so
    // that what is timed is a process that has been running a while and
    // meets text it has not seen (the other half), as a server does.
    for (const std::string& t : Corpus(2000)) (*c)->Classify(t);
    for (size_t i = 0; i < texts.size(); i += 2) (*c)->Classify(texts[i]);
    size_t flagged = 0, timed = 0;
    double start = ThreadSeconds();
    for (size_t i = 1; i < texts.size(); i += 2, ++timed) flagged += (*c)->Classify(texts[i]).flagged();
    double secs = ThreadSeconds() - start;
    std::printf("classify_per_s=%.0f\nclassify_texts=%zu\nclassify_flagged=%zu\n",
                static_cast<double>(timed) / secs, timed, flagged);
    return 0;
  }
  // CLASSIFY_CORPUS=FILE: one comment per line, cycled to N (real text makes
  // far more distinct DFA states than the generated corpus).
  std::vector<std::string> corpus;
  if (const char* file = std::getenv("CLASSIFY_CORPUS")) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
    for (size_t i = 0; i < n && !lines.empty(); ++i) corpus.push_back(lines[i % lines.size()]);
  } else {
    corpus = Corpus(n);
  }
  size_t warm = 0;
  for (size_t i = 0; i < 2000 && i < n; ++i) warm += (*c)->Classify(corpus[i]).flagged();  // warm the DFA
  size_t flagged = 0;
  // Full verdicts, with the span of every matched rule (what ingest stores).
  double start = ThreadSeconds();
  for (const std::string& t : corpus) flagged += (*c)->Classify(t).flagged();
  double secs = ThreadSeconds() - start;
  // Decisions only (what eval uses): no spans.
  const turnaround::classify::ClassifyOptions no_spans{.spans = false};
  size_t flagged_fast = 0;
  start = ThreadSeconds();
  for (const std::string& t : corpus) flagged_fast += (*c)->Classify(t, no_spans).flagged();
  double fast_secs = ThreadSeconds() - start;
  if (flagged_fast != flagged) {
    std::fprintf(stderr, "decisions differ with and without spans: %zu vs %zu\n", flagged, flagged_fast);
    return 3;
  }
  std::printf("classify_per_s=%.0f\n", static_cast<double>(n) / secs);
  std::printf("classify_nospans_per_s=%.0f\n", static_cast<double>(n) / fast_secs);
  std::printf("classify_comments=%zu\nclassify_flagged=%zu\n", n, flagged);
  return 0;
}
