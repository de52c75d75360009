#include "room-server/src/docstore/document_store.h"
#include "shared/crypto/hash.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>
#include <vector>

using namespace room;
using room::storage::DocumentStore;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed afterwards.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("docstore-test-" + std::to_string(rd()) + "-" +
                                              std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

DocumentStore openStore(const fs::path& dir) {
    auto store = DocumentStore::open(dir);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    return std::move(store).value();
}

std::string sampleBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s = "%PDF-1.7\n";
    while (s.size() < n) s.push_back(static_cast<char>(rng() & 0xFF));
    return s;
}

std::size_t filesIn(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

} // namespace

TEST_CASE("put stores the bytes under their SHA-256 and read returns them") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path() / "docs");
    const std::string bytes = sampleBytes(100'000, 1);

    auto id = store.put(bytes);
    REQUIRE(id.ok());
    CHECK(*id == crypto::sha256Hex(bytes));
    CHECK(crypto::isSha256Hex(*id));
    CHECK(store.contains(*id));

    auto path = store.pathOf(*id);
    REQUIRE(path.ok());
    CHECK(*path == tmp.path() / "docs" / id->substr(0, 2) / *id);
    CHECK(fs::file_size(*path) == bytes.size());

    auto size = store.size(*id);
    REQUIRE(size.ok());
    CHECK(*size == 100'000);

    auto back = store.read(*id);
    REQUIRE(back.ok());
    CHECK(*back == bytes);
}

TEST_CASE("putting the same bytes again is idempotent and leaves no temporary files") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string bytes = sampleBytes(5000, 2);
    auto first = store.put(bytes);
    auto second = store.put(bytes);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first == *second);
    CHECK(filesIn(tmp.path() / first->substr(0, 2)) == 1);
    CHECK(filesIn(tmp.path() / "tmp") == 0);

    auto other = store.put(sampleBytes(5000, 3));
    REQUIRE(other.ok());
    CHECK(*other != *first);
    CHECK(*store.read(*first) == bytes);
}

TEST_CASE("a damaged file of the wrong size is replaced by put") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string bytes = sampleBytes(3000, 4);
    auto id = store.put(bytes);
    REQUIRE(id.ok());
    fs::resize_file(*store.pathOf(*id), 10);
    REQUIRE(store.put(bytes).ok());
    CHECK(*store.read(*id) == bytes);
}

TEST_CASE("range reads") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string bytes = sampleBytes(1000, 5);
    const std::string id = *store.put(bytes);

    CHECK(*store.read(id, 0, 10) == bytes.substr(0, 10));
    CHECK(*store.read(id, 500, 250) == bytes.substr(500, 250));
    CHECK(*store.read(id, 0, 0) == "");
    SUBCASE("a range running past the end is cut at the end") {
        CHECK(*store.read(id, 997, 100) == bytes.substr(997));
        CHECK(*store.read(id, 0, 5000) == bytes);
    }
    SUBCASE("a range starting exactly at the end is empty") {
        auto r = store.read(id, 1000, 10);
        REQUIRE(r.ok());
        CHECK(r->empty());
    }
    SUBCASE("a range starting after the end is refused") {
        auto r = store.read(id, 1001, 1);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
    }
    SUBCASE("negative offsets and lengths are refused") {
        CHECK(store.read(id, -1, 10).error().code == ErrorCode::InvalidArgument);
        CHECK(store.read(id, 0, -1).error().code == ErrorCode::InvalidArgument);
    }
}

