// safetensors writer: reproduces the reference `prepare`/`serialize` byte for byte (docs/formats.md
// §1.3).
#include <algorithm>
#include <numeric>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/json_string.h"
#include "anvil/core/utf8.h"
#include "anvil/io/safetensors.h"

namespace anvil::io {

namespace {

// serde_json's escaping, as the reference writer produces (shared core escaper).
void append_json_string(std::string& out, std::string_view s) {
  anvil::append_json_string(s, &out);
}

void check_utf8(std::string_view s, const std::string& what) {
  if (auto bad = find_invalid_utf8(s)) {
    throw Error(what + " is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")");
  }
}

void validate_tensors(const std::vector<TensorData>& tensors) {
  std::set<std::string_view> names;
  for (const TensorData& t : tensors) {
    const std::string label = "tensor '" + t.name + "'";
    if (t.name == kSafetensorsMetadataKey) {
      throw Error(label + ": the name is reserved for the metadata map");
    }
    check_utf8(t.name, label + ": name");
    if (!names.insert(t.name).second) throw Error(label + ": duplicate tensor name");
    const uint64_t expected =
        with_context(label, [&] { return tensor_byte_size(t.dtype, t.shape); });
    if (t.bytes.size() != expected) {
      throw Error(label + ": " + std::string(dtype_name(t.dtype)) + " " + format_shape(t.shape) +
                  " needs " + std::to_string(expected) + " bytes but " +
                  std::to_string(t.bytes.size()) + " were given");
    }
  }
}

}  // namespace

std::string serialize_safetensors(const std::vector<TensorData>& tensors,
                                  const std::map<std::string, std::string>& metadata) {
  validate_tensors(tensors);
  for (const auto& [key, value] : metadata) {
    check_utf8(key, "metadata key '" + key + "'");
    check_utf8(value, "metadata value for key '" + key + "'");
  }

  // Descending dtype order (largest alignment first), then name, byte-wise.
  std::vector<size_t> order(tensors.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const TensorData& l = tensors[a];
    const TensorData& r = tensors[b];
    if (l.dtype != r.dtype) return l.dtype > r.dtype;
    return l.name < r.name;
  });

  std::string header = "{";
  bool first = true;
  if (!metadata.empty()) {
    append_json_string(header, kSafetensorsMetadataKey);
    header += ":{";
    for (const auto& [key, value] : metadata) {
      if (!first) header += ',';
      first = false;
      append_json_string(header, key);
      header += ':';
      append_json_string(header, value);
    }
    header += '}';
  }
  uint64_t offset = 0;
  for (size_t index : order) {
    const TensorData& t = tensors[index];
    if (!first) header += ',';
    first = false;
    append_json_string(header, t.name);
    header += ":{\"dtype\":";
    append_json_string(header, dtype_name(t.dtype));
    header += ",\"shape\":[";
    for (size_t i = 0; i < t.shape.size(); ++i) {
      if (i > 0) header += ',';
      header += std::to_string(t.shape[i]);
    }
    header += "],\"data_offsets\":[" + std::to_string(offset) + ',' +
              std::to_string(offset + t.bytes.size()) + "]}";
    offset += t.bytes.size();
  }
  header += '}';
  header.append((kSafetensorsHeaderAlignment - header.size() % kSafetensorsHeaderAlignment) %
                    kSafetensorsHeaderAlignment,
                ' ');
  if (header.size() > kSafetensorsMaxHeaderSize) {
    throw Error("safetensors header would be " + std::to_string(header.size()) +
                " bytes, over the limit of " + std::to_string(kSafetensorsMaxHeaderSize) +
                " (HeaderTooLarge)");
  }

  std::string out;
  out.reserve(kSafetensorsLengthBytes + header.size() + offset);
  const uint64_t n = header.size();
  for (size_t i = 0; i < kSafetensorsLengthBytes; ++i)
    out += static_cast<char>((n >> (8 * i)) & 0xFF);
  out += header;
  for (size_t index : order) out += tensors[index].bytes;
  return out;
}

void write_safetensors(const std::string& path, const std::vector<TensorData>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  const std::string bytes = with_context("cannot write '" + path + "'",
                                         [&] { return serialize_safetensors(tensors, metadata); });
  write_file_atomic(path, bytes);
}

}  // namespace anvil::io
