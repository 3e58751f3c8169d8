// The WebGL2 renderer (see renderer_webgl2.h for why it exists). State is set, never read back:
// one shader program, one vertex array whose attribute layout is ImDrawVert's, and one texture,
// the font atlas. The app draws no images, so every draw command samples the atlas.
#include "platform/renderer_webgl2.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>

static struct
{
    GLuint Program = 0;
    GLint ScaleLocation = -1;   // vec2: CSS pixels to clip space
    GLint OffsetLocation = -1;  // vec2
    GLuint VertexArray = 0;
    GLuint VertexBuffer = 0;
    GLuint IndexBuffer = 0;
    GLuint FontTexture = 0;
} g_Renderer;

// Vertex colours are straight (not premultiplied) alpha; the atlas holds coverage in its red
// channel, and its reserved white pixels are 255, so solid shapes sample 1.
static const char* const VertexShaderSource = R"(#version 300 es
layout(location = 0) in vec2 Position;
layout(location = 1) in vec2 UV;
layout(location = 2) in vec4 Color;
uniform vec2 Scale;
uniform vec2 Offset;
out highp vec2 FragUV;
out lowp vec4 FragColor;
void main()
{
    FragUV = UV;
    FragColor = Color;
    gl_Position = vec4(Position * Scale + Offset, 0.0, 1.0);
}
)";

static const char* const FragmentShaderSource = R"(#version 300 es
precision mediump float;
uniform sampler2D Atlas;
in highp vec2 FragUV;
in lowp vec4 FragColor;
out vec4 OutColor;
void main()
{
    OutColor = vec4(FragColor.rgb, FragColor.a * texture(Atlas, FragUV).r);
}
)";

static GLuint CompileShader(GLenum type, const char* source)
{
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Prints a shader's or program's log (only called when linking failed).
static void PrintLog(GLuint object, bool is_program)
{
    char log[1024] = {};
    if (is_program)
        glGetProgramInfoLog(object, sizeof(log), nullptr, log);
    else
        glGetShaderInfoLog(object, sizeof(log), nullptr, log);
    if (log[0] != 0)
        printf("WebGL2 %s: %s\n", is_program ? "program" : "shader", log);
}

bool platform::RendererInit()
{
    // Also called after a lost context is restored: the old objects died with it, so start afresh.
    g_Renderer = {};
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "band-circuit-webgl2";

    const GLuint vertex_shader = CompileShader(GL_VERTEX_SHADER, VertexShaderSource);
    const GLuint fragment_shader = CompileShader(GL_FRAGMENT_SHADER, FragmentShaderSource);
    g_Renderer.Program = glCreateProgram();
    glAttachShader(g_Renderer.Program, vertex_shader);
    glAttachShader(g_Renderer.Program, fragment_shader);
    glLinkProgram(g_Renderer.Program);
    // The one status read: a failed compile also fails the link.
    GLint linked = GL_FALSE;
    glGetProgramiv(g_Renderer.Program, GL_LINK_STATUS, &linked);
    if (!linked)
    {
        PrintLog(vertex_shader, false);
        PrintLog(fragment_shader, false);
        PrintLog(g_Renderer.Program, true);
    }
    glDetachShader(g_Renderer.Program, vertex_shader);
    glDetachShader(g_Renderer.Program, fragment_shader);
    glDeleteShader(vertex_shader);
    glDeleteShader(fragment_shader);
    if (!linked)
        return false;

    g_Renderer.ScaleLocation = glGetUniformLocation(g_Renderer.Program, "Scale");
    g_Renderer.OffsetLocation = glGetUniformLocation(g_Renderer.Program, "Offset");
    glUseProgram(g_Renderer.Program);
    glUniform1i(glGetUniformLocation(g_Renderer.Program, "Atlas"), 0);

    glGenVertexArrays(1, &g_Renderer.VertexArray);
    glGenBuffers(1, &g_Renderer.VertexBuffer);
    glGenBuffers(1, &g_Renderer.IndexBuffer);
    glBindVertexArray(g_Renderer.VertexArray);
    glBindBuffer(GL_ARRAY_BUFFER, g_Renderer.VertexBuffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_Renderer.IndexBuffer);  // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (const void*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (const void*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (const void*)offsetof(ImDrawVert, col));

    // Fixed state for every frame: straight-alpha blending; no depth, stencil or culling (off by
    // default in a new context, and nothing turns them on).
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // atlas rows are bytes
    return true;
}

void platform::RendererUploadFonts()
{
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // builds the atlas if needed

    if (g_Renderer.FontTexture == 0)
    {
        glGenTextures(1, &g_Renderer.FontTexture);
        glBindTexture(GL_TEXTURE_2D, g_Renderer.FontTexture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, g_Renderer.FontTexture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID((ImTextureID)(intptr_t)g_Renderer.FontTexture);
    io.Fonts->ClearTexData();  // the GPU has it now; the glyph tables stay
}

void platform::RendererDraw(ImDrawData* draw_data, const float clear_color[3])
{
    const ImVec2 scale = draw_data->FramebufferScale;
    const int fb_width = (int)(draw_data->DisplaySize.x * scale.x);
    const int fb_height = (int)(draw_data->DisplaySize.y * scale.y);
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);  // or the clear would be clipped to the last rectangle
    glClearColor(clear_color[0], clear_color[1], clear_color[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (fb_width <= 0 || fb_height <= 0 || draw_data->CmdListsCount == 0)
        return;
    glEnable(GL_SCISSOR_TEST);

    // Display rectangle (CSS pixels) to clip space, y pointing down.
    const ImVec2 pos = draw_data->DisplayPos;
    const float sx = 2.0f / draw_data->DisplaySize.x;
    const float sy = -2.0f / draw_data->DisplaySize.y;
    glUseProgram(g_Renderer.Program);
    glUniform2f(g_Renderer.ScaleLocation, sx, sy);
    glUniform2f(g_Renderer.OffsetLocation, -1.0f - pos.x * sx, 1.0f - pos.y * sy);
    glBindVertexArray(g_Renderer.VertexArray);
    glBindTexture(GL_TEXTURE_2D, g_Renderer.FontTexture);

    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)list->VtxBuffer.Size * (GLsizeiptr)sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)list->IdxBuffer.Size * (GLsizeiptr)sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer)
        {
            if (cmd.UserCallback != nullptr)
            {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            // Clip rectangle in framebuffer pixels, origin at the bottom left.
            const float x0 = std::max((cmd.ClipRect.x - pos.x) * scale.x, 0.0f);
            const float y0 = std::max((cmd.ClipRect.y - pos.y) * scale.y, 0.0f);
            const float x1 = std::min((cmd.ClipRect.z - pos.x) * scale.x, (float)fb_width);
            const float y1 = std::min((cmd.ClipRect.w - pos.y) * scale.y, (float)fb_height);
            if (x1 <= x0 || y1 <= y0)
                continue;
            glScissor((int)x0, (int)((float)fb_height - y1), (int)(x1 - x0), (int)(y1 - y0));
            glDrawElements(GL_TRIANGLES, (GLsizei)cmd.ElemCount, index_type, (const void*)(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}
