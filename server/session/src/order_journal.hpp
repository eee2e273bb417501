#pragma once
// What the venue did to clients' orders, as journal entries: every fill, cancel and expiry of an
// order that belongs to an account. (Placements and refusals are journaled by the dialect that
// took the request, which knows what was asked for.)

#include <mockex/journal/journal.hpp>
#include <mockex/venue/events.hpp>
#include <mockex/venue/venue.hpp>

namespace mockex::session {

void journal_order_events(journal::Journal& journal, journal::Stamp at, const venue::Venue& venue,
                          const venue::Events& events);

}  // namespace mockex::session
