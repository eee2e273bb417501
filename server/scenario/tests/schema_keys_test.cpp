// scenarios/schema.json and the loader's key table describe the same format.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "mockex/scenario/fault_kinds.hpp"
#include "mockex/scenario/keys.hpp"
#include "test_support.hpp"

namespace mockex::scenario {
namespace {

using nlohmann::json;

json load_schema() {
  std::ifstream in(testing::scenarios_dir() + "/schema.json");
  return json::parse(in);
}

// Follows "#/$defs/x" references, and into the object alternative of an anyOf (halt: accepts
// nothing, a symbol, or {symbol}).
const json& resolve(const json& root, const json& node) {
  if (node.contains("$ref")) {
    const std::string ref = node["$ref"];
    const std::string prefix = "#/$defs/";
    return resolve(root, root["$defs"][ref.substr(prefix.size())]);
  }
  if (node.contains("anyOf")) {
    for (const auto& option : node["anyOf"]) {
      const json& resolved = resolve(root, option);
      if (resolved.contains("properties")) return resolved;
    }
  }
  return node;
}

// The object schema at a key-table path: "" root, "a" property, "a[]" items, "a.*" any key.
const json* object_at(const json& root, std::string_view path) {
  const json* node = &root;
  while (!path.empty()) {
    const auto dot = path.find('.');
    std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    const bool items = part.ends_with("[]");
    if (items) part.remove_suffix(2);
    if (part == "*") {
      node = &resolve(root, (*node)["additionalProperties"]);
    } else {
      if (!node->contains("properties") || !(*node)["properties"].contains(std::string(part))) {
        return nullptr;
      }
      node = &resolve(root, (*node)["properties"][std::string(part)]);
    }
    if (items) node = &resolve(root, (*node)["items"]);
  }
  return node;
}

TEST(SchemaKeys, every_key_the_loader_accepts_is_in_the_schema) {
  const json schema = load_schema();
  for (const auto& section : key_sections()) {
    const json* object = object_at(schema, section.path);
    ASSERT_NE(object, nullptr) << "no schema object at '" << section.path << "'";
    ASSERT_TRUE(object->contains("properties")) << section.path;
    for (auto key : section.keys) {
      EXPECT_TRUE((*object)["properties"].contains(std::string(key)))
          << "'" << key << "' at '" << section.path << "' is missing from schema.json";
    }
  }
}

TEST(SchemaKeys, every_schema_object_is_closed_and_lists_only_loader_keys) {
  const json schema = load_schema();
  for (const auto& section : key_sections()) {
    const json* object = object_at(schema, section.path);
    ASSERT_NE(object, nullptr) << section.path;
    EXPECT_EQ(object->value("additionalProperties", true), false) << section.path;
    for (const auto& [key, value] : (*object)["properties"].items()) {
      const bool known = std::find(section.keys.begin(), section.keys.end(), key) != section.keys.end();
      EXPECT_TRUE(known) << "schema.json allows '" << key << "' at '" << section.path
                         << "' but the loader does not";
    }
  }
}

TEST(SchemaKeys, fault_kinds_in_the_schema_are_the_loader_kinds) {
  const json schema = load_schema();
  const json& kinds = schema["$defs"]["fault"]["properties"]["kind"]["enum"];
  ASSERT_EQ(kinds.size(), fault_kinds().size());
  for (std::size_t i = 0; i < kinds.size(); ++i) EXPECT_EQ(kinds[i], fault_kinds()[i]);
}

}  // namespace
}  // namespace mockex::scenario
