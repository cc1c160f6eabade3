// Fuzzes the generic webhook body parser (ParseGenericDelivery) with arbitrary
// bytes. Invariants: it never crashes; an accepted delivery has at most 1000
// comments, none claiming the reserved Meta platforms, each with an id and
// valid UTF-8 text.
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "ingest/generic.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace turnaround;
  if (size > fuzz::kMaxInput) return 0;
  auto parsed = ingest::ParseGenericDelivery(fuzz::AsText(data, size));
  if (!parsed.ok()) {
    TA_FUZZ_CHECK(!parsed.status().message().empty());
    return 0;
  }
  TA_FUZZ_CHECK(parsed->comments.size() <= 1000);
  for (const model::Comment& c : parsed->comments) {
    TA_FUZZ_CHECK(!c.platform.empty() && c.platform.size() <= 32);
    TA_FUZZ_CHECK(c.platform != "facebook" && c.platform != "instagram");
    TA_FUZZ_CHECK(!c.external_id.empty());
    TA_FUZZ_CHECK(core::IsValidUtf8(c.text));
    TA_FUZZ_CHECK(core::IsValidUtf8(c.author_name));
  }
  return 0;
}
