// TensorBoard events: proto3 encoding of Event/Summary/HistogramProto/TensorProto and TFRecord
// framing, then a buffered event file (docs/formats.md §4).
#include "anvil/track/tensorboard_writer.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/protobuf_encoder.h"
#include "anvil/track/crc32c.h"
#include "anvil/track/tensorboard_format.h"

namespace anvil::track {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void put_le(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Event{wall_time, step (omitted when 0, as proto3 does), summary{value{<value>}}}.
std::string encode_summary_event(double wall_time, int64_t step, const std::string& value) {
  ProtoEncoder summary;
  summary.field_bytes(tb::kSummaryValue, value);
  ProtoEncoder event;
  event.field_double(tb::kEventWallTime, wall_time);
  if (step != 0) event.field_varint(tb::kEventStep, static_cast<uint64_t>(step));
  event.field_bytes(tb::kEventSummary, summary.bytes());
  return event.take();
}

std::string host_name() {
  char buf[256] = {0};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "localhost";
  return buf;
}

}  // namespace

std::string frame_record(std::string_view data) {
  std::string out;
  out.reserve(data.size() + tb::kHeaderBytes + tb::kCrcBytes);
  put_le(out, data.size(), tb::kLengthBytes);
  put_le(out, mask_crc(crc32c(out)), tb::kCrcBytes);
  out.append(data.data(), data.size());
  put_le(out, mask_crc(crc32c(data)), tb::kCrcBytes);
  return out;
}

std::string encode_file_version_event(double wall_time) {
  ProtoEncoder event;
  event.field_double(tb::kEventWallTime, wall_time);
  event.field_bytes(tb::kEventFileVersion, tb::kFileVersion);
  return event.take();
}

std::string encode_scalar_event(double wall_time, int64_t step, const std::string& tag,
                                float value) {
  ProtoEncoder v;
  v.field_bytes(tb::kValueTag, tag);
  v.field_float(tb::kValueSimpleValue, value);
  return encode_summary_event(wall_time, step, v.bytes());
}

std::string encode_histogram_event(double wall_time, int64_t step, const std::string& tag,
                                   const Histogram& h) {
  if (h.bucket.size() != h.bucket_limit.size())
    throw Error("histogram '" + tag + "': " + std::to_string(h.bucket.size()) + " buckets but " +
                std::to_string(h.bucket_limit.size()) + " limits");
  ProtoEncoder histo;
  histo.field_double(tb::kHistoMin, h.min);
  histo.field_double(tb::kHistoMax, h.max);
  histo.field_double(tb::kHistoNum, h.num);
  histo.field_double(tb::kHistoSum, h.sum);
  histo.field_double(tb::kHistoSumSquares, h.sum_squares);
  histo.field_packed_doubles(tb::kHistoBucketLimit, h.bucket_limit);
  histo.field_packed_doubles(tb::kHistoBucket, h.bucket);
  ProtoEncoder v;
  v.field_bytes(tb::kValueTag, tag);
  v.field_bytes(tb::kValueHisto, histo.bytes());
  return encode_summary_event(wall_time, step, v.bytes());
}

std::string encode_text_event(double wall_time, int64_t step, const std::string& tag,
                              const std::string& text) {
  ProtoEncoder plugin;
  plugin.field_bytes(tb::kPluginName, "text");
  ProtoEncoder metadata;
  metadata.field_bytes(tb::kMetadataPluginData, plugin.bytes());
  ProtoEncoder tensor;
  tensor.field_varint(tb::kTensorDtype, tb::kDtypeString);
  tensor.field_bytes(tb::kTensorShape, "");  // empty shape: a scalar
  tensor.field_bytes(tb::kTensorStringVal, text);
  ProtoEncoder v;
  v.field_bytes(tb::kValueTag, tag);
  v.field_bytes(tb::kValueMetadata, metadata.bytes());
  v.field_bytes(tb::kValueTensor, tensor.bytes());
  return encode_summary_event(wall_time, step, v.bytes());
}

Histogram make_histogram(const float* values, size_t n, int bins) {
  if (bins < 1) throw Error("make_histogram: bins = " + std::to_string(bins) + ", must be >= 1");
  Histogram h;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (size_t i = 0; i < n; ++i) {
    const double v = values[i];
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    h.num += 1;
    h.sum += v;
    h.sum_squares += v * v;
  }
  if (h.num == 0) return h;
  h.min = lo;
  h.max = hi;
  const double width = hi > lo ? (hi - lo) / bins : 1.0;
  h.bucket.assign(bins, 0.0);
  for (int b = 0; b < bins; ++b) h.bucket_limit.push_back(lo + width * (b + 1));
  h.bucket_limit.back() = std::max(hi, lo + width * bins);
  for (size_t i = 0; i < n; ++i) {
    const double v = values[i];
    if (!std::isfinite(v)) continue;
    int b = static_cast<int>((v - lo) / width);
    h.bucket[std::min(std::max(b, 0), bins - 1)] += 1;
  }
  return h;
}

void EventFileWriterOptions::validate() const {
  if (logdir.empty()) throw Error("EventFileWriterOptions.logdir is empty");
  if (flush_bytes == 0) throw Error("EventFileWriterOptions.flush_bytes = 0: must be > 0");
}

EventFileWriter::EventFileWriter(EventFileWriterOptions options) : options_(std::move(options)) {
  options_.validate();
  ensure_directory(options_.logdir);
  // Counter: two writers in one process and second never share a name.
  static std::atomic<int> counter{0};
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%010lld", static_cast<long long>(now_seconds()));
  path_ = options_.logdir + "/events.out." + tb::kFileMarker + "." + stamp + "." + host_name() +
          "." + std::to_string(::getpid()) + "." + std::to_string(counter++) +
          options_.filename_suffix;
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_)
    throw Error("cannot create TensorBoard event file '" + path_ + "': " + std::strerror(errno));
  append(encode_file_version_event(now_seconds()));
  flush();
}

