// GGUF reader corruption cases: every damaged file is rejected with an error that names the file,
// the byte offset and what was expected (docs/formats.md §2.1-2.2 lists ggml's checks).
#include <gtest/gtest.h>

#include "anvil/core/error.h"
#include "gguf_test_util.h"

namespace anvil::io {
namespace {

using testing::put_u32;
using testing::put_u64;

// The error parse_gguf throws for `bytes`, or "" if it accepted them.
std::string error_of(const std::string& bytes) {
  try {
    parse_gguf(bytes, "bad.gguf");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_REJECTED(bytes, needle)                                          \
  do {                                                                          \
    const std::string msg_ = error_of(bytes);                                   \
    EXPECT_NE(msg_.find("bad.gguf: offset "), std::string::npos) << msg_;       \
    EXPECT_NE(msg_.find(needle), std::string::npos) << "message was: " << msg_; \
  } while (0)

// A file with one KV ("k.a" = u32 7) and two Q8_0 tensors "t0" [32, 2] and "t1" [32].
struct Small {
  std::string bytes;
  // Offsets of fields, computed from the layout.
  static constexpr size_t kKeyLen = 24, kKeyText = 32, kValueType = 35, kValue = 39;
  static constexpr size_t kT0 = 43;            // tensor info 0: name length
  static constexpr size_t kT0Dims = kT0 + 10;  // n_dims (u32) after 8 + 2 bytes of name
  static constexpr size_t kT0Dim0 = kT0Dims + 4, kT0Type = kT0Dim0 + 16, kT0Offset = kT0Type + 4;
  static constexpr size_t kT1 = kT0Offset + 8;
  static constexpr size_t kT1Type = kT1 + 10 + 4 + 8, kT1Offset = kT1Type + 4;
  Small() {
    GgufFile f;
    f.set("k.a", GgufValue::u32(7));
    const std::vector<float> x = testing::ramp(64);
    f.tensors.push_back({"t0", GgmlType::kQ8_0, {32, 2}, gguf_quantize(GgmlType::kQ8_0, x)});
    f.tensors.push_back(
        {"t1", GgmlType::kQ8_0, {32}, gguf_quantize(GgmlType::kQ8_0, x.data(), 32)});
    bytes = serialize_gguf(f);
  }
};

TEST(GgufReader, SmallFixtureLayoutIsAsAssumed) {
  Small s;
  EXPECT_EQ(s.bytes.substr(Small::kKeyText, 3), "k.a");
  EXPECT_EQ(s.bytes.substr(Small::kT0 + 8, 2), "t0");
  EXPECT_EQ(s.bytes.substr(Small::kT1 + 8, 2), "t1");
  EXPECT_EQ(testing::get_u64(s.bytes, Small::kT1Offset), 96u);  // 68 bytes padded to 96
  EXPECT_EQ(error_of(s.bytes), "");
}

TEST(GgufReader, RejectsBadMagic) {
  Small s;
  s.bytes[3] = 'X';
  EXPECT_REJECTED(s.bytes, "offset 0: invalid magic 'GGUX', expected 'GGUF'");
  EXPECT_REJECTED(std::string("GG"), "expected magic 'GGUF'");
}

TEST(GgufReader, RejectsBadVersions) {
  for (uint32_t v : {0u, 1u, 4u, 0x03000000u}) {
    Small s;
    put_u32(s.bytes, 4, v);
    EXPECT_REJECTED(s.bytes, "offset 4: ");
  }
  Small s;
  put_u32(s.bytes, 4, 0x00030000u);
  EXPECT_REJECTED(s.bytes, "byte-swapped");
  put_u32(s.bytes, 4, 2);
  EXPECT_EQ(error_of(s.bytes), "") << "v2 has the same layout and is accepted";
}

TEST(GgufReader, RejectsEveryTruncation) {
  Small s;
  for (size_t n = 0; n < s.bytes.size(); ++n) {
    const std::string msg = error_of(s.bytes.substr(0, n));
    EXPECT_NE(msg.find("bad.gguf: offset "), std::string::npos) << "accepted a file cut at " << n;
  }
  EXPECT_REJECTED(s.bytes.substr(0, s.bytes.size() - 1),
                  "truncated tensor data: expected 160 bytes");
  EXPECT_REJECTED(s.bytes.substr(0, Small::kValue + 2),
                  "truncated file: expected metadata KV 0 'k.a' (4 bytes)");
  EXPECT_REJECTED(s.bytes.substr(0, Small::kT0Type + 2),
                  "offset 73: truncated file: expected type of tensor info 0 't0'");
}

TEST(GgufReader, RejectsNegativeOrImpossibleCounts) {
  Small s;
  put_u64(s.bytes, 8, ~uint64_t{0});
  EXPECT_REJECTED(s.bytes, "offset 8: tensor count -1 is negative");
  Small k;
  put_u64(k.bytes, 16, uint64_t{1} << 40);
  EXPECT_REJECTED(k.bytes, "key of metadata KV ");  // reads on past the one real KV and fails there
}

TEST(GgufReader, RejectsStringLengthPastEof) {
  Small s;
  put_u64(s.bytes, Small::kKeyLen, 1000000);
  EXPECT_REJECTED(s.bytes, "offset 24: key of metadata KV 0: string length 1000000 runs past end");
  put_u64(s.bytes, Small::kKeyLen, uint64_t{1} << 31);
  EXPECT_REJECTED(s.bytes, "exceeds the 1 GiB limit");
}

TEST(GgufReader, RejectsTensorOffsetsOtherThanTheRunningAlignedSum) {
  Small past;
  put_u64(past.bytes, Small::kT1Offset, 1u << 30);
  EXPECT_REJECTED(past.bytes, "data offset 1073741824, expected 96");
  Small misaligned;
  put_u64(misaligned.bytes, Small::kT1Offset, 97);
  EXPECT_REJECTED(misaligned.bytes, "data offset 97, expected 96");
  Small first;
  put_u64(first.bytes, Small::kT0Offset, 32);
  EXPECT_REJECTED(first.bytes, "tensor 't0': data offset 32, expected 0");
}

TEST(GgufReader, RejectsUnknownTypes) {
  Small s;
  put_u32(s.bytes, Small::kValueType, 13);
  EXPECT_REJECTED(s.bytes,
                  "offset 35: value type of metadata KV 0 'k.a': invalid GGUF value type 13");
  Small t;
  put_u32(t.bytes, Small::kT0Type, 6);  // Q5_0: valid ggml, not written by anvil
  EXPECT_REJECTED(t.bytes, "unknown or unsupported ggml type 6");
  put_u32(t.bytes, Small::kT0Type, 4);  // removed
  EXPECT_REJECTED(t.bytes, "ggml type 4");
}

TEST(GgufReader, RejectsDuplicateKeysAndTensorNames) {
  GgufFile f;
  f.set("k.a", GgufValue::u8(1));
  f.set("k.b", GgufValue::u8(2));
  std::string b = serialize_gguf(f);
  b[b.find("k.b") + 2] = 'a';
  EXPECT_REJECTED(b, "metadata KV 1 'k.a': duplicate key");
  Small s;
  s.bytes[Small::kT1 + 9] = '0';
  EXPECT_REJECTED(s.bytes, "tensor info 1 't0': duplicate tensor name");
}

TEST(GgufReader, RejectsDimNotMultipleOfBlockSize) {
  Small s;
  put_u64(s.bytes, Small::kT0Dim0, 16);
  EXPECT_REJECTED(s.bytes, "ne[0] = 16 is not a multiple of the q8_0 block size 32");
}

TEST(GgufReader, RejectsOtherStructuralDamage) {
  Small dims;
  put_u32(dims.bytes, Small::kT0Dims, 5);
  EXPECT_REJECTED(dims.bytes, "n_dims = 5, expected 1 to 4");
  Small neg;
  put_u64(neg.bytes, Small::kT0Dim0 + 8, ~uint64_t{0});
  EXPECT_REJECTED(neg.bytes, "negative");
  Small overflow;
  put_u64(overflow.bytes, Small::kT0Dim0 + 8, uint64_t{1} << 60);
  EXPECT_REJECTED(overflow.bytes, "overflows");
  Small empty_key;
  put_u64(empty_key.bytes, Small::kKeyLen, 0);
  EXPECT_REJECTED(empty_key.bytes, "");  // misparses the rest; must still be an error

  GgufFile b;
  b.set("k.flag", GgufValue::boolean(true));
  std::string bytes = serialize_gguf(b);
  bytes[bytes.find("k.flag") + 6 + 4] = 2;
  EXPECT_REJECTED(bytes, "BOOL byte is 2, expected 0 or 1");

  GgufFile arr;
  arr.set("k.arr", GgufValue::array(GgufValueType::kInt32, {GgufValue::i32(1)}));
  std::string a = serialize_gguf(arr);
  const size_t elem_type_at = a.find("k.arr") + 5 + 4;
  put_u32(a, elem_type_at, 9);
  EXPECT_REJECTED(a, "arrays of arrays are not supported");
  put_u32(a, elem_type_at, 5);
  put_u64(a, elem_type_at + 4, (uint64_t{1} << 30) + 1);
  EXPECT_REJECTED(a, "exceeds 2^30");
  put_u64(a, elem_type_at + 4, 1000);
  EXPECT_REJECTED(a, "array of 1000 INT32 runs past end of file");

  GgufFile wrong_type;
  wrong_type.set("general.alignment", GgufValue::u32(32));
  std::string wt = serialize_gguf(wrong_type);
  put_u32(wt, wt.find("general.alignment") + 17, 5);  // now INT32
  EXPECT_REJECTED(wt, "general.alignment must be UINT32, found INT32");
  GgufFile ok_align;
  ok_align.set("general.alignment", GgufValue::u32(32));
  std::string al = serialize_gguf(ok_align);
  put_u32(al, al.find("general.alignment") + 17 + 4, 24);
  EXPECT_REJECTED(al, "power of two");

  GgufFile long_name;
  long_name.tensors.push_back({std::string(63, 'n'), GgmlType::kF32, {1}, std::string(4, '\0')});
  std::string ln = serialize_gguf(long_name);
  put_u64(ln, 24, 64);  // claim 64 bytes: reads one byte of n_dims into the name
  EXPECT_REJECTED(ln, "expected at most 63");
}

TEST(GgufReader, SeededMutationsNeverCrashAndOnlyThrowAnvilErrors) {
  Small s;
  const std::string good = serialize_gguf(testing::sample_gguf());
  uint64_t state = 0x9e3779b97f4a7c15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int rejected = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string b = (iter % 2 ? good : s.bytes);
    const int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = next() % b.size();
      switch (next() % 3) {
        case 0:
          b[at] = static_cast<char>(next());
          break;
        case 1:
          b[at] ^= static_cast<char>(1u << (next() % 8));
          break;
        default:
          b.resize(at);
          break;
      }
      if (b.empty()) break;
    }
    try {
      parse_gguf(b, "fuzz.gguf");
    } catch (const Error&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 1000);
}

}  // namespace
}  // namespace anvil::io
