#include "render/pdf_assembly.hpp"

#include <memory>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Buffer.hh>

namespace iopplan {
namespace {

std::unique_ptr<QPDF> open_pdf(const std::string& bytes, const std::string& name) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  pdf->processMemoryFile(name.c_str(), bytes.data(), bytes.size());
  return pdf;
}

}  // namespace

std::optional<std::vector<std::string>> assemble_pdfs(const Site& site, const std::vector<std::string>& printed,
                                                      const std::string& fixed_date, Diagnostics& out) {
  std::vector<std::string> files;
  const PdfFile* current = nullptr;
  try {
    // Each printed page set is read once and its pages copied into every file that uses it.
    std::vector<std::unique_ptr<QPDF>> sources(printed.size());
    auto source = [&](size_t index) -> QPDF& {
      if (!sources[index]) sources[index] = open_pdf(printed[index], "page " + std::to_string(index));
      return *sources[index];
    };
    for (const PdfFile& file : site.pdfs) {
      current = &file;
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
      QPDFWriter writer(pdf);
      writer.setOutputMemory();
      writer.setDeterministicID(true);
      writer.setObjectStreamMode(qpdf_o_generate);
      writer.write();
      std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
      files.emplace_back(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    }
  } catch (const std::exception& e) {
    out.push_back(output_error(current ? current->path : "", std::string("cannot assemble the PDF: ") + e.what()));
    return std::nullopt;
  }
  return files;
}

}  // namespace iopplan
