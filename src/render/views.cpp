#include "render/views.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

std::string week_folder(int week) {
  char text[32];
  std::snprintf(text, sizeof text, "week-%02d", week);
  return text;
}

std::string default_output_dir(const Plan& plan) {
  return "output/" + (plan.program.empty() ? std::string("plan") : plan.program) + "-" + to_iso(plan.start);
}

namespace {

// A module planned for a language it has no handout in: once per module and language.
void report_missing_translations(const ViewContext& ctx, const Module& m, const std::string& when,
                                 std::set<std::string>& reported, Diagnostics& out) {
  for (const auto& language : ctx.options.languages) {
    if (language == kModuleLanguage || find_translation(m, language) != nullptr) continue;
    if (!reported.insert(language + ":" + m.id).second) continue;
    const Language* known = find_language(language);
    std::string file = m.path.substr(0, m.path.size() - 5) + "." + language + ".toml";
    out.push_back(error_at(m.path, m.id_pos, "'" + m.id + "' has no " + (known ? known->name : language) +
                                                 " handout, and this build prints " + language + " handouts (first on " +
                                                 when + "); write " + file + " or leave " + language + " out"));
  }
}

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string string_of(const ViewContext& ctx, const std::string& language, const std::string& key,
                      const std::map<std::string, std::string>& values) {
  auto table = ctx.strings.find(language);
  if (table == ctx.strings.end()) table = ctx.strings.find(std::string(kModuleLanguage));
  if (table == ctx.strings.end()) return key;
  auto it = table->second.find(key);
  return it == table->second.end() ? key : fill(it->second, values);
}

MustacheData strings_view(const ViewContext& ctx, const std::string& language,
                          const std::map<std::string, std::string>& values) {
  MustacheData view;
  auto table = ctx.strings.find(language);
  if (table == ctx.strings.end()) return view;
  std::map<std::string, MustacheData> groups;
  for (const auto& [key, text] : table->second) {
    size_t dot = key.find('.');
    groups[key.substr(0, dot)][key.substr(dot + 1)] = MustacheData(fill(text, values));
  }
  for (auto& [group, data] : groups) view[group] = std::move(data);
  return view;
}

bool prepare_views(ViewContext& ctx, Diagnostics& out) {
  const Plan& plan = ctx.plan;
  size_t errors = static_cast<size_t>(count(out, Severity::error));
  if (plan.weeks < 1) out.push_back(error_at("", {}, "the plan has no weeks"));
  if (ctx.options.only_week != 0 && (ctx.options.only_week < 1 || ctx.options.only_week > ctx.weeks)) {
    out.push_back(usage_error("week " + std::to_string(ctx.options.only_week) + " is not in the plan (it has " +
                                       std::to_string(ctx.weeks) + (ctx.weeks == 1 ? " week)" : " weeks)")));
  }
  if (ctx.options.languages.empty()) out.push_back(usage_error("no handout language chosen; use en, es or both"));
  for (const auto& language : ctx.options.languages) {
    if (!find_language(language) || !ctx.strings.count(language)) {
      out.push_back(usage_error("unknown handout language '" + language + "'; the languages are " + language_choices()));
    }
  }
  for (const auto& [language, unused] : ctx.options.copies_by_language) {
    const auto& languages = ctx.options.languages;
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
      out.push_back(usage_error("copies are given for '" + language + "', but this build prints handouts in " +
                                join(languages, ", ") + " only"));
    }
  }
  std::map<std::string, int> per_day;
  std::set<std::string> reported;
  for (const auto& meeting : plan.meetings) {
    std::string when = to_iso(meeting.date);
    if (meeting.week < 1) {
      out.push_back(error_at("", {}, "the meeting on " + when + " is in week " + std::to_string(meeting.week) +
                                         "; weeks start at 1"));
      continue;
    }
    for (const auto& block : meeting.blocks) {
      std::string at = "the block at " + clock_time(block.start) + " on " + when;
      if (block.module.empty() == block.activity.empty()) {
        out.push_back(error_at("", {}, at + " must have exactly one of a module and an activity"));
        continue;
      }
      if (block.module.empty()) continue;
      const Module* m = find_module(ctx.library, block.module);
      if (m == nullptr) {
        if (reported.insert(block.module).second) {
          out.push_back(error_at(ctx.library.root, {}, "the plan uses module '" + block.module +
                                                           "', which is not in the library (" + at + ")"));
        }
      } else {
        report_missing_translations(ctx, *m, when, reported, out);
      }
      if (m != nullptr && !block.module_version.empty() && block.module_version != m->version &&
                 reported.insert(block.module + "@" + block.module_version).second) {
        out.push_back(warning_at(m->path, m->id_pos, "the plan was made with version " + block.module_version +
                                                         " of '" + m->id + "'; rendering version " + m->version));
      }
    }
    int n = ++per_day[when];
    ctx.meetings.push_back({&meeting, week_folder(meeting.week) + "/" + when + (n > 1 ? "-" + std::to_string(n) : "")});
  }
  return static_cast<size_t>(count(out, Severity::error)) == errors;
}

}  // namespace iopplan
