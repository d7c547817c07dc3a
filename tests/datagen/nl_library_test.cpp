// Tests for the annotated program library: the shipped lib/ and examples/ pass their @tests, and
// malformed .nl files are rejected with errors that name file:line.
#include "anvil/datagen/nl_library.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "anvil/core/error.h"
#include "anvil/datagen/intents.h"

namespace anvil::datagen {
namespace {

const std::string kRoot = ANVIL_SOURCE_DIR;

std::string parse_error(const std::string& text) {
  try {
    parse_nl_source(text, "lib/x/bad.nl");
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<no error>";
}

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

const char* const kGood =
    "; twice.nl - doubles a number\n"
    "; @prompt: twice {x}\n"
    "; @param: x int -5..5\n"
    "; @test: 3 -> 6\n"
    "mov r1, {x}   ; the input\n"
    "add r0, r1, r1\n"
    "out r0\n";

TEST(NlLibrary, ShippedLibraryHasAtLeastTenFilesThatAllPassTheirTests) {
  const std::vector<NlProgram> programs = load_nl_directory(kRoot + "/lib");
  EXPECT_GE(programs.size(), 10u);
  const NlTestReport report = run_nl_tests(kRoot + "/lib");
  for (const NlTestResult& r : report.results) {
    EXPECT_TRUE(r.passed) << r.file << ":" << r.line << ": " << r.message;
  }
  EXPECT_GE(report.passed, 30);
  EXPECT_TRUE(report.ok());
}

TEST(NlLibrary, ExamplesPassTheirTests) {
  const NlTestReport report = run_nl_tests(kRoot + "/examples");
  EXPECT_GT(report.passed, 0);
  EXPECT_TRUE(report.ok());
}

TEST(NlLibrary, LibraryIntentsNamingBuiltinsMatchTheirReferences) {
  for (const NlProgram& p : load_nl_directory(kRoot + "/lib")) {
    const IntentSpec* spec = find_intent(p.intent);
    ASSERT_NE(spec, nullptr) << p.path << " names unknown intent " << p.intent;
    ASSERT_EQ(spec->operand_count, static_cast<int>(p.params.size())) << p.path;
    for (const NlTest& t : p.tests) EXPECT_EQ(spec->reference(t.inputs), t.expected) << p.path;
  }
}

TEST(NlLibrary, DirectoryLoadIsSortedByPath) {
  const std::vector<NlProgram> programs = load_nl_directory(kRoot + "/lib");
  for (size_t i = 1; i < programs.size(); ++i) EXPECT_LT(programs[i - 1].path, programs[i].path);
}

TEST(NlLibrary, ParsesAnnotationsAndDefaultsIntentToTheFileStem) {
  const NlProgram p = parse_nl_source(kGood, "lib/x/twice.nl");
  EXPECT_EQ(p.intent, "twice");
  EXPECT_EQ(p.description, "twice.nl - doubles a number");
  ASSERT_EQ(p.params.size(), 1u);
  EXPECT_EQ(p.params[0].lo, -5);
  EXPECT_EQ(p.params[0].hi, 5);
  ASSERT_EQ(p.tests.size(), 1u);
  EXPECT_EQ(p.tests[0].line, 4);
  EXPECT_EQ(render_nl_prompt(p, p.prompts[0], {-4}), "twice -4");
  EXPECT_EQ(instantiate_nl_program(p, {-4}, /*compact=*/true),
            "mov r1, -4\nadd r0, r1, r1\nout r0\n");
  EXPECT_EQ(run_nl_program(p, {-4}), std::vector<int64_t>{-8});
}

TEST(NlLibrary, IntentAnnotationOverridesTheStem) {
  const NlProgram p = parse_nl_source(std::string("; @intent: double\n") + kGood, "lib/x/twice.nl");
  EXPECT_EQ(p.intent, "double");
}

TEST(NlLibrary, TestWithWrongNumberOfInputsNamesFileAndLine) {
  const std::string e = parse_error(
      "; @prompt: add {a} and {b}\n; @param: a int 0..9\n; @param: b int 0..9\n"
      "; @test: 1 -> 1\nout 1\n");
  EXPECT_CONTAINS(e, "lib/x/bad.nl:4:");
  EXPECT_CONTAINS(e, "@test has 1 inputs but the file declares 2 @param");
}

TEST(NlLibrary, UnknownParamTypeNamesFileAndLine) {
  const std::string e = parse_error("; @prompt: go {a}\n; @param: a float 0..9\nout 1\n");
  EXPECT_CONTAINS(e, "lib/x/bad.nl:2: unknown @param type 'float'");
}

TEST(NlLibrary, PlaceholderWithoutParamNamesFileAndLine) {
  EXPECT_CONTAINS(parse_error("; @prompt: go {a}\n; @param: a int 0..9\nmov r1, {b}\n"),
                  "lib/x/bad.nl:3: placeholder {b} has no matching @param");
  EXPECT_CONTAINS(parse_error("; @prompt: go {a} {c}\n; @param: a int 0..9\nout 1\n"),
                  "lib/x/bad.nl:1: placeholder {c} has no matching @param");
}

TEST(NlLibrary, OtherMalformedAnnotationsAreRejected) {
  EXPECT_CONTAINS(parse_error("; @param: a int 0..9\nout 1\n"), "no @prompt");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @param: a int 9..0\nout 1\n"),
                  "bad.nl:2: @param range 9..0 is empty");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @param: a int 0-9\nout 1\n"),
                  "bad.nl:2: @param range must look like LO..HI");
  EXPECT_CONTAINS(parse_error("; @prompt: x\n; @colour: red\nout 1\n"),
                  "bad.nl:2: unknown annotation '@colour'");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @param: a int 0..9\n; @test: 1 => 2\n"),
                  "bad.nl:3: @test expects 'INPUTS -> OUTPUTS'");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @param: a int 0..9\n; @test: z -> 2\n"),
                  "bad.nl:3: expected an integer, found 'z'");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @param: a int 0..9\n; @param: a int 0..9\n"),
                  "bad.nl:3: duplicate @param 'a'");
  EXPECT_CONTAINS(parse_error("; @prompt: x {a}\n; @prompt: y\n; @param: a int 0..9\nout 1\n"),
                  "bad.nl:2: @prompt does not mention {a}");
}

