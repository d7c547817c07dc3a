// JsonlFile: a read-only, memory-mapped JSON Lines file with an index of its non-blank lines, for
// random access to records without reading the file into memory. Lines keep their true 1-based
// line numbers so errors can point at `path:LINE`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::data {

class JsonlFile {
 public:
  // Maps `path` and indexes it. Blank lines (empty, or only spaces/tabs) are skipped; a missing
  // trailing newline, CRLF line ends and a leading UTF-8 BOM are tolerated; an empty file has no
  // lines. Throws anvil::Error naming the path if it cannot be opened, is not a regular file, or
  // cannot be mapped.
  explicit JsonlFile(std::string path);
  ~JsonlFile();

  JsonlFile(JsonlFile&& other) noexcept;
  JsonlFile& operator=(JsonlFile&& other) noexcept;
  JsonlFile(const JsonlFile&) = delete;
  JsonlFile& operator=(const JsonlFile&) = delete;

  // Number of non-blank lines.
  size_t size() const { return lines_.size(); }
  // Line `i` (0-based among non-blank lines), without its "\n" or "\r\n". Valid while this object
  // lives. Throws anvil::Error if i >= size().
  std::string_view line(size_t i) const;
  // The 1-based line number of line `i` in the file. Throws anvil::Error if i >= size().
  size_t line_number(size_t i) const;
  const std::string& path() const { return path_; }

 private:
  struct LineSpan {
    uint64_t begin;   // byte offset in the file
    uint32_t length;  // bytes, without the line end
    uint32_t number;  // 1-based line number
  };

  void build_index();
  void check_index(size_t i) const;
  void unmap() noexcept;

  std::string path_;
  const char* data_ = nullptr;  // the mapping, or nullptr for an empty file
  size_t size_ = 0;             // bytes mapped
  std::vector<LineSpan> lines_;
};

}  // namespace anvil::data