EventFileWriter::~EventFileWriter() {
  try {
    close();
  } catch (...) {
    // Destructors never throw; close() explicitly to see write errors.
  }
}

void EventFileWriter::append(const std::string& event) {
  if (!file_) throw Error("TensorBoard event file '" + path_ + "' is closed");
  buffer_ += frame_record(event);
  if (buffer_.size() >= options_.flush_bytes) flush();
}

void EventFileWriter::add_scalar(const std::string& tag, double value, int64_t step,
                                 double wall_time) {
  append(encode_scalar_event(wall_time < 0 ? now_seconds() : wall_time, step, tag,
                             static_cast<float>(value)));
}

void EventFileWriter::add_histogram(const std::string& tag, const Histogram& histogram,
                                    int64_t step, double wall_time) {
  append(encode_histogram_event(wall_time < 0 ? now_seconds() : wall_time, step, tag, histogram));
}

void EventFileWriter::add_text(const std::string& tag, const std::string& text, int64_t step,
                               double wall_time) {
  append(encode_text_event(wall_time < 0 ? now_seconds() : wall_time, step, tag, text));
}

void EventFileWriter::flush() {
  if (!file_) return;
  if (!buffer_.empty()) {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw Error("cannot write TensorBoard event file '" + path_ + "': " + std::strerror(errno));
    buffer_.clear();
  }
  if (std::fflush(file_) != 0)
    throw Error("cannot write TensorBoard event file '" + path_ + "': " + std::strerror(errno));
}

void EventFileWriter::close() {
  if (!file_) return;
  try {
    flush();
  } catch (...) {
    std::fclose(file_);  // never leak the handle, even when the last write failed
    file_ = nullptr;
    throw;
  }
  const bool failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed) throw Error("cannot close TensorBoard event file '" + path_ + "'");
}

}  // namespace anvil::track
