// Writes specialist datasets: `n` records, spread round-robin over the selected specialists (a
// weighted one, "name*K", takes K turns of each round: see mix_cycle),
// streamed to an atomically committed JSONL file. Record i draws only from Rng(seed).fork(i), so
// the file is byte-identical for a seed whatever the thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_record.h"

namespace anvil::datagen {

struct SpecialistDatagenOptions {
  std::string specialists = "all";  // "all", a name, or "a,b,c" ("c*6": six records per a)
  int64_t n = 1000;                 // records in total
  uint64_t seed = 42;
  int threads = 1;  // worker threads; 0 = all cores
  RecordFormat format = RecordFormat::kText;
  std::string output;  // JSONL path (required); written atomically

  // Throws a usage error naming the field and the bad value (and unknown specialists).
  void validate() const;
  std::string to_string() const;
};

struct SpecialistDatagenReport {
  int64_t written = 0;
  std::map<std::string, int64_t> per_specialist;
  int threads = 1;
  double seconds = 0;
};

SpecialistDatagenReport generate_specialist_dataset(
    const SpecialistDatagenOptions& options,
    const std::function<void(int64_t done, int64_t total)>& progress = {});

// Fills `example` with record number `index` of `spec` for `seed` (what the dataset writer does
// for each record; also used by tests and benchmarks).
void generate_specialist_example(const SpecialistSpec& spec, uint64_t seed, uint64_t index,
                                 Example* example);

}  // namespace anvil::datagen
