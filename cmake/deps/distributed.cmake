# Distributed training (src/train/dist): c10d's ProcessGroupGloo needs the gloo headers (Debian:
# libgloo-dev; some LibTorch downloads ship them in their include folder). Found -> the process
# group is compiled with USE_C10D_GLOO; missing -> anvil still builds and says at run time what to
# install. NCCL (CUDA LibTorch) is opt-in: -DANVIL_NCCL=ON.
include(CheckIncludeFileCXX)
set(ANVIL_DIST_SOURCE ${PROJECT_SOURCE_DIR}/src/train/dist/process_group.cpp)
set(CMAKE_REQUIRED_INCLUDES ${TORCH_INCLUDE_DIRS})
check_include_file_cxx(gloo/config.h ANVIL_HAVE_GLOO_HEADERS)
unset(CMAKE_REQUIRED_INCLUDES)
option(ANVIL_NCCL "Build the NCCL process group (CUDA LibTorch with NCCL headers)" OFF)
set(ANVIL_DIST_DEFINES "")
if(ANVIL_HAVE_GLOO_HEADERS)
  list(APPEND ANVIL_DIST_DEFINES USE_DISTRIBUTED=1 USE_C10D_GLOO=1 ANVIL_WITH_GLOO=1)
  message(STATUS "anvil: distributed training with c10d Gloo")
else()
  message(WARNING "anvil: gloo/config.h not found (Debian: apt install libgloo-dev): distributed "
                  "training will report that it is unavailable")
endif()
if(ANVIL_NCCL)
  if(NOT TARGET c10_cuda)
    message(FATAL_ERROR "ANVIL_NCCL=ON needs a CUDA build of LibTorch")
  endif()
  list(APPEND ANVIL_DIST_DEFINES USE_C10D_NCCL=1 ANVIL_WITH_NCCL=1)
  message(STATUS "anvil: distributed training with c10d NCCL")
endif()
# Only this file sees the defines; it skips the precompiled header (built without them).
set_source_files_properties(${ANVIL_DIST_SOURCE} PROPERTIES
  COMPILE_DEFINITIONS "${ANVIL_DIST_DEFINES}" SKIP_PRECOMPILE_HEADERS ON)
