// Specialist JSONL records (anvil/datagen/specialist_record.h), text and chat forms.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/datagen/specialist_record.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static anvil::datagen::SpecialistRecordParser parser;  // reused, as the loaders reuse it
  try {
    parser.parse(anvil::fuzz::as_view(data, size), "fuzz.jsonl", 1);
  } catch (const anvil::Error&) {
  }
  return 0;
}
