// Strict JSON text parsing, bounded file reading, atomic writing and the
// canonical hash of a document.

#include "core/json/json_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>

#include "core/types.h"

namespace tessera::core {

using nlohmann::json;

json parseJsonText(std::string_view text, std::string_view origin) {
    const std::string where(origin);
    // nlohmann keeps the last of duplicate keys silently and recurses without
    // limit; track the path of every key so a duplicate or a too-deep nesting
    // is reported like any other field error.
    struct Frame {
        bool array = false;
        long index = -1;
        std::string key;
        std::set<std::string> keys;
    };
    std::vector<Frame> frames;
    auto currentPath = [&] {
        std::string path;
        for (const Frame& f : frames) {
            if (f.array)
                path += "[" + std::to_string(f.index) + "]";
            else if (!f.key.empty())
                path += (path.empty() ? "" : ".") + f.key;
            if (path.size() > 200) return path + "...";
        }
        return path.empty() ? std::string("document") : path;
    };
    auto callback = [&](int, json::parse_event_t event, json& parsed) -> bool {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (!frames.empty() && frames.back().array) ++frames.back().index;
            if (frames.size() >= kMaxJsonDepth)
                throw FormatError(where + ": " + currentPath() + ": nested deeper than " +
                                  std::to_string(kMaxJsonDepth) + " levels");
            frames.push_back(Frame{event == json::parse_event_t::array_start, -1, {}, {}});
            break;
        case json::parse_event_t::key: {
            Frame& top = frames.back();
            std::string key = parsed.get<std::string>();
            top.key = key;
            if (!top.keys.insert(std::move(key)).second)
                throw FormatError(where + ": " + currentPath() + ": duplicate key");
            break;
        }
        case json::parse_event_t::value:
            if (!frames.empty() && frames.back().array) ++frames.back().index;
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!frames.empty()) frames.pop_back();
            break;
        }
        return true;
    };
    auto human = [](const json::exception& e) {
        std::string message = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
        if (auto close = message.find("] "); message.rfind("[json.exception", 0) == 0 && close != std::string::npos)
            message = message.substr(close + 2);
        return message;
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error& e) {
        throw FormatError(where + ": not valid JSON (at byte " + std::to_string(e.byte) + "): " + human(e));
    } catch (const json::exception& e) {
        // e.g. out_of_range.406 "number overflow parsing '1e999'"
        throw FormatError(where + ": " + (frames.empty() ? std::string("document") : currentPath()) + ": " +
                          human(e));
    }
}

std::string readTextFile(const std::filesystem::path& path, std::uintmax_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw FormatError(path.string() + ": no such file");
    if (std::filesystem::is_directory(path, ec)) throw FormatError(path.string() + ": is a directory, not a file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw FormatError(path.string() + ": cannot read: " + ec.message());
    if (size > maxBytes)
        throw FormatError(path.string() + ": file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FormatError(path.string() + ": cannot open for reading");
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) throw FormatError(path.string() + ": read error");
    return text;
}

void writeTextFile(const std::filesystem::path& path, const std::string& text) {
    // Write beside the target, then rename, so a failure never destroys an existing file.
    const auto tmp = std::filesystem::path(path.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            std::error_code ec;
            const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
            const std::string why = !std::filesystem::is_directory(folder, ec) ? "no folder " + folder.string()
                                    : std::filesystem::is_directory(path, ec) ? "it is a folder"
                                                                               : std::strerror(errno);
            throw FormatError(path.string() + ": cannot open for writing (" + why + ")");
        }
        out << text;
        out.flush();
        if (!out) throw FormatError(path.string() + ": write error");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message();
        std::filesystem::remove(tmp, ec);
        throw FormatError(path.string() + ": cannot replace the file: " + why);
    }
}

std::string canonicalHash(const nlohmann::json& doc) {
    const std::string bytes = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace tessera::core
