# saga_embed_sql(<target> <function> <dir>)
# Compiles every <dir>/*.sql into <target> as `const saga::runtime::pg::SqlFiles& <function>()`
# (sorted by file name). Editing, adding or removing a file re-runs the configure step.
function(saga_embed_sql target function dir)
  file(GLOB sql_files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT sql_files)
  set(body "")
  foreach(path ${sql_files})
    get_filename_component(name ${path} NAME)
    file(READ ${path} text)
    string(APPEND body "        {\"${name}\", R\"saga_sql(${text})saga_sql\"},\n")
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${function}_sql.cpp)
  file(CONFIGURE OUTPUT ${out} CONTENT
"// Generated from ${dir} by saga_embed_sql; do not edit.
#include \"runtime/pg/sql_file.hpp\"

namespace saga::embedded {

const saga::runtime::pg::SqlFiles& ${function}() {
    static const saga::runtime::pg::SqlFiles files = {
${body}    };
    return files;
}

}  // namespace saga::embedded
")
  target_sources(${target} PRIVATE ${out})
endfunction()
