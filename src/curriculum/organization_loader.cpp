#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/organization.hpp"

namespace iopplan {
namespace {

std::string digits_of(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

}  // namespace

std::string default_group_agreement() {
  return "Come to group free of alcohol and of drugs not prescribed to you. Medicines you take as prescribed, "
         "including medication for opioid use disorder, are welcome here. Keep what others share here private: do "
         "not repeat their names or stories outside group. Treat each other with respect: one person speaks at a "
         "time, with no put-downs or threats. Anyone may pass. Staff share what you say with your treatment team "
         "here. They share it with anyone else only with your written consent or when the law requires it. If "
         "someone may be in danger of hurting themselves or others, or a child or a dependent adult is being hurt, "
         "staff must act to keep people safe.";
}

Organization load_organization(const std::string& path, const std::string& text, Diagnostics& out) {
  Organization org;
  org.path = path;
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return org;
  TableReader reader(*parsed.table, path, out);
  reader.set_quiet_missing(parsed.had_syntax_errors);
  if (auto name = reader.string("name", Need::required)) org.name = *name;
  org.address = reader.string("address", Need::optional).value_or("");
  org.phone = reader.string("phone", Need::optional).value_or("");
  org.confidentiality = reader.string("confidentiality", Need::optional).value_or("");
  if (auto agreement = reader.string("group_agreement", Need::optional)) org.group_agreement = *agreement;
  auto lines = reader.tables("crisis_line", Need::optional);
  reader.finish();
  for (size_t i = 0; i < lines.size(); ++i) {
    TableReader line_reader = reader.child(*lines[i], "crisis line " + std::to_string(i + 1));
    CrisisLine line;
    line.name = line_reader.string("name", Need::required).value_or("");
    line.contact = line_reader.string("contact", Need::required).value_or("");
    line.note = line_reader.string("note", Need::optional).value_or("");
    line_reader.finish();
    if (!line.name.empty() && !line.contact.empty()) org.crisis_lines.push_back(std::move(line));
  }
  return org;
}

Organization load_library_organization(const FileSource& files, const std::string& root, Diagnostics& out) {
  std::string path = join_path(root, "organization.toml");
  if (leaves_library(files, path, root, out) || too_large(files, path, kMaxFileBytes, out)) return Organization{};
  auto text = files.read(path);
  if (!text) return Organization{};
  return load_organization(path, *text, out);
}

std::vector<CrisisLine> crisis_resources(const Organization& organization, const std::vector<CrisisLine>& national) {
  std::vector<CrisisLine> lines = national;
  for (const auto& own : organization.crisis_lines) {
    std::string digits = digits_of(own.contact);
    bool repeats_national = false;
    for (const auto& line : national) {
      repeats_national = repeats_national || (!digits.empty() && digits == digits_of(line.contact));
    }
    if (!repeats_national) lines.push_back(own);
  }
  return lines;
}

std::string confidentiality_reminder(const Organization& organization, const std::string& default_reminder) {
  return organization.confidentiality.empty() ? default_reminder : organization.confidentiality;
}

}  // namespace iopplan
