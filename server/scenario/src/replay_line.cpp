#include "replay_line.hpp"

namespace mockex::scenario::detail {

namespace {

constexpr int kMaxDepth = 32;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool object(ReplayLine& out) {
    ws();
    if (!eat('{')) return false;
    ws();
    if (eat('}')) return end();
    for (;;) {
      ws();
      std::string_view key;
      if (!string(key)) return false;
      ws();
      if (!eat(':')) return false;
      ws();
      if (!member(key, out)) return false;
      ws();
      if (eat(',')) continue;
      if (eat('}')) return end();
      return false;
    }
  }

 private:
  bool member(std::string_view key, ReplayLine& out) {
    if (key == "t") return scalar(out.t);
    if (key == "type") return scalar(out.type);
    if (key == "side") return scalar(out.side);
    if (key == "price") return scalar(out.price);
    if (key == "qty") return scalar(out.qty);
    if (key == "bids") {
      out.has_bids = true;
      return levels(out.bids, out.bad_bids);
    }
    if (key == "asks") {
      out.has_asks = true;
      return levels(out.asks, out.bad_asks);
    }
    return skip(0);
  }

  bool levels(std::vector<std::pair<JsonScalar, JsonScalar>>& out, bool& bad) {
    if (peek() != '[') {
      bad = true;
      return skip(0);
    }
    ++pos_;
    ws();
    if (eat(']')) return true;
    for (;;) {
      ws();
      if (peek() == '[') {
        ++pos_;
        JsonScalar price;
        JsonScalar qty;
        ws();
        if (!scalar(price)) return false;
        ws();
        if (eat(',')) {
          ws();
          if (!scalar(qty)) return false;
          ws();
        }
        if (!eat(']')) {
          // More than two items: not a level, but still JSON.
          bad = true;
          while (eat(',')) {
            ws();
            if (!skip(1)) return false;
            ws();
          }
          if (!eat(']')) return false;
        }
        if (price.kind == JsonScalar::Kind::other || qty.kind == JsonScalar::Kind::absent ||
            qty.kind == JsonScalar::Kind::other) {
          bad = true;
        }
        out.emplace_back(price, qty);
      } else {
        bad = true;
        if (!skip(1)) return false;
      }
      ws();
      if (eat(',')) continue;
      return eat(']');
    }
  }

  // A scalar value; nested values are skipped and marked `other`.
  bool scalar(JsonScalar& out) {
    const char c = peek();
    if (c == '"') {
      out.kind = JsonScalar::Kind::string;
      return string(out.text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      out.kind = JsonScalar::Kind::number;
      return number(out.text);
    }
    out.kind = JsonScalar::Kind::other;
    return skip(0);
  }

  bool skip(int depth) {
    if (depth > kMaxDepth) return false;
    const char c = peek();
    std::string_view ignored;
    if (c == '"') return string(ignored);
    if (c == '-' || (c >= '0' && c <= '9')) return number(ignored);
    if (c == '[' || c == '{') {
      const char close = c == '[' ? ']' : '}';
      ++pos_;
      ws();
      if (eat(close)) return true;
      for (;;) {
        ws();
        if (c == '{') {
          if (!string(ignored)) return false;
          ws();
          if (!eat(':')) return false;
          ws();
        }
        if (!skip(depth + 1)) return false;
        ws();
        if (eat(',')) continue;
        return eat(close);
      }
    }
    for (std::string_view literal : {"true", "false", "null"}) {
      if (text_.substr(pos_, literal.size()) == literal) {
        pos_ += literal.size();
        return true;
      }
    }
    return false;
  }

  bool string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        out = text_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      pos_ += c == '\\' ? 2 : 1;
    }
    return false;
  }

  bool number(std::string_view& out) {
    const std::size_t start = pos_;
    eat('-');
    if (!digits()) return false;
    if (eat('.') && !digits()) return false;
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return false;
    }
    out = text_.substr(start, pos_ - start);
    return true;
  }

  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool end() {
    ws();
    return pos_ == text_.size();
  }
  void ws() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' || text_[pos_] == '\n')) {
      ++pos_;
    }
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

void ReplayLine::clear() {
  t = type = side = price = qty = JsonScalar{};
  bids.clear();
  asks.clear();
  has_bids = has_asks = bad_bids = bad_asks = false;
}

bool parse_replay_line(std::string_view text, ReplayLine& out) {
  out.clear();
  return Parser(text).object(out);
}

}  // namespace mockex::scenario::detail
