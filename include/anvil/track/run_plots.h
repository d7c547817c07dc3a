// Metric curves of recorded runs as charts (core/plot: cairo, SVG or PNG): one run or several
// overlaid. Used by `anvil plot` and the dashboard. Long series are reduced to at most
// `max_points` points by averaging consecutive points, so a 1M-step run still draws quickly.
#pragma once

#include <string>
#include <vector>

#include "anvil/core/plot.h"
#include "anvil/track/run_store.h"

namespace anvil::track {

// x = step, y = value; NaN gaps are kept.
plot::Series metric_series(RunStore& store, int64_t run_id, const std::string& key,
                           size_t max_points = 2000);

struct MetricChartOptions {
  int width = 900;
  int height = 420;
  bool log_y = false;
  size_t max_points = 2000;
};

// "svg" or "png" bytes of `key` for each run (labelled "#id name" when there are several).
// Throws a usage error naming the key and the keys that exist when no run has `key`.
std::string render_metric_chart(RunStore& store, const std::vector<int64_t>& run_ids,
                                const std::string& key, const std::string& format,
                                const MetricChartOptions& options = {});

}  // namespace anvil::track
