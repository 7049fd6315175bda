// The text of the store's JSON and option columns (store_text_internal.h).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/json/json_text.h"
#include "core/store/store_text_internal.h"

namespace tessera::core::store {

using nlohmann::json;

namespace {

// Length of the UTF-8 sequence at s[i], or 0 when it is not valid UTF-8
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), the
// rule nlohmann's parser applies when the text is read back.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        lo = c == 0xe0 ? 0xa0 : 0x80;
        hi = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        lo = c == 0xf0 ? 0x90 : 0x80;
        hi = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
    return n;
}

void appendString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Length(s, i);
            if (n == 0) throw BadValue{"not valid UTF-8"};
            out.append(s.substr(i, n));
            i += n;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

// The shortest text that reads back as exactly `v`, whatever the locale.
std::string shortest(double v) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// Whether JSON text nests arrays and objects deeper than `limit`.
bool deeperThan(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

// Reads the texts writeChoice, writeShares and writeResources write, as long
// as their strings have no escapes; anything else makes it give up, and the
// caller parses the text as JSON instead.
class FastReader {
public:
    explicit FastReader(std::string_view text) : m_t(text) {}

    bool consume(char c) {
        skipSpace();
        if (m_i < m_t.size() && m_t[m_i] == c) {
            ++m_i;
            return true;
        }
        return false;
    }
    bool plainString(std::string& out) {
        if (!consume('"')) return false;
        for (const std::size_t start = m_i; m_i < m_t.size(); ++m_i) {
            const auto c = static_cast<unsigned char>(m_t[m_i]);
            if (c == '\\' || c < 0x20) return false;
            if (c == '"') {
                out.assign(m_t.substr(start, m_i++ - start));
                return true;
            }
        }
        return false;
    }
    bool numberOrNull(double& v) {
        skipSpace();
        if (m_t.substr(m_i, 4) == "null") {
            m_i += 4;
            v = kNoValue;
            return true;
        }
        if (m_i == m_t.size() || !(m_t[m_i] == '-' || (m_t[m_i] >= '0' && m_t[m_i] <= '9'))) return false;
        const char* begin = m_t.data() + m_i;
        const auto r = std::from_chars(begin, m_t.data() + m_t.size(), v);
        if (r.ec != std::errc()) return false;
        m_i += static_cast<std::size_t>(r.ptr - begin);
        return true;
    }
    bool atEnd() {
        skipSpace();
        return m_i == m_t.size();
    }

private:
    void skipSpace() {
        while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\n' || m_t[m_i] == '\t' || m_t[m_i] == '\r')) ++m_i;
    }

    std::string_view m_t;
    std::size_t m_i = 0;
};

bool fastChoice(std::string_view text, std::vector<std::pair<std::string, std::string>>& out) {
    FastReader r(text);
    if (!r.consume('[')) return false;
    if (r.consume(']')) return r.atEnd();
    do {
        std::string name, value;
        if (!r.consume('[') || !r.plainString(name) || !r.consume(',') || !r.plainString(value) || !r.consume(']')) return false;
        out.emplace_back(std::move(name), std::move(value));
    } while (r.consume(','));
    return r.consume(']') && r.atEnd();
}

bool fastShares(std::string_view text, std::map<std::string, double>& out) {
    FastReader r(text);
    if (!r.consume('{')) return false;
    if (r.consume('}')) return r.atEnd();
    do {
        std::string device;
        double share = 0;
        if (!r.plainString(device) || !r.consume(':') || !r.numberOrNull(share)) return false;
        out[std::move(device)] = share;
    } while (r.consume(','));
    return r.consume('}') && r.atEnd();
}

bool fastResources(std::string_view text, std::vector<ResourceUse>& out) {
    FastReader r(text);
    if (!r.consume('[')) return false;
    if (r.consume(']')) return r.atEnd();
    do {
        ResourceUse& u = out.emplace_back();
        if (!r.consume('[') || !r.plainString(u.device) || !r.consume(',') || !r.plainString(u.resource) || !r.consume(',') ||
            !r.plainString(u.unit) || !r.consume(',') || !r.numberOrNull(u.used) || !r.consume(',') ||
            !r.numberOrNull(u.budget) || !r.consume(']'))
            return false;
    } while (r.consume(','));
    return r.consume(']') && r.atEnd();
}

void appendNumber(std::string& out, double v) { out += std::isfinite(v) ? shortest(v) : "null"; }

}  // namespace

void writeChoice(std::string& out, const std::vector<std::pair<std::string, std::string>>& choice) {
    out = '[';
    for (const auto& [name, value] : choice) {
        if (out.size() > 1) out += ',';
        out += '[';
        appendString(out, name);
        out += ',';
        appendString(out, value);
        out += ']';
    }
    out += ']';
}

