// VerdictToJson: the one JSON shape of a verdict, shared by the CLI, the store
// export and the HTTP API. Pure function; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "model/verdict.h"

namespace turnaround::classify {

// Keys: is_complaint, confidence, sentiment, category, severity (its name),
// urgent_reasons, spam, language, rules_version, matches (each {rule, file,
// signal, weight, category?, urgent_reason?, begin, end, text}) and
// sentiment_terms (each {term, valence}). Optional keys are omitted when empty.
nlohmann::json VerdictToJson(const model::Verdict& v);

}  // namespace turnaround::classify
