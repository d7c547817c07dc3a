// Reporting sinks (see anvil/core/sink.h).
#include "anvil/core/sink.h"

#include <cstdarg>
#include <vector>

namespace anvil {
namespace {

std::string vformat(const char* format, va_list args) {
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n <= 0) return "";
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  std::vsnprintf(buf.data(), buf.size(), format, args);
  return std::string(buf.data(), static_cast<size_t>(n));
}

}  // namespace

void StreamSink::write(Channel channel, const std::string& text) {
  std::FILE* stream = channel == Channel::kResult ? result_ : log_;
  if (!stream) return;
  std::fwrite(text.data(), 1, text.size(), stream);
  std::fflush(stream);
}

void log_line(Sink* sink, const char* format, ...) {
  if (!sink) return;
  va_list args;
  va_start(args, format);
  std::string text = vformat(format, args);
  va_end(args);
  sink->write(Channel::kLog, text + "\n");
}

void emit(Sink* sink, Channel channel, const char* format, ...) {
  if (!sink) return;
  va_list args;
  va_start(args, format);
  std::string text = vformat(format, args);
  va_end(args);
  sink->write(channel, text);
}

}  // namespace anvil
