# Script mode helper for sitrep_embed_data: writes INPUT's bytes as a
# char array and a string_view named SYMBOL in namespace sitrep::data.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}"
"// Generated from ${INPUT} by cmake/EmbedDataScript.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace sitrep::data {\n"
"namespace {\n"
"constexpr char kBytes[] = {${bytes} '\\0'};\n"
"}  // namespace\n"
"extern const std::string_view ${SYMBOL};\n"
"const std::string_view ${SYMBOL}(kBytes, ${size});\n"
"}  // namespace sitrep::data\n")
