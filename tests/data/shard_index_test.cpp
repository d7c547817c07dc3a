// ShardIndex: the same lines as JsonlFile on tricky input (blank lines, CRLF, BOM, no final
// newline, lines across block boundaries); sidecar round trip; stale, corrupt and truncated
// sidecars rebuilt; a read-only directory keeps the index in memory and says so.
#include "anvil/data/shard_index.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/data/jsonl.h"
#include "support/run_cli.h"

namespace anvil::data {
namespace {

using anvil::testing::read_text;
using anvil::testing::TempDir;
using anvil::testing::write_text;

const char* kTricky =
    "\xEF\xBB\xBF{\"a\":1}\r\n\n   \n\t\r\n{\"b\":22}\n  x  \n\r\r\n\n{\"last\":true}";

void expect_same_as_jsonl_file(const std::string& path, const ShardIndex& index) {
  const JsonlFile file(path);
  ASSERT_EQ(index.lines.size(), file.size()) << path;
  const std::string text = read_text(path);
  for (size_t i = 0; i < file.size(); ++i) {
    EXPECT_EQ(text.substr(index.lines[i].begin, index.lines[i].length), file.line(i)) << i;
    EXPECT_EQ(index.lines[i].number, file.line_number(i)) << i;
  }
}

TEST(ShardIndex, MatchesJsonlFileOnBlankCrlfBomAndMissingNewline) {
  TempDir dir("shard");
  write_text(dir / "t.jsonl", kTricky);
  for (size_t block : {16, 17, 19, 64, 1 << 20}) {
    SCOPED_TRACE(block);
    expect_same_as_jsonl_file(dir / "t.jsonl", build_shard_index(dir / "t.jsonl", block));
  }
  write_text(dir / "empty.jsonl", "");
  EXPECT_TRUE(build_shard_index(dir / "empty.jsonl").lines.empty());
  write_text(dir / "bom.jsonl", "\xEF\xBB\xBF");
  EXPECT_TRUE(build_shard_index(dir / "bom.jsonl").lines.empty());
}

TEST(ShardIndex, RandomFilesIndexExactlyLikeJsonlFile) {
  // A differential test: random bytes drawn from the characters the rules care about (line ends,
  // CR, blanks, BOM bytes), scanned with small blocks so lines and CRLFs straddle block edges.
  TempDir dir("shard");
  const std::string alphabet = std::string("ab{}\n\n\r  \t") + "\xEF\xBB\xBF";
  Rng rng(17);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    if (rng.bernoulli(0.2)) text = "\xEF\xBB\xBF";
    const int64_t n = rng.uniform_int(0, 120);
    for (int64_t i = 0; i < n; ++i)
      text += alphabet[static_cast<size_t>(rng.uniform_int(0, alphabet.size() - 1))];
    const std::string path = dir / ("r" + std::to_string(round) + ".jsonl");
    write_text(path, text);
    const size_t block = static_cast<size_t>(rng.uniform_int(16, 40));
    SCOPED_TRACE("round " + std::to_string(round) + ", block " + std::to_string(block));
    expect_same_as_jsonl_file(path, build_shard_index(path, block));
  }
}

TEST(ShardIndex, LinesLongerThanABlockAreIndexedWhole) {
  TempDir dir("shard");
  std::string text;
  for (int i = 0; i < 50; ++i)
    text += std::string(static_cast<size_t>(i * 7 + 1), 'a' + i % 26) + "\n";
  write_text(dir / "long.jsonl", text);
  expect_same_as_jsonl_file(dir / "long.jsonl", build_shard_index(dir / "long.jsonl", 32));
}

TEST(ShardIndex, SidecarRoundTrip) {
  TempDir dir("shard");
  const std::string shard = dir / "a.jsonl";
  write_text(shard, kTricky);
  const ShardIndex built = load_shard_index(shard);
  EXPECT_EQ(built.origin, IndexOrigin::kBuiltSaved);
  ASSERT_TRUE(std::filesystem::exists(sidecar_path(shard)));
  EXPECT_EQ(std::filesystem::file_size(sidecar_path(shard)),
            kShardIndexHeaderBytes + built.lines.size() * kShardIndexEntryBytes);
  const std::string bytes = read_text(sidecar_path(shard));
  EXPECT_EQ(bytes.substr(0, 7), "ANVLIDX");
  const ShardIndex loaded = load_shard_index(shard);
  EXPECT_EQ(loaded.origin, IndexOrigin::kSidecar);
  EXPECT_EQ(loaded.lines, built.lines);
  EXPECT_EQ(loaded.stamp, built.stamp);
}

TEST(ShardIndex, StaleSidecarIsRebuiltAfterTheShardChanges) {
  TempDir dir("shard");
  const std::string shard = dir / "a.jsonl";
  write_text(shard, "{\"a\":1}\n{\"b\":2}\n");
  ASSERT_EQ(load_shard_index(shard).lines.size(), 2u);
  write_text(shard, "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
  const ShardIndex again = load_shard_index(shard);
  EXPECT_EQ(again.origin, IndexOrigin::kBuiltSaved);
  EXPECT_NE(again.note.find("stale sidecar"), std::string::npos) << again.note;
  EXPECT_EQ(again.lines.size(), 3u);
  EXPECT_EQ(load_shard_index(shard).origin, IndexOrigin::kSidecar);

  // Same size, different mtime: still stale.
  write_text(shard, "{\"a\":1}\n{\"b\":2}\n{\"d\":4}\n");
  struct timespec times[2] = {{0, UTIME_OMIT}, {1000000000, 123}};
  ASSERT_EQ(::utimensat(AT_FDCWD, shard.c_str(), times, 0), 0);
  const ShardIndex touched = load_shard_index(shard);
  EXPECT_NE(touched.note.find("stale sidecar"), std::string::npos) << touched.note;
}

// Writes `bytes` over the sidecar at `offset` and checks the next load rebuilds it, saying why.
void expect_rebuilt_after(const std::string& shard, size_t offset, const std::string& bytes,
                          const std::string& why) {
  SCOPED_TRACE(why);
  ASSERT_EQ(load_shard_index(shard).origin, IndexOrigin::kSidecar);
  std::string side = read_text(sidecar_path(shard));
  side.replace(offset, bytes.size(), bytes);
  write_text(sidecar_path(shard), side);
  const ShardIndex rebuilt = load_shard_index(shard);
  EXPECT_EQ(rebuilt.origin, IndexOrigin::kBuiltSaved);
  EXPECT_NE(rebuilt.note.find(why), std::string::npos) << rebuilt.note;
  expect_same_as_jsonl_file(shard, rebuilt);
}

TEST(ShardIndex, CorruptSidecarIsRebuiltNeverTrusted) {
  TempDir dir("shard");
  const std::string shard = dir / "a.jsonl";
  write_text(shard, kTricky);
  load_shard_index(shard);
  expect_rebuilt_after(shard, 0, "XXXX", "bad magic");
  expect_rebuilt_after(shard, 8, std::string("\x07", 1), "version");
  expect_rebuilt_after(shard, 32, std::string("\xFF\xFF", 2), "do not fit");
  expect_rebuilt_after(shard, kShardIndexHeaderBytes + 3, "\x01", "checksum");
  // Truncated sidecar.
  ASSERT_EQ(load_shard_index(shard).origin, IndexOrigin::kSidecar);
  std::filesystem::resize_file(sidecar_path(shard), 20);
  EXPECT_NE(load_shard_index(shard).note.find("shorter than"), std::string::npos);
  // Entries that are in range for the checksum but point outside the shard: rewrite a valid
  // sidecar whose entry lies past the end.
  ShardIndex bad = build_shard_index(shard);
  bad.lines[0].begin = bad.stamp.size + 5;
  write_shard_sidecar(bad);
  const ShardIndex fixed = load_shard_index(shard);
  EXPECT_NE(fixed.note.find("outside the shard"), std::string::npos) << fixed.note;
  expect_same_as_jsonl_file(shard, fixed);
}

TEST(ShardIndex, EveryFlippedOrTruncatedSidecarByteStillGivesTheTrueIndex) {
  TempDir dir("shard");
  const std::string shard = dir / "a.jsonl";
  write_text(shard, kTricky);
  const ShardIndex truth = build_shard_index(shard);
  write_shard_sidecar(truth);
  const std::string good = read_text(sidecar_path(shard));
  Rng rng(23);
  for (size_t at = 0; at < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ (1 + rng.uniform_int(0, 254)));
    write_text(sidecar_path(shard), rng.bernoulli(0.2) ? bad.substr(0, at) : bad);
    const ShardIndex loaded = load_shard_index(shard);
    EXPECT_EQ(loaded.origin, IndexOrigin::kBuiltSaved) << "byte " << at << " accepted";
    EXPECT_EQ(loaded.lines, truth.lines) << "byte " << at;
  }
}

TEST(ShardIndex, ReadOnlyDirectoryKeepsTheIndexInMemoryAndSaysSo) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can write into read-only directories";
  TempDir dir("shard");
  const std::string sub = dir / "ro";
  std::filesystem::create_directory(sub);
  write_text(sub + "/a.jsonl", "{\"a\":1}\n");
  ::chmod(sub.c_str(), 0555);
  const ShardIndex index = load_shard_index(sub + "/a.jsonl");
  ::chmod(sub.c_str(), 0755);
  EXPECT_EQ(index.origin, IndexOrigin::kBuiltInMemory);
  EXPECT_NE(index.note.find("kept in memory"), std::string::npos) << index.note;
  EXPECT_EQ(index.lines.size(), 1u);
}

