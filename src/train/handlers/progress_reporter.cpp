// Epoch progress bars and summaries.
#include "anvil/train/handlers/progress_reporter.h"

#include <cstdio>

namespace anvil::train {

ProgressReporter::ProgressReporter(std::shared_ptr<RunningAverage> averages,
                                   ProgressReporterOptions options)
    : averages_(std::move(averages)), options_(std::move(options)) {}

void ProgressReporter::start_bar(const Engine& e, int64_t already_done) {
  ProgressOptions po;
  po.label =
      "epoch " + std::to_string(e.state().epoch) + "/" + std::to_string(e.state().max_epochs);
  po.unit = "step";
  po.enabled = options_.enabled;
  po.stream = options_.stream;
  po.already_done = already_done;
  bar_ = std::make_unique<ProgressBar>(e.state().epoch_length, po);
}

void ProgressReporter::attach(Engine& engine) {
  // A state restored mid-epoch continues that epoch without an EPOCH_STARTED.
  engine.on(on(Event::kStarted), [this](Engine& e) {
    const auto& s = e.state();
    if (s.epoch >= 1 && s.epoch_iteration > 0 && s.epoch_iteration < s.epoch_length)
      start_bar(e, s.epoch_iteration);
  });
  engine.on(on(Event::kEpochStarted), [this](Engine& e) { start_bar(e, 0); });
  engine.on(on(Event::kIterationCompleted), [this](Engine& e) {
    if (!bar_) return;
    if (e.state().epoch_iteration % options_.status_every == 1 || options_.status_every == 1) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s %.4f", options_.status_key.c_str(),
                    averages_->mean(options_.status_key));
      bar_->set_status(buf);
    }
    bar_->update();
  });
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    double seconds = 0;
    if (bar_) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s %.4f", options_.status_key.c_str(),
                    averages_->mean(options_.status_key));
      bar_->set_status(buf);
      bar_->finish();
      seconds = bar_->elapsed_seconds();
      bar_.reset();
    }
    if (!options_.enabled) return;
    std::string line =
        "epoch " + std::to_string(e.state().epoch) + "/" + std::to_string(e.state().max_epochs);
    for (const auto& key : options_.summary_keys) {
      auto it = e.state().metrics.find(key);
      if (it == e.state().metrics.end()) continue;
      char buf[96];
      std::snprintf(buf, sizeof buf, "  %s %.4f", key.c_str(), it->second);
      line += buf;
    }
    line += "  (" + format_duration(seconds) + ")";
    std::fprintf(options_.stream, "%s\n", line.c_str());
    std::fflush(options_.stream);
  });
  engine.on(on(Event::kTerminate), [this](Engine& e) {
    if (bar_) {
      bar_->finish();
      bar_.reset();
    }
    if (options_.enabled) std::fprintf(options_.stream, "%s\n", e.state().terminate_reason.c_str());
  });
}

}  // namespace anvil::train
