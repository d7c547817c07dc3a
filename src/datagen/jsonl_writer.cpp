// Streaming atomic file writer for datasets (temporary file + fsync + rename).
#include "datagen/jsonl_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::datagen::detail {

JsonlWriter::JsonlWriter(std::string path) : path_(std::move(path)) {
  ensure_directory(std::filesystem::path(path_).parent_path().string());
  tmp_path_ = path_ + ".tmp.XXXXXX";
  fd_ = ::mkstemp(tmp_path_.data());
  if (fd_ < 0) {
    throw Error("cannot create temporary file for '" + path_ + "': " + std::strerror(errno));
  }
  buffer_.reserve(kFlushBytes + (1 << 16));
}

JsonlWriter::~JsonlWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(tmp_path_.c_str());
}

void JsonlWriter::flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot write '" + tmp_path_ + "': " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
}

void JsonlWriter::commit() {
  flush();
  if (::fsync(fd_) != 0 || ::fchmod(fd_, 0644) != 0) {
    throw Error("cannot sync '" + tmp_path_ + "': " + std::strerror(errno));
  }
  ::close(fd_);
  fd_ = -1;
  if (::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    throw Error("cannot rename '" + tmp_path_ + "' onto '" + path_ + "': " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace anvil::datagen::detail
