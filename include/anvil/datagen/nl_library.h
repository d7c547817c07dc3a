// The annotated program library: `.nl` files holding a register-machine program (isa.h) plus
// comment annotations that say what it is for, how users ask for it and what it must output.
//
//   ; factorial.nl - n! by repeated multiplication      (first plain comment: the description)
//   ; @intent: factorial          optional, defaults to the file stem
//   ; @prompt: compute factorial of {n}                 one or more; every @param must appear
//   ; @param: n int 0..12          up to 4, in operand order; only the type `int` exists
//   ; @test: 5 -> 120             inputs (one per @param, in order) -> expected output list
//   mov r1, {n}
//   ...
//
// `{name}` placeholders are replaced by parameter values in prompts and in the program text.
// Parsing is strict: every problem is an anvil::Error naming "file:line".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::datagen {

struct NlParam {
  std::string name;
  int64_t lo = 0;  // inclusive range for sampled values
  int64_t hi = 0;
  int line = 0;
};

struct NlTest {
  std::vector<int64_t> inputs;    // one value per @param, in declaration order
  std::vector<int64_t> expected;  // the program's expected output list
  int line = 0;
};

struct NlProgram {
  std::string path;
  std::string intent;       // @intent, or the file stem
  std::string description;  // first plain comment line, without the leading ';'
  std::vector<std::string> prompts;
  std::vector<NlParam> params;
  std::vector<NlTest> tests;
  std::string source;  // the whole file, placeholders intact (annotations are comments)
};

// Parses one .nl file (or text, for tests). Checks annotations, placeholders, @test arity and
// that the program assembles.
NlProgram parse_nl_file(const std::string& path);
NlProgram parse_nl_source(std::string_view text, const std::string& path);

// Every *.nl file under `dir`, recursively, in sorted path order. Throws if `dir` is missing.
std::vector<NlProgram> load_nl_directory(const std::string& dir);

// The program text with `{name}` replaced by `values` (one per param). With compact = true,
// comment-only and blank lines are dropped (the form stored in datasets); otherwise line numbers
// match the file so errors point into it.
std::string instantiate_nl_program(const NlProgram& program, const std::vector<int64_t>& values,
                                   bool compact = false);

// `prompt` with `{name}` replaced by the matching value.
std::string render_nl_prompt(const NlProgram& program, std::string_view prompt,
                             const std::vector<int64_t>& values);

// Instantiates and runs the program; returns its output list.
std::vector<int64_t> run_nl_program(const NlProgram& program, const std::vector<int64_t>& values);

struct NlTestResult {
  std::string file;
  int line = 0;  // the @test line (0 for a file that failed to parse)
  std::string intent;
  bool passed = false;
  std::string message;  // "5 -> 120" when passed; what went wrong otherwise
};

struct NlTestReport {
  std::vector<NlTestResult> results;
  int passed = 0;
  int failed = 0;
  bool ok() const { return failed == 0; }
};

// Runs every @test of a .nl file or of every .nl file under a directory (backs `anvil test`).
// Parse errors are reported as failed results, not thrown; a missing path throws.
NlTestReport run_nl_tests(const std::string& dir_or_file);

}  // namespace anvil::datagen
