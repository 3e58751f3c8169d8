// A CouchDB database in memory for the app's sync tests: the four requests Band Circuit makes
// (GET _changes, POST _bulk_docs, PUT and GET the settings document), answered the way CouchDB's
// HTTP API documents them: revisions "<n>-<hash>", 409 on a stale revision, deleted documents in
// the changes feed with "deleted": true. It takes each request the fake browser recorded and
// answers it through app::OnHttpAnswered, as the page would.
#pragma once

#include "app/sync.h"
#include "platform/platform_native.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <string>

namespace apptest {

struct FakeCouch
{
    struct Doc
    {
        int Generation = 0;
        bool Deleted = false;
        int Seq = 0;
        std::string Json;  // the body without _id and _rev
    };
    std::map<std::string, Doc> Docs;
    int Seq = 0;
    std::string Password = "secret";
    bool Down = false;  // answers nothing (status 0, "network")

    static std::string Rev(const std::string& id, const Doc& doc) { return std::to_string(doc.Generation) + "-" + std::to_string(std::hash<std::string>{}(id + doc.Json) % 100000); }

    // Writes one document as CouchDB would: a new one needs no revision, an existing live one its current one.
    int Write(const std::string& id, const std::string& rev, bool deleted, const std::string& json, std::string* new_rev)
    {
        auto it = Docs.find(id);
        const bool live = it != Docs.end() && !it->second.Deleted;
        if (live && rev != Rev(id, it->second))
            return 409;
        if (!live && it != Docs.end() && !rev.empty() && rev != Rev(id, it->second))
            return 409;
        Doc& doc = Docs[id];
        doc.Generation++;
        doc.Deleted = deleted;
        doc.Json = deleted ? "{}" : json;
        doc.Seq = ++Seq;
        *new_rev = Rev(id, doc);
        return 201;
    }

    // The document's own members, less _id and _rev, as JSON.
    static std::string Body(const rapidjson::Value& doc)
    {
        rapidjson::Document copy;
        copy.CopyFrom(doc, copy.GetAllocator());
        copy.RemoveMember("_id");
        copy.RemoveMember("_rev");
        copy.RemoveMember("_deleted");
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        copy.Accept(writer);
        return buffer.GetString();
    }
    std::string WithIdRev(const std::string& id, const Doc& doc) const { return "{\"_id\":\"" + id + "\",\"_rev\":\"" + Rev(id, doc) + "\"," + doc.Json.substr(1); }

    std::string Changes(int since, int limit) const
    {
        std::map<int, std::string> by_seq;
        for (const auto& [id, doc] : Docs)
            if (doc.Seq > since)
                by_seq[doc.Seq] = id;
        std::string out = "{\"results\":[";
        int count = 0, last = since;
        for (const auto& [seq, id] : by_seq)
        {
            if (count == limit)
                break;
            const Doc& doc = Docs.at(id);
            out += count++ ? "," : "";
            out += "{\"seq\":" + std::to_string(seq) + ",\"id\":\"" + id + "\",\"changes\":[{\"rev\":\"" + Rev(id, doc) + "\"}]";
            out += doc.Deleted ? ",\"deleted\":true}" : ",\"doc\":" + WithIdRev(id, doc) + "}";
            last = seq;
        }
        return out + "],\"last_seq\":" + std::to_string(last) + "}";
    }

    std::string BulkDocs(const std::string& body)
    {
        rapidjson::Document request;
        request.Parse(body.c_str());
        std::string out = "[";
        for (const rapidjson::Value& doc : request["docs"].GetArray())
        {
            const std::string id = doc["_id"].GetString();
            const std::string rev = doc.HasMember("_rev") ? doc["_rev"].GetString() : "";
            std::string new_rev;
            const int status = Write(id, rev, doc.HasMember("_deleted"), Body(doc), &new_rev);
            out += out.size() > 1 ? "," : "";
            out += status == 201 ? "{\"ok\":true,\"id\":\"" + id + "\",\"rev\":\"" + new_rev + "\"}"
                                 : "{\"id\":\"" + id + "\",\"error\":\"conflict\",\"reason\":\"Document update conflict.\"}";
        }
        return out + "]";
    }

    // Answers the requests the fake browser holds for `page`, and those its answers lead to (at most `most`).
    int Serve(app::AppState& page, int most = 1 << 30)
    {
        int served = 0;
        auto& requests = platform::native::Browser().Requests;
        while (!requests.empty() && served < most)
        {
            const platform::native::FakeBrowser::Request request = requests.front();
            requests.erase(requests.begin());
            served++;
            int status = 200;
            std::string answer;
            Answer(request.What, &status, &answer);
            app::OnHttpAnswered(page, request.Id, status, answer, platform::ReadClock());
        }
        return served;
    }

    void Answer(const platform::HttpRequest& request, int* status, std::string* answer)
    {
        const std::string path = request.Url.substr(request.Url.find("/db") + 3);
        if (Down)
        {
            *status = 0;
            *answer = "network";
        }
        else if (request.Password != Password)
        {
            *status = 401;
            *answer = R"({"error":"unauthorized","reason":"Name or password is incorrect."})";
        }
        else if (path.rfind("/_changes", 0) == 0)
        {
            const size_t since = path.find("since=");
            const size_t limit = path.find("limit=");
            *answer = Changes(since == std::string::npos ? 0 : std::stoi(path.substr(since + 6)), std::stoi(path.substr(limit + 6)));
        }
        else if (path == "/_bulk_docs")
        {
            *status = 201;
            *answer = BulkDocs(request.Body);
        }
        else if (path == "/settings" && std::string(request.Method) == "PUT")
        {
            rapidjson::Document doc;
            doc.Parse(request.Body.c_str());
            std::string new_rev;
            *status = Write("settings", doc.HasMember("_rev") ? doc["_rev"].GetString() : "", false, Body(doc), &new_rev);
            *answer = *status == 201 ? "{\"ok\":true,\"id\":\"settings\",\"rev\":\"" + new_rev + "\"}" : R"({"error":"conflict"})";
        }
        else if (path == "/settings")
        {
            auto it = Docs.find("settings");
            *status = it == Docs.end() || it->second.Deleted ? 404 : 200;
            *answer = *status == 200 ? WithIdRev("settings", it->second) : R"({"error":"not_found"})";
        }
        else
        {
            *status = 404;
            *answer = R"({"error":"not_found"})";
        }
    }
};

}  // namespace apptest
