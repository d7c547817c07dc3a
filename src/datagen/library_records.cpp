// Expands the annotated program library into dataset records (see library_records.h).
#include "datagen/library_records.h"

#include <set>

#include "anvil/core/error.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"
#include "anvil/datagen/nl_library.h"

namespace anvil::datagen::detail {
namespace {

std::vector<int64_t> sample_params(const NlProgram& program, Rng& rng) {
  std::vector<int64_t> values;
  values.reserve(program.params.size());
  for (const NlParam& p : program.params) values.push_back(rng.uniform_int(p.lo, p.hi));
  return values;
}

void check_tests(const NlProgram& program) {
  for (const NlTest& test : program.tests) {
    const std::vector<int64_t> got = run_nl_program(program, test.inputs);
    if (got != test.expected) {
      throw Error(program.path + ":" + std::to_string(test.line) + ": @test " +
                  format_values(test.inputs) + " expected " + format_values(test.expected) +
                  ", program printed " + format_values(got));
    }
  }
}

// Runs the compact program for `values`, checking the built-in reference when there is one.
std::vector<int64_t> verified_output(const NlProgram& program, const IntentSpec* builtin,
                                     const std::string& source,
                                     const std::vector<int64_t>& values) {
  std::vector<int64_t> output = run_program_text(source, program.path);
  if (builtin != nullptr) {
    const std::vector<int64_t> expected = builtin->reference(values);
    if (output != expected) {
      throw Error(program.path + ": intent '" + program.intent + "' with parameters " +
                  format_values(values) + " printed " + format_values(output) +
                  " but the built-in reference says " + format_values(expected) +
                  " (are the @params in the intent's operand order?)");
    }
  }
  return output;
}

}  // namespace

std::string format_values(const std::vector<int64_t>& values) {
  std::string s = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) s += ", ";
    append_int(s, values[i]);
  }
  return s + "]";
}

std::vector<int64_t> run_program_text(const std::string& program, const std::string& origin) {
  return run(assemble(program, origin)).output;
}

int64_t expand_library_records(const std::vector<std::string>& dirs, int level, Rng& rng,
                               int64_t limit, const std::function<void(const Record&)>& emit) {
  std::set<std::string> earlier_intents;
  int64_t emitted = 0;
  Record record;
  for (size_t d = 0; d < dirs.size(); ++d) {
    const std::vector<NlProgram> programs = load_nl_directory(dirs[d]);
    for (const NlProgram& program : programs) {
      if (d > 0 && earlier_intents.count(program.intent)) continue;
      const IntentSpec* builtin = find_intent(program.intent);
      const int program_level = builtin ? builtin->level : 0;
      if (level != 0 && program_level != level) continue;
      if (builtin && builtin->operand_count != static_cast<int>(program.params.size())) {
        builtin = nullptr;  // a differently shaped variant: its @tests are the only check
      }
      check_tests(program);
      for (const std::string& prompt : program.prompts) {
        for (int k = 0; k < kRecordsPerPrompt; ++k) {
          if (emitted >= limit) return emitted;
          const std::vector<int64_t> values = sample_params(program, rng);
          record.text = render_nl_prompt(program, prompt, values);
          record.intent = program.intent;
          record.level = program_level;
          record.operand_count = static_cast<int>(values.size());
          record.operands.fill(0);
          for (size_t i = 0; i < values.size(); ++i) record.operands[i] = values[i];
          record.program = instantiate_nl_program(program, values, /*compact=*/true);
          const int cases = 1 + static_cast<int>(rng.uniform_int(1, 2));
          record.test_cases.resize(static_cast<size_t>(cases));
          for (int c = 0; c < cases; ++c) {
            TestCase& tc = record.test_cases[static_cast<size_t>(c)];
            tc.inputs = c == 0 ? values : sample_params(program, rng);
            const std::string source =
                c == 0 ? record.program : instantiate_nl_program(program, tc.inputs, true);
            tc.output = verified_output(program, builtin, source, tc.inputs);
          }
          emit(record);
          ++emitted;
        }
      }
    }
    for (const NlProgram& program : programs) earlier_intents.insert(program.intent);
  }
  return emitted;
}

}  // namespace anvil::datagen::detail
