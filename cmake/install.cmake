# Install rules, the exported target anvil::anvil with its anvilConfig.cmake, and the .deb package
# (`cpack -G DEB` in the build folder). A consumer needs only:
#   find_package(anvil CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE anvil::anvil)
include(CMakePackageConfigHelpers)
set(ANVIL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/anvil)

install(TARGETS anvil EXPORT anvilTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/anvil DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${ANVIL_GENERATED}/anvil/core/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/anvil/core)
install(EXPORT anvilTargets NAMESPACE anvil:: DESTINATION ${ANVIL_CMAKE_DIR})

# "CAIRO cairo;PCRE2 libpcre2-8;..." -> CAIRO:cairo PCRE2:libpcre2-8 ... for the config's foreach.
string(REPLACE " " ":" ANVIL_PKG_CONFIG_DEPS_ESCAPED "${ANVIL_PKG_CONFIG_DEPS}")
string(REPLACE ";" " " ANVIL_PKG_CONFIG_DEPS_ESCAPED "${ANVIL_PKG_CONFIG_DEPS_ESCAPED}")
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/anvilConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/anvilConfig.cmake
                              INSTALL_DESTINATION ${ANVIL_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/anvilConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/anvilConfig.cmake ${PROJECT_BINARY_DIR}/anvilConfigVersion.cmake
        DESTINATION ${ANVIL_CMAKE_DIR})

if(TARGET anvil_cli)
  install(TARGETS anvil_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/configs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/anvil/configs)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/ DESTINATION ${CMAKE_INSTALL_DATADIR}/anvil/lib)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The .deb: the library is static, so the package depends on the -dev packages whose libraries
# and headers a consumer links and includes.
set(CPACK_PACKAGE_NAME anvil)
set(CPACK_PACKAGE_VENDOR "anvil")
set(CPACK_PACKAGE_CONTACT "anvil developers <anvil@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Native C++ toolkit and CLI to train, fine-tune, evaluate and ship ML models (LibTorch)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libtorch-dev, libopenblas0-openmp, libyaml-cpp-dev, libsimdjson-dev, nlohmann-json3-dev, libcairo2-dev, libpcre2-dev, libicu-dev, libsqlite3-dev, libcpp-httplib-dev, pkg-config")
include(CPack)
