// TensorBoard event files written by hand (docs/formats.md §4), so `tensorboard --logdir runs/`
// shows anvil's runs: scalars, histograms (e.g. of weights) and text. One writer owns one file
// named events.out.tfevents.<time>.<host>.<pid>.<counter> in `logdir`; records are buffered and
// reach the file on flush() (and at close/destruction). Not thread-safe: one writer per thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anvil::track {

// A histogram as TensorBoard stores it: bucket_limit[i] is the right edge of bucket i and
// bucket[i] its count; both the same length.
struct Histogram {
  double min = 0, max = 0, num = 0, sum = 0, sum_squares = 0;
  std::vector<double> bucket_limit;
  std::vector<double> bucket;
};

// `bins` equal-width buckets between the min and max of `values` (non-finite values skipped).
Histogram make_histogram(const float* values, size_t n, int bins = 30);

// --- Encoding (exposed for tests and for other writers) --------------------------------------
// One TFRecord: u64 LE length | masked CRC32C of the length bytes | data | masked CRC32C of data.
std::string frame_record(std::string_view data);
// Event{wall_time, file_version = "brain.Event:2"}: always the first record of a file.
std::string encode_file_version_event(double wall_time);
// Event{wall_time, step, summary{value{tag, simple_value}}}.
std::string encode_scalar_event(double wall_time, int64_t step, const std::string& tag,
                                float value);
std::string encode_histogram_event(double wall_time, int64_t step, const std::string& tag,
                                   const Histogram& histogram);
// Text plugin: Value{tag, metadata{plugin_data{plugin_name "text"}}, tensor{DT_STRING, [text]}}.
std::string encode_text_event(double wall_time, int64_t step, const std::string& tag,
                              const std::string& text);

struct EventFileWriterOptions {
  explicit EventFileWriterOptions(std::string dir) : logdir(std::move(dir)) {}
  std::string logdir;            // required; created if missing
  std::string filename_suffix;   // appended to the file name
  size_t flush_bytes = 1 << 16;  // buffered bytes that trigger a write to the file
  void validate() const;
};

class EventFileWriter {
 public:
  explicit EventFileWriter(EventFileWriterOptions options);
  ~EventFileWriter();
  EventFileWriter(const EventFileWriter&) = delete;
  EventFileWriter& operator=(const EventFileWriter&) = delete;

  // wall_time < 0 means now.
  void add_scalar(const std::string& tag, double value, int64_t step, double wall_time = -1);
  void add_histogram(const std::string& tag, const Histogram& histogram, int64_t step,
                     double wall_time = -1);
  void add_text(const std::string& tag, const std::string& text, int64_t step,
                double wall_time = -1);
  // Writes buffered records to the file and flushes it (readers see them).
  void flush();
  void close();

  const std::string& path() const { return path_; }

 private:
  void append(const std::string& event);

  EventFileWriterOptions options_;
  std::string path_;
  std::string buffer_;
  FILE* file_ = nullptr;
};

}  // namespace anvil::track
