// Settings screen (first version: title and way back).
#include "ui/screens.h"

#include "ui/widgets.h"

void ui::DrawSettingsScreen(AppState& app)
{
    BeginPage("Settings");
    if (PageHeader("Settings", "Back"))
        Navigate(app.Previous == Screen_Settings ? Screen_Home : app.Previous);
    EndPage();
}
