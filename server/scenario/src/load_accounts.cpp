// accounts: API credentials, starting balances and commission rates.

#include "loader_parts.hpp"

namespace mockex::scenario::detail {

namespace {

void load_balances(Context& ctx, const Field& field, const AssetPrecisions& precisions,
                   Account& account) {
  auto fields = ctx.open_mapping(field.value, field.pos, "balances");
  if (!fields) return;
  for (const auto& item : fields->items) {
    bool asset_ok = !item.key.empty();
    for (char c : item.key) asset_ok = asset_ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    if (!asset_ok) {
      ctx.error(item.key_pos, "asset '" + item.key + "' must be upper-case letters and digits");
      continue;
    }
    const std::uint8_t scale = precisions.of(item.key);
    if (auto units = read_fixed(ctx, item, core::Scale{scale}, item.key)) {
      account.balances.push_back(Balance{item.key, core::Amount{*units}, core::Scale{scale}});
    }
  }
}

void load_commission(Context& ctx, const Field& field, Account& account) {
  auto fields = ctx.mapping(field.value, field.pos, "accounts[].commission", "commission");
  if (!fields) return;
  for (auto [key, target] : {std::pair{"maker", &account.maker_commission},
                             std::pair{"taker", &account.taker_commission}}) {
    const Field* f = fields->get(key);
    if (!f) continue;
    auto value = read_decimal(ctx, *f);
    if (value && check_min(ctx, *f, *value, 0, true) && check_max(ctx, *f, *value, 1, false)) {
      *target = *value;
    }
  }
}

}  // namespace

void load_accounts(Context& ctx, const Field& field, const AssetPrecisions& precisions,
                   std::vector<Account>& out) {
  if (!field.value.IsSequence()) {
    ctx.error(field.pos, "'accounts' must be a list");
    return;
  }
  for (const auto& node : field.value) {
    auto fields = ctx.mapping(node, pos_of(node), "accounts[]", "account");
    if (!fields) continue;
    Account account;
    account.pos = fields->pos;
    const Field* key = ctx.require(*fields, "api_key", "account");
    const Field* secret = ctx.require(*fields, "secret", "account");
    std::optional<std::string> key_text;
    if (key) key_text = read_string(ctx, *key);
    if (secret) {
      if (auto text = read_string(ctx, *secret)) account.secret = *text;
    }
    if (const Field* f = fields->get("balances")) load_balances(ctx, *f, precisions, account);
    if (const Field* f = fields->get("commission")) load_commission(ctx, *f, account);
    if (!key_text) continue;
    account.api_key = *key_text;
    bool duplicate = false;
    for (const auto& other : out) {
      if (other.api_key == account.api_key) {
        ctx.error(key->pos, "duplicate api_key '" + account.api_key + "' (first defined at line " +
                                std::to_string(other.pos.line) + ")");
        duplicate = true;
      }
    }
    if (!duplicate) out.push_back(std::move(account));
  }
}

}  // namespace mockex::scenario::detail
