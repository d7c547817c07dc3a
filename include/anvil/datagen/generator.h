// Dataset generation for the "natural language -> program" model: writes JSONL records (record.h)
// drawn from the built-in intents and, optionally, the annotated program library (nl_library.h).
// Every record's outputs come from running its program in the interpreter and are checked
// against the intent's reference, so a written dataset is a verified one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "anvil/datagen/record.h"

namespace anvil {
class Rng;
}

namespace anvil::datagen {

struct IntentSpec;

struct DatagenOptions {
  int64_t n = 30000;              // records to write
  int level = 0;                  // curriculum level 1..5; 0 = all levels
  uint64_t seed = 42;             // same seed -> byte-identical file
  bool include_examples = false;  // first expand the .nl files of lib_dirs (see generate_dataset)
  std::vector<std::string> lib_dirs = {"lib", "examples"};
  // Fraction (0..0.5) of records that are out-of-domain requests labelled "none" (no program,
  // no operands), drawn from the training split of out_of_domain.h, so the classifier learns to
  // say it does not understand. 0 keeps the file identical to older versions for a seed.
  double negatives = 0;
  std::string output;  // JSONL path (required); written atomically

  // Throws a usage error naming the field and the bad value.
  void validate() const;
  // "n=30000 level=0 seed=42 include_examples=false lib_dirs=[lib,examples] output=..."
  std::string to_string() const;
};

struct DatagenReport {
  int64_t written = 0;
  int64_t from_examples = 0;  // records expanded from .nl files
  int64_t synthetic = 0;      // records sampled from the intent table
  int64_t negatives = 0;      // out-of-domain records labelled "none"
  double seconds = 0;
};

// Writes options.n records to options.output. With include_examples, the @prompt templates of the
// programs in lib_dirs[0] come first (each prompt x 3 sampled parameter sets), then those of the
// later dirs whose intent no earlier dir had; the rest are synthetic: an intent uniformly among
// those of the selected level, a phrasing uniformly, operands from its sampler.
// `progress(done, total)` is called every few thousand records and at the end.
DatagenReport generate_dataset(
    const DatagenOptions& options,
    const std::function<void(int64_t done, int64_t total)>& progress = {});

// Fills `record` with an out-of-domain request labelled kNoIntent (out_of_domain.h).
void make_negative_record(Rng& rng, Record* record);

// Fills `record` with one synthetic, verified record of `intent` (reusing its buffers).
// Throws anvil::Error naming the intent and operands if program and reference disagree.
void make_synthetic_record(const IntentSpec& intent, Rng& rng, Record* record);

}  // namespace anvil::datagen
