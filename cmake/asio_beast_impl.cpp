// The one translation unit that compiles Asio's and Beast's implementation (separate compilation,
// see cmake/Dependencies.cmake).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
