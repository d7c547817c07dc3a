// attach_rank_tracking: rank 0 tracks; every rank stops on the job's agreed signal.
#include "anvil/train/dist/rank_tracking.h"

#include "anvil/train/handlers/stop_on_signal.h"

namespace anvil::dist {

train::Tracking attach_rank_tracking(train::Engine& engine, train::TrackingOptions options,
                                     const std::string& run_dir,
                                     const std::shared_ptr<ProcessGroup>& group,
                                     train::TensorBoardLogger::HistogramFn histograms) {
  if (group) {
    if (options.stop_on_signal)
      engine.attach(std::make_shared<train::StopOnSignal>([group](int sig) {
        return static_cast<int>(group->all_reduce({static_cast<double>(sig)}, ReduceOp::kMax)[0]);
      }));
    options.stop_on_signal = false;
    if (group->rank() != 0) options.enabled = options.tensorboard = false;
  }
  return train::attach_tracking(engine, options, run_dir, std::move(histograms));
}

}  // namespace anvil::dist
