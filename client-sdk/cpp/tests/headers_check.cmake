# cmake -D INCLUDE_DIR=... -P headers_check.cmake: fails if a public header includes Boost.
file(GLOB_RECURSE headers ${INCLUDE_DIR}/*.hpp)
foreach(header ${headers})
  file(STRINGS ${header} boost_includes REGEX "#include[ \t]*[<\"]boost/")
  if(boost_includes)
    message(SEND_ERROR "${header} includes Boost: ${boost_includes}")
  endif()
endforeach()
