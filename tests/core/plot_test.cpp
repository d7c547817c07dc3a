// Plots: valid PNG/SVG files of the requested size, errors for bad extensions and shapes.
#include "anvil/core/plot.h"

#include <gtest/gtest.h>

#include <cmath>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "support/run_cli.h"

namespace anvil::plot {
namespace {

uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

TEST(Plot, LineChartPngHasTheRequestedSize) {
  Series s{"loss", {}, {}};
  for (int i = 0; i < 50; ++i) {
    s.x.push_back(i);
    s.y.push_back(std::exp(-i / 10.0));
  }
  ChartOptions o;
  o.title = "loss";
  o.width = 640;
  o.height = 400;
  auto png = render_line_chart("png", {s, Series{"val", {0, 49}, {1.0, NAN}}}, o);
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(png, 16), 640u);
  EXPECT_EQ(be32(png, 20), 400u);
  o.log_y = true;
  auto svg = render_line_chart("svg", {s}, o);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"640"), std::string::npos);
}

TEST(Plot, HistogramBarAndHeatmapFilesAreWritten) {
  anvil::testing::TempDir dir("plot");
  save_histogram(dir / "h.png", {1, 2, 2, 3, 3, 3, 10}, 5, {});
  save_bar_chart(dir / "b.svg", {"a", "b"}, {3, 4}, {});
  save_heatmap(dir / "m.png", {{5, 1}, {0, 7}}, {"x", "y"}, {"x", "y"}, {});
  for (const char* f : {"h.png", "b.svg", "m.png"}) EXPECT_GT(read_file(dir / f).size(), 100u) << f;
}

TEST(Plot, BadInputsAreClearErrors) {
  anvil::testing::TempDir dir("plot");
  EXPECT_THROW(save_histogram(dir / "h.jpg", {1}, 5, {}), Error);
  EXPECT_THROW(save_histogram(dir / "h.png", {1}, 0, {}), Error);
  EXPECT_THROW(save_line_chart(dir / "l.png", {Series{"x", {1, 2}, {1}}}, {}), Error);
  EXPECT_THROW(save_heatmap(dir / "m.png", {{1, 2}}, {"a"}, {"a"}, {}), Error);
}

}  // namespace
}  // namespace anvil::plot
