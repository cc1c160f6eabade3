// The line reader shared by the classifier's data files (sentiment.lexicon
// and the *.model files): one place decides what a blank line, a
// comment and a line number are, so every file reports errors alike.
#pragma once

#include <string_view>

namespace turnaround::classify {

// Calls fn(line_no, line) for each line of `contents` (numbered from 1), with
// spaces, tabs and CRs trimmed at both ends; blank lines and lines starting
// with '#' are skipped.
template <typename Fn>
void ForEachDataLine(std::string_view contents, Fn fn) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  int line_no = 0;
  for (size_t pos = 0; pos <= contents.size();) {
    size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string_view line = contents.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(line_no, line);
  }
}

}  // namespace turnaround::classify
