// LinePrefixer: turns a rank's output, as it arrives in arbitrary chunks, into whole lines each
// starting with "[rank N] ". "\n", "\r\n" and a lone "\r" end a line and are kept as they were, so
// a progress bar redrawn with "\r" still redraws in place; an empty line ended by a lone "\r" (the
// "\r" that starts a redraw) is dropped rather than printed as a bare prefix. Used by launch.cpp.
#pragma once

#include <cstddef>
#include <string>

namespace anvil::dist {

class LinePrefixer {
 public:
  // A line still incomplete at this many bytes is passed on with a newline added (split).
  static constexpr size_t kMaxLine = 64 * 1024;

  LinePrefixer() = default;
  explicit LinePrefixer(std::string prefix) : prefix_(std::move(prefix)) {}

  // Adds `n` bytes; returns the lines they complete, prefixed ("" if none). A "\r" at the very
  // end is held until the next byte says whether it is part of "\r\n".
  std::string feed(const char* data, size_t n);
  // The incomplete last line, prefixed and with "\n" added ("" if there is none); the held "\r",
  // if any, is replaced by that newline. Call when the stream ends.
  std::string flush();

 private:
  std::string prefix_;
  std::string pending_;  // bytes of the current, incomplete line
};

}  // namespace anvil::dist
