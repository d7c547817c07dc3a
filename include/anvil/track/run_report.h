// Reports of recorded runs: terminal tables for `anvil runs list|show|compare`, the "key metrics"
// both the tables and the dashboard show, and exports of one run as CSV (its metrics) or JSON
// (everything: run, params, metrics, artifacts, lineage).
#pragma once

#include <string>
#include <vector>

#include "anvil/track/run_store.h"

namespace anvil::track {

// Columns aligned to the widest cell, a rule under the header.
std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);
// "2026-11-21 08:12:54" in local time ("" for 0).
std::string format_timestamp(double unix_seconds);
// Shortest readable form: 0.4213, 1.2e-05, 12345.
std::string format_metric(double value);

// The metrics worth a column: "loss" then the val_* keys, at most `max_keys`, among those the
// given runs recorded. A key's cell is its last value.
std::vector<std::string> key_metrics(RunStore& store, const std::vector<RunInfo>& runs,
                                     size_t max_keys = 4);

std::string runs_table(RunStore& store, const std::vector<RunInfo>& runs);
std::string run_details(RunStore& store, int64_t run_id);
// Side by side: status, duration, every metric's last value (best marked), then the params that
// differ between the runs.
std::string compare_table(RunStore& store, const std::vector<int64_t>& run_ids);

// run_id,key,step,epoch,wall_time,value rows (NaN written as an empty cell).
std::string export_run_csv(RunStore& store, int64_t run_id);
std::string export_run_json(RunStore& store, int64_t run_id);

}  // namespace anvil::track
