// Run directory creation.
#include "anvil/pipeline/run_dir.h"

#include <ctime>
#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::pipeline {
namespace fs = std::filesystem;

std::string create_run_dir(const std::string& base, const std::string& name) {
  ensure_directory(base);
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  const std::string stem = base + "/" + name + "-" + stamp;
  for (int i = 0; i < 1000; ++i) {
    std::string dir = i == 0 ? stem : stem + "-" + std::to_string(i + 1);
    std::error_code ec;
    if (fs::create_directory(dir, ec)) return dir;
    if (ec) throw Error("cannot create run directory '" + dir + "': " + ec.message());
  }
  throw Error("cannot create a unique run directory under '" + base + "'");
}

bool has_last_checkpoint(const std::string& run_dir) {
  return file_exists(run_dir + "/checkpoints/last.safetensors");
}

void update_latest_link(const std::string& base, const std::string& run_dir) {
  const fs::path link = fs::path(base) / "latest";
  const fs::path tmp = fs::path(base) / ".latest.tmp";
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_directory_symlink(fs::path(run_dir).filename(), tmp, ec);
  if (ec) return;  // filesystems without symlinks: not fatal
  fs::rename(tmp, link, ec);
}

}  // namespace anvil::pipeline
