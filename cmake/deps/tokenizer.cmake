# The tokenize layer's pre-tokenizer uses PCRE2 (8-bit, with JIT): Debian's libpcre2-dev.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
target_link_libraries(anvil PUBLIC PkgConfig::PCRE2)
