// Plots people would rather look at than tables: line charts (loss curves, overlaid runs),
// histograms (length distributions), bar charts and heatmaps (confusion matrices). Drawn with
// cairo; the output format follows the file extension (.png or .svg). Files are written atomically.
#pragma once

#include <string>
#include <vector>

namespace anvil::plot {

struct Series {
  std::string label;
  std::vector<double> x;
  std::vector<double> y;  // same length as x; non-finite points are skipped
};

struct ChartOptions {
  std::string title;
  std::string x_label;
  std::string y_label;
  int width = 900;
  int height = 540;
  bool log_y = false;  // line charts: logarithmic y axis (non-positive values skipped)
};

void save_line_chart(const std::string& path, const std::vector<Series>& series,
                     const ChartOptions& options);

// `bins` equal-width bins between the min and max of `values`.
void save_histogram(const std::string& path, const std::vector<double>& values, int bins,
                    const ChartOptions& options);

void save_bar_chart(const std::string& path, const std::vector<std::string>& labels,
                    const std::vector<double>& values, const ChartOptions& options);

// matrix[row][col]; rows and columns labelled (e.g. true vs predicted class).
void save_heatmap(const std::string& path, const std::vector<std::vector<double>>& matrix,
                  const std::vector<std::string>& row_labels,
                  const std::vector<std::string>& col_labels, const ChartOptions& options);

// Renders to memory instead ("png" or "svg").
std::string render_line_chart(const std::string& format, const std::vector<Series>& series,
                              const ChartOptions& options);

}  // namespace anvil::plot
