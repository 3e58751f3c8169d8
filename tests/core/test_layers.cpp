// The layers of src/ as the README's "Source tree" draws them: main.cpp -> ui -> app -> core and
// platform, each including only its own layer and those below, and no file circle between
// modules (a module is a .cpp and its .h). The sources are read as text, so a new include that
// breaks the rule fails here, natively, before any browser test runs.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

struct SourceFile
{
    std::string Path;                 // relative to src/: "ui/shell.cpp"
    std::string Layer;                // "core", "platform", "app", "ui", or "main"
    std::string Text;                 // the whole file
    std::vector<std::string> Quoted;  // #include "..." targets that are files of src/
    std::vector<std::string> Angled;  // #include <...> targets
};

static std::vector<SourceFile> ReadSources()
{
    const fs::path src = fs::path(BAND_SOURCE_DIR) / "src";
    std::vector<SourceFile> files;
    const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(src))
    {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
            continue;
        SourceFile file;
        file.Path = fs::relative(entry.path(), src).generic_string();
        const size_t slash = file.Path.find('/');
        file.Layer = slash == std::string::npos ? "main" : file.Path.substr(0, slash);
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        file.Text = text.str();
        std::istringstream lines(file.Text);
        for (std::string line; std::getline(lines, line);)
        {
            std::smatch m;
            if (!std::regex_search(line, m, include_line))
                continue;
            if (m[1] == "<")
                file.Angled.push_back(m[2]);
            else if (fs::exists(src / m[2].str()))
                file.Quoted.push_back(m[2]);
        }
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.Path < b.Path; });
    return files;
}

static std::string LayerOf(const std::string& path)
{
    const size_t slash = path.find('/');
    return slash == std::string::npos ? "main" : path.substr(0, slash);
}

TEST_CASE("Each layer of src/ includes only its own layer and those below it")
{
    // Who may include whom: core and platform stand alone, app is on both, ui on app, main on all.
    const std::map<std::string, std::set<std::string>> allowed = {
        { "core", { "core" } },
        { "platform", { "platform" } },
        { "app", { "app", "core", "platform" } },
        { "ui", { "ui", "app", "core", "platform" } },
        { "main", { "main", "ui", "app", "core", "platform" } },
    };
    const std::vector<SourceFile> files = ReadSources();
    REQUIRE(files.size() > 40);
    for (const SourceFile& file : files)
    {
        REQUIRE(allowed.count(file.Layer) == 1);
        for (const std::string& target : file.Quoted)
        {
            INFO(file.Path << " includes \"" << target << "\"");
            CHECK(allowed.at(file.Layer).count(LayerOf(target)) == 1);
        }
    }
}

TEST_CASE("Only platform code and main.cpp speak to the browser; core and app draw nothing")
{
    for (const SourceFile& file : ReadSources())
    {
        INFO(file.Path);
        if (file.Layer == "core" || file.Layer == "app" || file.Layer == "ui")
        {
            // Browser bindings (EM_JS, EM_ASM, exports) live in src/platform.
            CHECK(file.Text.find("EM_JS") == std::string::npos);
            CHECK(file.Text.find("EM_ASM") == std::string::npos);
            CHECK(file.Text.find("EMSCRIPTEN_KEEPALIVE") == std::string::npos);
            for (const std::string& header : file.Angled)
                CHECK(header.rfind("emscripten", 0) != 0);
        }
        if (file.Layer == "core" || file.Layer == "app")
            for (const std::string& header : file.Angled)
            {
                INFO("<" << header << ">");
                CHECK(header.rfind("imgui", 0) != 0);
                CHECK(header.rfind("SDL", 0) != 0);
                CHECK(header.rfind("GLES", 0) != 0);
            }
    }
}

TEST_CASE("Each layer's names are in its own namespace, and no file brings in another layer's")
{
    for (const SourceFile& file : ReadSources())
    {
        INFO(file.Path);
        CHECK(file.Text.find("using namespace") == std::string::npos);
        if (file.Layer != "main" && file.Path.size() > 2 && file.Path.compare(file.Path.size() - 2, 2, ".h") == 0)
            CHECK((file.Text.find("namespace " + file.Layer + " {") != std::string::npos || file.Text.find("namespace " + file.Layer + "::") != std::string::npos));
    }
}

TEST_CASE("No function in src/ is longer than 80 lines")
{
    // A definition's body opens with "{" and closes with "}" at the start of a line (the code is
    // clang-formatted, and namespaces do not indent).
    for (const SourceFile& file : ReadSources())
    {
        if (file.Path.size() < 4 || file.Path.compare(file.Path.size() - 4, 4, ".cpp") != 0)
            continue;
        std::istringstream lines(file.Text);
        std::string line, before, name;
        int number = 0, opened = 0;
        while (std::getline(lines, line))
        {
            number++;
            if (line.rfind("{", 0) == 0)
            {
                opened = number;
                name = before;
            }
            else if (line.rfind("}", 0) == 0 && opened > 0)
            {
                INFO(file.Path << ":" << opened << " " << name);
                CHECK(number - opened + 1 <= 80);
                opened = 0;
            }
            before = line;
        }
    }
}

TEST_CASE("No circle of includes between modules of src/ (a .cpp and its .h are one module)")
{
    std::map<std::string, std::set<std::string>> uses;  // module -> modules it includes
    const auto module_of = [](const std::string& path) { return path.substr(0, path.rfind('.')); };
    for (const SourceFile& file : ReadSources())
        for (const std::string& target : file.Quoted)
            if (module_of(target) != module_of(file.Path))
                uses[module_of(file.Path)].insert(module_of(target));

    // Depth-first search: a module met again while still on the path closes a circle.
    std::map<std::string, int> mark;  // 1: on the path, 2: done
    std::vector<std::string> path;
    std::string circle;
    const auto visit = [&](const auto& self, const std::string& module) -> void {
        mark[module] = 1;
        path.push_back(module);
        for (const std::string& next : uses[module])
        {
            if (!circle.empty())
                break;
            if (mark[next] == 1)
            {
                for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it)
                    circle += *it + " -> ";
                circle += next;
            }
            else if (mark[next] == 0)
                self(self, next);
        }
        path.pop_back();
        mark[module] = 2;
    };
    for (const auto& entry : uses)
        if (mark[entry.first] == 0 && circle.empty())
            visit(visit, entry.first);
    INFO(circle);
    CHECK(circle.empty());
}
