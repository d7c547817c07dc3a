// safetensors: read and write the Hugging Face tensor file format without LibTorch. The reader is
// strict (it rejects every file the reference `safetensors` crate rejects, in the same check order)
// and its errors name the file, the byte offset or tensor, and expected vs found. The writer emits
// byte-for-byte what the reference writer emits. Format notes: docs/formats.md §1.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/io/safetensors_format.h"

namespace anvil::io {

// One tensor: row-major (C order), little-endian raw bytes that this struct owns.
struct TensorData {
  std::string name;
  DType dtype = DType::kF32;
  std::vector<int64_t> shape;  // [] is a scalar (one element); a 0 anywhere means no elements
  std::string bytes;           // exactly tensor_byte_size(dtype, shape) bytes
};

// A parsed file. `tensors` are in file (data offset) order.
struct SafetensorsFile {
  std::map<std::string, std::string> metadata;  // the "__metadata__" map; empty if absent
  std::vector<TensorData> tensors;

  // The tensor called `name`, or nullptr. Linear search.
  const TensorData* find(std::string_view name) const;
};

// Number of elements of `shape` (1 for []). Throws anvil::Error on a negative dim or overflow.
int64_t shape_num_elements(const std::vector<int64_t>& shape);
// Bytes a tensor of this dtype and shape occupies. Throws anvil::Error on overflow, or when the
// bit count is not a whole number of bytes (possible for F4/F6).
uint64_t tensor_byte_size(DType dtype, const std::vector<int64_t>& shape);
// "[2, 2]" (or "[]"), as used in error messages.
std::string format_shape(const std::vector<int64_t>& shape);

// The complete file contents for `tensors`, as the reference writer lays them out: tensors sorted
// by descending dtype order then name, data back to back from offset 0, "__metadata__" first in the
// header (omitted when `metadata` is empty; transformers expects {"format": "pt"}), header padded
// with spaces to a multiple of 8. Throws anvil::Error on a duplicate or reserved name, invalid
// UTF-8, a byte count that does not match dtype and shape, or a header over 100,000,000 bytes.
std::string serialize_safetensors(const std::vector<TensorData>& tensors,
                                  const std::map<std::string, std::string>& metadata = {});

// serialize_safetensors, written atomically to `path` (see write_file_atomic).
void write_safetensors(const std::string& path, const std::vector<TensorData>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

// Parses and validates a whole file held in `bytes`. `origin` (usually the path) starts every
// error message. Copies tensor data out of `bytes`. Stricter than the reference in three places:
// duplicate JSON keys are rejected (the reference keeps the last), raw control bytes in the header
// are rejected (serde_json does too; simdjson alone would not), and shape dims must fit in int64.
SafetensorsFile parse_safetensors(std::string_view bytes, const std::string& origin);

// Reads and parses the file at `path`.
SafetensorsFile read_safetensors(const std::string& path);

}  // namespace anvil::io
