// Shape and size arithmetic shared by the safetensors reader and writer, and SafetensorsFile
// lookup.
#include <limits>
#include <string>

#include "anvil/core/error.h"
#include "anvil/io/safetensors.h"

namespace anvil::io {

int64_t shape_num_elements(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t dim : shape) {
    if (dim < 0) throw Error("shape " + format_shape(shape) + " has a negative dimension");
    if (dim != 0 && n > std::numeric_limits<int64_t>::max() / dim) {
      throw Error("shape " + format_shape(shape) + " has too many elements (overflow)");
    }
    n *= dim;
  }
  return n;
}

uint64_t tensor_byte_size(DType dtype, const std::vector<int64_t>& shape) {
  const auto n = static_cast<uint64_t>(shape_num_elements(shape));
  const auto bits = static_cast<uint64_t>(dtype_bits(dtype));
  if (n > std::numeric_limits<uint64_t>::max() / bits) {
    throw Error(std::string(dtype_name(dtype)) + " " + format_shape(shape) +
                " is too large (bit count overflows)");
  }
  if ((n * bits) % 8 != 0) {
    throw Error(std::string(dtype_name(dtype)) + " " + format_shape(shape) + " holds " +
                std::to_string(n * bits) + " bits, not a whole number of bytes");
  }
  return n * bits / 8;
}

std::string format_shape(const std::vector<int64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

const TensorData* SafetensorsFile::find(std::string_view name) const {
  for (const TensorData& t : tensors) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace anvil::io
