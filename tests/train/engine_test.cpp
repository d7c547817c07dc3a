// Engine: event order, filters, termination, handler attachment errors.
#include "anvil/train/engine.h"

#include <gtest/gtest.h>

#include <cmath>

#include "anvil/core/error.h"
#include "anvil/train/handlers/early_stopping.h"
#include "anvil/train/handlers/nan_guard.h"
#include "anvil/train/handlers/running_average.h"

namespace anvil::train {
namespace {

Engine counting_engine(double loss = 1.0) {
  return Engine([loss](Engine&) { return std::map<std::string, double>{{"loss", loss}}; });
}

TEST(Engine, FiresEventsInOrder) {
  std::vector<std::string> log;
  Engine engine = counting_engine();
  for (Event ev : {Event::kStarted, Event::kEpochStarted, Event::kIterationStarted,
                   Event::kIterationCompleted, Event::kEpochCompleted, Event::kCompleted}) {
    engine.on(on(ev), [&log, ev](Engine&) { log.push_back(event_name(ev)); });
  }
  engine.run(/*epoch_length=*/2, /*max_epochs=*/2);
  std::vector<std::string> expected = {"STARTED"};
  for (int e = 0; e < 2; ++e) {
    expected.push_back("EPOCH_STARTED");
    for (int i = 0; i < 2; ++i) {
      expected.push_back("ITERATION_STARTED");
      expected.push_back("ITERATION_COMPLETED");
    }
    expected.push_back("EPOCH_COMPLETED");
  }
  expected.push_back("COMPLETED");
  EXPECT_EQ(log, expected);
  EXPECT_EQ(engine.state().iteration, 4);
  EXPECT_EQ(engine.state().epoch, 2);
}

TEST(Engine, EveryAndOnceFiltersUseTheEventsCounter) {
  Engine engine = counting_engine();
  std::vector<int64_t> every3, once5, epochs2;
  engine.on(every(Event::kIterationCompleted, 3),
            [&](Engine& e) { every3.push_back(e.state().iteration); });
  engine.on(once(Event::kIterationCompleted, 5),
            [&](Engine& e) { once5.push_back(e.state().iteration); });
  engine.on(every(Event::kEpochCompleted, 2),
            [&](Engine& e) { epochs2.push_back(e.state().epoch); });
  engine.run(4, 3);
  EXPECT_EQ(every3, (std::vector<int64_t>{3, 6, 9, 12}));
  EXPECT_EQ(once5, (std::vector<int64_t>{5}));
  EXPECT_EQ(epochs2, (std::vector<int64_t>{2}));
}

TEST(Engine, InvalidFiltersAreRejectedWhenAttached) {
  Engine engine = counting_engine();
  EXPECT_THROW(engine.on(every(Event::kIterationCompleted, 0), [](Engine&) {}), Error);
  EXPECT_THROW(engine.on(on(Event::kStarted), nullptr), Error);
  engine.attach(std::make_shared<NanGuard>());
  EXPECT_THROW(engine.attach(std::make_shared<NanGuard>()), Error);
}

TEST(Engine, TerminateStopsAfterTheCurrentIterationAndFiresTerminate) {
  Engine engine = counting_engine();
  bool terminated = false;
  engine.on(once(Event::kIterationCompleted, 3), [](Engine& e) { e.terminate("enough"); });
  engine.on(on(Event::kTerminate), [&](Engine&) { terminated = true; });
  engine.run(10, 5);
  EXPECT_TRUE(terminated);
  EXPECT_EQ(engine.state().iteration, 3);
  EXPECT_EQ(engine.state().terminate_reason, "enough");
}

TEST(Engine, ExceptionFiresExceptionRaisedAndPropagates) {
  Engine engine([](Engine& e) -> std::map<std::string, double> {
    if (e.state().iteration == 2) throw Error("boom");
    return {{"loss", 1.0}};
  });
  bool raised = false;
  engine.on(on(Event::kExceptionRaised), [&](Engine&) { raised = true; });
  EXPECT_THROW(engine.run(5, 1), Error);
  EXPECT_TRUE(raised);
}

TEST(Engine, StateRestoredMidEpochFinishesThatEpochFirst) {
  std::vector<std::string> log;
  Engine engine = counting_engine();
  engine.on(on(Event::kEpochStarted),
            [&](Engine& e) { log.push_back("start" + std::to_string(e.state().epoch)); });
  engine.on(on(Event::kIterationStarted), [&](Engine& e) {
    log.push_back(std::to_string(e.state().epoch) + "." +
                  std::to_string(e.state().epoch_iteration));
  });
  engine.state().epoch = 1;  // as a checkpoint after iteration 2 of epoch 1 would restore it
  engine.state().iteration = 2;
  engine.state().epoch_iteration = 2;
  engine.run(/*epoch_length=*/3, /*max_epochs=*/2);
  EXPECT_EQ(log, (std::vector<std::string>{"1.3", "start2", "2.1", "2.2", "2.3"}));
  EXPECT_EQ(engine.state().iteration, 6);
}

TEST(Engine, ZeroLengthEpochIsAnError) {
  Engine engine = counting_engine();
  EXPECT_THROW(engine.run(0, 1), Error);
}

TEST(NanGuard, StopsTheRunMarkedFailedOnNonFiniteLoss) {
  int step = 0;
  Engine engine([&](Engine&) {
    ++step;
    return std::map<std::string, double>{{"loss", step == 4 ? NAN : 1.0}};
  });
  engine.attach(std::make_shared<NanGuard>());
  engine.run(10, 1);
  EXPECT_EQ(engine.state().iteration, 4);
  EXPECT_TRUE(engine.state().failed);
  EXPECT_NE(engine.state().terminate_reason.find("non-finite loss"), std::string::npos);
}

TEST(EarlyStopping, StopsAfterPatienceEpochsWithoutImprovement) {
  Engine engine = counting_engine();
  std::vector<double> scores = {0.5, 0.6, 0.6, 0.55, 0.6, 0.9};
  engine.on(on(Event::kEpochCompleted),
            [&](Engine& e) { e.state().metrics["val_intent_acc"] = scores[e.state().epoch - 1]; });
  auto es = std::make_shared<EarlyStopping>(EarlyStoppingOptions{"val_intent_acc", 3, 0.0});
  engine.attach(es);
  engine.run(1, 6);
  EXPECT_EQ(engine.state().epoch, 5);  // 0.6 at epoch 2, then 3 epochs without improvement
  EXPECT_DOUBLE_EQ(es->best(), 0.6);
  auto saved = es->save_state();
  EarlyStopping restored(EarlyStoppingOptions{"val_intent_acc", 3, 0.0});
  restored.load_state(saved);
  EXPECT_DOUBLE_EQ(restored.best(), 0.6);
  EXPECT_EQ(restored.bad_epochs(), 3);
}

TEST(Engine, ASecondRunStartsWithoutTheFirstRunsStopFlags) {
  Engine engine([](Engine&) { return std::map<std::string, double>{{"loss", 1.0}}; });
  bool stop = true;
  engine.on(once(Event::kIterationCompleted, 2), [&](Engine& e) {
    if (!stop) return;
    e.state().interrupted = true;
    e.terminate("asked to stop", /*failed=*/true);
  });
  engine.run(3, 2);
  EXPECT_TRUE(engine.state().failed);
  EXPECT_TRUE(engine.state().interrupted);
  EXPECT_EQ(engine.state().iteration, 2);
  stop = false;
  engine.run(3, 2);  // continues from epoch 1, iteration 2 to the end
  EXPECT_FALSE(engine.state().failed);
  EXPECT_FALSE(engine.state().interrupted);
  EXPECT_EQ(engine.state().terminate_reason, "");
  EXPECT_EQ(engine.state().iteration, 6);
}

TEST(RunningAverage, AveragesStepOutputsPerEpoch) {
  int step = 0;
  Engine engine([&](Engine&) {
    ++step;
    return std::map<std::string, double>{{"loss", static_cast<double>(step)}};
  });
  engine.attach(std::make_shared<RunningAverage>());
  std::vector<double> means;
  engine.on(on(Event::kEpochCompleted),
            [&](Engine& e) { means.push_back(e.state().metrics.at("train_loss")); });
  engine.run(2, 2);
  EXPECT_EQ(means, (std::vector<double>{1.5, 3.5}));
}

TEST(RunningAverage, SumsSurviveACheckpointMidEpochIncludingNaN) {
  // An epoch of 4 steps whose grad_norm is NaN at step 2, stopped after step 2:
  // the restored handler must report the same epoch means as one that never stopped.
  auto outputs = [](int step) {
    return std::map<std::string, double>{{"loss", 0.1 * step}, {"grad_norm", step == 2 ? NAN : 1.0}};
  };
  auto first = std::make_shared<RunningAverage>();
  int step = 0;
  Engine a([&](Engine&) { return outputs(++step); });
  a.attach(first);
  a.on(once(Event::kIterationCompleted, 2), [](Engine& e) { e.terminate("stop"); });
  a.run(4, 1);
  const std::string saved = first->save_state();

  auto second = std::make_shared<RunningAverage>();
  second->load_state(saved);
  EXPECT_DOUBLE_EQ(second->mean("loss"), 0.15);
  EXPECT_TRUE(std::isnan(second->mean("grad_norm")));
  Engine b([&](Engine&) { return outputs(++step); });
  b.attach(second);
  b.state().epoch = 1;
  b.state().iteration = b.state().epoch_iteration = 2;
  double loss_mean = 0;
  b.on(on(Event::kEpochCompleted), [&](Engine& e) { loss_mean = e.state().metrics.at("train_loss"); });
  b.run(4, 1);
  EXPECT_DOUBLE_EQ(loss_mean, 0.25);  // (0.1 + 0.2 + 0.3 + 0.4) / 4
  EXPECT_THROW(second->load_state("{\"loss\": [\"many\", 1]}"), Error);
}

}  // namespace
}  // namespace anvil::train
