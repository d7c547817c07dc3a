// safetensors reader: every check of the reference `read_metadata` + `Metadata::validate`, in the
// same order (docs/formats.md §1.4), so anvil rejects exactly the files the reference rejects.
// Messages carry the reference error name in parentheses for cross-reference.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/utf8.h"
#include "anvil/io/safetensors.h"

namespace anvil::io {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// A header entry before validation; numbers kept as the u64 the reference uses.
struct RawTensor {
  std::string name;
  DType dtype;
  std::vector<uint64_t> shape;
  uint64_t begin;
  uint64_t end;
};

struct RawHeader {
  std::map<std::string, std::string> metadata;
  std::vector<RawTensor> tensors;
};

std::string type_name(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "an unknown value";
}

std::string number_text(const element& e) {
  if (e.is_int64()) return std::to_string(int64_t(e.get_int64()));
  if (e.is_uint64()) return std::to_string(uint64_t(e.get_uint64()));
  if (e.is_double()) return std::to_string(double(e.get_double()));
  return type_name(e.type());
}

// Header schema errors: the reference maps them all to InvalidHeaderDeserialization.
[[noreturn]] void schema_error(const std::string& what) {
  throw Error("invalid header: " + what + " (InvalidHeaderDeserialization)");
}

uint64_t header_u64(const element& e, const std::string& what) {
  uint64_t value;
  if (e.get_uint64().get(value) != simdjson::SUCCESS) {
    schema_error(what + " must be a non-negative integer, found " + number_text(e));
  }
  return value;
}

std::map<std::string, std::string> parse_metadata(const element& value) {
  std::map<std::string, std::string> out;
  if (value.is_null()) return out;  // Option<HashMap> accepts null as "absent"
  simdjson::dom::object obj;
  if (value.get_object().get(obj) != simdjson::SUCCESS) {
    schema_error("\"__metadata__\" must be an object of strings, found " + type_name(value.type()));
  }
  for (auto field : obj) {
    std::string key(field.key);
    std::string_view text;
    if (field.value.get_string().get(text) != simdjson::SUCCESS) {
      schema_error("\"__metadata__\" value for key '" + key + "' must be a string, found " +
                   type_name(field.value.type()));
    }
    if (!out.emplace(key, std::string(text)).second) {
      schema_error("duplicate key '" + key + "' in \"__metadata__\"");
    }
  }
  return out;
}

RawTensor parse_tensor_entry(std::string name, const element& value) {
  const std::string label = "tensor '" + name + "'";
  simdjson::dom::object obj;
  if (value.get_object().get(obj) != simdjson::SUCCESS) {
    schema_error(label + " must be an object, found " + type_name(value.type()));
  }
  RawTensor t{std::move(name), DType::kF32, {}, 0, 0};
  bool has_dtype = false, has_shape = false, has_offsets = false;
  for (auto field : obj) {
    bool* seen = nullptr;
    if (field.key == "dtype") {
      seen = &has_dtype;
      std::string_view text;
      if (field.value.get_string().get(text) != simdjson::SUCCESS) {
        schema_error(label + ": dtype must be a string, found " + type_name(field.value.type()));
      }
      auto dtype = dtype_from_name(text);
      if (!dtype) schema_error(label + ": unknown dtype \"" + std::string(text) + "\"");
      t.dtype = *dtype;
    } else if (field.key == "shape") {
      seen = &has_shape;
      simdjson::dom::array dims;
      if (field.value.get_array().get(dims) != simdjson::SUCCESS) {
        schema_error(label + ": shape must be an array, found " + type_name(field.value.type()));
      }
      t.shape.clear();
      for (element dim : dims) {
        t.shape.push_back(
            header_u64(dim, label + ": shape[" + std::to_string(t.shape.size()) + "]"));
      }
    } else if (field.key == "data_offsets") {
      seen = &has_offsets;
      simdjson::dom::array offsets;
      if (field.value.get_array().get(offsets) != simdjson::SUCCESS || offsets.size() != 2) {
        schema_error(
            label + ": data_offsets must be an array [BEGIN, END], found " +
            (field.value.is_array()
                 ? "an array of " + std::to_string(field.value.get_array().size()) + " values"
                 : type_name(field.value.type())));
      }
      t.begin = header_u64(offsets.at(0).value_unsafe(), label + ": data_offsets[0]");
      t.end = header_u64(offsets.at(1).value_unsafe(), label + ": data_offsets[1]");
    } else {
      continue;  // unknown fields are ignored, as in the reference (no deny_unknown_fields)
    }
    if (*seen) schema_error(label + ": duplicate field '" + std::string(field.key) + "'");
    *seen = true;
  }
  if (!has_dtype) schema_error(label + ": missing field 'dtype'");
  if (!has_shape) schema_error(label + ": missing field 'shape'");
  if (!has_offsets) schema_error(label + ": missing field 'data_offsets'");
  return t;
}

// simdjson accepts raw control bytes (NUL included) inside strings and after the document; JSON and
// serde_json do not. Returns the offset of the first control byte outside the grammar: any byte
// below 0x20 inside a string, or one other than tab, LF and CR outside.
std::optional<size_t> find_stray_control_byte(std::string_view text) {
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped byte cannot end the string; an escaped control byte is still caught
        if (i < text.size() && static_cast<unsigned char>(text[i]) < 0x20) return i;
      } else if (c == '"') {
        in_string = false;
      } else if (c < 0x20) {
        return i;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return i;
    }
  }
  return std::nullopt;
}

