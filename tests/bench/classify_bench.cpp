// classify_bench: comments classified per second on one thread over a large
// generated corpus. Usage: classify_bench RULES_DIR [N]   prints classify_per_s=N
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "classify/classifier.h"

namespace {

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
  std::vector<std::string> corpus = Corpus(n);
  size_t flagged = 0;
  for (size_t i = 0; i < 2000 && i < n; ++i) flagged += (*c)->Classify(corpus[i]).flagged();  // warm the DFA
  auto start = std::chrono::steady_clock::now();
  for (const std::string& t : corpus) flagged += (*c)->Classify(t).flagged();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("classify_per_s=%.0f\n", static_cast<double>(n) / secs);
  std::printf("classify_comments=%zu\nclassify_flagged=%zu\n", n, flagged);
  return 0;
}
