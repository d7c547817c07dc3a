// The CLI's side of library errors: a hint naming the flag or command for the option an
// anvil::Error is about ("" when there is none).
#pragma once

#include <string>

#include "anvil/core/error.h"

namespace anvil::cli {

std::string flag_hint(const Error& e);

}  // namespace anvil::cli
