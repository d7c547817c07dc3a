// Greedy generation by `anvil generate --json` and by llama.cpp itself (node-llama-cpp's prebuilt
// CPU binaries, tests/interop/llama_cpp_greedy.mjs, installed by scripts/setup.d/llama-cpp-npm.sh)
// from the same prompt ids, and the comparison of the two token sequences.
#pragma once

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "anvil/core/fs.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"

namespace anvil::testing {

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `anvil generate --json` on `model` (a folder or GGUF file, relative to `dir`) for every prompt
// in one batch: one object per prompt (prompt, prompt_ids, ids, margins, text).
inline std::vector<nlohmann::json> anvil_greedy(const std::string& dir, const std::string& model,
                                                const std::vector<std::string>& prompts,
                                                int max_tokens = 24) {
  std::string args =
      "generate --json --max-tokens " + std::to_string(max_tokens) + " --model " + model;
  for (const auto& p : prompts) args += " " + shell_quote(p);
  const auto r = run_anvil(args + " 2>/dev/null", dir);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::vector<nlohmann::json> out;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
  EXPECT_EQ(out.size(), prompts.size()) << r.output;
  return out;
}

// llama.cpp on `model` (+ the adapter GGUF `lora`), starting from anvil's prompt ids, as many
// tokens as anvil generated: [{"tokenized": llama.cpp's ids of the prompt, "generated": ids}].
inline nlohmann::json llama_cpp_greedy(const std::string& dir, const std::string& model,
                                       const std::vector<nlohmann::json>& anvil,
                                       const std::string& lora = "") {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& a : anvil)
    cases.push_back(
        {{"prompt", a["prompt"]}, {"prompt_ids", a["prompt_ids"]}, {"n", a["ids"].size()}});
  // Named per process: test processes may share `dir` (see ForeignHfFolder's cache).
  const std::string cases_file = dir + "/cases-" + std::to_string(::getpid()) + ".json";
  write_file_atomic(cases_file, cases.dump());
  const auto r = run_command("node '" ANVIL_SOURCE_DIR "/tests/interop/llama_cpp_greedy.mjs' '" +
                             npm_cache_dir() + "/llama-cpp' '" + dir + "/" + model + "' '" +
                             cases_file + "'" + (lora.empty() ? "" : " '" + dir + "/" + lora + "'") +
                             " 2>/dev/null");
  std::remove(cases_file.c_str());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (r.exit_code != 0) return nlohmann::json::array();
  return nlohmann::json::parse(r.output);
}

struct GreedyAgreement {
  size_t agreed = 0, total = 0;  // tokens before each sequence's first divergence, all tokens
};

// llama.cpp's greedy sequences must equal anvil's token for token, except that they may part at a
// near-tie: where anvil's best and second-best logits are within `tie` of each other (float32
// summation order). Prints "WHAT: llama.cpp and anvil agree on N of M greedy tokens".
inline GreedyAgreement expect_same_greedy_tokens(const std::vector<nlohmann::json>& anvil,
                                                 const nlohmann::json& cpp, const std::string& what,
                                                 double tie) {
  GreedyAgreement g;
  EXPECT_EQ(cpp.size(), anvil.size()) << what;
  if (cpp.size() != anvil.size()) return g;
  for (size_t i = 0; i < anvil.size(); ++i) {
    const auto& a = anvil[i]["ids"];
    const auto& c = cpp[i]["generated"];
    EXPECT_EQ(c.size(), a.size()) << what << ", prompt " << i;
    size_t k = 0;
    while (k < a.size() && k < c.size() && a[k] == c[k]) ++k;
    g.agreed += k;
    g.total += a.size();
    if (k < a.size() && k < c.size()) {
      const double margin = anvil[i]["margins"][k].get<double>();
      EXPECT_LT(margin, tie) << what << ", prompt " << i << ": llama.cpp chose " << c[k]
                             << " where anvil chose " << a[k] << " with a logit margin of "
                             << margin << " (not a near-tie)\nanvil:     " << a
                             << "\nllama.cpp: " << c;
    }
  }
  std::printf("%s: llama.cpp and anvil agree on %zu of %zu greedy tokens\n", what.c_str(), g.agreed,
              g.total);
  EXPECT_GT(g.total, 8 * anvil.size()) << what << ": too few tokens generated to compare";
  return g;
}

}  // namespace anvil::testing
