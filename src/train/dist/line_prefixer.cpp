// LinePrefixer: chunks of a rank's output -> prefixed lines (see line_prefixer.h).
#include "line_prefixer.h"

namespace anvil::dist {

std::string LinePrefixer::feed(const char* data, size_t n) {
  pending_.append(data, n);
  std::string out;
  size_t start = 0;  // first byte of the line being scanned
  for (size_t i = 0; i < pending_.size(); ++i) {
    const char c = pending_[i];
    if (c == '\n') {
      out += prefix_;
      out.append(pending_, start, i + 1 - start);
      start = i + 1;
    } else if (c == '\r') {
      if (i + 1 == pending_.size()) break;  // "\r\n" or a lone "\r"? the next chunk tells
      const size_t end = pending_[i + 1] == '\n' ? i + 2 : i + 1;
      if (end == i + 2 || i > start) {  // a lone "\r" after nothing: a redraw starts, no line
        out += prefix_;
        out.append(pending_, start, end - start);
      }
      start = end;
      i = end - 1;
    }
  }
  pending_.erase(0, start);
  if (pending_.size() >= kMaxLine) {
    out += prefix_ + pending_ + "\n";
    pending_.clear();
  }
  return out;
}

std::string LinePrefixer::flush() {
  if (!pending_.empty() && pending_.back() == '\r') pending_.pop_back();
  if (pending_.empty()) return "";
  std::string out = prefix_ + pending_ + "\n";
  pending_.clear();
  return out;
}

}  // namespace anvil::dist
