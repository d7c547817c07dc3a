// Test and benchmark support: real text found on the machine (license texts, man pages, C
// headers), cut into documents at line ends, valid UTF-8 only, in a fixed order, so reference
// comparisons run on the same >= 1 MB every time. Also locates the npm reference packages.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "anvil/core/utf8.h"

namespace anvil::testing {

// Cuts `text` into documents of at most `max_doc` bytes, ending at a newline where possible, and
// appends the valid UTF-8 ones.
inline void append_documents(const std::string& text, size_t max_doc,
                             std::vector<std::string>& docs, size_t& total) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = std::min(text.size(), pos + max_doc);
    if (end < text.size()) {
      const size_t nl = text.rfind('\n', end - 1);
      if (nl != std::string::npos && nl > pos) end = nl + 1;
    }
    std::string doc = text.substr(pos, end - pos);
    pos = end;
    if (doc.find("<|endoftext|>") != std::string::npos || !is_valid_utf8(doc)) continue;
    total += doc.size();
    docs.push_back(std::move(doc));
  }
}

inline std::vector<std::string> sorted_files(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string p = e.path().string();
    if (e.is_regular_file() && p.size() >= suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string read_command_output(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

// At least `min_bytes` of text (fewer only if the machine has less), in documents of at most
// `max_doc` bytes: license texts, man pages (decompressed with zcat; English and translated),
// then C headers.
inline std::vector<std::string> real_text_corpus(size_t min_bytes, size_t max_doc = 16384) {
  std::vector<std::string> docs;
  size_t total = 0;
  auto add_file = [&](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    append_documents(ss.str(), max_doc, docs, total);
  };
  for (const auto& f : sorted_files("/usr/share/common-licenses", "")) {
    if (total >= min_bytes) return docs;
    add_file(f);
  }
  // Man pages: English, then translations (Cyrillic, CJK, accented Latin) for Unicode coverage.
  std::set<std::string> used;
  auto add_man_pages = [&](const std::string& dir, size_t until) {
    auto pages = sorted_files(dir, ".gz");
    pages.erase(std::remove_if(pages.begin(), pages.end(),
                               [&](const std::string& p) { return used.count(p) > 0; }),
                pages.end());
    for (size_t i = 0; i < pages.size() && total < until; i += 5) {
      std::string cmd = "zcat";
      for (size_t j = i; j < std::min(pages.size(), i + 5); ++j) {
        cmd += " '" + pages[j] + "'";
        used.insert(pages[j]);
      }
      append_documents(read_command_output(cmd + " 2>/dev/null"), max_doc, docs, total);
    }
  };
  add_man_pages("/usr/share/man/man1", total + min_bytes * 3 / 10);
  for (const char* lang : {"ru", "ja", "ko", "de", "fr", "pl", "tr", "pt_BR"})
    add_man_pages(std::string("/usr/share/man/") + lang + "/man1", total + min_bytes / 20);
  for (const auto& f : sorted_files("/usr/include", ".h")) {
    if (total >= min_bytes) break;
    add_file(f);
  }
  for (const char* section : {"/usr/share/man/man1", "/usr/share/man/man3", "/usr/share/man/man8"})
    add_man_pages(section, min_bytes);  // large requests (benchmarks): more man pages
  return docs;
}

}  // namespace anvil::testing