TEST_CASE("ids that are not exactly 64 lowercase hex digits are refused everywhere") {
    TempDir tmp;
    // A file just outside the store that a path trick would reach.
    { std::ofstream(tmp.path() / "secret") << "outside"; }
    DocumentStore store = openStore(tmp.path() / "store");
    const std::string valid = *store.put("%PDF-1.4 valid");

    std::string withNul = valid;
    withNul[10] = '\0';
    std::string upper = valid;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string dots = "../secret";
    dots.resize(64, '/');
    std::string fanoutEscape = "../" + valid.substr(3);

    const std::vector<std::string> tricks = {
        "",
        "../x",
        "../secret",
        dots,
        fanoutEscape,
        "%2e%2e",
        "%2e%2e%2fsecret",
        "..%2f..%2fsecret",
        "/etc/passwd",
        (tmp.path() / "secret").string(),
        upper,
        withNul,
        valid.substr(0, 63),
        valid + "0",
        valid + "/",
        valid.substr(0, 2) + "/" + valid.substr(3),
        std::string(64, 'g'),
        " " + valid.substr(1),
    };
    for (const std::string& id : tricks) {
        CAPTURE(id);
        auto path = store.pathOf(id);
        REQUIRE_FALSE(path.ok());
        CHECK(path.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(store.contains(id));
        CHECK(store.size(id).error().code == ErrorCode::InvalidArgument);
        CHECK(store.read(id, 0, 10).error().code == ErrorCode::InvalidArgument);
        CHECK(store.remove(id).error().code == ErrorCode::InvalidArgument);
    }
    // Nothing was removed: neither the outside file nor the stored document.
    CHECK(fs::exists(tmp.path() / "secret"));
    CHECK(store.contains(valid));
}

TEST_CASE("a well-formed id that is not stored is NotFound") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string absent = crypto::sha256Hex("never stored");
    CHECK_FALSE(store.contains(absent));
    CHECK(store.pathOf(absent).error().code == ErrorCode::NotFound);
    CHECK(store.size(absent).error().code == ErrorCode::NotFound);
    CHECK(store.read(absent, 0, 1).error().code == ErrorCode::NotFound);
    CHECK(store.remove(absent).error().code == ErrorCode::NotFound);
    CHECK_FALSE(store.pathOf(absent).error().messageVi.empty());
}

TEST_CASE("remove deletes the document, and it can be stored again") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string bytes = sampleBytes(2000, 6);
    const std::string id = *store.put(bytes);
    const fs::path path = *store.pathOf(id);

    REQUIRE(store.remove(id).ok());
    CHECK_FALSE(store.contains(id));
    CHECK_FALSE(fs::exists(path));
    CHECK(store.read(id).error().code == ErrorCode::NotFound);
    CHECK(store.remove(id).error().code == ErrorCode::NotFound);

    REQUIRE(store.put(bytes).ok());
    CHECK(*store.read(id) == bytes);
}

TEST_CASE("documents survive reopening the store") {
    TempDir tmp;
    std::string id;
    {
        DocumentStore store = openStore(tmp.path());
        id = *store.put("%PDF-1.7 persistent");
    }
    DocumentStore again = openStore(tmp.path());
    CHECK(*again.read(id) == "%PDF-1.7 persistent");
}

TEST_CASE("open creates nested directories, resolves relative paths and refuses files") {
    TempDir tmp;
    DocumentStore nested = openStore(tmp.path() / "a" / "b" / "c");
    CHECK(fs::is_directory(tmp.path() / "a" / "b" / "c" / "tmp"));
    CHECK(nested.dir().is_absolute());

    { std::ofstream(tmp.path() / "plain-file") << "x"; }
    auto onFile = DocumentStore::open(tmp.path() / "plain-file");
    REQUIRE_FALSE(onFile.ok());
    CHECK(onFile.error().code == ErrorCode::Internal);

    auto empty = DocumentStore::open("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("open removes temporary files left by a crash, but not recent ones") {
    TempDir tmp;
    (void)openStore(tmp.path());
    const fs::path stale = tmp.path() / "tmp" / "left-over.ABCDEF";
    const fs::path fresh = tmp.path() / "tmp" / "in-progress.ABCDEF";
    { std::ofstream(stale) << "partial"; }
    { std::ofstream(fresh) << "partial"; }
    fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(3));
    (void)openStore(tmp.path());
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(fresh));
}

TEST_CASE("concurrent puts of the same and different documents") {
    TempDir tmp;
    DocumentStore store = openStore(tmp.path());
    const std::string shared = sampleBytes(50'000, 7);
    std::vector<std::string> ids(8);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            auto same = store.put(shared);
            auto own = store.put(sampleBytes(1000, 100 + static_cast<unsigned>(t)));
            if (same.ok() && own.ok()) ids[static_cast<std::size_t>(t)] = *same;
        });
    for (auto& th : threads) th.join();
    for (const auto& id : ids) CHECK(id == crypto::sha256Hex(shared));
    CHECK(*store.read(ids[0]) == shared);
    CHECK(filesIn(tmp.path() / "tmp") == 0);
}
