// LibTorch version differences, in one place: anvil builds against Debian's LibTorch 1.13 and
// current 2.x (CPU or CUDA builds). Every call whose spelling changed between them goes through
// this header and torch_compat.cpp, the only files that test the version (TORCH_VERSION_MAJOR/MINOR
// of <torch/version.h>, or the types LibTorch declares) or the build's CUDA support
// (ANVIL_WITH_CUDA_ALLOCATOR, set by CMake on torch_compat.cpp when LibTorch exports c10_cuda).
// Private: not part of the installed API.
#pragma once

#include <c10/core/Allocator.h>
#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>
#include <torch/version.h>

#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

// True when the LibTorch being compiled against is at least major.minor.
#define ANVIL_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) ||        \
   (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

// LibTorch 1.x has its own variant type (c10::variant, visited with c10::visit); 2.x moved the
// module options to std::variant and later dropped the header.
#if __has_include(<c10/util/variant.h>)
#include <c10/util/variant.h>
#define ANVIL_HAS_C10_VARIANT 1
#endif

namespace anvil::compat {

// ---- autocast (2.4 replaced the per-device functions with ones taking the device type) ----------
// `type` is kCPU or kCUDA (the device types anvil's precision supports).
bool autocast_enabled(c10::DeviceType type);
void set_autocast_enabled(c10::DeviceType type, bool enabled);
c10::ScalarType autocast_dtype(c10::DeviceType type);
void set_autocast_dtype(c10::DeviceType type, c10::ScalarType dtype);

// ---- c10::Allocator (2.3 made allocate() non-const and added a pure virtual copy_data()) ------
// Subclass this and implement allocate_block(). Both spellings of allocate() are declared, without
// `override`: whichever the LibTorch declares is overridden, the other is an ordinary overload.
class Allocator : public c10::Allocator {
 public:
  virtual c10::DataPtr allocate_block(size_t n) = 0;
  c10::DataPtr allocate(size_t n) const {  // NOLINT: overrides 1.13's pure virtual
    return const_cast<Allocator*>(this)->allocate_block(n);
  }
  c10::DataPtr allocate(size_t n) { return allocate_block(n); }  // NOLINT: 2.3+'s
  void copy_data(void* dest, const void* src, std::size_t count) const {  // NOLINT: 2.3+'s
    std::memcpy(dest, src, count);
  }
};

// ---- variants in module options (Conv2dOptions::padding and the like) --------------------------
template <typename T>
struct is_std_variant : std::false_type {};
template <typename... Ts>
struct is_std_variant<std::variant<Ts...>> : std::true_type {};

template <typename F, typename Variant>
decltype(auto) visit(F&& f, Variant&& v) {
  if constexpr (is_std_variant<std::decay_t<Variant>>::value) {
    return std::visit(std::forward<F>(f), std::forward<Variant>(v));
  } else {
#ifdef ANVIL_HAS_C10_VARIANT
    return c10::visit(std::forward<F>(f), std::forward<Variant>(v));
#else
    static_assert(is_std_variant<std::decay_t<Variant>>::value, "not a variant LibTorch uses");
#endif
  }
}

// ---- optimizer state keys ----------------------------------------------------------------------
// LibTorch keys torch::optim::Optimizer::state() by the parameter's TensorImpl: as a string in 1.x
// (the pointer printed), as void* since. `Map` is the state map's type, `impl` the parameter's
// unsafeGetTensorImpl().
template <typename Map, typename Impl>
typename Map::key_type optimizer_state_key(const Map&, Impl* impl) {
  using Key = typename Map::key_type;
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream os;
    os << static_cast<const void*>(impl);
    return os.str();
  } else {
    return static_cast<Key>(impl);
  }
}

// ---- CUDA caching allocator and device memory (false / no-op in builds without CUDA) -----------
// Whether this build reads CUDA's caching allocator (LibTorch linked with c10_cuda).
bool has_cuda_allocator();
// Resets the allocator's peak counters for device `index`; false when not available.
bool cuda_reset_peak_stats(int index);
// Bytes allocated through the caching allocator on device `index` (all pools), now and at the peak
// since the last reset; false when not available.
bool cuda_allocated_bytes(int index, int64_t* current, int64_t* peak);
// cudaMemGetInfo for device `index`: free and total bytes; false when not available.
bool cuda_memory_info(int index, int64_t* free, int64_t* total);

}  // namespace anvil::compat
