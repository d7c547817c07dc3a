// TensorBoard event files: the computed examples of docs/formats.md §4 byte for byte, and a
// reader written here from the spec (framing, masked CRCs, proto3 fields) that reads back every
// record the writer produces and rejects corrupted ones.
#include "anvil/track/tensorboard_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

#include "anvil/track/crc32c.h"
#include "support/run_cli.h"

namespace anvil::track {
namespace {

std::string hex(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (unsigned char c : bytes) {
    if (!s.empty()) s += ' ';
    s += kHex[c >> 4];
    s += kHex[c & 15];
  }
  return s;
}

std::string unhex(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '|') {
      ++i;
      continue;
    }
    if (text[i] == '"') {  // a quoted ASCII run
      size_t end = text.find('"', i + 1);
      out += text.substr(i + 1, end - i - 1);
      i = end + 1;
      continue;
    }
    out += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    i += 2;
  }
  return out;
}

// ---- A reader written from the spec, independent of the writer's code ----------------------

uint64_t le(const std::string& b, size_t at, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= uint64_t(static_cast<unsigned char>(b[at + i])) << (8 * i);
  return v;
}

// Splits a TFRecord stream into record payloads; throws on any framing or CRC error.
std::vector<std::string> read_records(const std::string& file) {
  std::vector<std::string> records;
  size_t pos = 0;
  while (pos < file.size()) {
    if (file.size() - pos < 12)
      throw std::runtime_error("truncated header at " + std::to_string(pos));
    const uint64_t len = le(file, pos, 8);
    if (le(file, pos + 8, 4) != mask_crc(crc32c(file.substr(pos, 8))))
      throw std::runtime_error("length CRC mismatch at " + std::to_string(pos));
    if (file.size() - pos - 12 < len + 4) throw std::runtime_error("truncated data");
    std::string data = file.substr(pos + 12, len);
    if (le(file, pos + 12 + len, 4) != mask_crc(crc32c(data)))
      throw std::runtime_error("data CRC mismatch at " + std::to_string(pos));
    records.push_back(data);
    pos += 12 + len + 4;
  }
  return records;
}

struct Field {
  uint32_t number = 0;
  int wire = 0;
  uint64_t varint = 0;  // wire 0, 1 (raw bits) and 5 (raw bits)
  std::string bytes;    // wire 2
};

std::vector<Field> parse_message(const std::string& m) {
  std::vector<Field> fields;
  size_t p = 0;
  auto read_varint = [&]() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (p >= m.size() || shift > 63) throw std::runtime_error("bad varint");
      const auto byte = static_cast<unsigned char>(m[p++]);
      v |= uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
  };
  while (p < m.size()) {
    const uint64_t key = read_varint();
    Field f;
    f.number = static_cast<uint32_t>(key >> 3);
    f.wire = static_cast<int>(key & 7);
    if (f.wire == 0) {
      f.varint = read_varint();
    } else if (f.wire == 1 || f.wire == 5) {
      const int n = f.wire == 1 ? 8 : 4;
      if (m.size() - p < size_t(n)) throw std::runtime_error("truncated fixed field");
      f.varint = le(m, p, n);
      p += n;
    } else if (f.wire == 2) {
      const uint64_t n = read_varint();
      if (m.size() - p < n) throw std::runtime_error("truncated bytes field");
      f.bytes = m.substr(p, n);
      p += n;
    } else {
      throw std::runtime_error("unknown wire type " + std::to_string(f.wire));
    }
    fields.push_back(f);
  }
  return fields;
}

