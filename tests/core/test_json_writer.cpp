// The JSON writer prints numbers itself (printf): what it writes must read back as the same value,
// and what JSON cannot hold (NaN, infinity) is refused rather than written.
#include <catch2/catch_test_macros.hpp>

#include "core/json_writer.h"

#include <cstdint>
#include <limits>
#include <rapidjson/document.h>
#include <string>

static std::string Write(void (*write)(core::JsonWriter&))
{
    rapidjson::StringBuffer buffer;
    core::JsonWriter w(buffer);
    write(w);
    return buffer.GetString();
}

TEST_CASE("The JSON writer's numbers read back the same", "[save]")
{
    const std::string json = Write([](core::JsonWriter& w) {
        w.StartArray();
        w.Int(-7);
        w.Uint(4000000000u);
        w.Int64(std::numeric_limits<int64_t>::min());
        w.Int64(1718000000000LL);
        w.Uint64(std::numeric_limits<uint64_t>::max());
        w.Double(0.1);
        w.Double(-12.5);
        w.Double(1e-7);
        w.EndArray();
    });
    REQUIRE(json == "[-7,4000000000,-9223372036854775808,1718000000000,18446744073709551615,0.1,-12.5,1e-07]");
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    REQUIRE(doc.IsArray());
    REQUIRE(doc[2].GetInt64() == std::numeric_limits<int64_t>::min());
    REQUIRE(doc[4].GetUint64() == std::numeric_limits<uint64_t>::max());
    REQUIRE(doc[5].GetDouble() == 0.1);
    REQUIRE(doc[7].GetDouble() == 1e-7);
}

TEST_CASE("The JSON writer refuses NaN and infinity", "[save]")
{
    rapidjson::StringBuffer buffer;
    core::JsonWriter w(buffer);
    w.StartArray();
    REQUIRE_FALSE(w.Double(std::numeric_limits<double>::quiet_NaN()));
    REQUIRE_FALSE(w.Double(std::numeric_limits<double>::infinity()));
}
