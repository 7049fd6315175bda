#pragma once
// Internal to the exploration store: the text of the columns that are not
// plain values (store_text.cpp). A layer's choice, shares and resources are
// small JSON texts written and read by hand (a save writes three per layer,
// tens of thousands per exploration); documents and strategy detail are JSON through
// nlohmann; option values are text typed by a column. Everything written
// here reads back exactly; every reader refuses what it did not write by
// throwing BadValue, which the store turns into FormatError naming the file
// and the field.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/explore/exploration.h"

namespace tessera::core::store {

// A value that cannot be stored as given, or stored text that cannot be read.
struct BadValue {
    std::string problem;  // "not valid UTF-8", "nested deeper than 64 levels", ...
};

// [["method","grouped-c"],["cut","channels"]]: the pairs in order.
void writeChoice(std::string& out, const std::vector<std::pair<std::string, std::string>>& choice);
std::vector<std::pair<std::string, std::string>> readChoice(std::string_view text);

// {"cpu":0.25,"fpga":0.75}: shortest round-trip numbers, null for NaN.
void writeShares(std::string& out, const std::map<std::string, double>& shares);
std::map<std::string, double> readShares(std::string_view text);

// [["fpga","alms","ALM",1200,80330]]: a layer's resources, each as
// [device, resource, unit, used, budget] (point_resources' columns), numbers
// as in shares.
void writeResources(std::string& out, const std::vector<ResourceUse>& resources);
std::vector<ResourceUse> readResources(std::string_view text);

// ["best","alpha"]: an exploration's tags as json_group_array gives them
// (list reads them in the same statement as the rest), returned sorted.
std::vector<std::string> readTagList(std::string_view text);

// Any JSON value (documents, detail); refused when nested deeper than
// kMaxJsonDepth, as every Tessera JSON reader refuses it.
std::string writeJson(const nlohmann::json& value);
nlohmann::json readJson(std::string_view text);

// An option's type ('boolean', 'integer', 'number', 'text') and its value as
// text: doubles in the shortest form that reads back bit-exact.
std::pair<const char*, std::string> writeOption(const OptionValue& value);
OptionValue readOption(std::string_view type, std::string_view text);

}  // namespace tessera::core::store
