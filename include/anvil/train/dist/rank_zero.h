// Work one rank does for the whole job — generating a data file, merging a model, creating the run
// directory — while the other ranks wait for it. Rank 0's failure reaches every rank as an Error
// (so none of them waits on a collective the failed rank will never join); the wait is bounded by
// the group's timeout. Without a group the work simply runs in this process.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "anvil/train/dist/process_group.h"

namespace anvil::dist {

// Runs `work` on rank 0; every rank returns once it has finished, or throws if it failed.
void on_rank_zero(const std::shared_ptr<ProcessGroup>& group, const std::function<void()>& work);

// As on_rank_zero; rank 0's result (a path, say) is returned on every rank.
std::string from_rank_zero(const std::shared_ptr<ProcessGroup>& group,
                           const std::function<std::string()>& work);

}  // namespace anvil::dist
