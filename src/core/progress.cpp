// Progress bar drawing.
#include "anvil/core/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace anvil {

std::string format_duration(double seconds) {
  char buf[32];
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  } else if (seconds < 3600) {
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(seconds) / 3600,
                  (static_cast<int>(seconds) % 3600) / 60);
  }
  return buf;
}

ProgressBar::ProgressBar(int64_t total, ProgressOptions options)
    : total_(std::max<int64_t>(total, 0)),
      done_(std::max<int64_t>(options.already_done, 0)),
      done_at_start_(done_),
      options_(std::move(options)),
      is_tty_(options_.stream && ::isatty(::fileno(options_.stream))),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

double ProgressBar::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::update(int64_t n) {
  done_ += n;
  if (!options_.enabled || finished_) return;
  auto now = std::chrono::steady_clock::now();
  double since = std::chrono::duration<double>(now - last_draw_).count();
  double interval = is_tty_ ? options_.min_redraw_interval_s : options_.min_log_interval_s;
  if (since >= interval) {
    last_draw_ = now;
    draw(false);
  }
}

void ProgressBar::set_status(std::string status) { status_ = std::move(status); }

void ProgressBar::finish() {
  if (finished_) return;
  finished_ = true;
  if (options_.enabled) draw(true);
}

void ProgressBar::draw(bool final_draw) {
  const double elapsed = elapsed_seconds();
  const double rate = elapsed > 0 ? static_cast<double>(done_ - done_at_start_) / elapsed : 0.0;
  const double frac = total_ > 0 ? std::min(1.0, static_cast<double>(done_) / total_) : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done_) / rate : NAN;
  constexpr int kWidth = 24;
  std::string bar;
  int filled = static_cast<int>(frac * kWidth);
  for (int i = 0; i < kWidth; ++i) bar += i < filled ? "#" : (i == filled ? ">" : ".");
  char line[512];
  std::snprintf(line, sizeof line, "%s [%s] %3d%% %lld/%lld %.1f %s/s %s %s%s%s",
                options_.label.c_str(), final_draw ? std::string(kWidth, '#').c_str() : bar.c_str(),
                static_cast<int>(std::round(frac * 100)), static_cast<long long>(done_),
                static_cast<long long>(total_), rate, options_.unit.c_str(),
                final_draw ? "in" : "ETA", format_duration(final_draw ? elapsed : eta).c_str(),
                status_.empty() ? "" : " | ", status_.c_str());
  if (is_tty_) {
    std::fprintf(options_.stream, "\r\033[K%s%s", line, final_draw ? "\n" : "");
  } else {
    std::fprintf(options_.stream, "%s\n", line);
  }
  std::fflush(options_.stream);
}

}  // namespace anvil
