// `anvil test PATH...`: run every @test of annotated .nl programs through the interpreter.
#include <cstdio>

#include "anvil/datagen/nl_library.h"
#include "commands.h"

namespace anvil::cli {

void register_test(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("test", "Run the @test annotations of .nl program files (e.g. lib/)");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto verbose = std::make_shared<bool>(false);
  cmd->add_option("paths", *paths, ".nl files or directories")->required();
  cmd->add_flag("-v,--verbose", *verbose, "list passing tests too");
  cmd->callback([paths, verbose, &ctx] {
    int passed = 0, failed = 0;
    for (const auto& p : *paths) {
      auto report = datagen::run_nl_tests(p);
      for (const auto& r : report.results) {
        if (!r.passed || *verbose)
          std::printf("%s %s:%d %s: %s\n", r.passed ? "PASS" : "FAIL", r.file.c_str(), r.line,
                      r.intent.c_str(), r.message.c_str());
      }
      passed += report.passed;
      failed += report.failed;
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    if (failed > 0) ctx.exit_code = 1;
  });
}

}  // namespace anvil::cli
