// History screen (first version: title and way back).
#include "ui/screens.h"

#include "ui/widgets.h"

void ui::DrawHistoryScreen(AppState& app)
{
    BeginPage("History");
    if (PageHeader("History", "Back"))
        Navigate(app.Previous == Screen_History ? Screen_Home : app.Previous);
    EndPage();
}
