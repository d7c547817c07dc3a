// Dataset generation: synthetic records from the intent table (each verified against the intent's
// reference) after the optional library records, streamed to an atomically committed JSONL file.
#include "anvil/datagen/generator.h"

#include <chrono>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"
#include "anvil/datagen/out_of_domain.h"
#include "datagen/jsonl_writer.h"
#include "datagen/library_records.h"

namespace anvil::datagen {
namespace {

constexpr int64_t kProgressEvery = 4096;

// Runs `source` and checks it against the intent's reference; errors name intent and operands.
void run_verified(const IntentSpec& intent, const std::string& source,
                  const std::vector<int64_t>& operands, std::vector<int64_t>* output) {
  try {
    *output = detail::run_program_text(source, intent.name);
  } catch (const Error& e) {
    throw e.with_context("intent '" + intent.name + "' with operands " +
                         detail::format_values(operands));
  }
  const std::vector<int64_t> expected = intent.reference(operands);
  if (*output != expected) {
    throw Error("intent '" + intent.name + "' with operands " + detail::format_values(operands) +
                ": program printed " + detail::format_values(*output) + " but the reference says " +
                detail::format_values(expected));
  }
}

}  // namespace

void DatagenOptions::validate() const {
  if (n < 0) throw usage_error("datagen: n must be >= 0, got " + std::to_string(n));
  if (level < 0 || level > kNumLevels) {
    throw usage_error("datagen: level must be 0 (all) or 1.." + std::to_string(kNumLevels) +
                      ", got " + std::to_string(level));
  }
  if (output.empty()) throw usage_error("datagen: output path is required");
  if (!(negatives >= 0 && negatives <= 0.5))
    throw usage_error("datagen: negatives must be in [0, 0.5], got " + std::to_string(negatives))
        .about("datagen.negatives");
  if (include_examples && lib_dirs.empty()) {
    throw usage_error("datagen: include_examples needs at least one lib_dirs entry");
  }
}

std::string DatagenOptions::to_string() const {
  std::string s = "n=" + std::to_string(n) + " level=" + std::to_string(level) +
                  " seed=" + std::to_string(seed) +
                  " include_examples=" + (include_examples ? "true" : "false") + " lib_dirs=[";
  for (size_t i = 0; i < lib_dirs.size(); ++i) s += (i ? "," : "") + lib_dirs[i];
  s += "]";
  if (negatives > 0) s += " negatives=" + std::to_string(negatives);
  return s + " output=" + output;
}

void make_negative_record(Rng& rng, Record* record) {
  OodRequest request;
  do {
    request = sample_out_of_domain(OodSplit::kTraining, rng);
  } while (request.text.empty());
  record->text = std::move(request.text);
  record->intent = kNoIntent;
  record->level = 0;
  record->operand_count = 0;
  record->operands.fill(0);
  record->program.clear();
  record->test_cases.clear();
}

void make_synthetic_record(const IntentSpec& intent, Rng& rng, Record* record) {
  const std::string& phrasing = rng.choice(intent.phrasings);
  const std::vector<int64_t> operands = intent.sample(rng);
  record->text = vary_surface(render_phrasing(phrasing, operands), rng);
  record->intent = intent.name;
  record->level = intent.level;
  record->operand_count = intent.operand_count;
  record->operands.fill(0);
  for (size_t i = 0; i < operands.size() && i < record->operands.size(); ++i) {
    record->operands[i] = operands[i];
  }
  record->program = instantiate_program(intent, operands);
  const size_t cases = 1 + static_cast<size_t>(rng.uniform_int(1, 2));
  record->test_cases.resize(cases);
  record->test_cases[0].inputs = operands;
  run_verified(intent, record->program, operands, &record->test_cases[0].output);
  for (size_t c = 1; c < cases; ++c) {
    TestCase& tc = record->test_cases[c];
    tc.inputs = intent.sample(rng);
    run_verified(intent, instantiate_program(intent, tc.inputs), tc.inputs, &tc.output);
  }
}

DatagenReport generate_dataset(const DatagenOptions& options,
                               const std::function<void(int64_t, int64_t)>& progress) {
  options.validate();
  const auto start = std::chrono::steady_clock::now();

  std::vector<const IntentSpec*> intents;
  for (const IntentSpec& spec : intent_table()) {
    if (options.level == 0 || spec.level == options.level) intents.push_back(&spec);
  }
  if (intents.empty()) throw Error("datagen: no intents at level " + std::to_string(options.level));

  // Independent streams: adding a library file does not reshuffle the synthetic records.
  const Rng root(options.seed);
  Rng library_rng = root.fork(1);
  Rng synthetic_rng = root.fork(2);
  Rng negative_rng = root.fork(3);

  DatagenReport report;
  detail::JsonlWriter writer(options.output);
  auto emit = [&](const Record& record) {
    append_record_json(record, &writer.buffer());
    writer.buffer() += '\n';
    writer.maybe_flush();
    ++report.written;
    if (progress && report.written % kProgressEvery == 0) progress(report.written, options.n);
  };

  if (options.include_examples) {
    report.from_examples = detail::expand_library_records(options.lib_dirs, options.level,
                                                          library_rng, options.n, emit);
  }
  Record record;
  while (report.written < options.n) {
    if (options.negatives > 0 && negative_rng.bernoulli(options.negatives)) {
      make_negative_record(negative_rng, &record);
      emit(record);
      ++report.negatives;
      continue;
    }
    const IntentSpec& intent = *intents[static_cast<size_t>(
        synthetic_rng.uniform_int(0, static_cast<int64_t>(intents.size()) - 1))];
    make_synthetic_record(intent, synthetic_rng, &record);
    emit(record);
    ++report.synthetic;
  }
  writer.commit();
  if (progress) progress(report.written, options.n);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace anvil::datagen
