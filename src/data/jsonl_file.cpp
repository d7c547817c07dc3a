// JsonlFile: mmap the file, then index line starts with memchr.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include "anvil/core/error.h"
#include "anvil/data/jsonl.h"

namespace anvil::data {

namespace {

bool is_blank(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != ' ' && p[i] != '\t') return false;
  }
  return true;
}

}  // namespace

JsonlFile::JsonlFile(std::string path) : path_(std::move(path)) {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot open '" + path_ + "': " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    throw Error("cannot stat '" + path_ + "': " + why);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error("cannot read '" + path_ + "': not a regular file");
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw Error("cannot map '" + path_ + "': " + why);
    }
    ::madvise(map, size_, MADV_SEQUENTIAL);  // a hint only; failure is harmless
    data_ = static_cast<const char*>(map);
  }
  ::close(fd);  // the mapping stays valid
  try {
    build_index();
  } catch (...) {
    unmap();
    throw;
  }
}

JsonlFile::~JsonlFile() { unmap(); }

JsonlFile::JsonlFile(JsonlFile&& other) noexcept
    : path_(std::move(other.path_)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      lines_(std::move(other.lines_)) {
  other.lines_.clear();
}

JsonlFile& JsonlFile::operator=(JsonlFile&& other) noexcept {
  if (this != &other) {
    unmap();
    path_ = std::move(other.path_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    lines_ = std::move(other.lines_);
    other.lines_.clear();
  }
  return *this;
}

void JsonlFile::unmap() noexcept {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

void JsonlFile::build_index() {
  size_t pos = 0;
  if (size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0) pos = 3;  // UTF-8 BOM
  uint64_t number = 0;
  while (pos < size_) {
    ++number;
    const char* start = data_ + pos;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', size_ - pos));
    size_t length = nl ? static_cast<size_t>(nl - start) : size_ - pos;
    pos += length + (nl ? 1 : 0);
    if (length > 0 && start[length - 1] == '\r') --length;
    if (is_blank(start, length)) continue;
    if (length > std::numeric_limits<uint32_t>::max() ||
        number > std::numeric_limits<uint32_t>::max()) {
      throw Error(path_ + ":" + std::to_string(number) + ": line too long or too many lines");
    }
    lines_.push_back({static_cast<uint64_t>(start - data_), static_cast<uint32_t>(length),
                      static_cast<uint32_t>(number)});
  }
}

void JsonlFile::check_index(size_t i) const {
  if (i >= lines_.size()) {
    throw Error(path_ + ": line index " + std::to_string(i) + " out of range (" +
                std::to_string(lines_.size()) + " non-blank lines)");
  }
}

std::string_view JsonlFile::line(size_t i) const {
  check_index(i);
  return {data_ + lines_[i].begin, lines_[i].length};
}

size_t JsonlFile::line_number(size_t i) const {
  check_index(i);
  return lines_[i].number;
}

}  // namespace anvil::data
