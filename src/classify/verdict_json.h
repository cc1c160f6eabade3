// The one JSON shape of a verdict, in two forms: VerdictJsonText, the text the
// CLI prints and the store keeps (and the HTTP API copies), and VerdictToJson,
// the same document as a nlohmann tree (the reference its tests compare the
// text with). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/verdict.h"

namespace turnaround::classify {

// Keys: is_complaint, confidence, sentiment, category, severity (its name),
// urgent_reasons, spam, language, rules_version, matches (each {rule, file,
// signal, weight, category?, urgent_reason?, urgent_reasons?, begin, end,
// text}; urgent_reason is the rule's first reason, urgent_reasons all of them
// and only for an urgent_counter that names more than one),
// sentiment_terms (each {term, valence}), model_score and model_terms (each
// {term, weight}; 0 and [] without a complaint model), model_categories (each
// {category, probability}; [] without a category model),
// model_urgent_probability and model_urgent_reason (0 and "" without an urgent
// model; the reason only when the model flagged the comment, which may be a
// reason the rules found too). Optional keys are
// omitted when empty.
nlohmann::json VerdictToJson(const model::Verdict& v);

// The text a stored verdict keeps: byte for byte what
// VerdictToJson(v).dump(-1, ' ', false, error_handler_t::replace) gives (keys
// in the tree's sorted order, invalid UTF-8 replaced by U+FFFD, numbers as
// nlohmann prints them), written without building the tree. Why: the webhook
// handler renders one per comment, and the tree (a std::map node and a string
// per key and value) cost as much CPU as classifying the comment.
std::string VerdictJsonText(const model::Verdict& v);

}  // namespace turnaround::classify
