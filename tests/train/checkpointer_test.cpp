// Checkpointer: last + best-k by score, eviction, and state that survives a restart.
#include "anvil/train/handlers/checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "anvil/core/fs.h"
#include "support/run_cli.h"

namespace anvil::train {
namespace {

TEST(Checkpointer, KeepsTheBestKAndTheLast) {
  anvil::testing::TempDir dir("ckpt");
  std::vector<double> scores = {0.5, 0.7, 0.6, 0.9, 0.1};
  Engine engine([](Engine&) { return std::map<std::string, double>{{"loss", 1.0}}; });
  engine.on(on(Event::kEpochCompleted),
            [&](Engine& e) { e.state().metrics["val_intent_acc"] = scores[e.state().epoch - 1]; });
  auto ckpt = std::make_shared<Checkpointer>(
      CheckpointOptions{dir.path(), "val_intent_acc", 2}, [](Engine& e, const std::string& path) {
        write_file_atomic(path, std::to_string(e.state().epoch));
      });
  engine.attach(ckpt);
  engine.run(1, 5);
  EXPECT_EQ(anvil::read_file(ckpt->last_path()), "5");
  EXPECT_EQ(ckpt->best_path(), dir / "best-epoch4.safetensors");
  EXPECT_TRUE(std::filesystem::exists(dir / "best-epoch2.safetensors"));
  EXPECT_FALSE(std::filesystem::exists(dir / "best-epoch1.safetensors"));
  EXPECT_FALSE(std::filesystem::exists(dir / "best-epoch3.safetensors"));
  Checkpointer restored(CheckpointOptions{dir.path(), "val_intent_acc", 2}, nullptr);
  restored.load_state(ckpt->save_state());
  EXPECT_EQ(restored.best(), ckpt->best());
}

TEST(Checkpointer, SavesEveryNIterationsAndOnInterruptButNotTwiceAtEpochEnd) {
  anvil::testing::TempDir dir("ckpt");
  Engine engine([](Engine&) { return std::map<std::string, double>{{"loss", 1.0}}; });
  std::vector<int64_t> saved_at;
  CheckpointOptions o{dir.path(), "val_loss", 0};
  o.every_iterations = 2;
  o.on_interrupt = true;
  engine.attach(std::make_shared<Checkpointer>(
      o, [&](Engine& e, const std::string&) { saved_at.push_back(e.state().iteration); }));
  engine.on(once(Event::kIterationCompleted, 7), [](Engine& e) {
    e.state().interrupted = true;
    e.terminate("interrupted");
  });
  engine.run(/*epoch_length=*/4, /*max_epochs=*/3);
  // Every 2 iterations (2, 6), epoch end (4; not again from the every-2 rule), interrupt (7).
  EXPECT_EQ(saved_at, (std::vector<int64_t>{2, 4, 6, 7}));
}

}  // namespace
}  // namespace anvil::train
