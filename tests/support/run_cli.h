// Test support: run the anvil binary (or any shell command) and capture its exit code and output;
// make and remove temporary directories.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace anvil::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together (unless the command redirects stderr)
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  // Grouped, so a redirection inside `command` (e.g. 2>/dev/null) wins over the outer 2>&1.
  FILE* pipe = ::popen(("{ " + command + "\n} 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs `anvil ARGS` (the real start-up path) from directory `cwd`.
inline CommandResult run_anvil(const std::string& args, const std::string& cwd = ".") {
  return run_command("cd '" + cwd + "' && '" + std::string(ANVIL_BINARY) + "' " + args);
}

class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / ("anvil-" + tag + "-XXXXXX")).string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty() && !std::getenv("ANVIL_KEEP_TEST_DIRS"))
      std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace anvil::testing
