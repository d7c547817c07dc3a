// GGUF reader: parses a whole file held in memory. Every read is bounded by the bytes left, every
// size computation is overflow-checked, and each error names the origin (path), the byte offset
// of the field being read and what was expected, in the order ggml's gguf.cpp checks. Layout and
// limits: docs/formats.md §2.1-2.2.
#include <algorithm>
#include <cstring>
#include <set>
#include <type_traits>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/gguf.h"

namespace anvil::io {
namespace {

// Smallest encodings, used to bound counts by the bytes left before allocating anything.
constexpr uint64_t kMinKvBytes = 8 + 1 + 4 + 1;  // key len + 1 byte + type + 1-byte value
constexpr uint64_t kMinTensorInfoBytes =
    8 + 1 + 4 + 8 + 4 + 8;  // name + n_dims + 1 dim + type + offset

class Cursor {
 public:
  Cursor(std::string_view bytes, const std::string& origin) : bytes_(bytes), origin_(origin) {}

  [[noreturn]] void fail(uint64_t at, const std::string& what) const {
    throw Error(origin_ + ": offset " + std::to_string(at) + ": " + what);
  }
  uint64_t pos() const { return pos_; }
  uint64_t left() const { return bytes_.size() - pos_; }

  // Makes sure `n` more bytes exist for `what`.
  void need(uint64_t n, const std::string& what) const {
    if (n > left())
      fail(pos_, "truncated file: expected " + what + " (" + std::to_string(n) +
                     " bytes), but only " + std::to_string(left()) + " bytes remain of " +
                     std::to_string(bytes_.size()));
  }

  template <typename T>
  T read(const std::string& what) {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T), what);
    unsigned char b[sizeof(T)];
    std::memcpy(b, bytes_.data() + pos_, sizeof(T));
    if (!little_endian_host()) std::reverse(b, b + sizeof(T));
    T x;
    std::memcpy(&x, b, sizeof(T));
    pos_ += sizeof(T);
    return x;
  }

