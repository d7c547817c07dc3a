// Quality report for a specialist dataset (`anvil datagen --validate FILE`): every record parses
// and names a known specialist; every response has its specialist's shape and scores 1.0 against
// its own record; the training text matches prompt, response and confidence. Per specialist:
// field coverage (non-null, non-empty), duplicate prompts, and the length distribution of the
// training text (a table, and optionally a histogram PNG/SVG).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace anvil::datagen {

struct SpecialistCheckOptions {
  std::string path;          // the JSONL dataset (required)
  std::string plot_path;     // length histogram (.png or .svg); "" = none
  int bins = 40;             // histogram bins
  size_t max_problems = 20;  // problems quoted in the report (all are counted)

  void validate() const;
};

struct LengthStats {
  int64_t min = 0, p50 = 0, p90 = 0, max = 0;  // characters (bytes) of the training text
  double mean = 0;
};

struct FieldCoverage {
  std::string field;
  int64_t present = 0;  // records where the field is not null and not empty
};

struct SpecialistQuality {
  std::string specialist;
  int64_t records = 0;
  int64_t valid = 0;       // shape ok, self-score 1.0, text consistent
  int64_t duplicates = 0;  // records whose prompt appeared before
  LengthStats length;
  std::vector<FieldCoverage> coverage;  // in the specialist's field order
};

struct SpecialistCheckReport {
  std::string path;
  int64_t records = 0;
  int64_t valid = 0;
  int64_t duplicates = 0;
  std::vector<SpecialistQuality> per_specialist;  // in table order, present ones only
  std::vector<std::string> problems;              // "path:line: why" (first max_problems)
  int64_t problem_count = 0;

  bool ok() const { return records > 0 && valid == records; }
  // The per-specialist table, field coverage below 100%, and the problems.
  std::string format() const;
};

// Throws anvil::Error "path:line: ..." for a line that is not a record (bad JSON, missing or
// mistyped key, unknown specialist); records that parse but fail a check are counted and listed.
SpecialistCheckReport check_specialist_dataset(const SpecialistCheckOptions& options);

}  // namespace anvil::datagen
