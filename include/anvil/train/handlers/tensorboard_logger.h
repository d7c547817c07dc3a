// TensorBoardLogger: writes the run's scalars (and optionally weight histograms) as TensorBoard
// event files in `logdir` (usually the run directory, so `tensorboard --logdir runs/` shows every
// run). Tags: "train/<key>" for step outputs every `log_every` iterations, "<key>" for epoch
// metrics (val_loss, val_intent_acc, ...). The file is flushed at every epoch end and at the end.
// Histograms: every `histograms_every` epochs the `histograms` callback (which knows the model,
// and so may use LibTorch) adds them to the writer, e.g. with track::make_histogram.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "anvil/track/tensorboard_writer.h"
#include "anvil/train/engine.h"

namespace anvil::train {

struct TensorBoardLoggerOptions {
  explicit TensorBoardLoggerOptions(std::string dir) : logdir(std::move(dir)) {}
  std::string logdir;            // required
  int64_t log_every = 1;         // iterations between step-output scalars; 0 = epoch metrics only
  int64_t histograms_every = 0;  // epochs between histograms; 0 = off
  std::string config_yaml;       // written once as text (tag "config") when not empty
  void validate() const;
};

class TensorBoardLogger : public Handler {
 public:
  using HistogramFn = std::function<void(track::EventFileWriter& writer, int64_t step)>;
  explicit TensorBoardLogger(TensorBoardLoggerOptions options, HistogramFn histograms = nullptr);
  void attach(Engine& engine) override;
  std::string name() const override { return "tensorboard_logger"; }
  // Path of the event file ("" before STARTED).
  std::string path() const { return writer_ ? writer_->path() : ""; }

 private:
  TensorBoardLoggerOptions options_;
  HistogramFn histograms_;
  std::unique_ptr<track::EventFileWriter> writer_;
};

}  // namespace anvil::train
