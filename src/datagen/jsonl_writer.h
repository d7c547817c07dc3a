// Internal: streams text to "<path>.tmp.XXXXXX" and renames it onto <path> on commit(), so a
// dataset file is either the complete new one or untouched. Buffers writes in large chunks.
#pragma once

#include <string>
#include <string_view>

namespace anvil::datagen::detail {

class JsonlWriter {
 public:
  explicit JsonlWriter(std::string path);  // creates parent dirs and the temporary file
  ~JsonlWriter();                          // removes the temporary file unless committed
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;

  // The caller appends here; flushed to disk once it exceeds kFlushBytes.
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kFlushBytes) flush();
  }
  void commit();  // flush, fsync, rename onto the target

 private:
  static constexpr size_t kFlushBytes = 1 << 22;
  void flush();

  std::string path_;
  std::string tmp_path_;
  int fd_ = -1;
  bool committed_ = false;
  std::string buffer_;
};

}  // namespace anvil::datagen::detail
