// The agents' web page (index.html, app.css, app.js in this folder), embedded
// into the binary at build time by embed.cmake so the server needs no files
// at run time and the page can make no request outside its own origin.
#pragma once

#include <string_view>

namespace turnaround::ui {

struct Asset {
  std::string_view path;          // as requested: "/ui/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
};

// The asset served at `path`, or nullptr. "/" (and "/ui/", "/ui/index.html")
// is the page itself; the others live under "/ui/".
const Asset* FindAsset(std::string_view path);

}  // namespace turnaround::ui
