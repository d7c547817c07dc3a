// ProgressBar: the plain-line form written when the stream is not a terminal (logs, CI).
#include "anvil/core/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support/captured_stream.h"

namespace anvil {
namespace {

TEST(ProgressBar, ALogGetsOnePlainLineWithCountPercentAndStatus) {
  const std::string text = testing::captured_stream([](FILE* log) {
    ProgressOptions o;
    o.label = "epoch 1/2";
    o.unit = "step";
    o.stream = log;
    ProgressBar bar(8, o);
    bar.set_status("loss 0.5000");
    bar.update(2);  // within min_log_interval_s of the start: not drawn
    bar.finish();
  });
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_EQ(text.rfind("epoch 1/2 [########################]  25% 2/8 ", 0), 0u) << text;
  EXPECT_NE(text.find(" step/s in "), std::string::npos) << text;
  EXPECT_NE(text.find("| loss 0.5000\n"), std::string::npos) << text;
}

TEST(ProgressBar, WorkDoneBeforeItStartedCountsButIsNotInTheRate) {
  ProgressOptions o;
  o.enabled = false;
  o.already_done = 450;
  ProgressBar bar(1598, o);
  bar.update(3);
  EXPECT_EQ(bar.done(), 453);
  const std::string text = testing::captured_stream([](FILE* log) {
    ProgressOptions p;
    p.stream = log;
    p.already_done = 450;
    p.unit = "step";
    ProgressBar resumed(1598, p);
    resumed.finish();
  });
  // 450 of 1598 shown; no step taken since it started, so the rate is zero, not 450 per instant.
  EXPECT_NE(text.find(" 28% 450/1598 0.0 step/s "), std::string::npos) << text;
}

}  // namespace
}  // namespace anvil
