// Learning-rate schedules against their closed forms (the same formulas as torch.optim's
// StepLR, ExponentialLR, CosineAnnealingLR and a linear warmup).
#include "anvil/train/handlers/lr_scheduler.h"

#include <gtest/gtest.h>

#include <cmath>

namespace anvil::train {
namespace {

LrScheduleOptions opts(const std::string& type) {
  LrScheduleOptions o;
  o.type = type;
  o.base_lr = 0.1;
  o.lr_min = 0.001;
  o.steps_per_epoch = 10;
  o.total_steps = 100;
  o.step_size = 3;
  o.gamma = 0.5;
  return o;
}

TEST(LrSchedule, WarmupIsLinearToBaseLr) {
  auto o = opts("cosine");
  o.warmup_steps = 10;
  EXPECT_DOUBLE_EQ(lr_at(o, 1), 0.01);
  EXPECT_DOUBLE_EQ(lr_at(o, 5), 0.05);
  EXPECT_DOUBLE_EQ(lr_at(o, 10), 0.1);
}

TEST(LrSchedule, StepDecaysEveryStepSizeEpochs) {
  auto o = opts("step");
  EXPECT_DOUBLE_EQ(lr_at(o, 1), 0.1);    // epoch 0
  EXPECT_DOUBLE_EQ(lr_at(o, 30), 0.1);   // epoch 2
  EXPECT_DOUBLE_EQ(lr_at(o, 31), 0.05);  // epoch 3
  EXPECT_DOUBLE_EQ(lr_at(o, 61), 0.025);
}

TEST(LrSchedule, ExponentialDecaysEveryEpoch) {
  auto o = opts("exponential");
  EXPECT_DOUBLE_EQ(lr_at(o, 10), 0.1);
  EXPECT_DOUBLE_EQ(lr_at(o, 11), 0.05);
  EXPECT_DOUBLE_EQ(lr_at(o, 21), 0.025);
}

TEST(LrSchedule, CosineReachesLrMinAtTheEnd) {
  auto o = opts("cosine");
  EXPECT_NEAR(lr_at(o, 50), 0.001 + 0.5 * 0.099 * (1 + std::cos(M_PI * 0.5)), 1e-12);
  EXPECT_NEAR(lr_at(o, 100), 0.001, 1e-12);
  EXPECT_LT(lr_at(o, 60), lr_at(o, 40));
}

TEST(LrSchedule, InvalidOptionsNameTheKey) {
  auto o = opts("linear-ish");
  try {
    o.validate();
    FAIL();
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("train.scheduler"), std::string::npos);
  }
}

}  // namespace
}  // namespace anvil::train
