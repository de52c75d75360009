# room_qml_files_at_module_root(FILE...): QML and JS files kept in a qml/ folder are placed at the
# root of their QML module, where the module's other types are in scope without an import.
function(room_qml_files_at_module_root)
  foreach(file ${ARGN})
    get_filename_component(name ${file} NAME)
    set_source_files_properties(${file} PROPERTIES QT_RESOURCE_ALIAS ${name})
  endforeach()
endfunction()

# room_own_warnings(FILE...): the project's warnings for our own C++ files in a Qt target, whose
# generated sources (qmlcachegen, rcc) would trip them inside Qt's code.
function(room_own_warnings)
  get_target_property(flags room_warnings INTERFACE_COMPILE_OPTIONS)
  set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} PROPERTIES COMPILE_OPTIONS "${flags}")
endfunction()
