# The dependency rules of docs/architecture.md, checked on the sources:
#
#   cmake -DROOT=<source dir> -P cmake/CheckDependencies.cmake
#
# Scans every .cpp/.h under <ROOT>/core, solver, views, app and bench for #include
# lines and fails, listing each violation as "file:line: what is wrong", when
#   - core/, solver/ or bench/ include a Qt header (<Q...>, <Qt.../...>, "Q....h",
#     *.moc, ui_*.h), QCustomPlot (qcustomplot.h) or Graphviz (gvc.h,
#     cgraph.h, <graphviz/...>): core and solver are Qt-free, and so are the
#     benchmarks, except those of the views in bench/views/;
#   - core/ includes solver/, views/ or app/;
#   - solver/ includes views/ or app/;
#   - views/ includes solver/ or app/;
#   - bench/ includes views/ (bench/views/ may) or app/;
#   - a file includes a *_internal.h header of another folder (internal
#     headers are private to the folder they are in).
# Quoted includes are resolved as the compiler does: beside the including
# file first, then from the project root ("core/onnx/fold_internal.h").
# Prints a one-line summary with the number of files checked when all is well.

cmake_minimum_required(VERSION 3.20)

if(NOT DEFINED ROOT OR ROOT STREQUAL "")
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P CheckDependencies.cmake")
endif()
get_filename_component(root "${ROOT}" ABSOLUTE)
if(NOT IS_DIRECTORY "${root}")
  message(FATAL_ERROR "CheckDependencies: ROOT '${ROOT}' is not a directory")
endif()

set(scanned_folders core solver views app bench)
# Folders a top-level folder must not include (app may include everything).
set(forbidden_core solver views app)
set(forbidden_solver views app)
set(forbidden_views solver app)
set(forbidden_app "")
set(forbidden_bench views app)
# bench/views/ times the views: Qt, QCustomPlot and views/ allowed, app/ not.
set(forbidden_bench/views app)
set(qt_free_folders core solver bench)

set(violations "")
set(violation_count 0)
set(file_count 0)

macro(report file line what)
  string(APPEND violations " ${file}:${line}: ${what}\n")
  math(EXPR violation_count "${violation_count} + 1")
endmacro()

# True when `name` (as written between <> or "") is a Qt, QCustomPlot or
# Graphviz header.
function(is_gui_header name out)
  set(hit FALSE)
  if(name MATCHES "^Q[A-Za-z0-9_]*(/.*|\\.h)?$"        # <QString>, <QtCore/qglobal.h>, "QWidget.h"
     OR name MATCHES "(^|/)ui_[^/]*\\.h$"               # uic output
     OR name MATCHES "\\.moc$"                          # moc output
     OR name MATCHES "(^|/)qcustomplot\\.h$"
     OR name MATCHES "^graphviz/"
     OR name MATCHES "^(gvc|cgraph|cdt|gvcext|gvcjob|gvcommon|gvplugin[A-Za-z_]*|pathplan)\\.h$")
    set(hit TRUE)
  endif()
  set(${out} ${hit} PARENT_SCOPE)
endfunction()

foreach(top IN LISTS scanned_folders)
  if(NOT IS_DIRECTORY "${root}/${top}")
    continue()
  endif()
  file(GLOB_RECURSE sources LIST_DIRECTORIES false RELATIVE "${root}"
       "${root}/${top}/*.cpp" "${root}/${top}/*.h" "${root}/${top}/*.hpp"
       "${root}/${top}/*.cc" "${root}/${top}/*.cxx")
  list(SORT sources)
  foreach(rel IN LISTS sources)
    math(EXPR file_count "${file_count} + 1")
    get_filename_component(dir "${rel}" DIRECTORY)
    # The rules of the file's folder: its top-level folder's, or bench/views/'s.
    set(rules "${top}")
    if(rel MATCHES "^bench/views/")
      set(rules "bench/views")
    endif()
    file(READ "${root}/${rel}" content)
    if(NOT content MATCHES "#[ \t]*include")
      continue()
    endif()
    # One list element per line: neutralise what CMake lists treat specially
    # (backslash escapes, semicolons, brackets) before splitting on newlines.
    string(REPLACE "\\" "/" content "${content}")
    string(REPLACE ";" "," content "${content}")
    string(REPLACE "[" "(" content "${content}")
    string(REPLACE "]" ")" content "${content}")
    string(REPLACE "\r" "" content "${content}")
    string(REPLACE "\n" ";" lines "${content}")
    set(lineno 0)
    foreach(line IN LISTS lines)
      math(EXPR lineno "${lineno} + 1")
      if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
        continue()
      endif()
      set(delim "${CMAKE_MATCH_1}")
      set(name "${CMAKE_MATCH_2}")
      if(delim STREQUAL "<")
        set(shown "<${name}>")
      else()
        set(shown "\"${name}\"")
      endif()

      # Qt-free folders.
      if(rules IN_LIST qt_free_folders)
        is_gui_header("${name}" gui)
        if(gui)
          report("${rel}" ${lineno} "${rules}/ must not include Qt, QCustomPlot or Graphviz headers: ${shown} (core, solver and bench outside bench/views are Qt-free)")
          continue()
        endif()
      endif()

      # Resolve to a path inside the project, when it is one.
      set(resolved "")
      if(delim STREQUAL "\"" AND EXISTS "${root}/${dir}/${name}")
        cmake_path(SET resolved NORMALIZE "${dir}/${name}")
      elseif(name MATCHES "^(core|solver|views|app|resources|bench|tests)/")
        cmake_path(SET resolved NORMALIZE "${name}")
      elseif(delim STREQUAL "\"")
        # Not found (a generated header, or a fixture): as written, beside the file.
        cmake_path(SET resolved NORMALIZE "${dir}/${name}")
      endif()
      if(resolved STREQUAL "")
        continue()
      endif()
      string(REGEX REPLACE "/.*" "" target_top "${resolved}")

      # Dependency direction.
      if(target_top IN_LIST forbidden_${rules})
        report("${rel}" ${lineno} "${rules}/ must not include ${target_top}/: ${shown} (allowed: app -> views -> core, app -> solver -> core, bench/views -> views)")
        continue()
      endif()

      # Internal headers stay in their folder.
      if(resolved MATCHES "_internal\\.h$")
        get_filename_component(header_dir "${resolved}" DIRECTORY)
        if(NOT header_dir STREQUAL dir)
          report("${rel}" ${lineno} "${shown} is internal to ${header_dir}/ and may only be included from there")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(file_count EQUAL 0)
  message(FATAL_ERROR "CheckDependencies: no sources under ${root}/{core,solver,views,app}")
endif()
if(violation_count GREATER 0)
  message(FATAL_ERROR
    "${violation_count} architecture violation(s) in ${file_count} files checked "
    "(rules: docs/architecture.md, \"Dependency direction\"):\n${violations}")
endif()
message(STATUS "Architecture dependencies OK: ${file_count} files checked in core/, solver/, views/, app/, bench/ "
               "(no Qt in core, solver or bench outside bench/views, views without solver, nothing includes app, "
               "internal headers private)")
