// Intent records from several JSONL shards: loaded into memory as one list, or scanned once from a
// ShardedJsonl (for streaming training) to find the good lines and the intent names without
// keeping the records, then read back by line on demand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anvil/data/intent_record.h"

namespace anvil::data {

class ShardedJsonl;

// The records of `files`, in order, as one list (one file: exactly load_intent_records). Throws
// like load_intent_records; "contains no records" names every file.
std::vector<IntentRecord> load_intent_shards(const std::vector<std::string>& files,
                                             const LoadOptions& options = {},
                                             LoadReport* report = nullptr);

struct IntentScan {
  std::vector<int64_t> lines;        // line index (in the ShardedJsonl) of every good record
  std::vector<std::string> intents;  // the distinct intent names, sorted
  LoadReport report;
};

// Parses every line once. Bad lines throw "path:LINE: problem" unless options.skip_errors (then
// they are counted and left out of `lines`); options.max_records is honoured. Throws when no
// record is left. Record k of load_intent_shards over the same files is line lines[k].
IntentScan scan_intent_records(const ShardedJsonl& shards, const LoadOptions& options = {});

// Parses the given lines. Thread-safe. Errors name path:LINE.
std::vector<IntentRecord> read_intent_records(const ShardedJsonl& shards,
                                              const std::vector<int64_t>& lines);

}  // namespace anvil::data
