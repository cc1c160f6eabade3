// Fuzzes the Meta webhook body parser (ParseMetaDelivery) with arbitrary bytes.
// Invariants: it never crashes; an accepted delivery's comments have a platform
// of facebook/instagram, an external id, and valid UTF-8 in every string.
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "ingest/meta.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace turnaround;
  if (size > fuzz::kMaxInput) return 0;
  auto parsed = ingest::ParseMetaDelivery(fuzz::AsText(data, size));
  if (!parsed.ok()) {
    TA_FUZZ_CHECK(!parsed.status().message().empty());
    return 0;
  }
  for (const model::Comment& c : parsed->comments) {
    TA_FUZZ_CHECK(c.platform == "facebook" || c.platform == "instagram");
    TA_FUZZ_CHECK(!c.external_id.empty());
    TA_FUZZ_CHECK(core::IsValidUtf8(c.text));
    TA_FUZZ_CHECK(core::IsValidUtf8(c.author_name));
    TA_FUZZ_CHECK(core::IsValidUtf8(c.external_id));
  }
  return 0;
}
