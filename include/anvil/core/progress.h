// ProgressBar: a terminal progress bar for long work (count, rate, ETA, and a short status such as
// the current loss). On a terminal it redraws one line; when stderr is not a terminal (CI, logs) it
// prints a plain line at most every `min_log_interval_s` so logs stay readable.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace anvil {

struct ProgressOptions {
  std::string label;        // shown before the bar, e.g. "epoch 3/20"
  std::string unit = "it";  // rate unit: "it/s", "rec/s"
  double min_redraw_interval_s = 0.1;
  double min_log_interval_s = 10.0;  // non-terminal output
  bool enabled = true;
  FILE* stream = stderr;
  // Work already done before this bar starts (a resumed epoch): shown in the count and the
  // percentage, left out of the rate and the ETA.
  int64_t already_done = 0;
};

class ProgressBar {
 public:
  ProgressBar(int64_t total, ProgressOptions options);
  ~ProgressBar();

  // Advances by `n` and redraws if due.
  void update(int64_t n = 1);
  // Sets the status text shown after the bar (e.g. "loss 0.412").
  void set_status(std::string status);
  // Draws the final state and ends the line. Called by the destructor if not called before.
  void finish();

  double elapsed_seconds() const;
  int64_t done() const { return done_; }

 private:
  void draw(bool final_draw);

  int64_t total_;
  int64_t done_ = 0;
  int64_t done_at_start_ = 0;
  ProgressOptions options_;
  std::string status_;
  bool is_tty_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// Formats seconds as "1h02m", "3m05s" or "12.3s".
std::string format_duration(double seconds);

}  // namespace anvil
