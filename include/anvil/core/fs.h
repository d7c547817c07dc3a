// Filesystem helpers: atomic file writes (temp file in the same directory, fsync, rename, fsync the
// directory) so a crash never leaves a half-written file in place of a good one, and whole-file
// reads with errors that name the path.
#pragma once

#include <string>
#include <string_view>

namespace anvil {

// Writes `data` to `path` atomically. Creates parent directories. Throws anvil::Error naming the
// path.
void write_file_atomic(const std::string& path, std::string_view data);

// Reads a whole file. Throws anvil::Error naming the path if it cannot be opened or read.
std::string read_file(const std::string& path);

// Creates `dir` and its parents if missing.
void ensure_directory(const std::string& dir);

bool file_exists(const std::string& path);

}  // namespace anvil
