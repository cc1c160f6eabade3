#include <cstdio>
#include <iostream>
#include <string>

#include "app/commands.h"
#include "classify/classifier.h"
#include "classify/verdict_json.h"

namespace turnaround::app {

int RunClassify(const Args& args) {
  auto c = classify::Classifier::Load("rules");
  if (!c.ok()) {
    std::fputs(c.status().message().c_str(), stderr);
    return 1;
  }
  for (const std::string& a : args) {
    std::cout << classify::VerdictToJson((*c)->Classify(a)).dump() << "\n";
  }
  return 0;
}
int RunEval(const Args&) {
  std::fputs("turnaround eval: not built yet\n", stderr);
  return 1;
}
int RunRules(const Args&) {
  std::fputs("turnaround rules: not built yet\n", stderr);
  return 1;
}

}  // namespace turnaround::app
