# Plots (line charts, histograms, bar charts, heatmaps) are drawn with cairo, to PNG or SVG.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
target_link_libraries(anvil PRIVATE PkgConfig::CAIRO)
list(APPEND ANVIL_PKG_CONFIG_DEPS "CAIRO cairo")
list(APPEND ANVIL_PCH_USAGE PkgConfig::CAIRO)
