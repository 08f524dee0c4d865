# sitrep_embed_data(TARGET SYMBOL FILE): compiles FILE into TARGET as
#   extern const std::string_view SYMBOL;  (namespace sitrep::data)
# so that human-edited tables under data/ ship inside the binary and nothing
# is read from disk at run time. The generated source is rebuilt when FILE
# changes.
function(sitrep_embed_data target symbol file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    COMMENT "Embedding ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
