#include "printable_output.hpp"

#include "iopplan/base/utf8.hpp"

namespace iopplan::cli {

PrintableBuf::int_type PrintableBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  line_ += traits_type::to_char_type(c);
  if (c == '\n') sync();
  return c;
}

std::streamsize PrintableBuf::xsputn(const char* s, std::streamsize n) {
  line_.append(s, static_cast<size_t>(n));
  if (line_.find('\n') != std::string::npos) sync();
  return n;
}

int PrintableBuf::sync() {
  if (!line_.empty()) {
    // A multi-byte character cut by an explicit flush is held back until its rest arrives.
    size_t keep = 0;
    for (size_t k = 1; k <= 3 && k <= line_.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(line_[line_.size() - k]);
      if ((c & 0xC0) == 0x80) continue;
      size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
      if (need > k) keep = k;
      break;
    }
    std::string rest = line_.substr(line_.size() - keep);
    line_.resize(line_.size() - keep);
    std::string safe = printable(line_);
    target_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
    line_ = std::move(rest);
  }
  return target_->pubsync();
}

}  // namespace iopplan::cli
