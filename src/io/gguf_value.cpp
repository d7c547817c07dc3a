// GgufValue, GgufFile and tensor-size helpers shared by the GGUF reader and writer.
#include <cstring>
#include <sstream>

#include "anvil/core/error.h"
#include "anvil/io/gguf.h"

namespace anvil::io {
namespace {

template <size_t I>
const auto& get_checked(const GgufValue::Storage& v) {
  if (v.index() != I) {
    throw Error("GGUF value: expected " +
                std::string(gguf_value_type_name(static_cast<GgufValueType>(I))) + ", found " +
                std::string(gguf_value_type_name(static_cast<GgufValueType>(v.index()))));
  }
  return std::get<I>(v);
}

template <typename T, typename Make>
GgufValue make_array(GgufValueType t, const std::vector<T>& items, Make make) {
  std::vector<GgufValue> values;
  values.reserve(items.size());
  for (const auto& x : items) values.push_back(make(x));
  return GgufValue::array(t, std::move(values));
}

}  // namespace

bool operator==(const GgufArray& a, const GgufArray& b) {
  return a.element_type == b.element_type && a.items == b.items;
}

GgufValue GgufValue::string_array(const std::vector<std::string>& items) {
  return make_array(GgufValueType::kString, items, [](const std::string& s) { return str(s); });
}
GgufValue GgufValue::i32_array(const std::vector<int32_t>& items) {
  return make_array(GgufValueType::kInt32, items, [](int32_t x) { return i32(x); });
}
GgufValue GgufValue::u32_array(const std::vector<uint32_t>& items) {
  return make_array(GgufValueType::kUint32, items, [](uint32_t x) { return u32(x); });
}
GgufValue GgufValue::f32_array(const std::vector<float>& items) {
  return make_array(GgufValueType::kFloat32, items, [](float x) { return f32(x); });
}

uint32_t GgufValue::as_u32() const { return get_checked<4>(v_); }
int32_t GgufValue::as_i32() const { return get_checked<5>(v_); }
float GgufValue::as_f32() const { return get_checked<6>(v_); }
bool GgufValue::as_bool() const { return get_checked<7>(v_); }
const std::string& GgufValue::as_string() const { return get_checked<8>(v_); }
const GgufArray& GgufValue::as_array() const { return get_checked<9>(v_); }
uint64_t GgufValue::as_u64() const { return get_checked<10>(v_); }

std::vector<std::string> GgufValue::as_string_array() const {
  const GgufArray& a = as_array();
  if (a.element_type != GgufValueType::kString)
    throw Error("GGUF value: expected ARRAY of STRING, found ARRAY of " +
                std::string(gguf_value_type_name(a.element_type)));
  std::vector<std::string> out;
  out.reserve(a.items.size());
  for (const auto& v : a.items) out.push_back(v.as_string());
  return out;
}

bool GgufValue::operator==(const GgufValue& o) const {
  if (v_.index() != o.v_.index()) return false;
  // Floats compare bitwise so NaN round trips compare equal.
  if (type() == GgufValueType::kFloat32) {
    float a = std::get<6>(v_), b = std::get<6>(o.v_);
    return std::memcmp(&a, &b, sizeof a) == 0;
  }
  if (type() == GgufValueType::kFloat64) {
    double a = std::get<12>(v_), b = std::get<12>(o.v_);
    return std::memcmp(&a, &b, sizeof a) == 0;
  }
  return v_ == o.v_;
}

const GgufValue* GgufFile::find(std::string_view key) const {
  for (const auto& kv : metadata)
    if (kv.key == key) return &kv.value;
  return nullptr;
}

const GgufTensor* GgufFile::find_tensor(std::string_view name) const {
  for (const auto& t : tensors)
    if (t.name == name) return &t;
  return nullptr;
}

void GgufFile::set(const std::string& key, GgufValue value) {
  for (auto& kv : metadata) {
    if (kv.key == key) {
      kv.value = std::move(value);
      return;
    }
  }
  metadata.push_back({key, std::move(value)});
}

uint32_t GgufFile::alignment() const {
  const GgufValue* v = find(kGgufAlignmentKey);
  if (!v) return kGgufDefaultAlignment;
  if (v->type() != GgufValueType::kUint32)
    throw Error(std::string(kGgufAlignmentKey) + " must be UINT32, found " +
                std::string(gguf_value_type_name(v->type())));
  const uint32_t a = v->as_u32();
  if (a == 0 || (a & (a - 1)) != 0 || a % 8 != 0)
    throw Error(std::string(kGgufAlignmentKey) + " = " + std::to_string(a) +
                ": expected a power of two that is a multiple of 8");
  return a;
}

uint64_t gguf_num_elements(const std::vector<uint64_t>& dims) {
  uint64_t n = 1;
  for (uint64_t d : dims) {
    if (d > static_cast<uint64_t>(INT64_MAX))
      throw Error("tensor dims " + format_gguf_dims(dims) + ": dim exceeds INT64_MAX");
    if (d != 0 && n > static_cast<uint64_t>(INT64_MAX) / d)
      throw Error("tensor dims " + format_gguf_dims(dims) + ": element count overflows int64");
    n *= d;
  }
  return n;
}

uint64_t gguf_tensor_byte_size(GgmlType type, const std::vector<uint64_t>& dims) {
  const GgmlTypeInfo& info = ggml_type_info(type);
  const uint64_t n = gguf_num_elements(dims);
  const uint64_t ne0 = dims.empty() ? 1 : dims[0];
  if (ne0 % info.block_size != 0)
    throw Error("tensor dims " + format_gguf_dims(dims) + ": ne[0] = " + std::to_string(ne0) +
                " is not a multiple of the " + std::string(info.name) + " block size " +
                std::to_string(info.block_size));
  const uint64_t blocks = n / info.block_size;
  if (blocks != 0 && info.type_size > UINT64_MAX / 2 / blocks)
    throw Error("tensor dims " + format_gguf_dims(dims) + ": byte size overflows");
  return blocks * info.type_size;
}

std::string format_gguf_dims(const std::vector<uint64_t>& dims) {
  std::ostringstream s;
  s << '[';
  for (size_t i = 0; i < dims.size(); ++i) s << (i ? ", " : "") << dims[i];
  s << ']';
  return s.str();
}

}  // namespace anvil::io
