// Chart drawing with cairo: one drawing routine per chart kind, rendered to a PNG or SVG surface.
#include "anvil/core/plot.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::plot {
namespace {

struct Rgb {
  double r, g, b;
};
// A colour-blind-friendly palette (Okabe-Ito).
const Rgb kPalette[] = {{0.00, 0.45, 0.70}, {0.90, 0.62, 0.00}, {0.00, 0.62, 0.45},
                        {0.80, 0.47, 0.65}, {0.34, 0.71, 0.91}, {0.84, 0.37, 0.00},
                        {0.94, 0.89, 0.26}, {0.20, 0.20, 0.20}};

struct Frame {  // plot area in pixels
  double left = 80, top = 50, right, bottom;
};

using DrawFn = std::function<void(cairo_t*, const Frame&)>;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string render(const std::string& format, const ChartOptions& o, const DrawFn& draw) {
  std::string out;
  cairo_surface_t* surface = nullptr;
  if (format == "svg") {
    surface = cairo_svg_surface_create_for_stream(append_bytes, &out, o.width, o.height);
  } else if (format == "png") {
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, o.width, o.height);
  } else {
    throw usage_error("unsupported plot format '" + format + "': use .png or .svg");
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  Frame f;
  f.right = o.width - 30;
  f.bottom = o.height - 60;
  if (!o.title.empty()) {
    cairo_set_font_size(cr, 16);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, o.title.c_str(), &ext);
    cairo_move_to(cr, (o.width - ext.width) / 2, 28);
    cairo_show_text(cr, o.title.c_str());
  }
  draw(cr, f);
  cairo_set_font_size(cr, 13);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  if (!o.x_label.empty()) {
    cairo_text_extents_t ext;
    cairo_text_extents(cr, o.x_label.c_str(), &ext);
    cairo_move_to(cr, (f.left + f.right - ext.width) / 2, o.height - 15);
    cairo_show_text(cr, o.x_label.c_str());
  }
  if (!o.y_label.empty()) {
    cairo_save(cr);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, o.y_label.c_str(), &ext);
    cairo_move_to(cr, 18, (f.top + f.bottom + ext.width) / 2);
    cairo_rotate(cr, -M_PI / 2);
    cairo_show_text(cr, o.y_label.c_str());
    cairo_restore(cr);
  }
  cairo_destroy(cr);
  if (format == "png") {
    cairo_surface_write_to_png_stream(surface, append_bytes, &out);
  } else {
    cairo_surface_finish(surface);
  }
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(std::string("plot rendering failed: ") + cairo_status_to_string(status));
  return out;
}

std::string format_of(const std::string& path) {
  auto dot = path.rfind('.');
  const std::string ext = ascii_lower(dot == std::string::npos ? "" : path.substr(dot + 1));
  if (ext != "png" && ext != "svg")
    throw usage_error("plot output '" + path + "': the file name must end in .png or .svg");
  return ext;
}

std::string tick_label(double v) {
  char buf[32];
  if (v != 0 && (std::fabs(v) >= 1e5 || std::fabs(v) < 1e-3)) {
    std::snprintf(buf, sizeof buf, "%.2g", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.4g", v);
  }
  return buf;
}

// "Nice" tick step for a range (1, 2 or 5 x 10^k).
double nice_step(double span, int target) {
  double raw = span / std::max(target, 1);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

struct Axis {
  double lo, hi;
  bool log = false;
  double map(double v, double p0, double p1) const {
    double a = log ? std::log10(lo) : lo, b = log ? std::log10(hi) : hi;
    double t = ((log ? std::log10(v) : v) - a) / (b - a);
    return p0 + t * (p1 - p0);
  }
};

Axis padded_axis(double lo, double hi, bool log) {
  if (!(lo < hi)) {
    lo -= 0.5;
    hi += 0.5;
  }
  if (log)
    return {std::pow(10, std::floor(std::log10(lo))), std::pow(10, std::ceil(std::log10(hi))),
            true};
  double pad = (hi - lo) * 0.05;
  return {lo - pad, hi + pad, false};
}

void draw_axes(cairo_t* cr, const Frame& f, const Axis& x, const Axis& y, bool x_ticks) {
  cairo_set_line_width(cr, 1);
  cairo_set_font_size(cr, 11);
  // y grid and ticks
  std::vector<double> yt;
  if (y.log) {
    for (double v = y.lo; v <= y.hi * 1.0001; v *= 10) yt.push_back(v);
  } else {
    double step = nice_step(y.hi - y.lo, 6);
    for (double v = std::ceil(y.lo / step) * step; v <= y.hi; v += step) yt.push_back(v);
  }
  for (double v : yt) {
    double py = y.map(v, f.bottom, f.top);
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
    cairo_move_to(cr, f.left, py);
    cairo_line_to(cr, f.right, py);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    std::string s = tick_label(std::fabs(v) < 1e-12 ? 0 : v);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, s.c_str(), &ext);
    cairo_move_to(cr, f.left - ext.width - 6, py + 4);
    cairo_show_text(cr, s.c_str());
  }
  if (x_ticks) {
    double step = nice_step(x.hi - x.lo, 8);
    for (double v = std::ceil(x.lo / step) * step; v <= x.hi; v += step) {
      double px = x.map(v, f.left, f.right);
      cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
      std::string s = tick_label(std::fabs(v) < 1e-12 ? 0 : v);
      cairo_text_extents_t ext;
      cairo_text_extents(cr, s.c_str(), &ext);
      cairo_move_to(cr, px - ext.width / 2, f.bottom + 16);
      cairo_show_text(cr, s.c_str());
    }
  }
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_rectangle(cr, f.left, f.top, f.right - f.left, f.bottom - f.top);
  cairo_stroke(cr);
}

void write_plot(const std::string& path, const std::string& bytes) {
  write_file_atomic(path, bytes);
}

}  // namespace

