// Test support: start `anvil ARGS` in the background, wait until a file it writes appears (e.g.
// its first checkpoint), send it SIGTERM and collect its exit code and output: how interruptions
// of long runs are tested.
#pragma once

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "support/run_cli.h"

namespace anvil::testing {

struct InterruptedRun {
  bool file_appeared = false;  // `wait_for` existed before the signal
  int exit_code = -1;          // -1: it had not exited 20 s after the signal
  std::string output;
};

// Runs `anvil ARGS` in `dir` (its output in dir/log.txt), waits up to 30 s for `dir/wait_for`,
// then sends SIGTERM (also when the file never came, so nothing is left running).
inline InterruptedRun interrupt_anvil(const std::string& args, const std::string& dir,
                                      const std::string& wait_for) {
  using std::chrono::milliseconds;
  const std::string d = dir + "/";
  run_command("cd '" + dir + "' && (sh -c '\"" + std::string(ANVIL_BINARY) + "\" " + args +
              " > log.txt 2>&1 & echo $! > pid; wait $!; echo $? > rc' > /dev/null 2>&1 &)");
  InterruptedRun r;
  for (int i = 0; i < 600 && !std::filesystem::exists(d + wait_for); ++i)
    std::this_thread::sleep_for(milliseconds(50));
  r.file_appeared = std::filesystem::exists(d + wait_for);
  for (int i = 0; i < 100 && !std::filesystem::exists(d + "pid"); ++i)
    std::this_thread::sleep_for(milliseconds(50));
  if (std::filesystem::exists(d + "pid")) ::kill(std::stoi(read_text(d + "pid")), SIGTERM);
  for (int i = 0; i < 400 && !std::filesystem::exists(d + "rc"); ++i)
    std::this_thread::sleep_for(milliseconds(50));
  if (std::filesystem::exists(d + "rc")) r.exit_code = std::stoi(read_text(d + "rc"));
  r.output = read_text(d + "log.txt");
  return r;
}

}  // namespace anvil::testing
