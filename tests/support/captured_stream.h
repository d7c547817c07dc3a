// What a piece of code printed to a stream: a temporary file stands in for a log (not a terminal,
// so progress bars print plain lines).
#pragma once

#include <cstdio>
#include <string>

namespace anvil::testing {

template <typename Write>
std::string captured_stream(Write write) {
  FILE* log = std::tmpfile();
  write(log);
  std::fflush(log);
  std::rewind(log);
  std::string text;
  for (int c = std::fgetc(log); c != EOF; c = std::fgetc(log)) text += static_cast<char>(c);
  std::fclose(log);
  return text;
}

}  // namespace anvil::testing
