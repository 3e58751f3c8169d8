// About screen (first version: title and way back).
#include "ui/screens.h"

#include "ui/widgets.h"

void ui::DrawAboutScreen(AppState& app)
{
    BeginPage("About");
    if (PageHeader("About", "Back"))
        Navigate(app.Previous == Screen_About ? Screen_Home : app.Previous);
    EndPage();
}
