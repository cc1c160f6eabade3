// JSON shapes of the public API (documented in the README). Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/json_writer.h"
#include "model/item.h"
#include "replies/lint.h"
#include "store/item_store.h"

namespace turnaround::http {

// "" for 0, otherwise RFC 3339 UTC.
nlohmann::json TimeJson(std::int64_t ms);
nlohmann::json CommentJson(const store::CommentRow& c);
void WriteCommentJson(core::JsonWriter& w, const store::CommentRow& c);
// An item with its comment, verdict and replies; `now_ms` decides `overdue`.
// WriteItemJson appends it as one value; ItemJson is the same as a tree.
nlohmann::json ItemJson(const store::ItemView& v, std::int64_t now_ms);
void WriteItemJson(core::JsonWriter& w, const store::ItemView& v, std::int64_t now_ms);
nlohmann::json DetailJson(const store::ItemDetail& d, std::int64_t now_ms);
nlohmann::json EventJson(const model::Event& e);
nlohmann::json FindingsJson(const std::vector<replies::Finding>& findings);

}  // namespace turnaround::http
