#pragma once
// The whole mockex C++ SDK in one include.

#include <mockex/sdk/client.hpp>
#include <mockex/sdk/duration.hpp>
#include <mockex/sdk/error.hpp>
#include <mockex/sdk/fault_rule.hpp>
#include <mockex/sdk/faults.hpp>
#include <mockex/sdk/journal.hpp>
#include <mockex/sdk/market.hpp>
#include <mockex/sdk/report.hpp>
#include <mockex/sdk/session.hpp>
