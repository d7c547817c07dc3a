// Metric charts from the run store.
#include "anvil/track/run_plots.h"

#include <cmath>
#include <set>

#include "anvil/core/error.h"

namespace anvil::track {

plot::Series metric_series(RunStore& store, int64_t run_id, const std::string& key,
                           size_t max_points) {
  const auto points = store.metrics(run_id, key);
  plot::Series s;
  s.label = key;
  const size_t stride = max_points > 0 && points.size() > max_points
                            ? (points.size() + max_points - 1) / max_points
                            : 1;
  for (size_t i = 0; i < points.size(); i += stride) {
    double x = 0, y = 0;
    size_t n = 0, finite = 0;
    for (size_t k = i; k < std::min(points.size(), i + stride); ++k, ++n) {
      x += static_cast<double>(points[k].step);
      if (std::isfinite(points[k].value)) {
        y += points[k].value;
        ++finite;
      }
    }
    s.x.push_back(x / static_cast<double>(n));
    s.y.push_back(finite ? y / static_cast<double>(finite) : std::nan(""));
  }
  return s;
}

std::string render_metric_chart(RunStore& store, const std::vector<int64_t>& run_ids,
                                const std::string& key, const std::string& format,
                                const MetricChartOptions& options) {
  std::vector<plot::Series> series;
  std::set<std::string> known;
  for (int64_t id : run_ids) {
    const RunInfo run = store.get_run(id);
    plot::Series s = metric_series(store, id, key, options.max_points);
    for (const auto& k : store.metric_keys(id)) known.insert(k);
    if (s.x.empty()) continue;
    s.label = run_ids.size() > 1 ? "#" + std::to_string(id) + " " + run.name : "";
    series.push_back(std::move(s));
  }
  if (series.empty()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw usage_error("no metric '" + key + "' recorded" +
                      (run_ids.size() == 1 ? " for run " + std::to_string(run_ids[0]) : "") +
                      (list.empty() ? " (no metrics recorded yet)" : "; recorded: " + list));
  }
  plot::ChartOptions co;
  co.title = key;
  co.x_label = "step";
  co.y_label = key;
  co.width = options.width;
  co.height = options.height;
  co.log_y = options.log_y;
  return plot::render_line_chart(format, series, co);
}

}  // namespace anvil::track
