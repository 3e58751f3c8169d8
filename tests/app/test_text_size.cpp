// The text size: the browser's own until the runner picks one in Settings, then that one, saved.
#include "app_fixture.h"

#include "app/persistence.h"
#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

using namespace apptest;

TEST_CASE("A text scale is taken to the nearest step between 100 and 200 %")
{
    CHECK(core::TextSizeFor(1.0) == 100);
    CHECK(core::TextSizeFor(1.12) == 100);
    CHECK(core::TextSizeFor(1.13) == 125);
    CHECK(core::TextSizeFor(1.5) == 150);
    CHECK(core::TextSizeFor(0.8) == 100);
    CHECK(core::TextSizeFor(3.0) == 200);
    CHECK(core::TextSizeFor(0.0) == 100);
    CHECK(core::TextSizeFor(-1.0) == 100);
    CHECK(core::TextSizeFor(0.0 / 0.0) == 100);
}

TEST_CASE("The text size follows the browser's until one is chosen, and the choice is saved")
{
    platform::native::Reset();
    Browser().TextScale = 1.3f;  // Android's text scaling, as the root font size shows it
    Page page(0);
    app::AppState& a = page.Act();
    CHECK(a.Settings.TextSize == 0);
    CHECK(app::TextScale(a) == 1.25f);
    Browser().TextScale = 2.0f;  // raised while the app is open: followed within a second
    Advance(page, 1200.0);
    CHECK(app::TextScale(a) == 2.0f);

    a.Settings.TextSize = 150;
    app::SaveSettings(a);
    CHECK(app::TextScale(a) == 1.5f);
    const core::LoadResult<core::StampedSettings> stored = core::LoadStampedSettings(Browser().Storage[app::SettingsKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Values.TextSize == 150);
    Page reloaded(1);
    CHECK(app::TextScale(reloaded.State) == 1.5f);
}

TEST_CASE("A saved text size out of steps is brought to one; out of bounds is refused as unreadable")
{
    core::Settings s = core::DefaultSettings();
    s.TextSize = 130;
    CHECK(core::ClampSettings(s).TextSize == 125);
    std::string json = core::SaveSettings(core::DefaultSettings());
    CHECK(json.find("\"textSize\":0") != std::string::npos);
    std::string odd = json;
    odd.replace(odd.find("\"textSize\":0"), 12, "\"textSize\":170");
    REQUIRE(core::LoadSettings(odd).Ok());
    CHECK(core::LoadSettings(odd).Value.TextSize == 175);
    std::string big = json;
    big.replace(big.find("\"textSize\":0"), 12, "\"textSize\":900");
    CHECK_FALSE(core::LoadSettings(big).Ok());
    // Settings saved before the text size existed load, following the browser.
    std::string old = json;
    old.erase(old.find(",\"textSize\":0"), 13);
    REQUIRE(core::LoadSettings(old).Ok());
    CHECK(core::LoadSettings(old).Value.TextSize == 0);
}
