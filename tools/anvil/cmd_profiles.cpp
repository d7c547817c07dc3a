// `anvil profiles`: list the hardware profiles --profile accepts.
#include <cstdio>

#include "anvil/pipeline/profiles.h"
#include "commands.h"

namespace anvil::cli {

void register_profiles(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("profiles", "List hardware profiles (batch size, device, memory)");
  cmd->callback([] {
    std::printf("%-8s %-6s %10s %8s  %s\n", "name", "device", "batch_size", "memory",
                "description");
    for (const auto& p : pipeline::hardware_profiles())
      std::printf("%-8s %-6s %10lld %6lldGB  %s\n", p.name.c_str(), p.device.c_str(),
                  static_cast<long long>(p.batch_size), static_cast<long long>(p.memory_gib),
                  p.description.c_str());
    std::printf("auto picks '%s' on this machine\n", pipeline::detect_profile().c_str());
  });
}

}  // namespace anvil::cli
