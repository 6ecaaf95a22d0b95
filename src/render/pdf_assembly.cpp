#include "render/pdf_assembly.hpp"

#include <cmath>
#include <functional>
#include <thread>
#include <memory>
#include <set>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Buffer.hh>

namespace iopplan {

std::unique_ptr<QPDF> open_pdf(const std::string& bytes, const std::string& name) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  pdf->processMemoryFile(name.c_str(), bytes.data(), bytes.size());
  return pdf;
}

std::string pdf_bytes(QPDF& pdf, bool object_streams) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
  writer.write();
  std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

namespace {

// One PDF file from its parts, `source(i)` being the printed PDF of document i.
std::string assemble_one(const Site& site, const PdfFile& file, const std::function<QPDF&(size_t)>& source,
                         const std::string& fixed_date) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFPageDocumentHelper pages(pdf);
  int copies = 0;
  for (const auto& part : file.parts) copies += part.copies;
  std::vector<QPDFObjectHandle> blank;
  if (copies > 1 && site.blank_page) {
    for (auto& page : QPDFPageDocumentHelper(source(*site.blank_page)).getAllPages()) {
      blank.push_back(pdf.copyForeignObject(page.getObjectHandle()));
    }
  }
  int placed = 0;
  for (const auto& part : file.parts) {
    std::vector<QPDFObjectHandle> copied;
    for (auto& page : QPDFPageDocumentHelper(source(part.document)).getAllPages()) {
      copied.push_back(pdf.copyForeignObject(page.getObjectHandle()));
    }
    for (int c = 0; c < part.copies; ++c) {
      // A shallow copy per placement: the pages share their content and fonts.
      for (auto& page : copied) pages.addPage(QPDFPageObjectHelper(page.shallowCopy()), false);
      ++placed;
      if (placed < copies && copied.size() % 2 == 1) {
        for (auto& page : blank) pages.addPage(QPDFPageObjectHelper(page.shallowCopy()), false);
      }
    }
  }
  std::string date = "D:" + fixed_date + "000000Z";
  QPDFObjectHandle info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
  info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(file.title));
  info.replaceKey("/Creator", QPDFObjectHandle::newString("iopplan"));
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
  pdf.getTrailer().replaceKey("/Info", info);
  pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newString(file.language));
  return pdf_bytes(pdf, true);
}

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  Matrix then(const Matrix& m) const {  // this, then m (PDF's row-vector order)
    return {a * m.a + b * m.c, a * m.b + b * m.d, c * m.a + d * m.c, c * m.b + d * m.d, e * m.a + f * m.c + m.e,
            e * m.b + f * m.d + m.f};
  }
};

// Follows the graphics and text state of a content stream far enough to know where each piece of
// text starts, and collects the baselines (rounded to whole points).
class Baselines : public QPDFObjectHandle::ParserCallbacks {
 public:
  std::set<long> lines;

  void handleObject(QPDFObjectHandle object) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    std::string op = object.getOperatorValue();
    auto number = [&](size_t i) { return i < operands_.size() && operands_[i].isNumber() ? operands_[i].getNumericValue() : 0.0; };
    if (op == "q") {
      stack_.push_back(ctm_);
    } else if (op == "Q" && !stack_.empty()) {
      ctm_ = stack_.back();
      stack_.pop_back();
    } else if (op == "cm" && operands_.size() == 6) {
      ctm_ = Matrix{number(0), number(1), number(2), number(3), number(4), number(5)}.then(ctm_);
    } else if (op == "BT") {
      tm_ = tlm_ = Matrix{};
    } else if (op == "Tm" && operands_.size() == 6) {
      tm_ = tlm_ = Matrix{number(0), number(1), number(2), number(3), number(4), number(5)};
    } else if ((op == "Td" || op == "TD") && operands_.size() == 2) {
      if (op == "TD") leading_ = -number(1);
      tm_ = tlm_ = Matrix{1, 0, 0, 1, number(0), number(1)}.then(tlm_);
    } else if (op == "TL" && operands_.size() == 1) {
      leading_ = number(0);
    } else if (op == "T*" || op == "'" || op == "\"") {
      tm_ = tlm_ = Matrix{1, 0, 0, 1, 0, -leading_}.then(tlm_);
    }
    if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
      Matrix at = tm_.then(ctm_);
      lines.insert(std::lround(at.f));
    }
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  std::vector<QPDFObjectHandle> operands_;
  std::vector<Matrix> stack_;
  Matrix ctm_, tm_, tlm_;
  double leading_ = 0;
};

}  // namespace

std::vector<PageText> page_texts(const std::string& bytes, int read_last) {
  try {
    auto pdf = open_pdf(bytes, "printed page");
    std::vector<PageText> pages;
    auto all = QPDFPageDocumentHelper(*pdf).getAllPages();
    for (auto& page : all) {
      if (static_cast<long>(all.size() - pages.size()) > read_last) {
        pages.push_back({-1, 0});
        continue;
      }
      Baselines baselines;
      page.parseContents(&baselines);
      // Pieces of one line can sit a point apart (different fonts): merge baselines within 2 pt.
      std::vector<long> lines;
      for (long y : baselines.lines) {
        if (lines.empty() || y - lines.back() > 2) lines.push_back(y);
      }
      PageText text{static_cast<int>(lines.size()), 0};
      QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
      double height = box.ury - box.lly;
      // Baselines run from the bottom of the paper up: the lowest is the footer.
      if (lines.size() >= 2 && height > 0) text.reach = (box.ury - static_cast<double>(lines[1])) / height;
      pages.push_back(text);
    }
    return pages;
  } catch (const std::exception&) {
    return {};
  }
}

std::optional<std::vector<std::string>> assemble_pdfs(const Site& site, const std::vector<std::string>& printed,
                                                      const std::string& fixed_date, Diagnostics& out) {
  // Two workers, each taking every other file: about 0.8 s of qpdf for a 16-week build, halved on
  // two cores. Each reads the printed pages it needs itself (a QPDF is not shared between threads).
  constexpr size_t kWorkers = 2;
  std::vector<std::string> files(site.pdfs.size());
  std::vector<std::string> failures(kWorkers);  // "path\0message" of a worker's first failure
  auto work = [&](size_t worker) {
    std::vector<std::unique_ptr<QPDF>> sources(printed.size());
    auto source = [&](size_t index) -> QPDF& {
      if (!sources[index]) sources[index] = open_pdf(printed[index], "page " + std::to_string(index));
      return *sources[index];
    };
    for (size_t f = worker; f < site.pdfs.size(); f += kWorkers) {
      try {
        files[f] = assemble_one(site, site.pdfs[f], source, fixed_date);
      } catch (const std::exception& e) {
        failures[worker] = site.pdfs[f].path + '\0' + e.what();
        return;
      }
    }
  };
  std::thread second(work, 1);
  work(0);
  second.join();
  for (const std::string& failure : failures) {
    if (failure.empty()) continue;
    size_t split = failure.find('\0');
    out.push_back(output_error(failure.substr(0, split), "cannot assemble the PDF: " + failure.substr(split + 1)));
    return std::nullopt;
  }
  return files;
}

}  // namespace iopplan