  std::string_view read_bytes(uint64_t n, const std::string& what) {
    need(n, what);
    std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  std::string read_string(const std::string& what) {
    const uint64_t at = pos_;
    const uint64_t n = read<uint64_t>("length of " + what);
    if (n > kGgufMaxStringLength)
      fail(at, what + ": string length " + std::to_string(n) + " exceeds the 1 GiB limit");
    if (n > left())
      fail(at, what + ": string length " + std::to_string(n) + " runs past end of file (" +
                   std::to_string(left()) + " bytes remain)");
    return std::string(read_bytes(n, what));
  }

  void seek(uint64_t p) { pos_ = p; }

 private:
  static bool little_endian_host() {
    const uint16_t one = 1;
    unsigned char b;
    std::memcpy(&b, &one, 1);
    return b == 1;
  }
  std::string_view bytes_;
  const std::string& origin_;
  uint64_t pos_ = 0;
};

std::string quoted_printable(std::string_view s) {
  std::string out = "'";
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out + "'";
}

GgufValue read_scalar(Cursor& in, GgufValueType type, const std::string& what) {
  switch (type) {
    case GgufValueType::kUint8:
      return GgufValue::u8(in.read<uint8_t>(what));
    case GgufValueType::kInt8:
      return GgufValue::i8(in.read<int8_t>(what));
    case GgufValueType::kUint16:
      return GgufValue::u16(in.read<uint16_t>(what));
    case GgufValueType::kInt16:
      return GgufValue::i16(in.read<int16_t>(what));
    case GgufValueType::kUint32:
      return GgufValue::u32(in.read<uint32_t>(what));
    case GgufValueType::kInt32:
      return GgufValue::i32(in.read<int32_t>(what));
    case GgufValueType::kFloat32:
      return GgufValue::f32(in.read<float>(what));
    case GgufValueType::kUint64:
      return GgufValue::u64(in.read<uint64_t>(what));
    case GgufValueType::kInt64:
      return GgufValue::i64(in.read<int64_t>(what));
    case GgufValueType::kFloat64:
      return GgufValue::f64(in.read<double>(what));
    case GgufValueType::kBool: {
      const uint64_t at = in.pos();
      const uint8_t b = in.read<uint8_t>(what);
      if (b > 1) in.fail(at, what + ": BOOL byte is " + std::to_string(b) + ", expected 0 or 1");
      return GgufValue::boolean(b == 1);
    }
    case GgufValueType::kString:
      return GgufValue::str(in.read_string(what));
    case GgufValueType::kArray:
      break;
  }
  in.fail(in.pos(), what + ": internal error: not a scalar type");
}

GgufValueType read_value_type(Cursor& in, const std::string& what) {
  const uint64_t at = in.pos();
  const uint32_t code = in.read<uint32_t>(what);
  if (!gguf_value_type_info(code))
    in.fail(at, what + ": invalid GGUF value type " + std::to_string(code) + ", expected 0..12");
  return static_cast<GgufValueType>(code);
}

GgufValue read_value(Cursor& in, GgufValueType type, const std::string& what) {
  if (type != GgufValueType::kArray) return read_scalar(in, type, what);
  const uint64_t type_at = in.pos();
  const GgufValueType element = read_value_type(in, "array element type of " + what);
  if (element == GgufValueType::kArray)
    in.fail(type_at, what + ": invalid GGUF type: arrays of arrays are not supported");
  const uint64_t count_at = in.pos();
  const uint64_t count = in.read<uint64_t>("array length of " + what);
  if (count > kGgufMaxArrayCount)
    in.fail(count_at, what + ": array length " + std::to_string(count) + " exceeds 2^30");
  // Each element takes at least its fixed size (8 bytes for a string's length).
  const uint64_t min_size = element == GgufValueType::kString
                                ? 8
                                : gguf_value_type_info(static_cast<uint32_t>(element))->size;
  if (count * min_size > in.left())
    in.fail(count_at, what + ": array of " + std::to_string(count) + " " +
                          std::string(gguf_value_type_name(element)) + " runs past end of file (" +
                          std::to_string(in.left()) + " bytes remain)");
  std::vector<GgufValue> items;
  items.reserve(count);
  for (uint64_t i = 0; i < count; ++i)
    items.push_back(read_scalar(in, element, what + "[" + std::to_string(i) + "]"));
  return GgufValue::array(element, std::move(items));
}

struct TensorInfo {
  GgufTensor tensor;  // bytes filled in later
  uint64_t offset = 0;
  uint64_t nbytes = 0;
  uint64_t info_at = 0;
};

TensorInfo read_tensor_info(Cursor& in, uint64_t index, std::set<std::string>& names) {
  TensorInfo ti;
  ti.info_at = in.pos();
  const std::string what = "tensor info " + std::to_string(index);
  GgufTensor& t = ti.tensor;
  t.name = in.read_string("name of " + what);
  const std::string where = what + " '" + t.name + "'";
  if (t.name.empty()) in.fail(ti.info_at, what + ": empty tensor name");
  if (t.name.size() > kGgufMaxTensorNameLength)
    in.fail(ti.info_at, where + ": name is " + std::to_string(t.name.size()) +
                            " bytes, expected at most 63 (GGML_MAX_NAME)");
  if (!names.insert(t.name).second) in.fail(ti.info_at, where + ": duplicate tensor name");
  const uint64_t ndims_at = in.pos();
  const uint32_t n_dims = in.read<uint32_t>("n_dims of " + where);
  if (n_dims == 0 || n_dims > static_cast<uint32_t>(kGgufMaxDims))
    in.fail(ndims_at, where + ": n_dims = " + std::to_string(n_dims) + ", expected 1 to 4");
  for (uint32_t d = 0; d < n_dims; ++d) {
    const uint64_t dim_at = in.pos();
    const uint64_t dim = in.read<uint64_t>("dim " + std::to_string(d) + " of " + where);
    if (dim > static_cast<uint64_t>(INT64_MAX))
      in.fail(dim_at, where + ": dim " + std::to_string(d) + " is negative as int64");
    t.dims.push_back(dim);
  }
  try {
    gguf_num_elements(t.dims);
  } catch (const Error& e) {
    in.fail(ndims_at, where + ": " + e.what());
  }
  const uint64_t type_at = in.pos();
  const uint32_t code = in.read<uint32_t>("type of " + where);
  const auto info = ggml_type_info(code);
  if (!info)
    in.fail(type_at, where + ": unknown or unsupported ggml type " + std::to_string(code) +
                         ", expected one of f32(0) f16(1) q4_0(2) q8_0(8) q4_K(12) q6_K(14) "
                         "bf16(30)");
  t.type = info->type;
  if (t.dims[0] % info->block_size != 0)
    in.fail(ndims_at, where + ": ne[0] = " + std::to_string(t.dims[0]) +
                          " is not a multiple of the " + std::string(info->name) + " block size " +
                          std::to_string(info->block_size));
  try {
    ti.nbytes = gguf_tensor_byte_size(t.type, t.dims);
  } catch (const Error& e) {
    in.fail(ndims_at, where + ": " + e.what());
  }
  ti.offset = in.read<uint64_t>("data offset of " + where);
  return ti;
}

}  // namespace

