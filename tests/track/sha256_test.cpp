// SHA-256 against the FIPS 180-4 / NIST example vectors, incremental updates and file hashing.
#include "anvil/track/sha256.h"

#include <gtest/gtest.h>

#include "anvil/core/error.h"
#include "support/run_cli.h"

namespace anvil::track {
namespace {

TEST(Sha256, NistVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesAtOddSizesMatchOneShot) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += static_cast<char>(i * 7);
  for (size_t chunk : {1, 3, 63, 64, 65, 200}) {
    Sha256 h;
    for (size_t i = 0; i < data.size(); i += chunk) h.update(data.substr(i, chunk));
    EXPECT_EQ(h.hex_digest(), sha256_hex(data)) << "chunk " << chunk;
  }
}

TEST(Sha256, FileHashMatchesBytesAndMissingFileNamesThePath) {
  anvil::testing::TempDir dir("sha");
  anvil::testing::write_text(dir / "f.bin", "abc");
  EXPECT_EQ(sha256_file(dir / "f.bin"), sha256_hex("abc"));
  try {
    sha256_file(dir / "missing.bin");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing.bin"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::track
