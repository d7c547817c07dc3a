// Run directories: every training run or pipeline gets its own folder under run.dir,
// named NAME-YYYYMMDD-HHMMSS, holding the resolved config.yaml, data, checkpoints, model and
// reports; RUN_BASE/latest points at the newest one.
#pragma once

#include <string>

namespace anvil::pipeline {

// Creates a fresh run directory (a numeric suffix is added if the name exists).
std::string create_run_dir(const std::string& base, const std::string& name);

// Whether `run_dir` holds a training checkpoint to resume from (checkpoints/last.safetensors).
bool has_last_checkpoint(const std::string& run_dir);

// Points BASE/latest at `run_dir` (a relative symlink, replaced atomically).
void update_latest_link(const std::string& base, const std::string& run_dir);

}  // namespace anvil::pipeline
