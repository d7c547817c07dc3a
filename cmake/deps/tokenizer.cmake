# The tokenize layer's pre-tokenizer uses PCRE2 (8-bit, with JIT): Debian's libpcre2-dev.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
target_link_libraries(anvil PRIVATE PkgConfig::PCRE2)
list(APPEND ANVIL_PKG_CONFIG_DEPS "PCRE2 libpcre2-8")
list(APPEND ANVIL_PCH_USAGE PkgConfig::PCRE2)
# tokenizer.json's NFC normalizer (Qwen2) uses ICU's Normalizer2: Debian's libicu-dev.
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc)
target_link_libraries(anvil PRIVATE PkgConfig::ICU)
list(APPEND ANVIL_PKG_CONFIG_DEPS "ICU icu-uc")
