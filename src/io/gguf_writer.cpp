// GGUF writer: header, metadata KV pairs, tensor infos, then tensor data in tensor-info order,
// every tensor (the last included) zero-padded to the alignment. Everything is validated before a
// byte is produced, so a bad input never leaves a partial file. Layout: docs/formats.md §2.1.
#include <algorithm>
#include <cstring>
#include <set>
#include <type_traits>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/gguf.h"

namespace anvil::io {
namespace {

// Appends little-endian encodings to a byte string.
class ByteSink {
 public:
  template <typename T>
  void put(T x) {
    static_assert(std::is_trivially_copyable_v<T>);
    unsigned char b[sizeof(T)];
    std::memcpy(b, &x, sizeof(T));
    if (!kLittleEndianHost) std::reverse(b, b + sizeof(T));
    out_.append(reinterpret_cast<const char*>(b), sizeof(T));
  }
  void put_string(std::string_view s) {
    put<uint64_t>(s.size());
    out_.append(s);
  }
  void put_zeros(size_t n) { out_.append(n, '\0'); }
  void append(std::string_view bytes) { out_.append(bytes); }
  size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }
  void reserve(size_t n) { out_.reserve(n); }

 private:
  static inline const bool kLittleEndianHost = [] {
    const uint16_t one = 1;
    unsigned char b;
    std::memcpy(&b, &one, 1);
    return b == 1;
  }();
  std::string out_;
};

void check_key(const std::string& key) {
  if (key.empty()) throw Error("GGUF metadata key is empty");
  if (key.size() > kGgufMaxKeyLength)
    throw Error("GGUF metadata key '" + key.substr(0, 64) + "...' is " +
                std::to_string(key.size()) + " bytes, more than 65535");
  for (unsigned char c : key)
    if (c < 0x20 || c > 0x7e)
      throw Error("GGUF metadata key '" + key + "' must be printable ASCII");
}

void check_value(const std::string& key, const GgufValue& v) {
  if (v.type() == GgufValueType::kString && v.as_string().size() > kGgufMaxStringLength)
    throw Error("GGUF metadata '" + key + "': string longer than 1 GiB");
  if (v.type() != GgufValueType::kArray) return;
  const GgufArray& a = v.as_array();
  if (a.element_type == GgufValueType::kArray)
    throw Error("GGUF metadata '" + key + "': arrays of arrays are not readable by ggml");
  if (static_cast<uint32_t>(a.element_type) >= kGgufValueTypeCount)
    throw Error("GGUF metadata '" + key + "': invalid array element type");
  if (a.items.size() > kGgufMaxArrayCount)
    throw Error("GGUF metadata '" + key + "': array of " + std::to_string(a.items.size()) +
                " elements, more than 2^30");
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (a.items[i].type() != a.element_type)
      throw Error("GGUF metadata '" + key + "': element " + std::to_string(i) + " is " +
                  std::string(gguf_value_type_name(a.items[i].type())) + ", array holds " +
                  std::string(gguf_value_type_name(a.element_type)));
    check_value(key, a.items[i]);
  }
}

void put_value(ByteSink& out, const GgufValue& v) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out.put_string(x);
        } else if constexpr (std::is_same_v<T, GgufArray>) {
          out.put<uint32_t>(static_cast<uint32_t>(x.element_type));
          out.put<uint64_t>(x.items.size());
          for (const auto& item : x.items) put_value(out, item);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.put<uint8_t>(x ? 1 : 0);
        } else {
          out.put<T>(x);
        }
      },
      v.storage());
}

// Validates the tensor list; returns each tensor's offset within the data section.
std::vector<uint64_t> plan_tensors(const GgufFile& file, uint32_t alignment, uint64_t* data_size) {
  std::set<std::string> names;
  std::vector<uint64_t> offsets;
  uint64_t offset = 0;
  for (const auto& t : file.tensors) {
    const std::string where = "GGUF tensor '" + t.name + "'";
    if (t.name.empty()) throw Error("GGUF tensor name is empty");
    if (t.name.size() > kGgufMaxTensorNameLength)
      throw Error(where + ": name is " + std::to_string(t.name.size()) +
                  " bytes, ggml allows at most 63");
    if (!names.insert(t.name).second) throw Error(where + ": duplicate tensor name");
    if (t.dims.empty() || t.dims.size() > static_cast<size_t>(kGgufMaxDims))
      throw Error(where + ": " + std::to_string(t.dims.size()) + " dims, expected 1 to 4");
    if (!ggml_type_info(static_cast<uint32_t>(t.type)))
      throw Error(where + ": unsupported ggml type " +
                  std::to_string(static_cast<uint32_t>(t.type)));
    const uint64_t nbytes =
        with_context(where, [&] { return gguf_tensor_byte_size(t.type, t.dims); });
    if (t.bytes.size() != nbytes)
      throw Error(where + ": " + std::to_string(t.bytes.size()) + " bytes of data, expected " +
                  std::to_string(nbytes) + " for " + std::string(ggml_type_name(t.type)) + " " +
                  format_gguf_dims(t.dims));
    offsets.push_back(offset);
    offset += gguf_align(nbytes, alignment);
  }
  *data_size = offset;
  return offsets;
}

}  // namespace

std::string serialize_gguf(const GgufFile& file) {
  std::set<std::string> keys;
  for (const auto& kv : file.metadata) {
    check_key(kv.key);
    if (!keys.insert(kv.key).second) throw Error("GGUF metadata: duplicate key '" + kv.key + "'");
    check_value(kv.key, kv.value);
  }
  const uint32_t alignment = file.alignment();
  uint64_t data_size = 0;
  const std::vector<uint64_t> offsets = plan_tensors(file, alignment, &data_size);

  ByteSink out;
  out.append(kGgufMagic);
  out.put<uint32_t>(kGgufVersion);
  out.put<uint64_t>(file.tensors.size());
  out.put<uint64_t>(file.metadata.size());
  for (const auto& kv : file.metadata) {
    out.put_string(kv.key);
    out.put<uint32_t>(static_cast<uint32_t>(kv.value.type()));
    put_value(out, kv.value);
  }
  for (size_t i = 0; i < file.tensors.size(); ++i) {
    const GgufTensor& t = file.tensors[i];
    out.put_string(t.name);
    out.put<uint32_t>(static_cast<uint32_t>(t.dims.size()));
    for (uint64_t d : t.dims) out.put<uint64_t>(d);
    out.put<uint32_t>(static_cast<uint32_t>(t.type));
    out.put<uint64_t>(offsets[i]);
  }
  out.put_zeros(gguf_align(out.size(), alignment) - out.size());
  if (!file.tensors.empty()) {
    out.reserve(out.size() + data_size);
    for (const auto& t : file.tensors) {
      out.append(t.bytes);
      out.put_zeros(gguf_align(t.bytes.size(), alignment) - t.bytes.size());
    }
  }
  return out.take();
}

void write_gguf(const std::string& path, const GgufFile& file) {
  const std::string bytes = with_context("writing " + path, [&] { return serialize_gguf(file); });
  write_file_atomic(path, bytes);
}

}  // namespace anvil::io
