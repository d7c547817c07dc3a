// Tests for JsonlFile: the line index (blank lines, CRLF, missing final newline, empty and large
// files), random access, true line numbers, errors and move semantics.
#include "anvil/data/jsonl.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "anvil/core/error.h"

namespace anvil::data {
namespace {

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::path(testing::TempDir()) / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(JsonlFile, SkipsBlankLinesButKeepsTrueLineNumbers) {
  const JsonlFile file(write_temp("blank.jsonl", "{\"a\":1}\n\n   \n\t\n{\"b\":2}\n"));
  ASSERT_EQ(file.size(), 2u);
  EXPECT_EQ(file.line(0), "{\"a\":1}");
  EXPECT_EQ(file.line_number(0), 1u);
  EXPECT_EQ(file.line(1), "{\"b\":2}");
  EXPECT_EQ(file.line_number(1), 5u);
}

TEST(JsonlFile, HandlesMissingTrailingNewline) {
  const JsonlFile file(write_temp("no_newline.jsonl", "one\ntwo"));
  ASSERT_EQ(file.size(), 2u);
  EXPECT_EQ(file.line(1), "two");
  EXPECT_EQ(file.line_number(1), 2u);
}

TEST(JsonlFile, ToleratesCrlfLineEnds) {
  const JsonlFile file(write_temp("crlf.jsonl", "one\r\ntwo\r\n\r\nthree"));
  ASSERT_EQ(file.size(), 3u);
  EXPECT_EQ(file.line(0), "one");
  EXPECT_EQ(file.line(1), "two");
  EXPECT_EQ(file.line(2), "three");
  EXPECT_EQ(file.line_number(2), 4u);
}

TEST(JsonlFile, SkipsLeadingByteOrderMark) {
  const JsonlFile file(write_temp("bom.jsonl", "\xEF\xBB\xBF{}\n"));
  ASSERT_EQ(file.size(), 1u);
  EXPECT_EQ(file.line(0), "{}");
}

TEST(JsonlFile, EmptyAndBlankOnlyFilesHaveNoLines) {
  EXPECT_EQ(JsonlFile(write_temp("empty.jsonl", "")).size(), 0u);
  EXPECT_EQ(JsonlFile(write_temp("blank_only.jsonl", "\n\r\n  \n")).size(), 0u);
}

TEST(JsonlFile, IndexesLargeFileWithRandomAccess) {
  constexpr size_t kLines = 100'000;
  std::string content;
  content.reserve(kLines * 16);
  for (size_t i = 0; i < kLines; ++i) {
    content += "{\"i\":" + std::to_string(i) + "}\n";
    if (i % 1000 == 999) content += "\n";  // a blank line after every 1000th record
  }
  const JsonlFile file(write_temp("large.jsonl", content));
  ASSERT_EQ(file.size(), kLines);
  for (size_t i : {size_t{0}, size_t{999}, size_t{1000}, size_t{54321}, kLines - 1}) {
    EXPECT_EQ(file.line(i), "{\"i\":" + std::to_string(i) + "}");
    EXPECT_EQ(file.line_number(i), i + 1 + i / 1000);
  }
}

TEST(JsonlFile, OutOfRangeIndexThrows) {
  const JsonlFile file(write_temp("range.jsonl", "x\n"));
  EXPECT_THROW(file.line(1), Error);
  EXPECT_THROW(file.line_number(7), Error);
}

TEST(JsonlFile, MissingFileErrorNamesThePath) {
  try {
    JsonlFile file("/nonexistent/dir/data.jsonl");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/data.jsonl"), std::string::npos);
  }
  EXPECT_THROW(JsonlFile(testing::TempDir()), Error);  // a directory
}

TEST(JsonlFile, MoveTransfersTheMapping) {
  JsonlFile a(write_temp("move.jsonl", "first\nsecond\n"));
  JsonlFile b(std::move(a));
  EXPECT_EQ(b.size(), 2u);
  EXPECT_EQ(b.line(1), "second");
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty
  JsonlFile c(write_temp("move2.jsonl", "other\n"));
  c = std::move(b);
  EXPECT_EQ(c.line(0), "first");
  EXPECT_NE(c.path().find("move.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace anvil::data
