# Installs the built tree into a fresh prefix, builds examples/consumer
# against it with find_package(Equilibria) only, and checks the program's
# answer on a game with a known value. Run by CTest with -D BUILD_DIR,
# SOURCE_DIR, GENERATOR, CXX_COMPILER, EXPECT_MAN.
set(work ${BUILD_DIR}/install-test)
set(prefix ${work}/prefix)
file(REMOVE_RECURSE ${work})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
set(expected_files
  bin/equilibria
  include/equilibria/io/nfg.hpp
  include/equilibria/solvers/lp/zero_sum_lp.hpp
  lib/cmake/Equilibria/EquilibriaConfig.cmake
  lib/cmake/Equilibria/EquilibriaConfigVersion.cmake
  lib/cmake/Equilibria/EquilibriaTargets.cmake)
if(EXPECT_MAN)
  list(APPEND expected_files share/man/man1/equilibria.1)
endif()
foreach(f ${expected_files})
  # GNUInstallDirs may pick lib64 for the library and its package files.
  string(REPLACE "lib/" "lib*/" pattern "${f}")
  file(GLOB found ${prefix}/${pattern})
  if(NOT found)
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
run(${prefix}/bin/equilibria --version)
if(NOT out MATCHES "^equilibria [0-9]")
  message(FATAL_ERROR "installed CLI --version printed: ${out}")
endif()

# Only the prefix: the consumer must not see the source or build tree.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${work}/consumer -G ${GENERATOR}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix}
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run(${CMAKE_COMMAND} --build ${work}/consumer)
run(${work}/consumer/minimax ${SOURCE_DIR}/tests/install/skewed_pennies.nfg)
set(expected "Row: 1=3/7 2=4/7\nColumn: 1=2/7 2=5/7\nvalue 1/7\nmax regret 0\n")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "consumer printed:\n${out}\nexpected:\n${expected}")
endif()
message(STATUS "installed, built examples/consumer against it, value 1/7")