RawHeader parse_header_json(std::string_view text) {
  if (auto bad = find_stray_control_byte(text)) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), "0x%02x", static_cast<unsigned char>(text[*bad]));
    throw Error("header is not valid JSON: control byte " + std::string(hex) + " at byte " +
                std::to_string(kSafetensorsLengthBytes + *bad) + " (InvalidHeaderDeserialization)");
  }
  simdjson::dom::parser parser;
  element doc;
  if (auto err = parser.parse(text.data(), text.size()).get(doc)) {
    throw Error(std::string("header is not valid JSON: ") + simdjson::error_message(err) +
                " (InvalidHeaderDeserialization)");
  }
  simdjson::dom::object root;
  if (doc.get_object().get(root) != simdjson::SUCCESS) {
    schema_error("the header must be a JSON object, found " + type_name(doc.type()));
  }
  RawHeader header;
  std::set<std::string> keys;
  for (auto field : root) {
    std::string key(field.key);
    if (!keys.insert(key).second) schema_error("duplicate key '" + key + "'");
    if (key == kSafetensorsMetadataKey) {
      header.metadata = parse_metadata(field.value);
    } else {
      header.tensors.push_back(parse_tensor_entry(std::move(key), field.value));
    }
  }
  return header;
}

std::string offsets_text(const RawTensor& t) {
  return "data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) + "]";
}

