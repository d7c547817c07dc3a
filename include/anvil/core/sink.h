// Sink: where library code reports what it is doing (log lines: "resuming at epoch 3", "skipped 2
// records") and what the caller asked for (results: tables, summaries). Library code never prints;
// the caller injects a sink. The CLI's writes log lines to stderr and results to stdout; with no
// sink (nullptr, the default in options structs) both are dropped.
#pragma once

#include <cstdio>
#include <string>

namespace anvil {

enum class Channel { kLog, kResult };

class Sink {
 public:
  virtual ~Sink() = default;
  // `text` exactly as it should appear (newlines included).
  virtual void write(Channel channel, const std::string& text) = 0;
};

// A sink over two stdio streams, flushed after each write (e.g. stderr for logs, stdout for
// results).
class StreamSink : public Sink {
 public:
  StreamSink(std::FILE* log, std::FILE* result) : log_(log), result_(result) {}
  void write(Channel channel, const std::string& text) override;

 private:
  std::FILE* log_;
  std::FILE* result_;
};

// printf-style reporting through a sink that may be null. log_line adds the newline; emit writes
// the text as formatted.
void log_line(Sink* sink, const char* format, ...) __attribute__((format(printf, 2, 3)));
void emit(Sink* sink, Channel channel, const char* format, ...)
    __attribute__((format(printf, 3, 4)));

}  // namespace anvil
