// Tracking overhead: a synthetic Engine step loop bare, with the RunTracker (SQLite, batched
// background writes), with the TensorBoardLogger, and with both plus StopOnSignal. Every step
// returns two outputs (loss, intent_acc) and both are logged; every epoch end logs four metrics.
// The step does `work_us` microseconds of fixed arithmetic (0 isolates the per-step cost).
// Reported per mode (medians over interleaved rounds):
//   steps/s       wall clock, including the final flush of everything buffered
//   main us/step  CPU time the training thread spends per step (what slows a step down)
//   total us/step CPU time of the whole process per step (adds the background writer's work)
// The CPU times hold up on a loaded machine, where wall-clock steps/s of a realistic step do not.
// usage: tracking_overhead [STEPS=20000] [WORK_US=0] [ROUNDS=5]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "anvil/train/engine.h"
#include "anvil/train/handlers/run_tracker.h"
#include "anvil/train/handlers/stop_on_signal.h"
#include "anvil/train/handlers/tensorboard_logger.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

namespace {

volatile double g_sink = 0;  // keeps the synthetic work from being optimised away

// A fixed amount of arithmetic (the same CPU work in every mode, unlike a wall-clock spin that
// a preemption would lengthen); calibrated once to take about `us` microseconds.
int64_t g_work_iterations = 0;
void work() {
  double x = 1.0;
  for (int64_t i = 0; i < g_work_iterations; ++i) x = std::sqrt(x + 1.0);
  g_sink = g_sink + x;
}
void calibrate(int64_t us) {
  if (us <= 0) return;
  g_work_iterations = 1 << 16;
  const auto t0 = Clock::now();
  work();
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  g_work_iterations = static_cast<int64_t>(static_cast<double>(g_work_iterations) * us * 1e-6 / s);
}

enum class Mode { kBare, kRunStore, kTensorBoard, kAll };
const char* mode_name(Mode m) {
  static const char* kNames[] = {"bare engine", "+ run store (SQLite)", "+ TensorBoard",
                                 "+ run store + TensorBoard + signals"};
  return kNames[static_cast<int>(m)];
}

double cpu_seconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Result {
  double steps_per_s = 0, main_us = 0, total_us = 0;
};

Result measure(Mode mode, int64_t steps, const std::string& dir) {
  train::Engine engine([](train::Engine& e) {
    work();
    const double it = static_cast<double>(e.state().iteration);
    return std::map<std::string, double>{{"loss", 1.0 / it}, {"intent_acc", 1.0 - 1.0 / it}};
  });
  engine.on(train::on(train::Event::kEpochCompleted), [](train::Engine& e) {
    e.state().metrics = {{"val_loss", 0.3},
                         {"val_intent_acc", 0.95},
                         {"val_count_acc", 0.97},
                         {"val_operand_acc", 0.9}};
  });
  if (mode == Mode::kAll) engine.attach(std::make_shared<train::StopOnSignal>());
  if (mode == Mode::kRunStore || mode == Mode::kAll) {
    train::RunTrackerOptions o(dir + "/anvil.sqlite");
    o.name = "bench";
    engine.attach(std::make_shared<train::RunTracker>(o));
  }
  if (mode == Mode::kTensorBoard || mode == Mode::kAll)
    engine.attach(std::make_shared<train::TensorBoardLogger>(
        train::TensorBoardLoggerOptions(dir + "/tb-" + std::to_string(static_cast<int>(mode)))));
  const int64_t epoch_length = std::max<int64_t>(steps / 10, 1);
  const auto t0 = Clock::now();
  const double main0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
  const double total0 = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
  engine.run(epoch_length, 10);  // includes the final flush of everything buffered
  const double n = static_cast<double>(engine.state().iteration);
  Result r;
  r.main_us = 1e6 * (cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - main0) / n;
  r.total_us = 1e6 * (cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - total0) / n;
  r.steps_per_s = n / std::chrono::duration<double>(Clock::now() - t0).count();
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t steps = argc > 1 ? std::stoll(argv[1]) : 20000;
  const int64_t work_us = argc > 2 ? std::stoll(argv[2]) : 0;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
  const std::string dir =
      (std::filesystem::temp_directory_path() / "anvil-tracking-bench").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::printf("tracking overhead: %lld steps (10 epochs), %lld us of work per step, median of %d\n",
              static_cast<long long>(steps), static_cast<long long>(work_us), rounds);
  calibrate(work_us);
  // Rounds interleave the modes (A B C D A B C D ...) so machine load hits all of them alike.
  const std::vector<Mode> modes = {Mode::kBare, Mode::kRunStore, Mode::kTensorBoard, Mode::kAll};
  std::vector<std::vector<Result>> results(modes.size());
  for (int i = 0; i < rounds; ++i)
    for (size_t m = 0; m < modes.size(); ++m) results[m].push_back(measure(modes[m], steps, dir));
  std::printf("%-38s %12s %13s %14s %13s\n", "mode", "steps/s", "main us/step", "total us/step",
              "main extra");
  double bare_main = 0;
  for (size_t m = 0; m < modes.size(); ++m) {
    std::vector<double> sps, main_us, total_us;
    for (const auto& r : results[m]) {
      sps.push_back(r.steps_per_s);
      main_us.push_back(r.main_us);
      total_us.push_back(r.total_us);
    }
    if (m == 0) bare_main = median(main_us);
    std::printf("%-38s %12.0f %13.2f %14.2f %13.2f\n", mode_name(modes[m]), median(sps),
                median(main_us), median(total_us), median(main_us) - bare_main);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