std::string render_line_chart(const std::string& format, const std::vector<Series>& series,
                              const ChartOptions& o) {
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  for (const auto& s : series) {
    if (s.x.size() != s.y.size())
      throw Error("plot series '" + s.label + "': x and y have different lengths");
    for (size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (o.log_y && s.y[i] <= 0)) continue;
      xlo = std::min(xlo, s.x[i]);
      xhi = std::max(xhi, s.x[i]);
      ylo = std::min(ylo, s.y[i]);
      yhi = std::max(yhi, s.y[i]);
    }
  }
  if (!std::isfinite(xlo)) xlo = 0, xhi = 1, ylo = o.log_y ? 1 : 0, yhi = o.log_y ? 10 : 1;
  const Axis x = padded_axis(xlo, xhi, false), y = padded_axis(ylo, yhi, o.log_y);
  return render(format, o, [&](cairo_t* cr, const Frame& f) {
    draw_axes(cr, f, x, y, true);
    cairo_save(cr);
    cairo_rectangle(cr, f.left, f.top, f.right - f.left, f.bottom - f.top);
    cairo_clip(cr);
    for (size_t k = 0; k < series.size(); ++k) {
      const Rgb c = kPalette[k % 8];
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_set_line_width(cr, 2);
      bool pen = false;
      const auto& s = series[k];
      for (size_t i = 0; i < s.x.size(); ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (o.log_y && s.y[i] <= 0)) {
          pen = false;
          continue;
        }
        double px = x.map(s.x[i], f.left, f.right), py = y.map(s.y[i], f.bottom, f.top);
        pen ? cairo_line_to(cr, px, py) : cairo_move_to(cr, px, py);
        pen = true;
      }
      cairo_stroke(cr);
      // Sparse series (per-epoch metrics) also get point markers: one point is still visible.
      size_t finite = 0;
      for (size_t i = 0; i < s.x.size(); ++i)
        finite += std::isfinite(s.x[i]) && std::isfinite(s.y[i]);
      if (finite > 60) continue;
      for (size_t i = 0; i < s.x.size(); ++i) {
        if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (o.log_y && s.y[i] <= 0)) continue;
        cairo_arc(cr, x.map(s.x[i], f.left, f.right), y.map(s.y[i], f.bottom, f.top), 3.5, 0,
                  2 * M_PI);
        cairo_fill(cr);
      }
    }
    cairo_restore(cr);
    // legend
    cairo_set_font_size(cr, 12);
    double ly = f.top + 16;
    for (size_t k = 0; k < series.size(); ++k) {
      if (series[k].label.empty()) continue;
      const Rgb c = kPalette[k % 8];
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_rectangle(cr, f.right - 170, ly - 9, 14, 4);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
      cairo_move_to(cr, f.right - 150, ly - 3);
      cairo_show_text(cr, series[k].label.c_str());
      ly += 18;
    }
  });
}

void save_line_chart(const std::string& path, const std::vector<Series>& series,
                     const ChartOptions& options) {
  write_plot(path, render_line_chart(format_of(path), series, options));
}

