#include "ui/text_direction.h"

#include "core/bidi.h"
#include "core/wording.h"

#include <vector>

namespace {

struct Upright
{
    ImDrawList* List;
    int First, End;
    float MinX, MaxX;
    int Frame;  // ImGui's frame count: a frame run twice (a screen change) keeps only its last run's
};

struct GlyphQuad
{
    ImDrawList* List;
    int Vertex;  // its first vertex (top left); the quad is Vertex .. Vertex + 3
};

struct AtlasGlyph
{
    unsigned Codepoint;
    float X0, X1, AdvanceX;  // its ink and its advance, at the size it was rasterised for
};

struct State
{
    ImVector<AtlasGlyph> Glyphs;       // every glyph of the atlas
    ImGuiStorage Places;               // its place in the atlas (PlaceKey) -> 1 + its index in Glyphs
    bool AtlasHasRightToLeft = false;  // some glyph of the atlas is Arabic: left-to-right screens look for it
    std::vector<Upright> Uprights;     // this frame's figures
    std::vector<float> SavedX;         // every vertex's x as laid out, in list order
    std::vector<ImVec4> SavedClips;    // every command's clip rectangle
    bool Applied = false;
} g_Direction;

// A glyph's top left corner in the atlas, in texels (the atlas is at most 65536 on a side): what
// a quad's first vertex carries as its texture coordinates.
ImGuiID PlaceKey(float u, float v)
{
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return (ImGuiID)(int)(u * (float)atlas->TexWidth + 0.5f) << 16 | (ImGuiID)(int)(v * (float)atlas->TexHeight + 0.5f);
}

const AtlasGlyph* FindGlyph(ImVec2 uv)
{
    const int index = g_Direction.Places.GetInt(PlaceKey(uv.x, uv.y), 0) - 1;
    return index >= 0 ? &g_Direction.Glyphs[index] : nullptr;
}

// The glyph quads of a list in the order they were drawn: ImFont::RenderText writes each as
// indices (a, a+1, a+2, a, a+2, a+3) over an axis-aligned rectangle textured away from the
// atlas' white pixel.
void FindGlyphQuads(ImDrawList* list, ImVec2 white, std::vector<GlyphQuad>* out, std::vector<int>* command_of)
{
    for (int c = 0; c < list->CmdBuffer.Size; c++)
    {
        const ImDrawCmd& cmd = list->CmdBuffer[c];
        if (cmd.UserCallback != nullptr)
            continue;
        const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
        for (unsigned i = 0; i + 5 < cmd.ElemCount; i += 3)
        {
            const unsigned a = idx[i];
            if (idx[i + 1] != a + 1 || idx[i + 2] != a + 2 || idx[i + 3] != a || idx[i + 4] != a + 2 || idx[i + 5] != a + 3)
                continue;
            const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset + a;
            if ((v[0].uv.x == white.x && v[0].uv.y == white.y) || v[0].uv.x >= v[1].uv.x)
                continue;
            if (v[0].pos.y != v[1].pos.y || v[1].pos.x != v[2].pos.x || v[2].pos.y != v[3].pos.y || v[3].pos.x != v[0].pos.x)
                continue;
            i += 3;
            out->push_back({ list, (int)(cmd.VtxOffset + a) });
            command_of->push_back(c);
        }
    }
}

bool SameLine(const ImDrawVert* prev, const ImDrawVert* next)
{
    return next[0].pos.x >= prev[0].pos.x - 0.5f && next[0].pos.y < prev[2].pos.y && next[2].pos.y > prev[0].pos.y;
}

// Places the glyphs of each line of one list (core::PlaceLine) and writes them back.
void PlaceGlyphs(ImDrawList* list, ImVec2 white, bool mirrored, float width, const std::vector<float>& laid_out_x, int saved_base)
{
    std::vector<GlyphQuad> quads;
    std::vector<int> commands;
    FindGlyphQuads(list, white, &quads, &commands);
    struct Ink
    {
        float Offset, Width;  // the ink's place in the glyph's box
    };
    std::vector<core::PlacedGlyph> line;
    std::vector<Ink> ink;
    size_t begin = 0;
    auto flush = [&](size_t end) {
        if (end == begin)
            return;
        line.clear();
        ink.clear();
        float height = 0.0f;
        for (size_t q = begin; q < end; q++)
        {
            const int v = quads[q].Vertex;
            const ImDrawVert* vert = list->VtxBuffer.Data + v;
            const float x0 = laid_out_x[saved_base + v], x1 = laid_out_x[saved_base + v + 1];
            const AtlasGlyph* found = FindGlyph(vert[0].uv);
            // A glyph is placed by its advance (where the pen was, to where it went), as the font
            // joins Arabic letters; its ink keeps its place in that box. A glyph cut by clipping
            // is not in the atlas index: placed by its ink, as a symbol.
            core::PlacedGlyph g;
            Ink k = { 0.0f, x1 - x0 };
            g.Codepoint = '?';
            g.X0 = x0;
            g.X1 = x1;
            if (found != nullptr && found->X1 > found->X0)
            {
                const AtlasGlyph& a = *found;
                const float scale = (x1 - x0) / (a.X1 - a.X0);
                g.Codepoint = a.Codepoint;
                g.X0 = x0 - a.X0 * scale;
                g.X1 = g.X0 + a.AdvanceX * scale;
                k.Offset = a.X0 * scale;
            }
            line.push_back(g);
            ink.push_back(k);
            height = ImMax(height, vert[2].pos.y - vert[0].pos.y);
        }
        core::PlaceLine(line, mirrored, width, height * 0.75f);
        for (size_t q = begin; q < end; q++)
        {
            const core::PlacedGlyph& g = line[q - begin];
            const Ink& k = ink[q - begin];
            ImDrawVert* vert = list->VtxBuffer.Data + quads[q].Vertex;
            // A mirrored glyph (a bracket) shows its image the other way round, within its box.
            const float left = g.Mirrored ? g.X1 - k.Offset : g.X0 + k.Offset;
            const float right = g.Mirrored ? left - k.Width : left + k.Width;
            vert[0].pos.x = vert[3].pos.x = left;
            vert[1].pos.x = vert[2].pos.x = right;
        }
        begin = end;
    };
    for (size_t q = 0; q < quads.size(); q++)
    {
        if (q > begin)
        {
            const ImDrawVert* prev = list->VtxBuffer.Data + quads[q - 1].Vertex;
            const ImDrawVert* next = list->VtxBuffer.Data + quads[q].Vertex;
            // Glyphs in laid-out positions (a right-to-left screen has mirrored them already).
            ImDrawVert a[4] = { prev[0], prev[1], prev[2], prev[3] }, b[4] = { next[0], next[1], next[2], next[3] };
            for (int k = 0; k < 4; k++)
            {
                a[k].pos.x = laid_out_x[saved_base + quads[q - 1].Vertex + k];
                b[k].pos.x = laid_out_x[saved_base + quads[q].Vertex + k];
            }
            const bool adjacent = quads[q].Vertex == quads[q - 1].Vertex + 4 && commands[q] == commands[q - 1];
            if (!adjacent || !SameLine(a, b))
                flush(q);
        }
    }
    flush(quads.size());
}

}  // namespace

