// The bytes of a PDF built in a test with qpdf.
#pragma once

#include <string>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

namespace iopplan::fixtures {

inline std::string pdf_bytes(QPDF& pdf) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace iopplan::fixtures
