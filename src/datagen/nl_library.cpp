// Parser, instantiation and test runner for annotated `.nl` program files (see nl_library.h).
#include "anvil/datagen/nl_library.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

namespace fs = std::filesystem;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

[[noreturn]] void fail_at(const std::string& path, int line, const std::string& what) {
  throw Error(path + ":" + std::to_string(line) + ": " + what);
}

bool parse_int(std::string_view s, int64_t* out) {
  s = trim(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// "1, -2, 3" -> {1, -2, 3}; "" -> {}.
std::vector<int64_t> parse_int_list(std::string_view s, const std::string& path, int line) {
  std::vector<int64_t> values;
  s = trim(s);
  if (s.empty()) return values;
  while (true) {
    const size_t comma = s.find(',');
    const std::string_view item = trim(s.substr(0, comma));
    int64_t v = 0;
    if (!parse_int(item, &v))
      fail_at(path, line, "expected an integer, found '" + std::string(item) + "'");
    values.push_back(v);
    if (comma == std::string_view::npos) break;
    s = s.substr(comma + 1);
  }
  return values;
}

struct PlaceholderUse {
  std::string name;
  int line;
};

// Collects "{name}" placeholders in `text`; a '{' that does not open one is an error.
void collect_placeholders(std::string_view text, const std::string& path, int line,
                          std::vector<PlaceholderUse>* uses) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    const size_t close = text.find('}', i);
    const std::string_view name =
        close == std::string_view::npos ? std::string_view() : text.substr(i + 1, close - i - 1);
    if (!is_identifier(name)) {
      fail_at(path, line,
              "malformed placeholder in '" + std::string(trim(text)) +
                  "' (expected {name} naming a @param)");
    }
    uses->push_back({std::string(name), line});
    i = close;
  }
}

int find_param(const NlProgram& program, std::string_view name) {
  for (size_t i = 0; i < program.params.size(); ++i) {
    if (program.params[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// Replaces "{name}" for known params; anything else is copied unchanged.
void substitute(const NlProgram& program, std::string_view text, const std::vector<int64_t>& values,
                std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        const int index = find_param(program, text.substr(i + 1, close - i - 1));
        if (index >= 0) {
          append_int(*out, values[static_cast<size_t>(index)]);
          i = close;
          continue;
        }
      }
    }
    *out += text[i];
  }
}

void parse_param(std::string_view value, const std::string& path, int line, NlProgram* program) {
  // "n int 0..12"
  std::vector<std::string_view> words;
  while (!(value = trim(value)).empty()) {
    size_t end = 0;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end]))) ++end;
    words.push_back(value.substr(0, end));
    value = value.substr(end);
  }
  if (words.size() != 3) {
    fail_at(path, line,
            "@param expects 'NAME int LO..HI', found " + std::to_string(words.size()) + " words");
  }
  NlParam param;
  param.name = std::string(words[0]);
  param.line = line;
  if (!is_identifier(param.name)) fail_at(path, line, "invalid @param name '" + param.name + "'");
  if (find_param(*program, param.name) >= 0) {
    fail_at(path, line, "duplicate @param '" + param.name + "'");
  }
  if (words[1] != "int") {
    fail_at(path, line, "unknown @param type '" + std::string(words[1]) + "' (only 'int' exists)");
  }
  const size_t dots = words[2].find("..");
  if (dots == std::string_view::npos || !parse_int(words[2].substr(0, dots), &param.lo) ||
      !parse_int(words[2].substr(dots + 2), &param.hi)) {
    fail_at(path, line,
            "@param range must look like LO..HI, found '" + std::string(words[2]) + "'");
  }
  if (param.lo > param.hi)
    fail_at(path, line, "@param range " + std::string(words[2]) + " is empty");
  program->params.push_back(param);
}

void parse_test(std::string_view value, const std::string& path, int line, NlProgram* program) {
  const size_t arrow = value.find("->");
  if (arrow == std::string_view::npos) {
    fail_at(path, line,
            "@test expects 'INPUTS -> OUTPUTS', found '" + std::string(trim(value)) + "'");
  }
  NlTest test;
  test.line = line;
  test.inputs = parse_int_list(value.substr(0, arrow), path, line);
  test.expected = parse_int_list(value.substr(arrow + 2), path, line);
  program->tests.push_back(std::move(test));
}

std::string join_values(const std::vector<int64_t>& values) {
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) s += ", ";
    append_int(s, values[i]);
  }
  return s;
}

// Whole-file checks once every annotation is known: prompts, placeholders, @test arity, and that
// the program assembles (errors name path:line since line numbers are preserved).
void check_program(const NlProgram& program, const std::vector<PlaceholderUse>& uses,
                   const std::vector<int>& prompt_lines) {
  if (program.prompts.empty()) {
    fail_at(program.path, 1, "no @prompt annotation (at least one is required)");
  }
  if (program.params.size() > static_cast<size_t>(kMaxOperands)) {
    fail_at(program.path, program.params.back().line,
            "at most " + std::to_string(kMaxOperands) + " @param are allowed");
  }
  for (const PlaceholderUse& use : uses) {
    if (find_param(program, use.name) < 0) {
      fail_at(program.path, use.line, "placeholder {" + use.name + "} has no matching @param");
    }
  }
  for (size_t i = 0; i < program.prompts.size(); ++i) {
    for (const NlParam& param : program.params) {
      if (program.prompts[i].find("{" + param.name + "}") == std::string::npos) {
        fail_at(program.path, prompt_lines[i], "@prompt does not mention {" + param.name + "}");
      }
    }
  }
  for (const NlTest& test : program.tests) {
    if (test.inputs.size() != program.params.size()) {
      fail_at(program.path, test.line,
              "@test has " + std::to_string(test.inputs.size()) + " inputs but the file declares " +
                  std::to_string(program.params.size()) + " @param");
    }
  }
  std::vector<int64_t> lows;
  for (const NlParam& param : program.params) lows.push_back(param.lo);
  assemble(instantiate_nl_program(program, lows), program.path);
}

}  // namespace