bool ui::MirroredScreen() { return core::ActiveLanguage().RightToLeft; }

float ui::ScreenX(float x)
{
    if (!MirroredScreen())
        return x;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    return viewport->Pos.x * 2.0f + viewport->Size.x - x;
}

ImRect ui::ScreenRect(const ImRect& r)
{
    if (!MirroredScreen())
        return r;
    return ImRect(ImVec2(ScreenX(r.Max.x), r.Min.y), ImVec2(ScreenX(r.Min.x), r.Max.y));
}

void ui::IndexGlyphs()
{
    g_Direction.Glyphs.clear();
    g_Direction.Places.Clear();
    g_Direction.AtlasHasRightToLeft = false;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& glyph : font->Glyphs)
            if (glyph.Visible)
            {
                g_Direction.Glyphs.push_back({ glyph.Codepoint, glyph.X0, glyph.X1, glyph.AdvanceX });
                g_Direction.Places.SetInt(PlaceKey(glyph.U0, glyph.V0), g_Direction.Glyphs.Size);
                g_Direction.AtlasHasRightToLeft |= core::BidiClassOf(glyph.Codepoint) == core::BidiClass::RightToLeft;
            }
}

void ui::KeepUpright(ImDrawList* list, int first_vertex, int end_vertex, float min_x, float max_x)
{
    if (MirroredScreen() && end_vertex > first_vertex)
        g_Direction.Uprights.push_back({ list, first_vertex, end_vertex, min_x, max_x, ImGui::GetFrameCount() });
}

void ui::ApplyTextDirection(ImDrawData* draw_data)
{
    const bool mirrored = MirroredScreen();
    g_Direction.Applied = false;
    if (draw_data == nullptr || (!mirrored && !g_Direction.AtlasHasRightToLeft))
    {
        g_Direction.Uprights.clear();
        return;
    }
    const float width = draw_data->DisplayPos.x * 2.0f + draw_data->DisplaySize.x;  // x -> width - x
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    g_Direction.SavedX.clear();
    g_Direction.SavedClips.clear();
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        ImDrawList* list = draw_data->CmdLists[n];
        for (const ImDrawVert& v : list->VtxBuffer)
            g_Direction.SavedX.push_back(v.pos.x);
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            g_Direction.SavedClips.push_back(cmd.ClipRect);
    }
    int base = 0;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        ImDrawList* list = draw_data->CmdLists[n];
        if (mirrored)
        {
            for (ImDrawVert& v : list->VtxBuffer)
                v.pos.x = width - v.pos.x;
            for (ImDrawCmd& cmd : list->CmdBuffer)
                cmd.ClipRect = ImVec4(width - cmd.ClipRect.z, cmd.ClipRect.y, width - cmd.ClipRect.x, cmd.ClipRect.w);
            for (const Upright& u : g_Direction.Uprights)
                if (u.List == list && u.Frame == ImGui::GetFrameCount())
                    for (int i = u.First; i < u.End && i < list->VtxBuffer.Size; i++)
                        list->VtxBuffer[i].pos.x = g_Direction.SavedX[base + i] + width - u.MaxX - u.MinX;
        }
        PlaceGlyphs(list, white, mirrored, width, g_Direction.SavedX, base);
        base += list->VtxBuffer.Size;
    }
    g_Direction.Uprights.clear();
    g_Direction.Applied = true;
}

void ui::RestoreTextDirection(ImDrawData* draw_data)
{
    if (!g_Direction.Applied || draw_data == nullptr)
        return;
    g_Direction.Applied = false;
    size_t vertex = 0, clip = 0;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        ImDrawList* list = draw_data->CmdLists[n];
        for (ImDrawVert& v : list->VtxBuffer)
            v.pos.x = g_Direction.SavedX[vertex++];
        for (ImDrawCmd& cmd : list->CmdBuffer)
            cmd.ClipRect = g_Direction.SavedClips[clip++];
    }
}

void ui::PlacedVertexX(ImDrawData* draw_data, std::vector<float>* out)
{
    out->clear();
    ApplyTextDirection(draw_data);
    if (!g_Direction.Applied)
        return;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
        for (const ImDrawVert& v : draw_data->CmdLists[n]->VtxBuffer)
            out->push_back(v.pos.x);
    RestoreTextDirection(draw_data);
}
