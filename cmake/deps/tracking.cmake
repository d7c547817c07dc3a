# Experiment tracking: the SQLite run store and the dashboard's HTTP server (Debian's cpp-httplib
# is a compiled library; its pkg-config flags carry the feature defines its ABI was built with).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
target_link_libraries(anvil PRIVATE PkgConfig::SQLITE3 PkgConfig::HTTPLIB)
list(APPEND ANVIL_PKG_CONFIG_DEPS "SQLITE3 sqlite3" "HTTPLIB cpp-httplib")
list(APPEND ANVIL_PCH_USAGE PkgConfig::SQLITE3 PkgConfig::HTTPLIB)
