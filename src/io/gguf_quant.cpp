// gguf_quantize / gguf_dequantize: validate sizes and inputs, then dispatch on the ggml type.
#include "anvil/io/gguf_quant.h"

#include <cmath>
#include <cstring>

#include "anvil/core/error.h"
#include "gguf_quant_impl.h"

namespace anvil::io {

std::string gguf_quantize(GgmlType type, const float* x, size_t n) {
  const GgmlTypeInfo& info = ggml_type_info(type);
  if (n % info.block_size != 0)
    throw Error("quantize to " + std::string(info.name) + ": " + std::to_string(n) +
                " elements is not a multiple of the block size " + std::to_string(info.block_size));
  if (info.block_size > 1) {
    for (size_t i = 0; i < n; ++i)
      if (!std::isfinite(x[i]))
        throw Error("quantize to " + std::string(info.name) + ": element " + std::to_string(i) +
                    " is " + (std::isnan(x[i]) ? "NaN" : "infinite"));
  }
  std::string out((n / info.block_size) * info.type_size, '\0');
  auto* y = reinterpret_cast<uint8_t*>(out.data());
  switch (type) {
    case GgmlType::kF32:
      std::memcpy(y, x, n * 4);  // little-endian hosts only, as the rest of anvil
      break;
    case GgmlType::kF16:
      for (size_t i = 0; i < n; ++i) quant::store_fp16(y + 2 * i, fp32_to_fp16(x[i]));
      break;
    case GgmlType::kBF16:
      for (size_t i = 0; i < n; ++i) quant::store_fp16(y + 2 * i, fp32_to_bf16(x[i]));
      break;
    case GgmlType::kQ8_0:
      quant::quantize_q8_0(x, y, n);
      break;
    case GgmlType::kQ4_0:
      quant::quantize_q4_0(x, y, n);
      break;
    case GgmlType::kQ4_K:
      quant::quantize_q4_k(x, y, n);
      break;
    case GgmlType::kQ6_K:
      quant::quantize_q6_k(x, y, n);
      break;
  }
  return out;
}

std::vector<float> gguf_dequantize(GgmlType type, std::string_view bytes) {
  const GgmlTypeInfo& info = ggml_type_info(type);
  if (bytes.size() % info.type_size != 0)
    throw Error("dequantize " + std::string(info.name) + ": " + std::to_string(bytes.size()) +
                " bytes is not a multiple of the block size " + std::to_string(info.type_size));
  const size_t n = bytes.size() / info.type_size * info.block_size;
  std::vector<float> y(n);
  const auto* in = reinterpret_cast<const uint8_t*>(bytes.data());
  switch (type) {
    case GgmlType::kF32:
      std::memcpy(y.data(), in, n * 4);
      break;
    case GgmlType::kF16:
      for (size_t i = 0; i < n; ++i) y[i] = fp16_to_fp32(quant::load_fp16(in + 2 * i));
      break;
    case GgmlType::kBF16:
      for (size_t i = 0; i < n; ++i) y[i] = bf16_to_fp32(quant::load_fp16(in + 2 * i));
      break;
    case GgmlType::kQ8_0:
      quant::dequantize_q8_0(in, y.data(), n);
      break;
    case GgmlType::kQ4_0:
      quant::dequantize_q4_0(in, y.data(), n);
      break;
    case GgmlType::kQ4_K:
      quant::dequantize_q4_k(in, y.data(), n);
      break;
    case GgmlType::kQ6_K:
      quant::dequantize_q6_k(in, y.data(), n);
      break;
  }
  return y;
}

}  // namespace anvil::io
