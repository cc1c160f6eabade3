// CSV cells: RFC 4180 quoting and formula neutralisation.
#include "reports/csv.h"

#include <catch2/catch.hpp>

using namespace turnaround::reports;

TEST_CASE("csv cells are quoted and formulas neutralised", "[reports]") {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "'+1"},
      {"-2", "'-2"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"a=b", "a=b"},  // only a leading sign is a formula
      {"(unanswered)", "(unanswered)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(CsvCell(c.in) == c.want);
  }
}

TEST_CASE("csv records end in CRLF and numbers are plain", "[reports]") {
  CHECK(CsvRecord({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
  CHECK(FormatNumber(600.0) == "600");
  CHECK(FormatNumber(512.5) == "512.5");
  CHECK(FormatNumber(100.0 / 3) == "33.333");
  CHECK(FormatNumber(0.0) == "0");
  CHECK(FormatNumber(std::nullopt).empty());
}