std::string raw_shape_text(const std::vector<uint64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

// Metadata::validate: offsets contiguous from 0 in offset order, sizes match dtype x shape.
// Returns the end of the data buffer the tensors claim.
uint64_t validate_tensors(std::vector<RawTensor>& tensors) {
  std::stable_sort(tensors.begin(), tensors.end(), [](const RawTensor& a, const RawTensor& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  uint64_t start = 0;
  const RawTensor* previous = nullptr;
  for (const RawTensor& t : tensors) {
    const std::string label = "tensor '" + t.name + "': " + offsets_text(t);
    if (t.begin != start || t.end < t.begin) {
      std::string why;
      if (t.end < t.begin) {
        why = " end before they begin";
      } else if (!previous) {
        why = " must begin at 0, the start of the data buffer";
      } else if (t.begin > start) {
        why = " leave a hole of " + std::to_string(t.begin - start) + " bytes after tensor '" +
              previous->name + "', which ends at " + std::to_string(start);
      } else {
        why = " overlap tensor '" + previous->name + "', which ends at " + std::to_string(start);
      }
      throw Error(label + why + " (InvalidOffset)");
    }
    start = t.end;
    previous = &t;

    const auto bits = static_cast<uint64_t>(dtype_bits(t.dtype));
    const std::string what = std::string(dtype_name(t.dtype)) + " " + raw_shape_text(t.shape);
    uint64_t n = 1;
    bool overflow = false;
    for (uint64_t dim : t.shape) {
      if (dim != 0 && n > std::numeric_limits<uint64_t>::max() / dim) overflow = true;
      n *= dim;
    }
    if (overflow || (n != 0 && bits > std::numeric_limits<uint64_t>::max() / n)) {
      throw Error("tensor '" + t.name + "': " + what + " is too large (ValidationOverflow)");
    }
    if ((n * bits) % 8 != 0) {
      throw Error("tensor '" + t.name + "': " + what + " holds " + std::to_string(n * bits) +
                  " bits, not a whole number of bytes (MisalignedSlice)");
    }
    const uint64_t needed = n * bits / 8;
    if (t.end - t.begin != needed) {
      throw Error(label + " hold " + std::to_string(t.end - t.begin) + " bytes but " + what +
                  " needs " + std::to_string(needed) + " (TensorInvalidInfo)");
    }
  }
  return start;
}

SafetensorsFile parse_file_bytes(std::string_view bytes) {
  // 1. The 8-byte header length.
  if (bytes.size() < kSafetensorsLengthBytes) {
    throw Error("file is " + std::to_string(bytes.size()) + " bytes, too short for the 8-byte " +
                "header length (HeaderTooSmall)");
  }
  uint64_t n = 0;
  for (size_t i = 0; i < kSafetensorsLengthBytes; ++i) {
    n |= uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
  }
  if (n > kSafetensorsMaxHeaderSize) {
    throw Error("header length " + std::to_string(n) + " (bytes 0..8) exceeds the limit of " +
                std::to_string(kSafetensorsMaxHeaderSize) + " (HeaderTooLarge)");
  }
  const uint64_t header_end = kSafetensorsLengthBytes + n;  // no overflow: n <= 1e8
  if (header_end > bytes.size()) {
    throw Error("header length " + std::to_string(n) + " (bytes 0..8) runs past the end of the " +
                "file: the header would end at byte " + std::to_string(header_end) +
                " but the file is " + std::to_string(bytes.size()) +
                " bytes (InvalidHeaderLength)");
  }

  // 2. The header text: UTF-8, then JSON for the schema.
  const std::string_view text = bytes.substr(kSafetensorsLengthBytes, n);
  if (auto bad = find_invalid_utf8(text)) {
    throw Error("header is not valid UTF-8 at byte " +
                std::to_string(kSafetensorsLengthBytes + *bad) + " (InvalidHeader)");
  }
  RawHeader header = parse_header_json(text);

  // 3. Offsets and sizes, then full coverage of the data buffer.
  const uint64_t data_end = validate_tensors(header.tensors);
  const uint64_t file_end_claimed = header_end + data_end;
  if (data_end > bytes.size() - header_end || file_end_claimed != bytes.size()) {
    const bool too_short = data_end > bytes.size() - header_end;
    throw Error(std::string("the data buffer is ") + std::to_string(bytes.size() - header_end) +
                " bytes (file bytes " + std::to_string(header_end) + ".." +
                std::to_string(bytes.size()) + ") but the tensors cover " +
                std::to_string(data_end) +
                (too_short ? ": the file is truncated" : ": trailing bytes after the last tensor") +
                " (MetadataIncompleteBuffer)");
  }

  SafetensorsFile file;
  file.metadata = std::move(header.metadata);
  file.tensors.reserve(header.tensors.size());
  for (RawTensor& raw : header.tensors) {
    TensorData t;
    t.name = std::move(raw.name);
    t.dtype = raw.dtype;
    for (uint64_t dim : raw.shape) {
      if (dim > uint64_t(std::numeric_limits<int64_t>::max())) {
        throw Error("tensor '" + t.name + "': shape dimension " + std::to_string(dim) +
                    " does not fit in int64");
      }
      t.shape.push_back(static_cast<int64_t>(dim));
    }
    t.bytes.assign(bytes.substr(header_end + raw.begin, raw.end - raw.begin));
    file.tensors.push_back(std::move(t));
  }
  return file;
}

}  // namespace

SafetensorsFile parse_safetensors(std::string_view bytes, const std::string& origin) {
  try {
    return parse_file_bytes(bytes);
  } catch (const Error& e) {
    throw e.with_context(origin);
  }
}

SafetensorsFile read_safetensors(const std::string& path) {
  const std::string bytes = read_file(path);
  return parse_safetensors(bytes, path);
}

}  // namespace anvil::io
