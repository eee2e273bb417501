#include "mockex/journal/file_sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace mockex::journal {

namespace {

std::error_code errno_code(int err) { return {err, std::generic_category()}; }

// Cuts a torn last line (left by a crash mid-write) so appended lines start on a line of their
// own. Returns 0 or an errno.
int cut_torn_tail(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return errno;
  off_t end = st.st_size;
  char buffer[4096];
  while (end > 0) {
    const auto chunk = static_cast<off_t>(sizeof buffer);
    const off_t start = end > chunk ? end - chunk : 0;
    const auto want = static_cast<std::size_t>(end - start);
    const ssize_t got = ::pread(fd, buffer, want, start);
    if (got < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (static_cast<std::size_t>(got) != want) return EIO;
    for (std::size_t i = want; i > 0; --i) {
      if (buffer[i - 1] == '\n') {
        const off_t keep = start + static_cast<off_t>(i);
        if (keep == st.st_size) return 0;
        return ::ftruncate(fd, keep) == 0 ? 0 : errno;
      }
    }
    end = start;
  }
  // No newline at all: the whole file is one torn line.
  if (st.st_size == 0) return 0;
  return ::ftruncate(fd, 0) == 0 ? 0 : errno;
}

}  // namespace

std::unique_ptr<FileSink> FileSink::open(const FileSinkOptions& options, std::error_code& ec) {
  ec.clear();
  // O_RDWR rather than O_WRONLY: opening repairs a torn tail, which needs to read it.
  int flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC;
  if (options.truncate) flags |= O_TRUNC;
  int fd = -1;
  do {
    fd = ::open(options.path.c_str(), flags, 0644);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    ec = errno_code(errno);
    return nullptr;
  }
  if (const int err = cut_torn_tail(fd); err != 0) {
    ::close(fd);
    ec = errno_code(err);
    return nullptr;
  }
  return std::unique_ptr<FileSink>(new FileSink(fd, options.path, options.fsync_every));
}

FileSink::FileSink(int fd, std::string path, std::uint32_t fsync_every)
    : fd_(fd), path_(std::move(path)), fsync_every_(fsync_every) {}

FileSink::~FileSink() {
  if (fd_ >= 0) ::close(fd_);
}

void FileSink::write_line(std::string_view line) {
  if (stats_.stopped) {
    ++stats_.errors;
    return;
  }
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      if (written > 0) {
        // Part of the line is in the file: cut it off so the next line starts clean. With
        // O_APPEND our fragment is the last `written` bytes.
        struct stat st {};
        if (::fstat(fd_, &st) != 0 ||
            ::ftruncate(fd_, st.st_size - static_cast<off_t>(written)) != 0) {
          stats_.stopped = true;
        }
      }
      fail("write", err);
      return;
    }
    // A short write (disk nearly full, a signal) continues with the rest; a crash in between
    // leaves the torn line last, where readers expect it.
    written += static_cast<std::size_t>(n);
  }
  ++stats_.lines_written;
  if (fsync_every_ != 0 && ++since_sync_ >= fsync_every_) sync();
}

void FileSink::sync() {
  since_sync_ = 0;
  if (stats_.stopped) return;
  if (::fdatasync(fd_) != 0) {
    fail("fdatasync", errno);
    return;
  }
  ++stats_.syncs;
}

void FileSink::fail(std::string_view what, int err) {
  ++stats_.errors;
  if (stats_.errors != 1) return;
  stats_.first_error = "journal file ";
  stats_.first_error += path_;
  stats_.first_error += ": ";
  stats_.first_error += what;
  stats_.first_error += ": ";
  stats_.first_error += std::generic_category().message(err);
  if (on_error_) on_error_(stats_.first_error);
}

}  // namespace mockex::journal
