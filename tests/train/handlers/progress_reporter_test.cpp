// ProgressReporter: one bar per epoch in a log, including the epoch a resumed run continues.
#include "anvil/train/handlers/progress_reporter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <string>

#include "support/captured_stream.h"

namespace anvil::train {
namespace {

std::string run_and_read(int64_t resume_epoch, int64_t resume_iteration) {
  return testing::captured_stream([&](FILE* log) {
    Engine engine([](Engine&) { return std::map<std::string, double>{{"loss", 0.25}}; });
    auto averages = std::make_shared<RunningAverage>();
    engine.attach(averages);
    ProgressReporterOptions o;
    o.stream = log;
    o.summary_keys = {};
    engine.attach(std::make_shared<ProgressReporter>(averages, o));
    engine.state().epoch = resume_epoch;  // as a checkpoint taken mid-epoch restores it
    engine.state().iteration = resume_epoch > 0 ? (resume_epoch - 1) * 5 + resume_iteration : 0;
    engine.state().epoch_iteration = resume_iteration;
    engine.run(/*epoch_length=*/5, /*max_epochs=*/2);
  });
}

TEST(ProgressReporter, EachEpochEndsWithItsBarAndSummary) {
  const std::string text = run_and_read(0, 0);
  EXPECT_NE(text.find("epoch 1/2 [########################] 100% 5/5 "), std::string::npos) << text;
  EXPECT_NE(text.find("epoch 2/2 [########################] 100% 5/5 "), std::string::npos) << text;
}

TEST(ProgressReporter, AResumedEpochShowsItsBarFromTheStepItResumedAt) {
  // Resumed after step 3 of epoch 1's 5: that epoch's bar counts on from 3 (it had none before:
  // the engine fires no EPOCH_STARTED for an epoch it continues).
  const std::string text = run_and_read(1, 3);
  EXPECT_NE(text.find("epoch 1/2 [########################] 100% 5/5 "), std::string::npos) << text;
  EXPECT_NE(text.find("epoch 2/2 [########################] 100% 5/5 "), std::string::npos) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(epoch 1/2  \(\S+\)\n)"))) << text;
}

}  // namespace
}  // namespace anvil::train
