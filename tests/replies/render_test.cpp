#include "replies/render.h"

#include <catch2/catch.hpp>

using namespace turnaround::replies;

namespace {
Template Parse(const std::string& body, const std::string& language = "en") {
  auto t = ParseTemplate("t.md", "---\nid: t\ntitle: T\nlanguage: " + language + "\n---\n" + body);
  REQUIRE(t.ok());
  return t.value();
}
}  // namespace

TEST_CASE("[replies] SafeFirstName keeps a first name and nothing else", "[replies]") {
  struct Case {
    const char* display_name;
    const char* expected;
  };
  const Case kCases[] = {
      {"Maria Lopez", "Maria"},
      {"  maria   lopez ", "maria"},
      {"Dr. Jane Smith", "Jane"},
      {"Mrs Smith", "Smith"},
      {"J. Robert Oppenheimer", "Robert"},
      {"Mary-Jane Watson", "Mary-Jane"},
      {"O'Brien", "O'Brien"},
      {"D\xE2\x80\x99" "Angelo", "D'Angelo"},
      {"José Álvarez", "José"},
      {"Zoë\xF0\x9F\x98\x80 Smith", "Zoë"},           // emoji dropped
      {"\xE2\x80\xAE" "nhoJ", "nhoJ"},                  // bidi override removed
      {"Ana\x07\x7F Lopez", "Ana"},                    // control characters
      {"@everyone", ""},                                // a mention: no name at all
      {"john@example.com", ""},
      {"www.example.com", ""},
      {"https://evil.test", ""},
      {"User12345", ""},
      {"{{agent.name}}", ""},                           // template syntax is not a name
      {"\xF0\x9D\x90\x89\xF0\x9D\x90\xA8", ""},         // styled math letters
      {"", ""},
      {"!!!", ""},
      {"Dr.", ""},
      {"Bartholomew-Montgomery-Fitzgerald-Smythe", "Bartholomew-Montgomery-Fitzger"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.display_name);
    CHECK(SafeFirstName(c.display_name) == c.expected);
  }
}

TEST_CASE("[replies] CleanValue strips controls and collapses spaces", "[replies]") {
  CHECK(CleanValue("  St.\tMary's \n Hospital ") == "St. Mary's Hospital");
  CHECK(CleanValue("a\xE2\x80\x8B" "b\xEF\xBB\xBF" "c") == "abc");
  CHECK(CleanValue("bad \xFF utf8") == "bad utf8");
}

TEST_CASE("[replies] Render fills values, fallbacks, and leaves missing ones visible", "[replies]") {
  Template t = Parse("Hi {{author.first_name|there}}, call {{contact.phone}} or {{contact.email}}. "
                     "About {{category.label|this}}. – {{agent.first_name}}");
  Variables v;
  v.author_name = "@Maria Lopez";
  v.contact_phone = "(555) 010-2000";
  v.agent_name = "Sam Rivera";
  v.category = "wait_time";
  Rendered r = Render(t, v);
  CHECK(r.text == "Hi there, call (555) 010-2000 or {{contact.email}}. About wait times. – Sam");
  CHECK(r.missing == std::vector<std::string>{"contact.email"});

  v.author_name = "Maria Lopez";
  v.contact_email = "care@example.org";
  v.category = "unknown_category";
  r = Render(t, v);
  CHECK(r.text == "Hi Maria, call (555) 010-2000 or care@example.org. About this. – Sam");
  CHECK(r.missing.empty());
}

TEST_CASE("[replies] values are inserted once, never expanded", "[replies]") {
  Template t = Parse("{{page.name}}");
  Variables v;
  v.page_name = "{{contact.phone}}";
  v.contact_phone = "555";
  CHECK(Render(t, v).text == "{{contact.phone}}");
}

TEST_CASE("[replies] category labels follow the template language", "[replies]") {
  CHECK(CategoryLabel("billing", "en") == "billing");
  CHECK(CategoryLabel("billing", "es") == "la facturación");
  CHECK(CategoryLabel("other", "en").empty());
  Variables v;
  v.category = "wait_time";
  CHECK(Render(Parse("{{category.label}}", "es"), v).text == "los tiempos de espera");
}
