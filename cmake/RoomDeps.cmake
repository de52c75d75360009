# Third-party libraries, all from Debian 12 packages (packaging/debian-build-deps.txt).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(libwebsockets REQUIRED)

# MuPDF ships as a static (PIC) archive whose pkg-config file omits harfbuzz; link it once,
# into the shared room_pdf library, so executables stay small and link fast.
pkg_check_modules(MUPDF REQUIRED IMPORTED_TARGET mupdf)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
add_library(room_mupdf INTERFACE)
target_link_libraries(room_mupdf INTERFACE ${MUPDF_STATIC_LIBRARIES} PkgConfig::HARFBUZZ)
target_link_directories(room_mupdf INTERFACE ${MUPDF_STATIC_LIBRARY_DIRS})
target_include_directories(room_mupdf SYSTEM INTERFACE ${MUPDF_STATIC_INCLUDE_DIRS})
