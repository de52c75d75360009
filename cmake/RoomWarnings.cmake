# Compiler warnings and sanitizers shared by every target of the project.
add_library(room_warnings INTERFACE)
target_compile_options(room_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(ROOM_WERROR)
  target_compile_options(room_warnings INTERFACE -Werror)
endif()
if(ROOM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
