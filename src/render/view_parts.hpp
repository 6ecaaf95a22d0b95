// The parts every document's view is made of: shared formatting in one place (views.hpp has the
// documents).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/views.hpp"

namespace iopplan {

MustacheData list_of(const std::vector<std::string>& items);

std::string join(const std::vector<std::string>& items, std::string_view separator);

std::string short_date(const Date& date);

std::string ext(Flavor flavor);

void set_track(MustacheData& data, const Library& library, const std::string& track_id);

const Module& module_of(const ViewContext& ctx, const PlannedBlock& block);

std::string module_title(const Library& library, const std::string& id);

double week_hours(const ViewContext& ctx, int week);

// "Jan 4 – Jan 8, 2027": the span of a week's meeting and skipped days.
std::string week_dates(const ViewContext& ctx, int week);

MustacheData base_view(const ViewContext& ctx, Flavor flavor, const std::string& root, const std::string& title,
                       bool staff);

// True when a worksheet prompt asks for a plan or a list: it has one of the words plan(s), list,
// steps, names, people, numbers, three, four or five ("My plan for Friday night", "Three people I can call").
bool asks_for_a_list(const std::string& prompt);

// Ruled lines under a worksheet prompt: 5 for a plan or a list, 3 otherwise; one more in large print.
int writing_lines(const std::string& prompt, bool large_print);

// The national crisis lines in `language` (from its strings table), then the organization's own.
MustacheData crisis_lines_view(const ViewContext& ctx, const std::string& language);

// One module's handout in ctx.language (its translation, or the module's own for English).
MustacheData handout_view(ViewContext& ctx, const Module& m, Flavor flavor);

// A module as the facilitator guide shows it (cached per module and flavor).
MustacheData module_view(ViewContext& ctx, const Module& m, Flavor flavor);

// The agenda with clock times from the block's start (minutes after midnight), or with times into
// the session ("0:05") when `elapsed`.
MustacheData agenda_view(const Module& m, int start, bool elapsed = false);

MustacheData block_view(ViewContext& ctx, const PlannedBlock& block, Flavor flavor, bool full);

std::vector<const Module*> meeting_modules(const ViewContext& ctx, const Meeting& meeting);

MustacheData meeting_summary(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor, const std::string& from);

// Handout copies per meeting in the print packet: "12", or "8 English and 4 Spanish".
std::string copies_text(const ViewContext& ctx);

MustacheData packet_links(const ViewContext& ctx, int week, const std::string& from);

MustacheData skipped_list(const ViewContext& ctx, int week);

}  // namespace iopplan
