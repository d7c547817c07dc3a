// Tracking for one rank of a data-parallel run: rank 0 records the run (run store, TensorBoard)
// as a single process would; the other ranks record nothing. Every rank gets a StopOnSignal that
// agrees with the others after each step (a one-number all-reduce), so a Ctrl-C or SIGTERM that
// reached any rank stops all of them at the same step. Without a group: attach_tracking as is.
#pragma once

#include <memory>
#include <string>

#include "anvil/train/dist/process_group.h"
#include "anvil/train/tracking.h"

namespace anvil::dist {

train::Tracking attach_rank_tracking(train::Engine& engine, train::TrackingOptions options,
                                     const std::string& run_dir,
                                     const std::shared_ptr<ProcessGroup>& group,
                                     train::TensorBoardLogger::HistogramFn histograms = nullptr);

}  // namespace anvil::dist