TEST(ShardIndex, UnwritableSidecarKeepsTheIndexInMemory) {
  // Works as root too: the sidecar's path is taken by a directory, so it can be neither read nor
  // replaced.
  TempDir dir("shard");
  write_text(dir / "a.jsonl", "{\"a\":1}\n{\"b\":2}\n");
  std::filesystem::create_directory(sidecar_path(dir / "a.jsonl"));
  const ShardIndex index = load_shard_index(dir / "a.jsonl");
  EXPECT_EQ(index.origin, IndexOrigin::kBuiltInMemory);
  EXPECT_NE(index.note.find("kept in memory"), std::string::npos) << index.note;
  EXPECT_EQ(index.lines.size(), 2u);
}

TEST(ShardIndex, SidecarsOffNeverWrite) {
  TempDir dir("shard");
  write_text(dir / "a.jsonl", "{}\n");
  const ShardIndex index = load_shard_index(dir / "a.jsonl", /*use_sidecar=*/false);
  EXPECT_EQ(index.origin, IndexOrigin::kBuiltInMemory);
  EXPECT_FALSE(std::filesystem::exists(sidecar_path(dir / "a.jsonl")));
}

TEST(ShardIndex, MissingShardNamesThePath) {
  try {
    load_shard_index("/nonexistent/shard.jsonl");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/shard.jsonl"), std::string::npos);
  }
}

}  // namespace
}  // namespace anvil::data
