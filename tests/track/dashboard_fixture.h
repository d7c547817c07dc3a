// A run database with the runs a dashboard shows: a completed run with curves, artifacts and
// lineage; a child run whose lineage points at the first run's model; a failed run; and a
// running one (owned by this test process, so it is never reaped).
#pragma once

#include <cmath>
#include <string>

#include "anvil/track/run_store.h"
#include "support/run_cli.h"

namespace anvil::track::testing {

struct DashboardRuns {
  int64_t completed = 0, child = 0, failed = 0, running = 0;
};

inline DashboardRuns make_dashboard_runs(const anvil::testing::TempDir& dir) {
  RunStore store(dir / "runs/anvil.sqlite");
  DashboardRuns ids;
  auto curves = [&](int64_t id, int steps, double scale) {
    std::vector<MetricPoint> points;
    for (int s = 1; s <= steps; ++s) {
      const int64_t epoch = 1 + (s - 1) / 50;
      points.push_back({"loss", s, epoch, 0.0, scale * (0.3 + 2.0 * std::exp(-s / 40.0))});
      points.push_back({"intent_acc", s, epoch, 0.0, 1.0 - 0.9 * std::exp(-s / 30.0)});
      if (s % 50 == 0) {
        points.push_back({"val_loss", s, epoch, 0.0, scale * (0.35 + 2.0 * std::exp(-s / 45.0))});
        points.push_back({"val_intent_acc", s, epoch, 0.0, 0.97 - 0.8 * std::exp(-s / 35.0)});
      }
    }
    store.log_metrics(id, points);
  };
  NewRun a;
  a.name = "baseline <cnn>";  // escaped in HTML
  a.config = "train:\n  lr: 0.001\n  epochs: 4\n";
  a.config_hash = "1234abcd1234abcd";
  a.params = {{"train.lr", "0.001"}, {"train.epochs", "4"}, {"model.type", "pointer_cnn"}};
  a.git_commit = std::string(40, 'c');
  ids.completed = store.create_run(a);
  curves(ids.completed, 200, 1.0);
  anvil::testing::write_text(dir / "data.jsonl", "{\"text\":\"add 5 and 3\"}\n");
  anvil::testing::write_text(dir / "model.safetensors", "model-weights-1");
  const int64_t model = store.add_artifact(ids.completed, dir / "model.safetensors", "model");
  store.add_lineage(ids.completed, dir / "data.jsonl", "dataset", model);
  store.finish_run(ids.completed, RunStatus::kCompleted, "early stopping after 4 epochs");

  NewRun b = a;
  b.name = "finetune";
  b.params["train.lr"] = "0.0005";
  ids.child = store.create_run(b);
  curves(ids.child, 150, 0.8);
  anvil::testing::write_text(dir / "model2.safetensors", "model-weights-2");
  const int64_t model2 = store.add_artifact(ids.child, dir / "model2.safetensors", "model");
  store.add_lineage(ids.child, dir / "model.safetensors", "model", model2);
  store.finish_run(ids.child, RunStatus::kCompleted);

  NewRun c = a;
  c.name = "diverged";
  ids.failed = store.create_run(c);
  curves(ids.failed, 20, 3.0);
  store.finish_run(ids.failed, RunStatus::kFailed, "loss is NaN at iteration 21");

  NewRun d = a;
  d.name = "live";
  ids.running = store.create_run(d);
  curves(ids.running, 60, 1.2);
  return ids;
}

}  // namespace anvil::track::testing