NlProgram parse_nl_source(std::string_view text, const std::string& path) {
  NlProgram program;
  program.path = path;
  program.source = std::string(text);
  std::vector<PlaceholderUse> uses;
  std::vector<int> prompt_lines;

  int line = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view raw = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line;
    const std::string_view stripped = trim(raw);
    if (stripped.empty() || stripped[0] != ';') {
      // Code: placeholders are checked in the part before any comment.
      collect_placeholders(stripped.substr(0, stripped.find(';')), path, line, &uses);
      continue;
    }
    const std::string_view comment = trim(stripped.substr(1));
    if (comment.empty() || comment[0] != '@') {
      if (program.description.empty() && !comment.empty()) program.description = comment;
      continue;
    }
    const size_t colon = comment.find(':');
    if (colon == std::string_view::npos) {
      fail_at(path, line, "annotation '" + std::string(comment) + "' needs a ':' after its name");
    }
    const std::string_view key = trim(comment.substr(1, colon - 1));
    const std::string_view value = trim(comment.substr(colon + 1));
    if (key == "intent") {
      if (!is_identifier(value))
        fail_at(path, line, "invalid @intent '" + std::string(value) + "'");
      program.intent = std::string(value);
    } else if (key == "prompt") {
      if (value.empty()) fail_at(path, line, "empty @prompt");
      collect_placeholders(value, path, line, &uses);
      program.prompts.emplace_back(value);
      prompt_lines.push_back(line);
    } else if (key == "param") {
      parse_param(value, path, line, &program);
    } else if (key == "test") {
      parse_test(value, path, line, &program);
    } else {
      fail_at(path, line,
              "unknown annotation '@" + std::string(key) +
                  "' (expected @intent, @prompt, @param or @test)");
    }
  }

  if (program.intent.empty()) program.intent = fs::path(path).stem().string();
  check_program(program, uses, prompt_lines);
  return program;
}

NlProgram parse_nl_file(const std::string& path) { return parse_nl_source(read_file(path), path); }

std::vector<NlProgram> load_nl_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error("program library directory '" + dir + "' not found");
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".nl") {
      paths.push_back(entry.path().string());
    }
  }
  if (ec) throw Error("cannot list '" + dir + "': " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<NlProgram> programs;
  programs.reserve(paths.size());
  for (const std::string& path : paths) programs.push_back(parse_nl_file(path));
  return programs;
}

std::string instantiate_nl_program(const NlProgram& program, const std::vector<int64_t>& values,
                                   bool compact) {
  if (values.size() != program.params.size()) {
    throw Error(program.path + ": expected " + std::to_string(program.params.size()) +
                " parameter values, got " + std::to_string(values.size()));
  }
  std::string out;
  out.reserve(program.source.size());
  if (!compact) {
    substitute(program, program.source, values, &out);
    return out;
  }
  std::string_view text = program.source;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    line = trim(line.substr(0, line.find(';')));
    if (line.empty()) continue;
    substitute(program, line, values, &out);
    out += '\n';
  }
  return out;
}

std::string render_nl_prompt(const NlProgram& program, std::string_view prompt,
                             const std::vector<int64_t>& values) {
  std::string out;
  substitute(program, prompt, values, &out);
  return out;
}

std::vector<int64_t> run_nl_program(const NlProgram& program, const std::vector<int64_t>& values) {
  return run(assemble(instantiate_nl_program(program, values), program.path)).output;
}

NlTestReport run_nl_tests(const std::string& dir_or_file) {
  std::error_code ec;
  std::vector<std::string> paths;
  if (fs::is_directory(dir_or_file, ec)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir_or_file, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".nl") {
        paths.push_back(entry.path().string());
      }
    }
    std::sort(paths.begin(), paths.end());
  } else if (fs::is_regular_file(dir_or_file, ec)) {
    paths.push_back(dir_or_file);
  } else {
    throw Error("'" + dir_or_file + "' is neither a .nl file nor a directory");
  }

  NlTestReport report;
  auto record = [&report](NlTestResult result) {
    (result.passed ? report.passed : report.failed)++;
    report.results.push_back(std::move(result));
  };
  for (const std::string& path : paths) {
    NlProgram program;
    try {
      program = parse_nl_file(path);
    } catch (const std::exception& e) {
      record({path, 0, "", false, e.what()});
      continue;
    }
    for (const NlTest& test : program.tests) {
      NlTestResult result{path, test.line, program.intent, false, ""};
      const std::string call = join_values(test.inputs) + " -> ";
      try {
        const std::vector<int64_t> got = run_nl_program(program, test.inputs);
        result.passed = got == test.expected;
        result.message = result.passed ? call + join_values(got)
                                       : call + "expected [" + join_values(test.expected) +
                                             "], got [" + join_values(got) + "]";
      } catch (const std::exception& e) {
        result.message = call + "error: " + e.what();
      }
      record(std::move(result));
    }
  }
  return report;
}

}  // namespace anvil::datagen
