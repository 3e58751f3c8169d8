// The JSON writer of the saved data and of the automation interface: rapidjson's Writer with its
// numbers written by printf, which the page has anyway, instead of rapidjson's own integer and
// shortest-double code (several KB of wasm).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace core {

class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer>
{
public:
    explicit JsonWriter(rapidjson::StringBuffer& buffer) : Writer(buffer) {}

    bool Int(int value) { return Number("%d", value); }
    bool Uint(unsigned value) { return Number("%u", value); }
    bool Int64(int64_t value) { return Number("%lld", (long long)value); }
    bool Uint64(uint64_t value) { return Number("%llu", (unsigned long long)value); }
    // 15 significant digits: every double the app writes reads back the same at that precision
    // (the saved data holds integers only; the automation interface rounds its figures).
    bool Double(double value) { return std::isfinite(value) && Number("%.15g", value); }

private:
    template <typename T>
    bool Number(const char* format, T value)
    {
        char text[32];
        const int length = snprintf(text, sizeof(text), format, value);
        return RawValue(text, (size_t)length, rapidjson::kNumberType);
    }
};

}  // namespace core
