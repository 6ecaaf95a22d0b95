// Everything the CLI prints passes through printable(): module text, paths and messages can hold
// bytes a terminal would act on (ESC, OSC sequences) or that are not UTF-8 (issue 15).
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace iopplan::cli {

// A stream buffer that collects a line at a time and hands printable(line) to `target`.
class PrintableBuf : public std::streambuf {
 public:
  explicit PrintableBuf(std::streambuf* target) : target_(target) {}
  ~PrintableBuf() override { sync(); }
  std::streambuf* target() const { return target_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  std::streambuf* target_;
  std::string line_;
};

// Puts `stream` behind a PrintableBuf for as long as the guard lives.
class PrintableStream {
 public:
  explicit PrintableStream(std::ostream& stream) : stream_(stream), buf_(stream.rdbuf()) { stream_.rdbuf(&buf_); }
  ~PrintableStream() {
    stream_.flush();
    stream_.rdbuf(buf_.target());
  }
  PrintableStream(const PrintableStream&) = delete;
  PrintableStream& operator=(const PrintableStream&) = delete;

 private:
  std::ostream& stream_;
  PrintableBuf buf_;
};

}  // namespace iopplan::cli
