// `anvil curate IN -o OUT`: dedup (exact and MinHash near-duplicates), length filters and
// balancing of a specialist dataset, with a JSON report of every record removed and why.
#include <cstdio>

#include "anvil/datagen/curate.h"
#include "commands.h"

namespace anvil::cli {

void register_curate(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand(
      "curate",
      "Curate a specialist dataset: exact and near-duplicate removal, length filters, "
      "balancing across specialists, and a report of what was removed and why");
  auto o = std::make_shared<datagen::CurateOptions>();
  cmd->add_option("input", o->input, "input JSONL (specialist records)")->required();
  cmd->add_option("-o,--output", o->output, "curated JSONL")->required();
  cmd->add_option("--report", o->report, "JSON report path (default OUTPUT.report.json)");
  cmd->add_option("--min-chars", o->min_chars, "drop training texts shorter than this (0 = off)")
      ->capture_default_str();
  cmd->add_option("--max-chars", o->max_chars, "drop training texts longer than this (0 = off)")
      ->capture_default_str();
  cmd->add_option("--near-dup-threshold", o->near_duplicate_threshold,
                  "estimated Jaccard similarity of prompts (word shingles) at which a record is a "
                  "near duplicate; 0 = off")
      ->capture_default_str();
  cmd->add_option("--num-hashes", o->minhash.num_hashes, "MinHash signature length")
      ->capture_default_str();
  cmd->add_option("--bands", o->minhash.bands, "LSH bands (must divide --num-hashes)")
      ->capture_default_str();
  cmd->add_option("--shingle-words", o->minhash.shingle_words, "words per shingle")
      ->capture_default_str();
  cmd->add_flag("--balance", o->balance, "cap every specialist at the smallest one's count");
  cmd->add_option("--max-per-specialist", o->max_per_specialist,
                  "cap per specialist (wins over --balance; 0 = none)")
      ->capture_default_str();
  cmd->callback([o] {
    const datagen::CurateReport report = datagen::curate_dataset(*o);
    std::printf("%swrote %s and %s in %.2fs\n", report.summary().c_str(), o->output.c_str(),
                o->report_path().c_str(), report.seconds);
  });
}

}  // namespace anvil::cli