std::vector<std::pair<std::string, std::string>> readChoice(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> choice;
    if (fastChoice(text, choice)) return choice;
    choice.clear();
    const json doc = readJson(text);
    bool valid = doc.is_array();
    for (std::size_t i = 0; valid && i < doc.size(); ++i) {
        const json& pair = doc[i];
        valid = pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string();
        if (valid) choice.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
    if (!valid) throw BadValue{"must be a list of [name, value] pairs of strings"};
    return choice;
}

void writeShares(std::string& out, const std::map<std::string, double>& shares) {
    out = '{';
    for (const auto& [device, share] : shares) {
        if (out.size() > 1) out += ',';
        appendString(out, device);
        out += ':';
        appendNumber(out, share);
    }
    out += '}';
}

std::map<std::string, double> readShares(std::string_view text) {
    std::map<std::string, double> shares;
    if (fastShares(text, shares)) return shares;
    shares.clear();
    const json doc = readJson(text);
    if (!doc.is_object()) throw BadValue{"must be an object of device shares"};
    for (const auto& [device, share] : doc.items()) {
        if (!share.is_number() && !share.is_null()) throw BadValue{"'" + device + "' must be a number or null"};
        shares[device] = share.is_null() ? kNoValue : share.get<double>();
    }
    return shares;
}

void writeResources(std::string& out, const std::vector<ResourceUse>& resources) {
    out = '[';
    for (const ResourceUse& u : resources) {
        if (out.size() > 1) out += ',';
        out += '[';
        appendString(out, u.device);
        out += ',';
        appendString(out, u.resource);
        out += ',';
        appendString(out, u.unit);
        out += ',';
        appendNumber(out, u.used);
        out += ',';
        appendNumber(out, u.budget);
        out += ']';
    }
    out += ']';
}

std::vector<ResourceUse> readResources(std::string_view text) {
    std::vector<ResourceUse> resources;
    if (fastResources(text, resources)) return resources;
    resources.clear();
    const json doc = readJson(text);
    const auto number = [](const json& v) { return v.is_null() ? kNoValue : v.get<double>(); };
    bool valid = doc.is_array();
    for (std::size_t i = 0; valid && i < doc.size(); ++i) {
        const json& u = doc[i];
        valid = u.is_array() && u.size() == 5 && u[0].is_string() && u[1].is_string() && u[2].is_string() &&
                (u[3].is_number() || u[3].is_null()) && (u[4].is_number() || u[4].is_null());
        if (valid)
            resources.push_back({u[0].get<std::string>(), u[1].get<std::string>(), u[2].get<std::string>(), number(u[3]),
                                 number(u[4])});
    }
    if (!valid) throw BadValue{"must be a list of [device, resource, unit, used, budget]"};
    return resources;
}

std::vector<std::string> readTagList(std::string_view text) {
    const json list = readJson(text);
    if (!list.is_array()) throw BadValue{"must be a list of strings"};
    std::vector<std::string> tags;
    for (const json& tag : list) {
        if (!tag.is_string()) throw BadValue{"must be a list of strings"};
        tags.push_back(tag.get<std::string>());
    }
    std::sort(tags.begin(), tags.end());
    return tags;
}

std::string writeJson(const json& value) {
    std::string text;
    try {
        text = value.dump();
    } catch (const json::exception&) {
        throw BadValue{"has a string that is not valid UTF-8"};
    }
    if (deeperThan(text, kMaxJsonDepth)) throw BadValue{"is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
    return text;
}

json readJson(std::string_view text) {
    // Bounded first: nlohmann's values are destroyed recursively.
    if (deeperThan(text, kMaxJsonDepth)) throw BadValue{"is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) throw BadValue{"is not valid JSON"};
    return doc;
}

std::pair<const char*, std::string> writeOption(const OptionValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) return {"boolean", *b ? "true" : "false"};
    if (const std::int64_t* i = std::get_if<std::int64_t>(&value)) return {"integer", std::to_string(*i)};
    if (const double* d = std::get_if<double>(&value)) return {"number", shortest(*d)};
    return {"text", std::get<std::string>(value)};
}

OptionValue readOption(std::string_view type, std::string_view text) {
    const char* end = text.data() + text.size();
    if (type == "boolean") {
        if (text == "true") return true;
        if (text == "false") return false;
    } else if (type == "integer") {
        std::int64_t v = 0;
        if (const auto r = std::from_chars(text.data(), end, v); !text.empty() && r.ec == std::errc() && r.ptr == end) return v;
    } else if (type == "number") {
        double v = 0;
        if (const auto r = std::from_chars(text.data(), end, v); !text.empty() && r.ec == std::errc() && r.ptr == end) return v;
    } else if (type == "text") {
        return std::string(text);
    } else {
        throw BadValue{"unknown type '" + std::string(type) + "'"};
    }
    throw BadValue{"'" + std::string(text) + "' is not a valid " + std::string(type)};
}

}  // namespace tessera::core::store
