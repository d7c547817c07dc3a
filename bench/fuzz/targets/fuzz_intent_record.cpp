// Intent JSONL records (anvil/data/intent_record.h): one line through the record parser, and the
// whole input as a file through JsonlFile's line index and load_intent_records.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/jsonl.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = anvil::fuzz::as_view(data, size);
  try {
    anvil::data::parse_intent_record(input, "fuzz.jsonl", 1);
  } catch (const anvil::Error&) {
  }
  anvil::fuzz::MemFile file(input);
  if (!file.ok()) return 0;
  try {
    anvil::data::JsonlFile jsonl(file.path());
    for (size_t i = 0; i < jsonl.size(); ++i) {
      if (jsonl.line(i).empty()) __builtin_trap();  // blank lines are never indexed
      (void)jsonl.line_number(i);
    }
  } catch (const anvil::Error&) {
  }
  try {
    anvil::data::LoadOptions options;
    options.skip_errors = true;
    anvil::data::LoadReport report;
    anvil::data::load_intent_records(file.path(), options, &report);
  } catch (const anvil::Error&) {
  }
  return 0;
}
