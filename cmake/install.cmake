# `cmake --install`: headers, the engine library with a CMake package
# (find_package(Equilibria) -> Equilibria::equilibria), the CLI and its man page.
include(CMakePackageConfigHelpers)

install(TARGETS equilibria_core EXPORT EquilibriaTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS equilibria RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/equilibria DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")

set(EQUILIBRIA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Equilibria)
install(EXPORT EquilibriaTargets NAMESPACE Equilibria:: DESTINATION ${EQUILIBRIA_CMAKE_DIR})
get_target_property(_core_type equilibria_core TYPE)
if(_core_type STREQUAL "STATIC_LIBRARY")
  set(EQUILIBRIA_CORE_STATIC TRUE)
else()
  set(EQUILIBRIA_CORE_STATIC FALSE)
endif()
configure_package_config_file(cmake/EquilibriaConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/EquilibriaConfig.cmake INSTALL_DESTINATION ${EQUILIBRIA_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/EquilibriaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/EquilibriaConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/EquilibriaConfigVersion.cmake DESTINATION ${EQUILIBRIA_CMAKE_DIR})

# The man page is the CLI's --help, when help2man is there; optional.
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE)
  set(_man ${CMAKE_CURRENT_BINARY_DIR}/equilibria.1)
  # Run from the build directory so the usage line names ./equilibria, not a build path.
  add_custom_command(OUTPUT ${_man}
    COMMAND ${HELP2MAN_EXECUTABLE} --no-info --no-discard-stderr
      --name "compute and certify equilibria of games" --output ${_man} ./equilibria
    WORKING_DIRECTORY $<TARGET_FILE_DIR:equilibria>
    DEPENDS equilibria VERBATIM)
  add_custom_target(equilibria_man ALL DEPENDS ${_man})
  install(FILES ${_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
