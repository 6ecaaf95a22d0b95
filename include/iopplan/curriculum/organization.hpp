// Organization: the clinic whose name, contacts and crisis lines go on every page.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"

namespace iopplan {

struct CrisisLine {
  std::string name;     // "988 Suicide & Crisis Lifeline"
  std::string contact;  // "Call or text 988"
  std::string note;     // "Free and confidential, 24/7"; may be empty
};

// The group agreement read aloud at check-in when organization.toml has none (curricula/README.md).
std::string default_group_agreement();

struct Organization {
  std::string name = "Intensive Outpatient Program";
  std::string address;  // may be empty
  std::string phone;    // may be empty
  // Replaces the default group confidentiality reminder when not empty.
  std::string confidentiality;
  // What the facilitator reads aloud at check-in; organization.toml's `group_agreement` replaces it.
  std::string group_agreement = default_group_agreement();
  std::vector<CrisisLine> crisis_lines;  // the clinic's own, printed after the national ones
  std::string path;                      // where it was read from; empty for the defaults
};

// organization.toml. Every problem goes to `out` with its line and column; what could be read
// is returned (defaults fill in the rest).
Organization load_organization(const std::string& path, const std::string& text, Diagnostics& out);

// root/organization.toml when the library has one; the defaults otherwise.
Organization load_library_organization(const FileSource& files, const std::string& root, Diagnostics& out);

// The crisis lines every handout carries: the national ones first (988, the SAMHSA National
// Helpline and 911, in the document's language from its strings table), then the organization's
// own lines that are not one of those (compared by their digits).
std::vector<CrisisLine> crisis_resources(const Organization& organization, const std::vector<CrisisLine>& national);

// The reminder printed in every footer: the organization's own, or the default (in the document's
// language).
std::string confidentiality_reminder(const Organization& organization, const std::string& default_reminder);

}  // namespace iopplan
