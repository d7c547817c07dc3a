// Dataset curation (`anvil curate IN -o OUT`): removes records that would waste or skew training
// and says why, record by record. In order: length filters on the training text, exact
// duplicates (same specialist, prompt and response), near duplicates (MinHash over word shingles
// of the prompt, LSH candidates, estimated Jaccard >= threshold), then balancing (a cap per
// specialist; later records go first). Kept lines are copied byte for byte; the output and the
// JSON report are written atomically.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "anvil/datagen/minhash.h"

namespace anvil::datagen {

struct CurateOptions {
  std::string input;      // JSONL of specialist records (required)
  std::string output;     // curated JSONL (required, must differ from input)
  std::string report;     // JSON report; "" = <output>.report.json
  int64_t min_chars = 0;  // training text shorter than this is dropped; 0 = no limit
  int64_t max_chars = 0;  // longer than this is dropped; 0 = no limit
  double near_duplicate_threshold = 0.85;  // estimated Jaccard; 0 = near-dup removal off
  MinHashOptions minhash;
  bool balance = false;            // cap every specialist at the smallest one's count
  int64_t max_per_specialist = 0;  // explicit cap (wins over balance); 0 = none

  void validate() const;
  std::string to_string() const;
  std::string report_path() const { return report.empty() ? output + ".report.json" : report; }
};

struct RemovedRecord {
  size_t line = 0;  // 1-based line in the input
  std::string specialist;
  std::string reason;       // too_short | too_long | exact_duplicate | near_duplicate | balance
  size_t duplicate_of = 0;  // line of the kept record it duplicates (duplicates only)
  double similarity = 0;    // estimated Jaccard (near duplicates only)
};

struct CurateReport {
  int64_t read = 0;
  int64_t kept = 0;
  std::map<std::string, int64_t> kept_per_specialist;
  std::map<std::string, std::map<std::string, int64_t>> removed;  // reason -> specialist -> n
  std::vector<RemovedRecord> removed_records;                     // in input order
  double seconds = 0;

  int64_t removed_count(const std::string& reason) const;
  // "read N, kept M" and one line per reason.
  std::string summary() const;
};

// Throws anvil::Error "path:line: ..." on a malformed record.
CurateReport curate_dataset(const CurateOptions& options);

}  // namespace anvil::datagen
