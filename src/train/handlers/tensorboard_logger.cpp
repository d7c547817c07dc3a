// TensorBoardLogger: Engine events -> track::EventFileWriter.
#include "anvil/train/handlers/tensorboard_logger.h"

#include "anvil/core/error.h"

namespace anvil::train {

void TensorBoardLoggerOptions::validate() const {
  if (logdir.empty()) throw usage_error("TensorBoard log directory is empty");
  if (log_every < 0)
    throw usage_error("track.log_every = " + std::to_string(log_every) + ": must be >= 0");
  if (histograms_every < 0)
    throw usage_error("track.histograms_every = " + std::to_string(histograms_every) +
                      ": must be >= 0");
}

TensorBoardLogger::TensorBoardLogger(TensorBoardLoggerOptions options, HistogramFn histograms)
    : options_(std::move(options)), histograms_(std::move(histograms)) {
  options_.validate();
  if (options_.histograms_every > 0 && !histograms_)
    throw Error("TensorBoardLogger: histograms_every = " +
                std::to_string(options_.histograms_every) + " but no histogram callback given");
}

void TensorBoardLogger::attach(Engine& engine) {
  engine.on(on(Event::kStarted), [this](Engine& e) {
    if (!writer_)
      writer_ =
          std::make_unique<track::EventFileWriter>(track::EventFileWriterOptions(options_.logdir));
    if (!options_.config_yaml.empty())
      writer_->add_text("config", "```\n" + options_.config_yaml + "```", e.state().iteration);
    writer_->flush();
  });
  if (options_.log_every > 0) {
    engine.on(every(Event::kIterationCompleted, options_.log_every), [this](Engine& e) {
      for (const auto& [key, value] : e.state().output)
        writer_->add_scalar("train/" + key, value, e.state().iteration);
    });
  }
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    const State& s = e.state();
    for (const auto& [key, value] : s.metrics) writer_->add_scalar(key, value, s.iteration);
    writer_->add_scalar("epoch", static_cast<double>(s.epoch), s.iteration);
    if (options_.histograms_every > 0 && s.epoch % options_.histograms_every == 0)
      histograms_(*writer_, s.iteration);
    writer_->flush();
  });
  engine.on(on(Event::kCompleted), [this](Engine&) {
    if (writer_) writer_->close();
  });
  engine.on(on(Event::kExceptionRaised), [this](Engine&) {
    try {
      if (writer_) writer_->close();
    } catch (...) {
      // Never mask the training exception.
    }
  });
}

}  // namespace anvil::train
