#include "render/view_parts.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"
#include "iopplan/render/markdown.hpp"

namespace iopplan {
namespace {

const char* const kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Line styles that tell tracks apart on a black-and-white printout, together with the abbreviation.
const char* const kTrackLines[] = {"solid", "dashed", "dotted", "double"};
}  // namespace


MustacheData list_of(const std::vector<std::string>& items) {
  MustacheData list(MustacheData::type::list);
  for (const auto& item : items) list.push_back(MustacheData(item));
  return list;
}
namespace {

// Items with their 1-based number, for lists read as plain text (Markdown) as well as printed.
MustacheData numbered_list_of(const std::vector<std::string>& items) {
  MustacheData list(MustacheData::type::list);
  for (size_t i = 0; i < items.size(); ++i) {
    MustacheData item;
    item["number"] = MustacheData(std::to_string(i + 1));
    item["text"] = MustacheData(items[i]);
    list.push_back(item);
  }
  return list;
}
}  // namespace


std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string short_date(const Date& date) {
  return std::string(weekday_short_name(weekday_of(date))) + ", " + kShortMonths[date.month - 1] + " " +
         std::to_string(date.day);
}
namespace {

std::string month_day(const Date& date) {
  return std::string(kShortMonths[date.month - 1]) + " " + std::to_string(date.day);
}

// 65 -> "1:05": time into a session, for agendas not tied to a meeting.
std::string elapsed_time(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%d:%02d", minutes / 60, minutes % 60);
  return text;
}

std::string time_range(int start, int end, const std::string& language) {
  return clock12(start, language) + " – " + clock12(end, language);
}

// The colour mixed with white, light enough to print text on.
std::string tint_of(const std::string& colour) {
  char out[8];
  int rgb[3];
  for (int i = 0; i < 3; ++i) {
    int c = std::stoi(colour.substr(1 + 2 * i, 2), nullptr, 16);
    rgb[i] = c + (255 - c) * 85 / 100;
  }
  std::snprintf(out, sizeof out, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return out;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }
}  // namespace


std::string ext(Flavor flavor) { return flavor == Flavor::html ? ".html" : ".md"; }
namespace {

std::string markdown_key(const std::string& key, Flavor flavor) {
  return key + (flavor == Flavor::html ? "_html" : "_md");
}

void set_markdown(MustacheData& data, const std::string& key, const std::string& text, Flavor flavor) {
  data[markdown_key(key, flavor)] = MustacheData(flavor == Flavor::html ? markdown_to_html(text) : safe_markdown(text));
  data["has_" + key] = MustacheData(!trim(text).empty());
}

int track_index(const Library& library, const std::string& id) {
  for (size_t i = 0; i < library.tracks.size(); ++i) {
    if (library.tracks[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string track_class(const Library& library, const std::string& id) {
  int index = track_index(library, id);
  return index < 0 ? "track-none" : "track-" + std::to_string(index);
}
}  // namespace


void set_track(MustacheData& data, const Library& library, const std::string& track_id) {
  const Track* track = find_track(library, track_id);
  data["abbr"] = MustacheData(track ? track->abbreviation : "?");
  data["track_title"] = MustacheData(track ? track->title : track_id);
  data["track_class"] = MustacheData(track_class(library, track_id));
}

const Module& module_of(const ViewContext& ctx, const PlannedBlock& block) {
  return *find_module(ctx.library, block.module);
}

std::string module_title(const Library& library, const std::string& id) {
  const Module* m = find_module(library, id);
  return m ? m->title : id;
}
namespace {

std::string citation(const Reference& ref) {
  std::string text = ref.authors + " (" + std::to_string(ref.year) + "). " + ref.title + ".";
  if (!ref.publisher.empty()) text += " " + ref.publisher + ".";
  return text;
}

int week_hours_minutes(const ViewContext& ctx, int week) {
  int minutes = 0;
  for (const auto& entry : ctx.meetings) {
    if (entry.meeting->week == week) minutes += entry.meeting->end - entry.meeting->start;
  }
  return minutes;
}
}  // namespace


// The national lines in `language`, then the organization's own.
MustacheData crisis_lines_view(const ViewContext& ctx, const std::string& language) {
  std::vector<CrisisLine> national;
  for (const char* line : {"lifeline", "helpline", "emergency"}) {
    std::string key = std::string("crisis.") + line;
    national.push_back({string_of(ctx, language, key + "_name"), string_of(ctx, language, key + "_contact"),
                        string_of(ctx, language, key + "_note")});
  }
  MustacheData lines(MustacheData::type::list);
  for (const auto& line : crisis_resources(ctx.organization, national)) {
    MustacheData item;
    item["name"] = MustacheData(line.name);
    item["contact"] = MustacheData(line.contact);
    item["note"] = MustacheData(line.note);
    item["has_note"] = MustacheData(!line.note.empty());
    lines.push_back(item);
  }
  return lines;
}

double week_hours(const ViewContext& ctx, int week) {
  for (const auto& h : ctx.plan.hours) {
    if (h.week == week) return h.hours;
  }
  return week_hours_minutes(ctx, week) / 60.0;
}

// "Jan 4 – Jan 8, 2027": the span of a week's meeting and skipped days.
std::string week_dates(const ViewContext& ctx, int week) {
  std::vector<Date> dates;
  for (const auto& entry : ctx.meetings) {
    if (entry.meeting->week == week) dates.push_back(entry.meeting->date);
  }
  for (const auto& skipped : ctx.plan.skipped) {
    if (skipped.week == week) dates.push_back(skipped.date);
  }
  if (dates.empty()) {
    Date first = add_days(ctx.plan.start, 7L * (week - 1));
    dates = {first, add_days(first, 6)};
  }
  auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
  if (*lo == *hi) return month_day(*lo) + ", " + std::to_string(lo->year);
  return month_day(*lo) + " – " + month_day(*hi) + ", " + std::to_string(hi->year);
}

MustacheData base_view(const ViewContext& ctx, Flavor flavor, const std::string& root, const std::string& title,
                       bool staff) {
  MustacheData view;
  const std::string& language = ctx.language;
  view["title"] = MustacheData(title);
  view["root"] = MustacheData(root);
  view["staff"] = MustacheData(staff);
  view["lang"] = MustacheData(language);
  view["s"] = strings_view(ctx, language);
  MustacheData org;
  org["name"] = MustacheData(ctx.organization.name);
  org["address"] = MustacheData(ctx.organization.address);
  org["phone"] = MustacheData(ctx.organization.phone);
  org["has_address"] = MustacheData(!ctx.organization.address.empty());
  org["has_phone"] = MustacheData(!ctx.organization.phone.empty());
  view["org"] = std::move(org);
  view["crisis_lines"] = crisis_lines_view(ctx, language);
  view["confidentiality"] =
      MustacheData(confidentiality_reminder(ctx.organization, string_of(ctx, language, "footer.confidentiality")));
  const Plan& plan = ctx.plan;
  MustacheData program;
  program["id"] = MustacheData(plan.program);
  program["name"] = MustacheData(plan.program_name.empty() ? plan.program : plan.program_name);
  program["start"] = MustacheData(long_date(plan.start));
  program["end"] = MustacheData(long_date(plan.meetings.empty() ? plan.start : plan.meetings.back().date));
  program["weeks"] = MustacheData(std::to_string(plan.weeks));
  program["rolling"] = MustacheData(plan.admission == "rolling");
  program["admission"] = MustacheData(plan.admission.empty() ? std::string("closed") : plan.admission);
  program["group_size"] = MustacheData(std::to_string(plan.group_size));
  view["program"] = std::move(program);
  view["page_size"] = MustacheData(ctx.options.paper == Paper::a4 ? "A4" : "letter");
  view["large_print"] = MustacheData(ctx.options.large_print);
  view["dated"] = MustacheData(!ctx.options.undated);
  view["index_link"] = MustacheData(root + "index" + ext(flavor));
  view["plan_json_link"] = MustacheData(root + "plan.json");
  // Styles per track: colour for screens, line style and abbreviation for black-and-white paper.
  MustacheData styles(MustacheData::type::list);
  for (size_t i = 0; i < ctx.library.tracks.size(); ++i) {
    const Track& track = ctx.library.tracks[i];
    std::string colour = is_hex_color(track.colour) ? track.colour : "#555555";
    MustacheData style;
    style["track_class"] = MustacheData("track-" + std::to_string(i));
    style["colour"] = MustacheData(colour);
    style["tint"] = MustacheData(tint_of(colour));
    style["line"] = MustacheData(kTrackLines[i % std::size(kTrackLines)]);
    styles.push_back(style);
  }
  view["track_styles"] = std::move(styles);
  return view;
}
MustacheData module_view(ViewContext& ctx, const Module& m, Flavor flavor) {
  auto& cache = ctx.module_views[static_cast<int>(flavor)];
  if (auto it = cache.find(m.id); it != cache.end()) return it->second;
  MustacheData view;
  view["id"] = MustacheData(m.id);
  view["title"] = MustacheData(m.title);
  view["version"] = MustacheData(m.version);
  view["summary"] = MustacheData(m.summary);
  view["duration_minutes"] = MustacheData(std::to_string(m.duration_minutes));
  view["group_type"] = MustacheData(group_type_name(m.group_type));
  set_track(view, ctx.library, m.track);
  view["objectives"] = list_of(m.objectives);
  view["materials"] = list_of(m.materials);
  view["has_materials"] = MustacheData(!m.materials.empty());
  view["discussion_questions"] = numbered_list_of(m.discussion_questions);
  set_markdown(view, "safety", m.facilitator_notes.safety, flavor);
  set_markdown(view, "trauma_informed", m.facilitator_notes.trauma_informed, flavor);
  set_markdown(view, "newcomers", m.facilitator_notes.newcomers, flavor);
  view["handout_title"] = MustacheData(m.handout.title);
  // Which languages the handout exists in, so staff know what they can hand a Spanish reader.
  std::vector<std::string> names;
  for (const auto& code : handout_languages(m)) {
    const Language* language = find_language(code);
    const Translation* translation = find_translation(m, code);
    bool stale = translation && !translation->translates.empty() && compare_versions(translation->translates, m.version) < 0;
    names.push_back(std::string(language ? language->name : code) + (stale ? " (older version)" : ""));
  }
  view["handout_languages"] = MustacheData(join(names, ", "));
  set_markdown(view, "homework", m.handout.homework, flavor);
  std::vector<std::string> references;
  for (const auto& ref : m.references) references.push_back(citation(ref));
  view["references"] = list_of(references);
  cache.emplace(m.id, view);
  return view;
}

// The agenda with clock times from the block's start.
MustacheData agenda_view(const Module& m, int start, bool elapsed) {
  MustacheData agenda(MustacheData::type::list);
  int at = start;
  for (const auto& segment : m.agenda) {
    MustacheData item;
    item["title"] = MustacheData(segment.title);
    item["minutes"] = MustacheData(std::to_string(segment.minutes));
    item["start"] = MustacheData(elapsed ? elapsed_time(at) : clock12(at));
    item["end"] = MustacheData(elapsed ? elapsed_time(at + segment.minutes) : clock12(at + segment.minutes));
    item["talking_points"] = list_of(segment.talking_points);
    if (segment.activity) {
      MustacheData activity;
      activity["name"] = MustacheData(segment.activity->name);
      activity["kind"] = MustacheData(segment.activity->kind);
      activity["steps"] = numbered_list_of(segment.activity->steps);
      item["activity"] = std::move(activity);
    } else {
      item["activity"] = MustacheData(false);
    }
    agenda.push_back(item);
    at += segment.minutes;
  }
  return agenda;
}



bool asks_for_a_list(const std::string& prompt) {
  static const std::set<std::string> kListWords = {"plan", "plans", "list", "steps", "names", "people", "numbers",
                                                   "three", "four", "five"};
  std::string word;
  for (char c : lower(prompt) + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
    } else {
      if (kListWords.count(word)) return true;
      word.clear();
    }
  }
  return false;
}

int writing_lines(const std::string& prompt, bool large_print) {
  return (asks_for_a_list(prompt) ? 5 : 3) + (large_print ? 1 : 0);
}

MustacheData handout_view(ViewContext& ctx, const Module& m, Flavor flavor) {
  const std::string& language = ctx.language;
  auto& cache = ctx.handout_views[static_cast<int>(flavor)];
  std::string cache_key = language + ":" + m.id;
  if (auto it = cache.find(cache_key); it != cache.end()) return it->second;
  const Translation* translation = find_translation(m, language);
  const Handout& h = translation ? translation->handout : m.handout;
  MustacheData view;
  // Its own language and strings, so a packet can hold handouts of several languages.
  view["lang"] = MustacheData(language);
  view["s"] = strings_view(ctx, language);
  view["crisis_lines"] = crisis_lines_view(ctx, language);
  view["title"] = MustacheData(h.title);
  view["module_title"] = MustacheData(translation ? translation->title : m.title);
  set_track(view, ctx.library, m.track);
  set_markdown(view, "body", h.body, flavor);
  view["key_points"] = list_of(h.key_points);
  view["has_key_points"] = MustacheData(!h.key_points.empty());
  MustacheData worksheet(MustacheData::type::list);
  for (size_t i = 0; i < h.worksheet.size(); ++i) {
    // Judged on the module's own (English) prompt, so a translation gets the same lines.
    const std::string& own = i < m.handout.worksheet.size() ? m.handout.worksheet[i] : h.worksheet[i];
    int lines_per_prompt = writing_lines(own, ctx.options.large_print);
    MustacheData item;
    item["number"] = MustacheData(std::to_string(i + 1));
    item["prompt"] = MustacheData(h.worksheet[i]);
    MustacheData lines(MustacheData::type::list);
    for (int i = 0; i < lines_per_prompt; ++i) lines.push_back(MustacheData());
    item["lines"] = std::move(lines);
    worksheet.push_back(item);
  }
  view["worksheet"] = std::move(worksheet);
  view["has_worksheet"] = MustacheData(!h.worksheet.empty());
  set_markdown(view, "homework", h.homework, flavor);
  cache.emplace(cache_key, view);
  return view;
}
namespace {

enum class ActivityKind { check_in, pause, check_out, other };

// Fixed blocks get the template's standard guidance for their kind, recognised by name.
ActivityKind activity_kind(const std::string& name) {
  std::string text = lower(name);
  if (contains(text, "check-in") || contains(text, "check in") || contains(text, "checkin")) return ActivityKind::check_in;
  if (contains(text, "break") || contains(text, "pause")) return ActivityKind::pause;
  if (contains(text, "check-out") || contains(text, "check out") || contains(text, "wrap") ||
      contains(text, "closing")) {
    return ActivityKind::check_out;
  }
  return ActivityKind::other;
}
}  // namespace


MustacheData block_view(ViewContext& ctx, const PlannedBlock& block, Flavor flavor, bool full) {
  MustacheData view;
  view["start"] = MustacheData(clock12(block.start));
  view["end"] = MustacheData(clock12(block.start + block.minutes));
  view["minutes"] = MustacheData(std::to_string(block.minutes));
  view["slot"] = MustacheData(block.slot);
  view["has_slot"] = MustacheData(!block.slot.empty());
  bool is_module = !block.module.empty();
  view["is_module"] = MustacheData(is_module);
  view["is_activity"] = MustacheData(!is_module);
  if (is_module) {
    const Module& m = module_of(ctx, block);
    view["name"] = MustacheData(m.title);
    set_track(view, ctx.library, m.track);
    if (full) {
      MustacheData module = module_view(ctx, m, flavor);
      module["agenda"] = agenda_view(m, block.start);
      view["module"] = std::move(module);
      int spare = block.minutes - m.duration_minutes;
      view["has_spare"] = MustacheData(spare > 0);
      view["spare_minutes"] = MustacheData(std::to_string(spare));
      view["overrun"] = MustacheData(spare < 0);
      view["overrun_minutes"] = MustacheData(std::to_string(-spare));
      view["module_minutes"] = MustacheData(std::to_string(m.duration_minutes));
    }
  } else {
    view["name"] = MustacheData(block.activity);
    view["abbr"] = MustacheData("");
    view["track_class"] = MustacheData("activity");
    ActivityKind kind = activity_kind(block.activity);
    view["kind_check_in"] = MustacheData(kind == ActivityKind::check_in);
    view["kind_break"] = MustacheData(kind == ActivityKind::pause);
    view["kind_check_out"] = MustacheData(kind == ActivityKind::check_out);
    view["kind_other"] = MustacheData(kind == ActivityKind::other);
    view["has_guidance"] = MustacheData(!block.guidance.empty());
    if (full) {
      if (!block.guidance.empty()) set_markdown(view, "guidance", block.guidance, flavor);
      view["group_agreement"] = MustacheData(ctx.organization.group_agreement);
    }
  }
  return view;
}

std::vector<const Module*> meeting_modules(const ViewContext& ctx, const Meeting& meeting) {
  std::vector<const Module*> modules;
  for (const auto& block : meeting.blocks) {
    if (!block.module.empty()) modules.push_back(&module_of(ctx, block));
  }
  return modules;
}
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

// The link from a document in `from_folder` ("", "week-01", "week-01/2027-01-04") to `path`,
// both relative to the output folder, so a build can be moved or opened from disk.
std::string relative(const std::string& from_folder, const std::string& path) {
  std::vector<std::string> from = split_path(from_folder);
  std::vector<std::string> to = split_path(path);
  size_t common = 0;
  while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
  std::string link;
  for (size_t i = common; i < from.size(); ++i) link += "../";
  for (size_t i = common; i < to.size(); ++i) link += (i > common ? "/" : "") + to[i];
  return link;
}
}  // namespace


MustacheData meeting_summary(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor, const std::string& from) {
  const Meeting& meeting = *entry.meeting;
  MustacheData view;
  view["date"] = MustacheData(long_date(meeting.date, ctx.language));
  view["short_date"] = MustacheData(short_date(meeting.date));
  view["iso_date"] = MustacheData(to_iso(meeting.date));
  view["time"] = MustacheData(time_range(meeting.start, meeting.end, ctx.language));
  view["week"] = MustacheData(std::to_string(meeting.week));
  view["guide_link"] = MustacheData(relative(from, entry.folder + "/facilitator-guide" + ext(flavor)));
  const std::string& first = ctx.options.languages.empty() ? ctx.language : ctx.options.languages.front();
  view["handouts_link"] = MustacheData(relative(from, entry.folder + "/" + language_file_name("handouts", first, ext(flavor))));
  // Every handout language but the first, for staff documents that link them all.
  MustacheData others(MustacheData::type::list);
  for (size_t i = 1; i < ctx.options.languages.size(); ++i) {
    const std::string& language = ctx.options.languages[i];
    const Language* known = find_language(language);
    MustacheData other;
    other["language"] = MustacheData(known ? known->name : language);
    other["link"] = MustacheData(relative(from, entry.folder + "/" + language_file_name("handouts", language, ext(flavor))));
    others.push_back(other);
  }
  view["other_handouts"] = std::move(others);
  view["week_link"] = MustacheData(relative(from, week_folder(meeting.week) + "/plan" + ext(flavor)));
  MustacheData blocks(MustacheData::type::list);
  for (const auto& block : meeting.blocks) blocks.push_back(block_view(ctx, block, flavor, false));
  view["blocks"] = std::move(blocks);
  std::vector<std::string> handouts;
  for (const Module* m : meeting_modules(ctx, meeting)) handouts.push_back(m->handout.title);
  for (auto& title : handouts) title = "“" + title + "”";
  view["handout_list"] = MustacheData(join(handouts, ", "));
  view["has_handouts"] = MustacheData(!handouts.empty());
  return view;
}

std::string copies_text(const ViewContext& ctx) {
  const auto& languages = ctx.options.languages;
  if (languages.size() == 1) return std::to_string(ctx.copies.at(languages[0]));
  std::vector<std::string> parts;
  for (const auto& language : languages) {
    const Language* known = find_language(language);
    parts.push_back(std::to_string(ctx.copies.at(language)) + " " + (known ? known->name : language));
  }
  std::string last = parts.back();
  parts.pop_back();
  return join(parts, ", ") + " and " + last;
}

MustacheData packet_links(const ViewContext& ctx, int week, const std::string& from) {
  MustacheData view;
  std::string base = week_folder(week) + "/print-packet";
  view["has_packet_html"] = MustacheData(ctx.has_html);
  view["has_packet_pdf"] = MustacheData(ctx.has_pdf);
  view["packet_html_link"] = MustacheData(relative(from, base + ".html"));
  view["packet_pdf_link"] = MustacheData(relative(from, base + ".pdf"));
  return view;
}

MustacheData skipped_list(const ViewContext& ctx, int week) {
  MustacheData list(MustacheData::type::list);
  for (const auto& skipped : ctx.plan.skipped) {
    if (week != 0 && skipped.week != week) continue;
    MustacheData item;
    item["date"] = MustacheData(long_date(skipped.date));
    item["short_date"] = MustacheData(short_date(skipped.date));
    item["week"] = MustacheData(std::to_string(skipped.week));
    item["reason"] = MustacheData(skipped.reason);
    list.push_back(item);
  }
  return list;
}
namespace {

}  // namespace

}  // namespace iopplan
