#include "render/print_batch.hpp"

#include <cstdio>
#include <memory>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "render/pdf_assembly.hpp"

namespace iopplan {
namespace {

// The link on each member's first page that tells where it starts; taken off before any PDF is written.
constexpr const char* kMark = "https://iopplan.invalid/batch/";

// The built-in header (print-header.html.mustache) as page-margin boxes, where Chromium draws it:
// 15 pt lower than its 0.2 in padding says (measured with pdftotext -bbox).
std::string header_box_style(bool large) {
  return std::string("font-family: 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; font-size: ") +
         (large ? "11pt" : "8.5pt") + "; color: #222222; vertical-align: top; padding-top: calc(0.2in + 15pt);";
}

// `text` as a CSS string; '<' and '>' escaped too, since it sits inside a <style> element.
std::string css_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f || c == '<' || c == '>') {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%X ", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

struct Parts {
  std::string head;  // up to <body, without the <title> element
  std::string body_tag;
  std::string inner;  // between the body tag and </body>
};

std::optional<Parts> parts_of(const std::string& html) {
  size_t body = html.find("<body");
  if (body == std::string::npos) return std::nullopt;
  size_t open_end = html.find('>', body);
  size_t close = html.rfind("</body>");
  if (open_end == std::string::npos || close == std::string::npos || close < open_end) return std::nullopt;
  Parts parts{html.substr(0, body), html.substr(body, open_end + 1 - body),
              html.substr(open_end + 1, close - open_end - 1)};
  size_t title = parts.head.find("<title>");
  size_t title_end = parts.head.find("</title>");
  if (title != std::string::npos && title_end != std::string::npos && title_end > title) {
    parts.head.erase(title, title_end + 8 - title);
  }
  return parts;
}

// `style` added at the end of `head`'s <head> element.
std::string with_style(std::string head, const std::string& style) {
  size_t end = head.find("</head>");
  head.insert(end == std::string::npos ? head.size() : end, "<style>" + style + "</style>\n");
  return head;
}

// The member number of a batch mark annotation, or -1.
long mark_of(QPDFObjectHandle annotation) {
  if (!annotation.isDictionary()) return -1;
  QPDFObjectHandle action = annotation.getKey("/A");
  if (!action.isDictionary() || !action.getKey("/URI").isString()) return -1;
  std::string uri = action.getKey("/URI").getStringValue();
  std::string prefix = kMark;
  if (uri.compare(0, prefix.size(), prefix) != 0 || uri.size() == prefix.size() || uri.size() > prefix.size() + 9) return -1;
  long number = 0;
  for (size_t i = prefix.size(); i < uri.size(); ++i) {
    if (uri[i] < '0' || uri[i] > '9') return -1;
    number = number * 10 + (uri[i] - '0');
  }
  return number;
}

// `page`'s resources as its own dictionary (Chromium's pages may share one), with `form` as the
// XObject `name`.
void add_xobject(QPDFPageObjectHelper& page, const std::string& name, QPDFObjectHandle form) {
  QPDFObjectHandle page_object = page.getObjectHandle();
  QPDFObjectHandle resources = page.getAttribute("/Resources", false);
  QPDFObjectHandle local = resources.isDictionary() ? resources.shallowCopy() : QPDFObjectHandle::newDictionary();
  QPDFObjectHandle xobjects = local.getKey("/XObject");
  xobjects = xobjects.isDictionary() ? xobjects.shallowCopy() : QPDFObjectHandle::newDictionary();
  xobjects.replaceKey(name, form);
  local.replaceKey("/XObject", xobjects);
  page_object.replaceKey("/Resources", local);
}

// The one document `batch` (indexes into `documents`, of one kind) prints as; nullopt when their
// headers differ and cannot all be drawn as page-margin boxes.
std::optional<PrintDocument> batch_document(const std::vector<PrintDocument>& documents, const std::vector<size_t>& batch) {
  const PrintDocument& first = documents[batch.front()];
  bool same_header = true, boxes = true;
  for (size_t i : batch) {
    same_header = same_header && documents[i].header_html == first.header_html;
    boxes = boxes && documents[i].header_boxes;
  }
  if (!same_header && !boxes) return std::nullopt;
  Parts first_parts = *parts_of(first.html);
  std::string style = ".iopplan-batch-doc { position: relative; }\n"
                      ".iopplan-batch-mark { position: absolute; top: 0; left: 0; width: 1px; height: 1px; display: block; }\n";
  std::string body = first_parts.body_tag;
  std::string box = header_box_style(first.header_large);
  for (size_t m = 0; m < batch.size(); ++m) {
    const PrintDocument& member = documents[batch[m]];
    std::string page = "iopplan-doc-" + std::to_string(m);
    std::string wrapper_style = m > 0 ? "break-before: page" : "";
    if (!same_header) {
      style += "@page " + page + " { @top-left { content: " + css_string(member.header_title) + "; " + box +
               " } @top-right { content: " + css_string(member.header_program) + "; text-align: right; " + box + " } }\n";
      wrapper_style += std::string(wrapper_style.empty() ? "" : "; ") + "page: " + page;
    }
    body += "<div class=\"iopplan-batch-doc\"" + (wrapper_style.empty() ? "" : " style=\"" + wrapper_style + "\"") +
            "><a class=\"iopplan-batch-mark\" href=\"" + kMark + std::to_string(m) +
            "\" aria-hidden=\"true\" tabindex=\"-1\"></a>" + parts_of(member.html)->inner + "</div>\n";
  }
  PrintDocument document;
  document.html = with_style(first_parts.head, style) + body + "</body></html>\n";
  // The footers come from numbering sheets; the header is the members' template where they share it.
  if (same_header) document.header_html = first.header_html;
  return document;
}

}  // namespace

std::vector<PrintJob> plan_print_jobs(const std::vector<PrintDocument>& documents, size_t most_per_batch) {
  // Documents of one kind: the same head (title aside), body tag, footer and header size.
  std::map<std::string, std::vector<size_t>> kinds;
  std::vector<std::string> kind_order;
  std::vector<PrintJob> singles;
  for (size_t i = 0; i < documents.size(); ++i) {
    const PrintDocument& document = documents[i];
    auto parts = document.batchable && !document.fit ? parts_of(document.html) : std::nullopt;
    if (!parts || parts->inner.find("<script") != std::string::npos || document.footer_html.empty()) {
      singles.push_back({{i}, std::nullopt});
      continue;
    }
    std::string key = parts->head + '\0' + parts->body_tag + '\0' + document.footer_html + '\0' +
                      (document.header_large ? "L" : "N");
    if (!kinds.count(key)) kind_order.push_back(key);
    kinds[key].push_back(i);
  }
  std::vector<PrintJob> jobs;
  for (const std::string& key : kind_order) {
    const std::vector<size_t>& members = kinds[key];
    if (members.size() < 2 || most_per_batch < 2) {
      for (size_t i : members) singles.push_back({{i}, std::nullopt});
      continue;
    }
    for (size_t from = 0; from < members.size(); from += most_per_batch) {
      std::vector<size_t> batch(members.begin() + static_cast<long>(from),
                                members.begin() + static_cast<long>(std::min(members.size(), from + most_per_batch)));
      auto document = batch.size() > 1 ? batch_document(documents, batch) : std::nullopt;
      if (!document) {
        for (size_t i : batch) singles.push_back({{i}, std::nullopt});
        continue;
      }
      jobs.push_back({std::move(batch), std::move(document)});
    }
  }
  for (auto& single : singles) jobs.push_back(std::move(single));
  return jobs;
}

std::optional<std::vector<int>> batch_page_counts(const std::string& pdf, size_t members) {
  try {
    auto batch = open_pdf(pdf, "print batch");
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*batch).getAllPages();
    std::vector<long> starts(members, -1);
    for (size_t p = 0; p < pages.size(); ++p) {
      QPDFObjectHandle annotations = pages[p].getObjectHandle().getKey("/Annots");
      if (!annotations.isArray()) continue;
      for (auto& annotation : annotations.aitems()) {
        long mark = mark_of(annotation);
        if (mark < 0 || static_cast<size_t>(mark) >= members || starts[static_cast<size_t>(mark)] >= 0) continue;
        starts[static_cast<size_t>(mark)] = static_cast<long>(p);
      }
    }
    if (members == 0 || starts.front() != 0) return std::nullopt;
    std::vector<int> counts;
    for (size_t m = 0; m < members; ++m) {
      long end = m + 1 < members ? starts[m + 1] : static_cast<long>(pages.size());
      if (end <= starts[m]) return std::nullopt;
      counts.push_back(static_cast<int>(end - starts[m]));
    }
    return counts;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

PrintDocument numbering_sheet(const PrintDocument& like, int pages) {
  PrintDocument sheet;
  auto parts = parts_of(like.html);
  std::string head = parts ? parts->head : "<!DOCTYPE html><html><head></head>";
  // Nothing but the footer may print: the sheet's pages are laid over the document's.
  std::string body = "<body>";
  for (int p = 0; p < pages; ++p) {
    body += p + 1 < pages ? "<div style=\"break-after: page; height: 1px\"></div>" : "<div style=\"height: 1px\"></div>";
  }
  sheet.html = with_style(head, "html, body { background: transparent !important; margin: 0; padding: 0; }") + body +
               "</body></html>\n";
  sheet.footer_html = like.footer_html;
  return sheet;
}

std::vector<std::string> split_batch(const std::string& pdf, const std::vector<int>& counts,
                                     const std::map<int, std::string>& sheets) {
  auto batch = open_pdf(pdf, "print batch");
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*batch).getAllPages();
  std::map<int, std::unique_ptr<QPDF>> sheet_pdfs;
  std::map<int, std::vector<QPDFPageObjectHelper>> sheet_pages;
  for (const auto& [count, bytes] : sheets) {
    sheet_pdfs[count] = open_pdf(bytes, "numbering sheet");
    sheet_pages[count] = QPDFPageDocumentHelper(*sheet_pdfs[count]).getAllPages();
    if (static_cast<int>(sheet_pages[count].size()) != count) {
      throw std::runtime_error("a numbering sheet of " + std::to_string(count) + " pages printed as " +
                               std::to_string(sheet_pages[count].size()));
    }
  }
  std::vector<std::string> files;
  size_t start = 0;
  for (int count : counts) {
    QPDF out;
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    auto sheet = sheet_pages.find(count);
    if (sheet == sheet_pages.end()) throw std::runtime_error("no numbering sheet of " + std::to_string(count) + " pages");
    for (int k = 0; k < count; ++k) {
      QPDFPageObjectHelper page(out.copyForeignObject(pages[start + static_cast<size_t>(k)].getObjectHandle()));
      QPDFObjectHandle page_object = page.getObjectHandle();
      QPDFObjectHandle annotations = page_object.getKey("/Annots");
      if (annotations.isArray()) {
        QPDFObjectHandle kept = QPDFObjectHandle::newArray();
        for (auto& annotation : annotations.aitems()) {
          if (mark_of(annotation) < 0) kept.appendItem(annotation);
        }
        if (kept.getArrayNItems() == 0) {
          page_object.removeKey("/Annots");
        } else {
          page_object.replaceKey("/Annots", kept);
        }
      }
      QPDFObjectHandle form = out.copyForeignObject(sheet->second[static_cast<size_t>(k)].getFormXObjectForPage());
      add_xobject(page, "/IopplanFooter", form);
      std::string placed = page.placeFormXObject(form, "/IopplanFooter", page.getTrimBox().getArrayAsRectangle());
      page.addPageContents(QPDFObjectHandle::newStream(&out, "q\n"), true);
      page.addPageContents(QPDFObjectHandle::newStream(&out, "\nQ\n" + placed), false);
      out_pages.addPage(page, false);
    }
    start += static_cast<size_t>(count);
    files.push_back(pdf_bytes(out, false));  // read again at once by assemble_pdfs
  }
  return files;
}

}  // namespace iopplan