void save_histogram(const std::string& path, const std::vector<double>& values, int bins,
                    const ChartOptions& o) {
  if (bins < 1) throw usage_error("histogram bins = " + std::to_string(bins) + ": must be >= 1");
  double lo = INFINITY, hi = -INFINITY;
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (!(lo < hi)) hi = lo + 1;
  std::vector<double> counts(static_cast<size_t>(bins), 0);
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    int b = std::min(bins - 1, static_cast<int>((v - lo) / (hi - lo) * bins));
    counts[static_cast<size_t>(b)] += 1;
  }
  const double cmax = *std::max_element(counts.begin(), counts.end());
  const Axis x{lo, hi}, y{0, std::max(1.0, cmax * 1.08)};
  write_plot(path, render(format_of(path), o, [&](cairo_t* cr, const Frame& f) {
               draw_axes(cr, f, x, y, true);
               const Rgb c = kPalette[0];
               cairo_set_source_rgb(cr, c.r, c.g, c.b);
               for (int b = 0; b < bins; ++b) {
                 double x0 = x.map(lo + (hi - lo) * b / bins, f.left, f.right);
                 double x1 = x.map(lo + (hi - lo) * (b + 1) / bins, f.left, f.right);
                 double y0 = y.map(counts[static_cast<size_t>(b)], f.bottom, f.top);
                 cairo_rectangle(cr, x0 + 0.5, y0, std::max(0.5, x1 - x0 - 1), f.bottom - y0);
               }
               cairo_fill(cr);
             }));
}

void save_bar_chart(const std::string& path, const std::vector<std::string>& labels,
                    const std::vector<double>& values, const ChartOptions& o) {
  if (labels.size() != values.size()) throw Error("bar chart: labels and values differ in length");
  double hi = 0;
  for (double v : values) hi = std::max(hi, v);
  const Axis y{0, std::max(hi * 1.08, 1e-9)};
  write_plot(path, render(format_of(path), o, [&](cairo_t* cr, const Frame& f) {
               draw_axes(cr, f, Axis{0, 1}, y, false);
               const double w = (f.right - f.left) / std::max<size_t>(values.size(), 1);
               cairo_set_font_size(cr, std::min(11.0, std::max(6.0, w * 0.6)));
               for (size_t i = 0; i < values.size(); ++i) {
                 const Rgb c = kPalette[0];
                 cairo_set_source_rgb(cr, c.r, c.g, c.b);
                 double y0 = y.map(values[i], f.bottom, f.top);
                 cairo_rectangle(cr, f.left + i * w + w * 0.1, y0, w * 0.8, f.bottom - y0);
                 cairo_fill(cr);
                 cairo_save(cr);
                 cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
                 cairo_move_to(cr, f.left + i * w + w * 0.6, f.bottom + 6);
                 cairo_rotate(cr, M_PI / 4);
                 cairo_show_text(cr, labels[i].c_str());
                 cairo_restore(cr);
               }
             }));
}

void save_heatmap(const std::string& path, const std::vector<std::vector<double>>& matrix,
                  const std::vector<std::string>& row_labels,
                  const std::vector<std::string>& col_labels, const ChartOptions& o) {
  const size_t rows = matrix.size(), cols = rows ? matrix[0].size() : 0;
  if (row_labels.size() != rows || col_labels.size() != cols)
    throw Error("heatmap: label counts do not match the matrix shape");
  double hi = 0;
  for (const auto& r : matrix) {
    if (r.size() != cols) throw Error("heatmap: rows have different lengths");
    for (double v : r) hi = std::max(hi, v);
  }
  ChartOptions oo = o;
  write_plot(path, render(format_of(path), oo, [&](cairo_t* cr, const Frame& frame) {
               Frame f = frame;
               f.left = 140;
               const double cw = (f.right - f.left) / std::max<size_t>(cols, 1);
               const double ch = (f.bottom - f.top) / std::max<size_t>(rows, 1);
               cairo_set_font_size(cr, std::min(11.0, std::max(6.0, ch * 0.7)));
               for (size_t r = 0; r < rows; ++r) {
                 for (size_t c = 0; c < cols; ++c) {
                   double t = hi > 0 ? matrix[r][c] / hi : 0;
                   cairo_set_source_rgb(cr, 1 - 0.9 * t, 1 - 0.55 * t, 1 - 0.3 * t);
                   cairo_rectangle(cr, f.left + c * cw, f.top + r * ch, cw, ch);
                   cairo_fill(cr);
                 }
                 cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
                 cairo_text_extents_t ext;
                 cairo_text_extents(cr, row_labels[r].c_str(), &ext);
                 cairo_move_to(cr, f.left - ext.width - 4, f.top + r * ch + ch * 0.75);
                 cairo_show_text(cr, row_labels[r].c_str());
               }
               for (size_t c = 0; c < cols; ++c) {
                 cairo_save(cr);
                 cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
                 cairo_move_to(cr, f.left + c * cw + cw * 0.3, f.bottom + 6);
                 cairo_rotate(cr, M_PI / 3);
                 cairo_show_text(cr, col_labels[c].c_str());
                 cairo_restore(cr);
               }
             }));
}

}  // namespace anvil::plot
