// Fingerprints of progressive phases, phase.json records and copying finished phase folders.
#include "anvil/pipeline/phase_reuse.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::pipeline {
namespace {

const char* const kNoEffect[] = {
    "run.name",    "run.dir", "run.device",      "run.threads",
    "run.profile", "track",   "lm.reuse_phases", "lm.checkpoint_every"};
const char* const kLoraPhasesOnly[] = {"lm.phase_lr", "lm.phase_epochs", "lm.replay_fraction",
                                       "lm.phase_prompt_loss_weight"};

void drop(Config& c, const std::string& key) {
  if (c.has(key)) c.apply_override("~" + key);
}

}  // namespace

std::vector<std::string> phase_fingerprints(const Config& config) {
  const Config resolved = config.resolved();
  const auto phases = resolved.get_string_list("lm.phases");
  std::vector<std::string> out;
  for (size_t p = 0; p < phases.size(); ++p) {
    Config c = resolved;
    for (const char* key : kNoEffect) drop(c, key);
    if (p == 0) {
      for (const char* key : kLoraPhasesOnly) drop(c, key);
      if (c.get_string("lm.base_model").empty()) drop(c, "lora");
    }
    const nlohmann::json so_far(std::vector<std::string>(phases.begin(), phases.begin() + p + 1));
    c.apply_override("lm.phases=" + so_far.dump());
    out.push_back(c.hash());
  }
  return out;
}

void write_finished_phase(const std::string& phase_dir, const FinishedPhase& phase) {
  const nlohmann::json j = {{"fingerprint", phase.fingerprint},
                            {"model", phase.model},
                            {"scores", phase.scores},
                            {"seconds", phase.seconds}};
  write_file_atomic(phase_dir + "/phase.json", j.dump(2) + "\n");
}

std::optional<FinishedPhase> read_finished_phase(const std::string& phase_dir) {
  const std::string path = phase_dir + "/phase.json";
  if (!file_exists(path)) return std::nullopt;
  try {
    const auto j = nlohmann::json::parse(read_file(path));
    FinishedPhase f;
    f.fingerprint = j.at("fingerprint").get<std::string>();
    f.model = j.at("model").get<std::string>();
    f.scores = j.at("scores").get<std::map<std::string, double>>();
    f.seconds = j.at("seconds").get<double>();
    if (f.model.empty() || f.model.find("..") != std::string::npos || f.model.front() == '/')
      throw Error("\"model\" must be a folder inside the phase folder, got '" + f.model + "'");
    return f;
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not a finished-phase record: " + e.what());
  } catch (const Error& e) {
    throw e.with_context(path);
  }
}

void copy_finished_phase(const std::string& from, const std::string& to) {
  namespace fs = std::filesystem;
  try {
    fs::create_directories(to);
    for (const auto& entry : fs::directory_iterator(from)) {
      if (entry.path().filename() == "checkpoints") continue;
      fs::copy(entry.path(), fs::path(to) / entry.path().filename(),
               fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    }
  } catch (const fs::filesystem_error& e) {
    throw Error("copying finished phase " + from + " to " + to + ": " + e.what());
  }
}

}  // namespace anvil::pipeline