GgufFile parse_gguf(std::string_view bytes, const std::string& origin) {
  Cursor in(bytes, origin);
  GgufFile file;

  const std::string_view magic = in.read_bytes(4, "magic 'GGUF'");
  if (magic != kGgufMagic)
    in.fail(0, "invalid magic " + quoted_printable(magic) + ", expected 'GGUF'");
  const uint32_t version = in.read<uint32_t>("version");
  if ((version & 0xffff) == 0)
    in.fail(4, "version " + std::to_string(version) +
                   " looks byte-swapped: big-endian files are not supported, expected 3");
  if (version == 0 || version == 1)
    in.fail(4, "GGUF version " + std::to_string(version) + " is not supported, expected 3");
  if (version > kGgufVersion)
    in.fail(4, "GGUF version " + std::to_string(version) + " is newer than supported, expected 3");
  file.version = version;

  const int64_t n_tensors = in.read<int64_t>("tensor count");
  if (n_tensors < 0) in.fail(8, "tensor count " + std::to_string(n_tensors) + " is negative");
  const int64_t n_kv = in.read<int64_t>("metadata KV count");
  if (n_kv < 0) in.fail(16, "metadata KV count " + std::to_string(n_kv) + " is negative");
  std::set<std::string> keys;
  // Capped by the bytes left, so a corrupt count cannot make us allocate.
  file.metadata.reserve(static_cast<size_t>(std::min<uint64_t>(n_kv, in.left() / kMinKvBytes)));
  for (int64_t i = 0; i < n_kv; ++i) {
    const uint64_t at = in.pos();
    const std::string what = "metadata KV " + std::to_string(i);
    std::string key = in.read_string("key of " + what);
    if (key.empty()) in.fail(at, what + ": empty key");
    const std::string where = what + " '" + key + "'";
    if (!keys.insert(key).second) in.fail(at, where + ": duplicate key");
    const GgufValueType type = read_value_type(in, "value type of " + where);
    GgufValue value = read_value(in, type, where);
    file.metadata.push_back({std::move(key), std::move(value)});
  }

  uint32_t alignment = kGgufDefaultAlignment;
  try {
    alignment = file.alignment();
  } catch (const Error& e) {
    in.fail(in.pos(), e.what());
  }

  std::set<std::string> names;
  std::vector<TensorInfo> infos;
  infos.reserve(
      static_cast<size_t>(std::min<uint64_t>(n_tensors, in.left() / kMinTensorInfoBytes)));
  uint64_t expected_offset = 0;
  for (int64_t i = 0; i < n_tensors; ++i) {
    TensorInfo ti = read_tensor_info(in, static_cast<uint64_t>(i), names);
    if (ti.offset != expected_offset)
      in.fail(in.pos() - 8, "tensor '" + ti.tensor.name + "': data offset " +
                                std::to_string(ti.offset) + ", expected " +
                                std::to_string(expected_offset) +
                                " (tensor data must follow tensor-info order, each padded to " +
                                std::to_string(alignment) + " bytes)");
    const uint64_t padded = gguf_align(ti.nbytes, alignment);
    if (padded < ti.nbytes || expected_offset > UINT64_MAX - padded)
      in.fail(ti.info_at, "tensor '" + ti.tensor.name + "': data size overflows");
    expected_offset += padded;
    infos.push_back(std::move(ti));
  }

  if (n_tensors > 0) {
    const uint64_t data_start = gguf_align(in.pos(), alignment);
    if (data_start > bytes.size() || expected_offset > bytes.size() - data_start)
      in.fail(data_start, "truncated tensor data: expected " + std::to_string(expected_offset) +
                              " bytes (all tensors, each padded to " + std::to_string(alignment) +
                              ") starting at offset " + std::to_string(data_start) +
                              ", but the file is " + std::to_string(bytes.size()) + " bytes");
    file.tensors.reserve(infos.size());
    for (auto& ti : infos) {
      ti.tensor.bytes.assign(bytes.data() + data_start + ti.offset, ti.nbytes);
      file.tensors.push_back(std::move(ti.tensor));
    }
  }
  return file;
}

GgufFile read_gguf(const std::string& path) { return parse_gguf(read_file(path), path); }

}  // namespace anvil::io
