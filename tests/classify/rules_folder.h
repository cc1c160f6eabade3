// A temporary rules folder for tests of what the classifier does with its
// optional model files: one weak complaint rule ("waiting", weight 1: below the
// complaint threshold alone), one facilities category rule ("parking"), one
// piece of self-harm evidence ("edge", 0.4: below the urgent threshold alone)
// and a one-word sentiment lexicon, plus the given model files. Removed on
// destruction.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace turnaround::classify::testing {

struct RulesFolder {
  explicit RulesFolder(const char* complaint_model, const char* category_model = nullptr,
                       const char* urgent_model = nullptr) {
    dir = std::filesystem::temp_directory_path() / ("rules_folder_test_" + std::to_string(::getpid()) + "_" + std::to_string(++count));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.rules") << "rule: weak.one\nsignal: complaint\nweight: 1\npattern: \\bwaiting\\b\n"
                                      "match: still waiting\n\n"
                                      "rule: topic.parking\nsignal: category\ncategory: facilities\nweight: 1\n"
                                      "pattern: \\bparking\\b\nmatch: the parking\n\n"
                                      "rule: lexu.edge\nsignal: urgent_evidence\nurgent: self_harm\nweight: 0.4\n"
                                      "pattern: \\bedge\\b\nmatch: the edge\n";
    std::ofstream(dir / "sentiment.lexicon") << "[words]\ngood 2\n";
    if (complaint_model != nullptr) std::ofstream(dir / "complaint.model") << complaint_model;
    if (category_model != nullptr) std::ofstream(dir / "category.model") << category_model;
    if (urgent_model != nullptr) std::ofstream(dir / "urgent.model") << urgent_model;
  }
  ~RulesFolder() { std::filesystem::remove_all(dir); }
  RulesFolder(const RulesFolder&) = delete;  // owns the folder on disk
  RulesFolder& operator=(const RulesFolder&) = delete;

  std::filesystem::path dir;
  static inline int count = 0;
};

}  // namespace turnaround::classify::testing
