# Turns a binary file into a C header with one byte array: cmake -DINPUT= -DOUTPUT= -DNAME= -P this.
# Used at build time to embed the subset UI font, so the page needs no virtual file system.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} at build time. Do not edit.\n#pragma once\n"
    "static const unsigned int ${NAME}_size = ${size};\n"
    "alignas(4) static const unsigned char ${NAME}[] = {\n${bytes}\n};\n")