double as_double(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}
float as_float(uint64_t bits) {
  const auto b = static_cast<uint32_t>(bits);
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

const Field* find(const std::vector<Field>& fs, uint32_t number) {
  for (const auto& f : fs)
    if (f.number == number) return &f;
  return nullptr;
}

std::vector<double> packed_doubles(const std::string& b) {
  std::vector<double> v;
  for (size_t i = 0; i + 8 <= b.size(); i += 8) v.push_back(as_double(le(b, i, 8)));
  return v;
}

struct ReadEvent {
  double wall_time = 0;
  int64_t step = 0;
  std::string file_version;
  std::string tag;
  std::optional<float> scalar;
  std::optional<Histogram> histo;
  std::string plugin;
  std::string text;
};

ReadEvent decode_event(const std::string& data) {
  ReadEvent e;
  auto ev = parse_message(data);
  if (auto* f = find(ev, 1)) e.wall_time = as_double(f->varint);
  if (auto* f = find(ev, 2)) e.step = static_cast<int64_t>(f->varint);
  if (auto* f = find(ev, 3)) e.file_version = f->bytes;
  if (auto* summary = find(ev, 5)) {
    auto value = parse_message(find(parse_message(summary->bytes), 1)->bytes);
    e.tag = find(value, 1)->bytes;
    if (auto* f = find(value, 2)) e.scalar = as_float(f->varint);
    if (auto* f = find(value, 5)) {
      auto h = parse_message(f->bytes);
      Histogram out;
      out.min = as_double(find(h, 1)->varint);
      out.max = as_double(find(h, 2)->varint);
      out.num = as_double(find(h, 3)->varint);
      out.sum = as_double(find(h, 4)->varint);
      out.sum_squares = as_double(find(h, 5)->varint);
      out.bucket_limit = packed_doubles(find(h, 6)->bytes);
      out.bucket = packed_doubles(find(h, 7)->bytes);
      e.histo = out;
    }
    if (auto* f = find(value, 9)) {
      auto plugin_data = parse_message(find(parse_message(f->bytes), 1)->bytes);
      e.plugin = find(plugin_data, 1)->bytes;
    }
    if (auto* f = find(value, 8)) {
      auto tensor = parse_message(f->bytes);
      EXPECT_EQ(find(tensor, 1)->varint, 7u);  // DT_STRING
      e.text = find(tensor, 8)->bytes;
    }
  }
  return e;
}

// ---- Tests ---------------------------------------------------------------------------------

TEST(TensorBoardWriter, FileVersionRecordMatchesTheSpecBytes) {
  const std::string expected = unhex(
      "18 00 00 00 00 00 00 00 | a3 7f 4b 22 | 09 00 00 00 40 fc 54 d9 41 1a 0d \"brain.Event:2\" "
      "| "
      "ec ed 8f 9d");
  EXPECT_EQ(hex(frame_record(encode_file_version_event(1700000000.0))), hex(expected));
}

TEST(TensorBoardWriter, ScalarRecordMatchesTheSpecBytes) {
  const std::string expected = unhex(
      "1a 00 00 00 00 00 00 00 | 12 9b d8 2d | 09 00 00 40 40 fc 54 d9 41 10 0a 2a 0d 0a 0b 0a 04 "
      "\"loss\" 15 00 00 00 3f | 5d ca db a0");
  EXPECT_EQ(hex(frame_record(encode_scalar_event(1700000001.0, 10, "loss", 0.5f))), hex(expected));
}

TEST(TensorBoardWriter, WrittenFileReadsBackWithTheSpecReader) {
  anvil::testing::TempDir dir("tb");
  std::string path;
  std::vector<float> weights = {-1.0f, -0.5f, 0.0f, 0.25f, 0.5f, 1.0f, NAN};
  {
    EventFileWriter w(EventFileWriterOptions(dir.path() + "/run1"));
    path = w.path();
    for (int step = 1; step <= 300; ++step)
      w.add_scalar("train/loss", 1.0 / step, step, 1e9 + step);
    w.add_histogram("weights/conv1", make_histogram(weights.data(), weights.size(), 4), 300);
    w.add_text("config", "lr: 0.001", 0);
  }
  EXPECT_NE(std::filesystem::path(path).filename().string().find("tfevents"), std::string::npos);
  auto records = read_records(anvil::testing::read_text(path));
  ASSERT_EQ(records.size(), 1u + 300 + 2);
  EXPECT_EQ(decode_event(records[0]).file_version, "brain.Event:2");
  for (int step = 1; step <= 300; ++step) {
    auto e = decode_event(records[step]);
    ASSERT_EQ(e.tag, "train/loss");
    ASSERT_EQ(e.step, step);
    ASSERT_DOUBLE_EQ(e.wall_time, 1e9 + step);
    ASSERT_FLOAT_EQ(*e.scalar, static_cast<float>(1.0 / step));
  }
  auto h = decode_event(records[301]);
  ASSERT_TRUE(h.histo);
  EXPECT_EQ(h.tag, "weights/conv1");
  EXPECT_EQ(h.histo->num, 6);  // the NaN is skipped
  EXPECT_EQ(h.histo->min, -1.0);
  EXPECT_EQ(h.histo->max, 1.0);
  EXPECT_DOUBLE_EQ(h.histo->sum, 0.25);
  EXPECT_EQ(h.histo->bucket_limit, (std::vector<double>{-0.5, 0.0, 0.5, 1.0}));
  EXPECT_EQ(h.histo->bucket, (std::vector<double>{1, 1, 2, 2}));
  auto t = decode_event(records[302]);
  EXPECT_EQ(t.plugin, "text");
  EXPECT_EQ(t.text, "lr: 0.001");
  EXPECT_EQ(t.step, 0);
}

TEST(TensorBoardWriter, ReaderRejectsEveryCorruptedByte) {
  const std::string good = frame_record(encode_scalar_event(1.0, 3, "acc", 0.75f));
  ASSERT_EQ(read_records(good).size(), 1u);
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= 0x01;
    EXPECT_THROW(read_records(bad), std::runtime_error) << "flipped byte " << i;
  }
  EXPECT_THROW(read_records(good.substr(0, good.size() - 1)), std::runtime_error);
}

TEST(TensorBoardWriter, FlushMakesRecordsVisibleBeforeClose) {
  anvil::testing::TempDir dir("tb");
  EventFileWriter w(EventFileWriterOptions(dir.path()));
  w.add_scalar("loss", 0.5, 1);
  w.flush();
  EXPECT_EQ(read_records(anvil::testing::read_text(w.path())).size(), 2u);
}

TEST(TensorBoardWriter, MismatchedHistogramIsAnError) {
  Histogram h;
  h.bucket = {1, 2};
  h.bucket_limit = {1};
  EXPECT_THROW(encode_histogram_event(0, 1, "w", h), std::exception);
}

}  // namespace
}  // namespace anvil::track
