#include "tablet-app/gallery/fixture.h"

#include <QFile>

#include <stdexcept>

#include "shared/domain/command.h"
#include "shared/domain/event.h"
#include "shared/crypto/hash.h"
#include "shared/pdf/pdf_compose.h"
#include "shared/pdf/pdf_inspect.h"

namespace room::tablet::gallery {

namespace {

// 27 November 2026, 08:00 in Hà Nội (UTC+7).
constexpr TimeMs kStart = 1795741200000;

class Session {
public:
    State state;
    TimeMs now = kStart;

    void run(const std::string& actor, const std::string& type, Json args = Json::object()) {
        const Participant* p = state.participant(actor);
        const Actor who{actor, actor == "system" ? Role::Admin : (p ? p->role : Role::Guest)};
        auto decided = decide(state, who, Command{type, std::move(args)}, now);
        if (!decided) throw std::runtime_error(type + ": " + decided.error().message);
        for (auto& draft : *decided) {
            Event e{state.seq + 1, now, actor, draft.type, draft.payload};
            apply(state, e);
        }
    }
    void wait(int seconds) { now += static_cast<TimeMs>(seconds) * 1000; }
};

Json demoMeeting() {
    QFile f(QStringLiteral(":/gallery/meeting.json"));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("the demo meeting is missing from the resources");
    return Json::parse(f.readAll().toStdString());
}

std::string fakeSha(int n) {
    static const char* hex = "0123456789abcdef";
    std::string s(64, '0');
    for (int i = 0; i < 64; ++i) s[static_cast<std::size_t>(i)] = hex[(n * 7 + i * 13) % 16];
    return s;
}

} // namespace

std::string composeDemoPdf();

TimeMs fixtureNow(const State& state) { return state.time + 1000 * 47; }

State demoState(Moment moment) {
    const Json meeting = demoMeeting();
    Session s;
    s.run("system", "meeting.define",
          Json{{"meeting", meeting["meeting"]}, {"participants", meeting["participants"]}, {"agenda", meeting["agenda"]}});
    const int pages[] = {24, 18, 36, 12, 9, 15};
    int n = 0;
    // The first document is the real PDF the viewer's pictures show; the others are only listed.
    const std::string& real = demoPdf();
    for (const auto& doc : meeting["documents"]) {
        ++n;
        const bool first = n == 1;
        s.run("system", "document.add",
              Json{{"id", first ? crypto::sha256Hex(real) : fakeSha(n)},
                   {"title", first ? std::string("Tờ trình về dự toán ngân sách nhà nước năm 2027") : doc["title"].get<std::string>()},
                   {"pages", first ? pdf::inspectPdf(real)->pages : pages[(n - 1) % 6]},
                   {"bytes", first ? static_cast<std::int64_t>(real.size()) : 180000 * n},
                   {"item", doc.value("item", "")}});
    }
    s.wait(-1800);
    for (const auto& p : meeting["participants"]) {
        const std::string id = p["id"];
        const std::string role = p["role"];
        if (role == "display" || role == "admin" || id == "gd-yt" || id == "gd-ca" || id == "k-tp") continue;
        s.run("tk", "attendance.check_in", Json{{"participant", id}});
        s.wait(20);
    }
    s.run("tk", "attendance.note_absence", Json{{"participant", "gd-yt"}, {"reason", "Đi công tác theo Quyết định số 1520/QĐ-UBND"}});
    s.run("tk", "proxy.grant", Json{{"from", "gd-ca"}, {"to", "pct2"}});
    s.now = kStart;
    if (moment == Moment::BeforeOpening) return s.state;

    s.run("ct", "meeting.open");
    s.run("ct", "announcement.make", Json{{"text", "Đề nghị các đại biểu chuyển điện thoại sang chế độ im lặng."}});
    s.run("ct", "agenda.next");
    s.wait(9 * 60);
    s.run("ct", "agenda.next");
    s.run("ct", "agenda.start", Json{{"item", "2.1"}});
    s.wait(14 * 60);
    if (moment == Moment::ItemUnderWay) return s.state;
    s.run("gd-khdt", "speaker.request");
    s.run("gd-tc", "speaker.request");
    s.run("gd-tp", "speaker.request", Json{{"queue", "interpellation"}});
    s.run("pct1", "speaker.request");
    s.run("gd-xd", "speaker.request", Json{{"point_of_order", true}});
    s.run("ct", "speaker.grant", Json{{"participant", "gd-khdt"}, {"seconds", 300}});
    // gd-tc's own notes and marks (the projection would show them to no one else).
    const std::string doc = crypto::sha256Hex(real);
    s.run("gd-tc", "note.save", Json{{"item", "2.1"}, {"text", "Đề nghị làm rõ nguyên nhân giải ngân vốn đầu tư công chậm ở các dự án giao thông."}});
    s.run("gd-tc", "annotation.save",
          Json{{"document", doc}, {"annotation", {{"id", "hl-1"}, {"page", 1}, {"kind", "highlighter"},
                                                  {"points", Json::array({Json::array({196, 168}), Json::array({442, 168})})}}}});
    s.run("gd-tc", "annotation.save",
          Json{{"document", doc}, {"annotation", {{"id", "pen-1"}, {"page", 1}, {"kind", "pen"}, {"color", "#B3261E"},
                                                  {"points", Json::array({Json::array({86, 239}), Json::array({140, 240}), Json::array({200, 239}), Json::array({252, 240})})}}}});
    s.run("gd-tc", "annotation.save",
          Json{{"document", doc}, {"annotation", {{"id", "note-1"}, {"page", 1}, {"kind", "text"},
                                                  {"points", Json::array({Json::array({400, 262})})},
                                                  {"text", "So sánh với số liệu Sở Tài chính"}}}});
    s.wait(3 * 60 + 12);
    if (moment == Moment::Debate) return s.state;
    if (moment == Moment::Presenting) {
        s.run("ct", "speaker.finish");
        s.run("ct", "announcement.clear");
        s.run("ct", "presentation.start", Json{{"document", doc}, {"page", 2}});
        s.wait(40);
        return s.state;
    }

    s.run("ct", "speaker.finish");
    s.run("ct", "announcement.clear");
    s.run("ct", "agenda.start", Json{{"item", "3"}});
    s.wait(25 * 60);
    s.run("ct", "poll.create",
          Json{{"id", "nq-01"},
               {"question", "Thông qua Tờ trình về kế hoạch phát triển kinh tế - xã hội năm 2027"},
               {"seconds", 120}});
    s.run("ct", "poll.open", Json{{"poll", "nq-01"}});
    const char* yes[] = {"pct1", "pct3", "gd-tc", "gd-tp", "gd-nnptnt", "gd-xd", "gd-gtvt", "gd-tnmt",
                         "gd-gddt", "gd-ct", "gd-nv", "ct-ttr"};
    for (const char* voter : yes) {
        s.wait(2);
        s.run(voter, "poll.cast", Json{{"poll", "nq-01"}, {"choices", Json::array({0})}});
    }
    s.run("gd-vhttdl", "poll.cast", Json{{"poll", "nq-01"}, {"choices", Json::array({1})}});
    s.run("cvp", "poll.cast", Json{{"poll", "nq-01"}, {"choices", Json::array()}});
    s.wait(20);
    if (moment == Moment::VoteOpen) return s.state;

    for (const char* voter : {"ct", "pct2", "gd-ldtbxh", "chq-qs"})
        s.run(voter, "poll.cast", Json{{"poll", "nq-01"}, {"choices", Json::array({0})}});
    s.run("pct2", "poll.cast", Json{{"poll", "nq-01"}, {"choices", Json::array({0})}, {"for", "gd-ca"}});
    s.wait(30);
    s.run("ct", "poll.close", Json{{"poll", "nq-01"}});
    return s.state;
}

const std::string& demoPdf() {
    static const std::string bytes = composeDemoPdf();
    return bytes;
}

std::string composeDemoPdf() {
    pdf::ComposeOptions options;
    options.title = "Tờ trình về dự toán ngân sách nhà nước năm 2027";
    options.resourceDir = "/usr/share/fonts/truetype/liberation2";
    options.css = "@font-face { font-family: Serif; src: url(LiberationSerif-Regular.ttf); } "
                  "@font-face { font-family: Serif; font-weight: bold; src: url(LiberationSerif-Bold.ttf); } "
                  "body { font-family: Serif; text-align: justify; } p { margin: 0 0 6pt 0; text-indent: 1cm; } "
                  "h1 { font-size: 14pt; text-align: center; margin: 12pt 0; } .c { text-align: center; text-indent: 0; }";
    std::vector<pdf::Block> blocks;
    blocks.push_back(pdf::Html{
        "<p class='c'><b>ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN</b></p>"
        "<p class='c'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/>Độc lập - Tự do - Hạnh phúc</p>"
        "<p class='c'>Số: 215/TTr-UBND &#160;&#160;&#160; Bình Sơn, ngày 20 tháng 11 năm 2026</p>"
        "<h1>TỜ TRÌNH<br/>Về dự toán ngân sách nhà nước năm 2027</h1>"});
    const char* paragraphs[] = {
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015; căn cứ Nghị định số 163/2016/NĐ-CP "
        "của Chính phủ quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước;",
        "Ủy ban nhân dân tỉnh trình dự toán thu ngân sách nhà nước trên địa bàn năm 2027 là 12.450 tỷ đồng, "
        "tăng 8,2% so với ước thực hiện năm 2026; trong đó thu nội địa 10.900 tỷ đồng, thu từ hoạt động "
        "xuất nhập khẩu 1.550 tỷ đồng.",
        "Dự toán chi ngân sách địa phương năm 2027 là 15.320 tỷ đồng, gồm chi đầu tư phát triển 4.870 tỷ "
        "đồng, chi thường xuyên 9.980 tỷ đồng, dự phòng ngân sách 300 tỷ đồng và chi tạo nguồn cải cách "
        "tiền lương 170 tỷ đồng.",
        "Việc phân bổ dự toán bảo đảm ưu tiên bố trí vốn cho các công trình chuyển tiếp, các dự án trọng "
        "điểm về giao thông, thủy lợi, y tế và giáo dục; tiết kiệm chi thường xuyên, không bố trí kinh phí "
        "cho các nhiệm vụ chưa thật sự cần thiết."};
    for (int section = 1; section <= 6; ++section) {
        std::string html = "<p><b>" + std::to_string(section) + ". Nội dung " + std::to_string(section) + "</b></p>";
        for (int r = 0; r < 3; ++r)
            for (const char* p : paragraphs) html += std::string("<p>") + p + "</p>";
        blocks.push_back(pdf::Html{html});
    }
    auto bytes = pdf::composePdf(blocks, options);
    if (!bytes) throw std::runtime_error("demo PDF: " + bytes.error().message);
    return *bytes;
}

} // namespace room::tablet::gallery