TEST(NlLibrary, ProgramThatDoesNotAssembleNamesFileAndLine) {
  EXPECT_CONTAINS(parse_error("; @prompt: x\nout 1\nfrob r1\n"),
                  "lib/x/bad.nl:3: unknown instruction 'frob'");
}

TEST(NlLibrary, FailingTestIsReportedNotThrown) {
  const std::string dir = ::testing::TempDir() + "/anvil_nl_fail";
  std::filesystem::create_directories(dir);
  {
    std::FILE* f = std::fopen((dir + "/wrong.nl").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "; @prompt: w {a}\n; @param: a int 0..9\n; @test: 2 -> 5\n; @test: 2 -> 4\n"
        "mov r1, {a}\nadd r0, r1, r1\nout r0\n",
        f);
    std::fclose(f);
    f = std::fopen((dir + "/broken.nl").c_str(), "w");
    std::fputs("; @param: a int 0..9\n", f);
    std::fclose(f);
  }
  const NlTestReport report = run_nl_tests(dir);
  EXPECT_EQ(report.passed, 1);
  EXPECT_EQ(report.failed, 2);  // one wrong expectation, one unparsable file
  EXPECT_FALSE(report.ok());
  bool saw_mismatch = false;
  for (const NlTestResult& r : report.results) {
    if (!r.passed && r.line == 3) {
      EXPECT_CONTAINS(r.message, "expected [5], got [4]");
      saw_mismatch = true;
    }
  }
  EXPECT_TRUE(saw_mismatch);
  std::filesystem::remove_all(dir);
  EXPECT_THROW(run_nl_tests(dir + "/missing"), Error);
}

}  // namespace
}  // namespace anvil::datagen
