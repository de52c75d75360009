// Writes the demo meeting documents (Vietnamese, provincial People's Council session) as PDFs.
//
// Usage: room-demo-pdfs OUTPUT_DIR [--font-dir DIR]
// The documents follow the layout of Decree 30/2020/ND-CP on administrative documents: A4,
// Times-style serif (Liberation Serif), letterhead in two columns, page numbers at the top.
// The province, people and figures are fictional; the budget tables add up.

#include "shared/pdf/pdf_compose.h"
#include "shared/pdf/pdf_inspect.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using room::pdf::Block;
using room::pdf::Html;
using room::pdf::PageBreak;
using room::pdf::Table;

constexpr std::string_view kDefaultFontDir = "/usr/share/fonts/truetype/liberation2";
constexpr std::array<std::string_view, 4> kFontFiles = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf"};

constexpr std::string_view kCss = R"(
@font-face { font-family: "Serif"; src: url("LiberationSerif-Regular.ttf"); }
@font-face { font-family: "Serif"; font-weight: bold; src: url("LiberationSerif-Bold.ttf"); }
@font-face { font-family: "Serif"; font-style: italic; src: url("LiberationSerif-Italic.ttf"); }
@font-face { font-family: "Serif"; font-weight: bold; font-style: italic; src: url("LiberationSerif-BoldItalic.ttf"); }
body { font-family: "Serif"; line-height: 1.3; }
p { margin: 0 0 6pt 0; text-indent: 1cm; text-align: justify; }
p.h { font-weight: bold; }
p.i { font-style: italic; }
p.c { text-align: center; text-indent: 0; margin: 0; }
p.title { text-align: center; text-indent: 0; margin: 0; font-weight: bold; }
p.to { text-align: center; text-indent: 0; margin: 0 0 10pt 0; }
p.lh { text-align: center; text-indent: 0; margin: 0; font-size: 13pt; line-height: 1.2; }
p.date { text-align: center; text-indent: 0; margin: 0; font-size: 13pt; font-style: italic; }
p.draft { text-align: center; text-indent: 0; margin: 0 0 10pt 80%; border: 0.8pt solid black; font-weight: bold; font-size: 12pt; padding: 1pt; }
p.caption { text-align: center; text-indent: 0; margin: 10pt 0 0 0; font-weight: bold; }
p.note { text-align: center; text-indent: 0; margin: 0 0 4pt 0; font-style: italic; font-size: 12pt; }
p.unit { text-align: right; text-indent: 0; margin: 0 0 3pt 0; font-style: italic; font-size: 12pt; }
p.rt { text-indent: 0; margin: 0; font-size: 12pt; font-weight: bold; font-style: italic; line-height: 1.15; }
p.rl { text-indent: 0; margin: 0; font-size: 11pt; line-height: 1.15; text-align: left; }
p.sig { text-align: center; text-indent: 0; margin: 0; font-weight: bold; }
p.name { text-align: center; text-indent: 0; margin: 48pt 0 0 0; font-weight: bold; }
p.signed { text-align: center; text-indent: 0; margin: 18pt 0 0 0; font-style: italic; font-size: 12pt; }
p.tl { text-indent: 0; margin: 0; text-align: left; font-size: 12pt; line-height: 1.15; }
p.tr { text-indent: 0; margin: 0; text-align: right; font-size: 12pt; line-height: 1.15; }
p.tc { text-indent: 0; margin: 0; text-align: center; font-size: 12pt; line-height: 1.15; }
p.th { text-indent: 0; margin: 0; text-align: center; font-size: 12pt; line-height: 1.15; font-weight: bold; }
div.rule { border-top: 0.6pt solid black; height: 0; margin: 3pt 33% 4pt 33%; }
div.rule-wide { border-top: 0.6pt solid black; height: 0; margin: 3pt 19% 4pt 19%; }
div.rule-title { border-top: 0.6pt solid black; height: 0; margin: 3pt 40% 6pt 40%; }
)";

// ---------------------------------------------------------------- building blocks

struct Letterhead {
    std::string parent; ///< upper line, regular (may be empty)
    std::string org;    ///< issuing body, bold
    std::string number; ///< "Số: 215/TTr-UBND"
    std::string date;   ///< "Bình Sơn, ngày 20 tháng 11 năm 2026"
};

Block letterhead(const Letterhead& h) {
    std::string left;
    if (!h.parent.empty()) left += "<p class=\"lh\">" + h.parent + "</p>";
    left += "<p class=\"lh\"><b>" + h.org + "</b></p><div class=\"rule\"></div>";
    left += "<p class=\"lh\">" + h.number + "</p>";
    std::string right = "<p class=\"lh\" style=\"font-size:12pt\"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>"
                        "<p class=\"lh\" style=\"font-size:14pt\"><b>Độc lập - Tự do - Hạnh phúc</b></p>"
                        "<div class=\"rule-wide\"></div>";
    right += "<p class=\"date\">" + h.date + "</p>";
    Table t;
    t.columns = {38, 62};
    t.borders = false;
    t.padding = 0;
    t.centerVertically = false;
    t.rows = {{left, right}};
    return t;
}

/// Document kind and subject, centred, with the short rule under them.
Block heading(std::string_view kind, std::string_view subject, std::string_view extra = {}) {
    std::string html = "<p class=\"title\" style=\"margin-top:16pt\">" + std::string(kind) + "</p>";
    html += "<p class=\"title\">" + std::string(subject) + "</p>";
    html += std::string(extra);
    html += "<div class=\"rule-title\"></div>";
    return Html{html};
}

std::string p(std::string_view text) {
    return "<p>" + std::string(text) + "</p>";
}
std::string h(std::string_view text) {
    return "<p class=\"h\">" + std::string(text) + "</p>";
}
std::string it(std::string_view text) {
    return "<p class=\"i\">" + std::string(text) + "</p>";
}

std::string joinParas(std::initializer_list<std::string> parts) {
    std::string s;
    for (const auto& part : parts) s += part;
    return s;
}

/// "Nơi nhận" on the left, the signature on the right.
Block signature(const std::vector<std::string>& recipients, const std::vector<std::string>& roles,
                std::string_view name, bool signedCopy = true) {
    std::string left = "<p class=\"rt\">Nơi nhận:</p>";
    for (std::size_t i = 0; i < recipients.size(); ++i)
        left += "<p class=\"rl\">- " + recipients[i] + (i + 1 == recipients.size() ? "." : ";") +
                "</p>";
    std::string right;
    for (const auto& role : roles) right += "<p class=\"sig\">" + role + "</p>";
    right += signedCopy ? "<p class=\"signed\">(Đã ký)</p><p class=\"name\" style=\"margin-top:24pt\">"
                        : "<p class=\"name\">";
    right += std::string(name) + "</p>";
    Table t;
    t.columns = {50, 50};
    t.borders = false;
    t.padding = 0;
    t.centerVertically = false;
    t.rows = {{left, right}};
    return t;
}

/// Vertical space of about `points` (an empty paragraph would take none).
std::string gap(int points) {
    return "<p class=\"c\" style=\"font-size:" + std::to_string(points) +
           "pt;line-height:1\">&#160;</p>";
}

Block spacer(int points) {
    return Html{gap(points)};
}

/// 1234567 -> "1.234.567" (Vietnamese grouping).
std::string money(long long v) {
    const bool negative = v < 0;
    std::string digits = std::to_string(negative ? -v : v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

/// 104.63 -> "104,6" (Vietnamese decimal comma, one digit).
std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    for (char& ch : s)
        if (ch == '.') ch = ',';
    return s;
}

std::string cell(std::string_view cls, std::string_view text) {
    return "<p class=\"" + std::string(cls) + "\">" + std::string(text) + "</p>";
}

// ---------------------------------------------------------------- budget tables

/// A budget line; parents (level < next line's level) get the sum of their direct children.
struct BudgetLine {
    std::string code;
    std::string label;
    int level = 0; // 0 = bold section total
    std::array<long long, 3> v{}; // estimate 2026, expected outturn 2026, estimate 2027
};

void sumUp(std::vector<BudgetLine>& lines) {
    for (std::size_t i = lines.size(); i-- > 0;) {
        bool hasChildren = false;
        std::array<long long, 3> sum{};
        for (std::size_t j = i + 1; j < lines.size() && lines[j].level > lines[i].level; ++j) {
            if (lines[j].level != lines[i].level + 1) continue;
            hasChildren = true;
            for (std::size_t k = 0; k < 3; ++k) sum[k] += lines[j].v[k];
        }
        if (hasChildren) lines[i].v = sum;
    }
}

Table budgetTable(std::string caption, std::vector<BudgetLine> lines) {
    sumUp(lines);
    Table t;
    t.caption = std::move(caption) + "<p class=\"unit\">Đơn vị: triệu đồng</p>";
    t.columns = {7, 37, 15, 15, 15, 11};
    t.headerRows = 2;
    t.rows.push_back({cell("th", "STT"), cell("th", "Nội dung"), cell("th", "Dự toán năm 2026"),
                      cell("th", "Ước thực hiện năm 2026"), cell("th", "Dự toán năm 2027"),
                      cell("th", "So sánh DT 2027/ ƯTH 2026 (%)")});
    t.rows.push_back({cell("tc", "<i>A</i>"), cell("tc", "<i>B</i>"), cell("tc", "<i>1</i>"),
                      cell("tc", "<i>2</i>"), cell("tc", "<i>3</i>"), cell("tc", "<i>4=3/2</i>")});
    for (const BudgetLine& l : lines) {
        const bool bold = l.level <= 1;
        auto wrap = [&](std::string s) { return bold ? "<b>" + s + "</b>" : s; };
        const std::string ratio = l.v[1] > 0 ? percent(100.0 * static_cast<double>(l.v[2]) / static_cast<double>(l.v[1])) : "";
        t.rows.push_back({cell("tc", wrap(l.code)), cell("tl", wrap(l.label)),
                          cell("tr", wrap(money(l.v[0]))), cell("tr", wrap(money(l.v[1]))),
                          cell("tr", wrap(money(l.v[2]))), cell("tr", wrap(ratio))});
    }
    return t;
}

std::vector<BudgetLine> revenueLines() {
    return {
        {"", "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN (A+B)", 0, {}},
        {"A", "Thu nội địa", 1, {}},
        {"1", "Thu từ khu vực doanh nghiệp nhà nước do trung ương quản lý", 2, {612000, 640500, 685000}},
        {"2", "Thu từ khu vực doanh nghiệp nhà nước do địa phương quản lý", 2, {98000, 101200, 106000}},
        {"3", "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài", 2, {1254000, 1318700, 1425000}},
        {"4", "Thu từ khu vực kinh tế ngoài quốc doanh", 2, {1486000, 1532400, 1690000}},
        {"5", "Thuế thu nhập cá nhân", 2, {465000, 498300, 540000}},
        {"6", "Thuế bảo vệ môi trường", 2, {520000, 507600, 530000}},
        {"7", "Lệ phí trước bạ", 2, {310000, 324800, 345000}},
        {"8", "Thu phí, lệ phí", 2, {185000, 192100, 200000}},
        {"9", "Thu tiền sử dụng đất", 2, {2650000, 2315000, 2800000}},
        {"10", "Thu tiền cho thuê đất, thuê mặt nước", 2, {240000, 268900, 280000}},
        {"11", "Thu từ hoạt động xổ số kiến thiết", 2, {145000, 151700, 158000}},
        {"12", "Thu khác ngân sách", 2, {210000, 236400, 230000}},
        {"B", "Thu từ hoạt động xuất nhập khẩu", 1, {}},
        {"1", "Thuế giá trị gia tăng hàng nhập khẩu", 2, {585000, 611000, 640000}},
        {"2", "Thuế xuất khẩu, thuế nhập khẩu", 2, {168000, 176300, 182000}},
        {"3", "Thu khác từ hoạt động xuất nhập khẩu", 2, {12000, 10600, 11000}},
    };
}

std::vector<BudgetLine> spendingLines() {
    return {
        {"", "TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG (A+B)", 0, {}},
        {"A", "Chi cân đối ngân sách địa phương", 1, {}},
        {"I", "Chi đầu tư phát triển", 2, {}},
        {"1", "Chi đầu tư từ nguồn vốn trong nước", 3, {1920000, 1884500, 2050000}},
        {"2", "Chi đầu tư từ nguồn thu tiền sử dụng đất", 3, {2385000, 2083500, 2520000}},
        {"3", "Chi đầu tư từ nguồn thu xổ số kiến thiết", 3, {145000, 151700, 158000}},
        {"II", "Chi thường xuyên", 2, {}},
        {"1", "Chi sự nghiệp giáo dục - đào tạo và dạy nghề", 3, {2148000, 2161300, 2296000}},
        {"2", "Chi sự nghiệp khoa học và công nghệ", 3, {46000, 44800, 68000}},
        {"3", "Chi sự nghiệp y tế, dân số và gia đình", 3, {712000, 718400, 765000}},
        {"4", "Chi sự nghiệp văn hóa, thông tin, thể dục thể thao", 3, {98000, 101500, 104000}},
        {"5", "Chi sự nghiệp bảo vệ môi trường", 3, {176000, 172900, 190000}},
        {"6", "Chi các hoạt động kinh tế", 3, {842000, 856100, 905000}},
        {"7", "Chi quản lý hành chính, Đảng, đoàn thể", 3, {1265000, 1279800, 1310000}},
        {"8", "Chi bảo đảm xã hội", 3, {394000, 401700, 428000}},
        {"9", "Chi quốc phòng, an ninh", 3, {212000, 218600, 226000}},
        {"III", "Chi trả nợ lãi các khoản do chính quyền địa phương vay", 2, {18500, 17900, 21000}},
        {"IV", "Chi bổ sung quỹ dự trữ tài chính", 2, {1200, 1200, 1200}},
        {"V", "Dự phòng ngân sách", 2, {236000, 0, 248000}},
        {"B", "Chi các chương trình mục tiêu quốc gia và nhiệm vụ khác", 1, {}},
        {"1", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", 2, {286000, 279400, 301000}},
        {"2", "Chương trình mục tiêu quốc gia giảm nghèo bền vững", 2, {194000, 188200, 176000}},
        {"3", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số", 2, {328000, 316900, 342000}},
    };
}

struct Project {
    const char* name;
    const char* place;
    const char* period;
    long long total; // million VND
    long long y2027;
};

Table projectTable() {
    static const Project kProjects[] = {
        {"Đường giao thông liên xã Tân Lập - Hòa Mỹ", "xã Tân Lập, xã Hòa Mỹ", "2027-2029", 186500, 45000},
        {"Nâng cấp Quốc lộ đoạn qua phường Bình Minh (phần vốn địa phương)", "phường Bình Minh", "2027-2029", 312000, 60000},
        {"Cầu Suối Cát và đường dẫn hai đầu cầu", "xã Suối Cát", "2027-2028", 94800, 38000},
        {"Kè chống sạt lở bờ sông Trà Khúc, đoạn qua xã An Phú", "xã An Phú", "2027-2029", 148000, 40000},
        {"Hồ chứa nước Đá Bàn, hạng mục nâng cao đập và tràn xả lũ", "xã Sơn Thủy", "2027-2030", 264000, 35000},
        {"Kênh tưới cấp 1 hệ thống thủy lợi Thạch Nham, giai đoạn 2", "xã Nghĩa Hòa, xã Nghĩa Sơn", "2027-2029", 118500, 32000},
        {"Trường Trung học phổ thông Bình Sơn số 2, nhà học bộ môn", "phường Bình Sơn", "2027-2028", 42600, 25000},
        {"Trường Phổ thông dân tộc nội trú liên xã Sơn Hà, ký túc xá", "xã Sơn Hà", "2027-2028", 56300, 30000},
        {"Trường Tiểu học Hòa Bình, xây mới 12 phòng học", "xã Hòa Bình", "2027", 18900, 18900},
        {"Trường Mầm non Hoa Sen, điểm trường thôn Phú Long", "xã Phú Lộc", "2027", 12400, 12400},
        {"Bệnh viện Đa khoa tỉnh, khối điều trị nội trú 300 giường", "phường Trần Phú", "2027-2030", 485000, 50000},
        {"Trung tâm Y tế khu vực Đức Phổ, khoa Hồi sức cấp cứu", "phường Đức Phổ", "2027-2028", 38500, 20000},
        {"Trạm y tế xã Ba Tơ, Ba Vì, Ba Xa (xây mới, cải tạo)", "các xã Ba Tơ, Ba Vì, Ba Xa", "2027", 14700, 14700},
        {"Trung tâm điều hành đô thị thông minh tỉnh, giai đoạn 1", "phường Trần Phú", "2027-2028", 96000, 40000},
        {"Hạ tầng số và nền tảng dữ liệu dùng chung của tỉnh", "toàn tỉnh", "2027-2028", 72500, 35000},
        {"Nhà văn hóa - khu thể thao thôn, tổ dân phố (hỗ trợ 40 công trình)", "các xã, phường", "2027", 20000, 20000},
        {"Quảng trường và công viên trung tâm phường Bình Sơn", "phường Bình Sơn", "2027-2029", 128000, 30000},
        {"Khu tái định cư Bắc Trà Khúc phục vụ giải phóng mặt bằng", "phường Trương Quang Trọng", "2027-2028", 88600, 40000},
        {"Hạ tầng cụm công nghiệp Tịnh Ấn Tây, giai đoạn 2", "xã Tịnh Ấn", "2027-2029", 154000, 35000},
        {"Nhà máy xử lý chất thải rắn sinh hoạt khu vực phía Nam (phần hạ tầng)", "xã Phổ Thạnh", "2027-2029", 132000, 30000},
        {"Hệ thống thoát nước và xử lý nước thải phường Đức Phổ", "phường Đức Phổ", "2027-2029", 176500, 30000},
        {"Đường cứu hộ, cứu nạn ven biển đoạn Mỹ Á - Sa Huỳnh", "phường Phổ Quang", "2027-2030", 228000, 30000},
        {"Trụ sở làm việc Công an xã (xây mới 15 trụ sở)", "các xã", "2027-2028", 67500, 35000},
        {"Doanh trại Ban Chỉ huy phòng thủ khu vực 2", "xã Mộ Đức", "2027-2028", 34800, 20000},
        {"Lưu trữ lịch sử tỉnh, kho lưu trữ chuyên dụng", "phường Nghĩa Lộ", "2027-2028", 45200, 25000},
        {"Nâng cấp đường vào vùng nguyên liệu keo, quế xã Trà Bồng", "xã Trà Bồng", "2027-2028", 39800, 22000},
        {"Cấp nước sinh hoạt tập trung cụm xã Minh Long", "xã Minh Long", "2027-2028", 28600, 16000},
        {"Chỉnh trang khu du lịch biển Mỹ Khê, hạ tầng kỹ thuật", "xã Tịnh Khê", "2027-2029", 97000, 25000},
    };
    Table t;
    t.caption = "<p class=\"unit\">Đơn vị: triệu đồng</p>";
    t.columns = {6, 35, 18, 14, 13, 14};
    t.headerRows = 1;
    t.rows.push_back({cell("th", "STT"), cell("th", "Danh mục dự án"), cell("th", "Địa điểm xây dựng"),
                      cell("th", "Thời gian thực hiện"), cell("th", "Tổng mức đầu tư"),
                      cell("th", "Kế hoạch vốn năm 2027")});
    long long total = 0;
    long long year = 0;
    for (const Project& pr : kProjects) {
        total += pr.total;
        year += pr.y2027;
    }
    t.rows.push_back({cell("tc", ""), cell("tl", "<b>TỔNG CỘNG</b>"), cell("tl", ""), cell("tc", ""),
                      cell("tr", "<b>" + money(total) + "</b>"), cell("tr", "<b>" + money(year) + "</b>")});
    int n = 0;
    for (const Project& pr : kProjects)
        t.rows.push_back({cell("tc", std::to_string(++n)), cell("tl", pr.name), cell("tl", pr.place),
                          cell("tc", pr.period), cell("tr", money(pr.total)), cell("tr", money(pr.y2027))});
    return t;
}

/// Key indicators shared by the submission and the draft resolution.
Table indicatorTable(std::string caption) {
    struct Indicator {
        const char* name;
        const char* unit;
        const char* outturn;
        const char* plan;
    };
    static const Indicator kRows[] = {
        {"Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", "7,6", "8,0 - 8,5"},
        {"GRDP bình quân đầu người", "triệu đồng", "86,4", "95,0"},
        {"Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", "38,2", "39,0"},
        {"Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", "44.800", "48.500"},
        {"Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "8.886", "9.822"},
        {"Kim ngạch xuất khẩu hàng hóa", "triệu USD", "1.850", "2.050"},
        {"Số doanh nghiệp thành lập mới", "doanh nghiệp", "1.120", "1.250"},
        {"Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm", "điểm %", "1,3", "1,2"},
        {"Tỷ lệ lao động qua đào tạo", "%", "70,5", "72,0"},
        {"Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,6", "95,5"},
        {"Số bác sĩ trên 1 vạn dân", "bác sĩ", "11,2", "11,8"},
        {"Tỷ lệ trường học đạt chuẩn quốc gia", "%", "68,0", "71,0"},
        {"Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "%", "38,0", "45,0"},
        {"Tỷ lệ che phủ rừng", "%", "52,0", "52,3"},
        {"Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "96,5", "98,0"},
        {"Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "%", "55,0", "70,0"},
    };
    Table t;
    t.caption = std::move(caption);
    t.columns = {8, 50, 14, 14, 14};
    t.headerRows = 1;
    t.rows.push_back({cell("th", "STT"), cell("th", "Chỉ tiêu"), cell("th", "Đơn vị tính"),
                      cell("th", "Ước thực hiện năm 2026"), cell("th", "Kế hoạch năm 2027")});
    int n = 0;
    for (const Indicator& r : kRows)
        t.rows.push_back({cell("tc", std::to_string(++n)), cell("tl", r.name), cell("tc", r.unit),
                          cell("tc", r.outturn), cell("tc", r.plan)});
    return t;
}

// ---------------------------------------------------------------- documents

struct DemoDoc {
    std::string file;
    std::string title;
    std::string author;
    std::vector<Block> blocks;
};

const Letterhead kUbndHead{"ỦY BAN NHÂN DÂN", "TỈNH BÌNH SƠN", "", "Bình Sơn, ngày 20 tháng 11 năm 2026"};

DemoDoc submission() {
    DemoDoc d;
    d.file = "01-to-trinh-ke-hoach-phat-trien-kt-xh-2027.pdf";
    d.title = "Tờ trình về việc ban hành Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027";
    d.author = "Ủy ban nhân dân tỉnh Bình Sơn";
    Letterhead head = kUbndHead;
    head.parent.clear();
    head.org = "ỦY BAN NHÂN DÂN<br/>TỈNH BÌNH SƠN";
    head.number = "Số: 215/TTr-UBND";
    d.blocks.push_back(letterhead(head));
    d.blocks.push_back(heading("TỜ TRÌNH", "Về việc ban hành Nghị quyết về Kế hoạch phát triển<br/>kinh tế - xã hội năm 2027"));
    d.blocks.push_back(Html{"<p class=\"to\">Kính gửi: Hội đồng nhân dân tỉnh Bình Sơn khóa XI, kỳ họp thứ tư.</p>" + joinParas({
        p("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
        p("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;"),
        p("Căn cứ Nghị quyết của Quốc hội về Kế hoạch phát triển kinh tế - xã hội năm 2027; Chỉ thị của Thủ tướng Chính phủ về xây dựng Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2027;"),
        p("Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI, nhiệm kỳ 2025 - 2030 và Kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030 của tỉnh;"),
        p("Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, ban hành Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027 với các nội dung chủ yếu sau:"),
        h("I. SỰ CẦN THIẾT BAN HÀNH NGHỊ QUYẾT"),
        p("Năm 2026 là năm đầu thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030, đồng thời là năm đầu tiên tỉnh vận hành đầy đủ mô hình chính quyền địa phương hai cấp sau khi sắp xếp đơn vị hành chính. Trong bối cảnh kinh tế thế giới phục hồi chậm, giá nguyên liệu đầu vào biến động mạnh, thiên tai diễn biến bất thường, với sự vào cuộc quyết liệt của cả hệ thống chính trị, sự đồng hành của cộng đồng doanh nghiệp và Nhân dân, tình hình kinh tế - xã hội của tỉnh tiếp tục chuyển biến tích cực: ước có 13/16 chỉ tiêu chủ yếu đạt và vượt kế hoạch; tốc độ tăng trưởng GRDP ước đạt 7,6%, cao hơn mức bình quân chung của cả nước; thu ngân sách nhà nước trên địa bàn ước đạt 8.886 tỷ đồng, bằng 99,4% dự toán, trong đó thu nội địa không kể tiền sử dụng đất vượt 4,5% dự toán."),
        p("Bên cạnh kết quả đạt được, tình hình kinh tế - xã hội vẫn còn những hạn chế: giải ngân vốn đầu tư công ở một số dự án trọng điểm còn chậm; công tác giải phóng mặt bằng còn vướng mắc; thu tiền sử dụng đất không đạt dự toán; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu của các ngành công nghiệp chế biến, chế tạo; đời sống của một bộ phận người dân vùng miền núi, vùng bị ảnh hưởng bởi thiên tai còn nhiều khó khăn."),
        p("Để tạo cơ sở pháp lý cho việc chỉ đạo, điều hành thống nhất trong năm 2027, việc Hội đồng nhân dân tỉnh ban hành Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027 là cần thiết và đúng thẩm quyền quy định tại Luật Tổ chức chính quyền địa phương."),
        h("II. MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG NGHỊ QUYẾT"),
        p("1. Mục đích: xác định mục tiêu, chỉ tiêu chủ yếu, nhiệm vụ và giải pháp phát triển kinh tế - xã hội năm 2027 sát với thực tiễn, phù hợp với khả năng cân đối nguồn lực; làm căn cứ để các sở, ban, ngành và Ủy ban nhân dân các xã, phường xây dựng kế hoạch, tổ chức thực hiện."),
        p("2. Quan điểm: bám sát các nghị quyết, kết luận của Trung ương, Nghị quyết Đại hội đại biểu Đảng bộ tỉnh; kế thừa kết quả năm 2026; ưu tiên tháo gỡ khó khăn cho sản xuất kinh doanh, đẩy mạnh giải ngân vốn đầu tư công, chuyển đổi số và cải cách thủ tục hành chính; bảo đảm an sinh xã hội, quốc phòng, an ninh."),
        h("III. QUÁ TRÌNH XÂY DỰNG DỰ THẢO NGHỊ QUYẾT"),
        p("Thực hiện Chỉ thị của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh đã ban hành văn bản hướng dẫn các sở, ban, ngành, Ủy ban nhân dân các xã, phường đánh giá tình hình thực hiện năm 2026 và xây dựng kế hoạch năm 2027. Trên cơ sở báo cáo của các đơn vị, Sở Tài chính đã tổng hợp, xây dựng dự thảo Nghị quyết; lấy ý kiến các cơ quan, tổ chức có liên quan, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và đăng tải trên Cổng thông tin điện tử của tỉnh trong thời hạn 30 ngày. Dự thảo đã được Sở Tư pháp thẩm định tại Báo cáo số 412/BC-STP ngày 05 tháng 11 năm 2026 và được tập thể Ủy ban nhân dân tỉnh thảo luận, thống nhất tại phiên họp thường kỳ tháng 11 năm 2026."),
        h("IV. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA DỰ THẢO NGHỊ QUYẾT"),
        p("1. Bố cục: dự thảo Nghị quyết gồm 04 điều: Điều 1. Mục tiêu tổng quát; Điều 2. Các chỉ tiêu chủ yếu; Điều 3. Nhiệm vụ, giải pháp chủ yếu; Điều 4. Tổ chức thực hiện."),
        p("2. Mục tiêu tổng quát: tiếp tục cải thiện mạnh mẽ môi trường đầu tư kinh doanh, huy động và sử dụng hiệu quả các nguồn lực; tập trung phát triển công nghiệp chế biến, chế tạo, năng lượng, dịch vụ cảng biển và du lịch; đẩy mạnh chuyển đổi số, phát triển kinh tế xanh, kinh tế tuần hoàn; nâng cao chất lượng giáo dục, y tế, văn hóa; bảo đảm an sinh xã hội, nâng cao đời sống Nhân dân; giữ vững quốc phòng, an ninh và trật tự, an toàn xã hội."),
        p("3. Các chỉ tiêu chủ yếu: dự thảo đề xuất 16 chỉ tiêu chủ yếu, trong đó có 08 chỉ tiêu về kinh tế, 05 chỉ tiêu về xã hội và 03 chỉ tiêu về môi trường, cải cách hành chính (chi tiết tại bảng dưới đây)."),
    })});
    d.blocks.push_back(indicatorTable("<p class=\"caption\" style=\"margin-bottom:4pt\">Bảng 1. Các chỉ tiêu chủ yếu năm 2027</p>"));
    d.blocks.push_back(Html{gap(8) + joinParas({
        p("4. Nhiệm vụ, giải pháp chủ yếu: dự thảo Nghị quyết xác định 08 nhóm nhiệm vụ, giải pháp, trong đó tập trung vào: (1) tháo gỡ khó khăn, vướng mắc cho sản xuất kinh doanh, thúc đẩy tăng trưởng; (2) đẩy nhanh tiến độ thực hiện và giải ngân vốn đầu tư công, trước hết là các dự án trọng điểm, dự án liên kết vùng; (3) quản lý chặt chẽ thu, chi ngân sách, chống thất thu, tiết kiệm chi thường xuyên; (4) phát triển nguồn nhân lực, khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số; (5) phát triển văn hóa, xã hội, bảo đảm an sinh xã hội; (6) quản lý tài nguyên, bảo vệ môi trường, chủ động phòng, chống thiên tai; (7) nâng cao hiệu lực, hiệu quả hoạt động của chính quyền địa phương hai cấp; (8) củng cố quốc phòng, an ninh, mở rộng hợp tác đối ngoại."),
        h("V. NHỮNG VẤN ĐỀ CẦN XIN Ý KIẾN"),
        p("Qua quá trình lấy ý kiến, còn có ý kiến đề nghị điều chỉnh chỉ tiêu tốc độ tăng trưởng GRDP ở mức 8,5 - 9,0%. Ủy ban nhân dân tỉnh đã xem xét, đánh giá khả năng thực hiện trên cơ sở dự báo tiến độ các dự án công nghiệp lớn đi vào hoạt động và đề nghị giữ mức 8,0 - 8,5% như dự thảo, đồng thời phấn đấu đạt mức cao hơn khi có điều kiện thuận lợi."),
        p("Trên đây là Tờ trình về việc ban hành Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027, Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./."),
        it("(Hồ sơ gửi kèm: Dự thảo Nghị quyết; Báo cáo tình hình thực hiện kế hoạch năm 2026; Báo cáo thẩm định của Sở Tư pháp; Bản tổng hợp, giải trình, tiếp thu ý kiến góp ý.)"),
    })});
    d.blocks.push_back(spacer(6));
    d.blocks.push_back(signature({"Như trên", "Thường trực Tỉnh ủy (để báo cáo)", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh", "Các Ban của HĐND tỉnh", "Đại biểu HĐND tỉnh", "Các sở: Tài chính, Tư pháp", "VPUB: CVP, PCVP, các phòng", "Lưu: VT, KTTH"},
                                 {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "Trần Minh Quang"));
    return d;
}

DemoDoc budgetReport() {
    DemoDoc d;
    d.file = "02-bao-cao-thuc-hien-du-toan-ngan-sach-2026.pdf";
    d.title = "Báo cáo tình hình thực hiện dự toán ngân sách nhà nước năm 2026 và dự toán ngân sách địa phương năm 2027";
    d.author = "Ủy ban nhân dân tỉnh Bình Sơn";
    Letterhead head = kUbndHead;
    head.parent.clear();
    head.org = "ỦY BAN NHÂN DÂN<br/>TỈNH BÌNH SƠN";
    head.number = "Số: 342/BC-UBND";
    head.date = "Bình Sơn, ngày 18 tháng 11 năm 2026";
    d.blocks.push_back(letterhead(head));
    d.blocks.push_back(heading("BÁO CÁO", "Tình hình thực hiện dự toán ngân sách nhà nước năm 2026<br/>và dự toán ngân sách địa phương năm 2027"));
    d.blocks.push_back(Html{joinParas({
        p("Thực hiện Luật Ngân sách nhà nước và các văn bản hướng dẫn, Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân tỉnh tình hình thực hiện dự toán ngân sách nhà nước năm 2026 và dự toán ngân sách địa phương năm 2027 như sau:"),
        "<p class=\"title\" style=\"margin:8pt 0 6pt 0\">Phần thứ nhất<br/>TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2026</p>",
        h("I. THU NGÂN SÁCH NHÀ NƯỚC"),
        p("Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện cả năm đạt 8.885.500 triệu đồng, bằng 99,4% dự toán Hội đồng nhân dân tỉnh giao và tăng 6,8% so với thực hiện năm 2025. Trong đó: thu nội địa ước đạt 8.087.600 triệu đồng, bằng 98,9% dự toán (nếu không kể thu tiền sử dụng đất thì bằng 104,5% dự toán); thu từ hoạt động xuất nhập khẩu ước đạt 797.900 triệu đồng, bằng 104,3% dự toán."),
        p("Có 10/12 khoản thu nội địa đạt và vượt dự toán, trong đó một số khoản thu lớn tăng khá như thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài (105,2%), thuế thu nhập cá nhân (107,2%), thu tiền cho thuê đất, thuê mặt nước (112,0%). Thu tiền sử dụng đất chỉ đạt 87,4% dự toán do thị trường bất động sản trầm lắng, một số dự án khu dân cư chậm hoàn thành thủ tục giao đất, đấu giá quyền sử dụng đất; thuế bảo vệ môi trường đạt 97,6% do sản lượng xăng dầu tiêu thụ giảm."),
        p("Công tác quản lý thu được tăng cường: cơ quan thuế đã đẩy mạnh hóa đơn điện tử khởi tạo từ máy tính tiền đối với hoạt động bán lẻ, ăn uống; rà soát, thu hồi nợ đọng thuế; phối hợp với các sàn thương mại điện tử quản lý thu đối với hoạt động kinh doanh trực tuyến. Tổng số nợ thuế đến ngày 31 tháng 10 năm 2026 là 412.300 triệu đồng, giảm 9,6% so với cùng kỳ."),
        h("II. CHI NGÂN SÁCH ĐỊA PHƯƠNG"),
        p("Tổng chi ngân sách địa phương ước thực hiện cả năm đạt 10.878.400 triệu đồng, bằng 95,4% dự toán. Trong đó, chi đầu tư phát triển ước đạt 4.119.700 triệu đồng, bằng 92,6% dự toán; chi thường xuyên ước đạt 5.955.100 triệu đồng, bằng 101,1% dự toán, cơ bản đáp ứng nhiệm vụ chi của các cơ quan, đơn vị, các nhiệm vụ phòng, chống thiên tai, an sinh xã hội và thực hiện chính sách tiền lương mới."),
        p("Giải ngân vốn đầu tư công đến ngày 31 tháng 10 năm 2026 đạt 68,4% kế hoạch, cao hơn cùng kỳ năm trước 5,2 điểm phần trăm. Ủy ban nhân dân tỉnh đã điều chuyển 186.000 triệu đồng từ các dự án chậm giải ngân sang các dự án có khối lượng hoàn thành, có nhu cầu bổ sung vốn. Dự phòng ngân sách tỉnh đã sử dụng 142.500 triệu đồng để khắc phục hậu quả bão số 6 và mưa lũ tháng 10, hỗ trợ giống cây trồng cho các hộ bị thiệt hại."),
        h("III. ĐÁNH GIÁ CHUNG"),
        p("Nhìn chung, công tác quản lý, điều hành ngân sách năm 2026 được thực hiện chủ động, chặt chẽ, bảo đảm cân đối thu, chi; các khoản thu gắn với sản xuất kinh doanh vượt dự toán, bù đắp một phần số hụt thu tiền sử dụng đất, tạo thêm nguồn lực cho đầu tư phát triển và thực hiện các chính sách an sinh xã hội. Tuy nhiên, thu ngân sách còn phụ thuộc nhiều vào một số doanh nghiệp lớn và thu tiền sử dụng đất; giải ngân vốn đầu tư công tuy có chuyển biến nhưng chưa đạt yêu cầu; một số đơn vị sự nghiệp công lập chậm xây dựng phương án tự chủ tài chính."),
        "<p class=\"title\" style=\"margin:8pt 0 6pt 0\">Phần thứ hai<br/>DỰ TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2027</p>",
        h("I. NGUYÊN TẮC XÂY DỰNG DỰ TOÁN"),
        p("Dự toán ngân sách năm 2027 được xây dựng theo đúng quy định của Luật Ngân sách nhà nước, định mức phân bổ chi thường xuyên giai đoạn 2027 - 2030; tính đúng, tính đủ các khoản thu theo quy định, phù hợp với dự báo tăng trưởng kinh tế và tình hình sản xuất kinh doanh của doanh nghiệp; bố trí chi đầu tư phát triển tập trung, có trọng tâm, trọng điểm; triệt để tiết kiệm chi thường xuyên, dành nguồn thực hiện cải cách tiền lương theo lộ trình."),
        h("II. DỰ TOÁN THU, CHI NGÂN SÁCH"),
        p("Tổng thu ngân sách nhà nước trên địa bàn năm 2027 dự toán 9.822.000 triệu đồng, tăng 10,5% so với ước thực hiện năm 2026; tổng chi ngân sách địa phương dự toán 12.109.200 triệu đồng, trong đó chi đầu tư phát triển 4.728.000 triệu đồng, chi thường xuyên 6.292.000 triệu đồng. Chi tiết theo các biểu dưới đây và Phụ lục kèm theo Báo cáo này."),
    })});
    {
        // Totals only; the detail is in the annex.
        auto revenue = revenueLines();
        sumUp(revenue);
        std::vector<BudgetLine> summary;
        for (const BudgetLine& l : revenue)
            if (l.level <= 1) summary.push_back(l);
        for (std::size_t i = 1; i < summary.size(); ++i) summary[i].level = 2; // plain, not bold
        d.blocks.push_back(budgetTable("<p class=\"caption\">Biểu 1. Tổng hợp thu ngân sách nhà nước trên địa bàn</p>", summary));

        auto spending = spendingLines();
        sumUp(spending);
        std::vector<BudgetLine> lines;
        for (const BudgetLine& l : spending)
            if (l.level <= 2) lines.push_back(l);
        d.blocks.push_back(Html{"<p style=\"margin-top:8pt\">Dự toán chi ngân sách địa phương năm 2027 được bố trí như sau:</p>"});
        d.blocks.push_back(budgetTable("<p class=\"caption\">Biểu 2. Tổng hợp chi ngân sách địa phương</p>", lines));
    }
    d.blocks.push_back(Html{gap(8) + joinParas({
        h("III. GIẢI PHÁP THỰC HIỆN DỰ TOÁN NĂM 2027"),
        p("1. Tăng cường công tác quản lý thu, mở rộng cơ sở thu; đẩy mạnh thanh tra, kiểm tra thuế theo phương pháp quản lý rủi ro; quyết liệt xử lý nợ đọng thuế; đẩy nhanh tiến độ đấu giá quyền sử dụng đất các khu dân cư đã hoàn thành hạ tầng, bảo đảm công khai, minh bạch."),
        p("2. Điều hành chi ngân sách chặt chẽ, trong phạm vi dự toán được giao; không ban hành chính sách mới làm tăng chi ngân sách khi chưa cân đối được nguồn; các đơn vị sử dụng ngân sách thực hiện nghiêm việc tiết kiệm 10% chi thường xuyên tăng thêm so với dự toán năm 2026 để tạo nguồn cải cách tiền lương."),
        p("3. Nâng cao chất lượng công tác chuẩn bị đầu tư; phân bổ vốn đầu tư công theo thứ tự ưu tiên: thanh toán nợ đọng xây dựng cơ bản, dự án chuyển tiếp hoàn thành trong năm, vốn đối ứng các dự án ODA, sau đó mới bố trí cho dự án khởi công mới đã đủ thủ tục. Người đứng đầu chịu trách nhiệm về kết quả giải ngân của cơ quan, đơn vị mình."),
        p("4. Tăng cường công khai, minh bạch ngân sách; đẩy mạnh ứng dụng công nghệ thông tin trong quản lý tài chính công, kết nối dữ liệu giữa cơ quan tài chính, thuế, kho bạc và các đơn vị sử dụng ngân sách."),
        p("Trên đây là báo cáo tình hình thực hiện dự toán ngân sách nhà nước năm 2026 và dự toán ngân sách địa phương năm 2027, Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./."),
    })});
    d.blocks.push_back(spacer(6));
    d.blocks.push_back(signature({"Thường trực HĐND tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh", "Đại biểu HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh", "Sở Tài chính; Thuế tỉnh; Kho bạc Nhà nước khu vực", "Lưu: VT, KTTH"},
                                 {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "Lê Thị Thu Hà"));
    return d;
}

DemoDoc draftResolution() {
    DemoDoc d;
    d.file = "03-du-thao-nghi-quyet-ke-hoach-kt-xh-2027.pdf";
    d.title = "Dự thảo Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027";
    d.author = "Hội đồng nhân dân tỉnh Bình Sơn";
    d.blocks.push_back(Html{"<p class=\"draft\">DỰ THẢO</p>"});
    Letterhead head{"", "HỘI ĐỒNG NHÂN DÂN<br/>TỈNH BÌNH SƠN", "Số:&#160;&#160;&#160;&#160;&#160;&#160;/NQ-HĐND", "Bình Sơn, ngày&#160;&#160;&#160;&#160;&#160;tháng 12 năm 2026"};
    d.blocks.push_back(letterhead(head));
    d.blocks.push_back(heading("NGHỊ QUYẾT", "Về Kế hoạch phát triển kinh tế - xã hội năm 2027", ""));
    d.blocks.push_back(Html{
        "<p class=\"title\" style=\"margin:4pt 0 2pt 0\">HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH SƠN<br/>KHÓA XI, KỲ HỌP THỨ TƯ</p>" + joinParas({
        it("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
        it("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;"),
        it("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017; Luật Đầu tư công ngày 29 tháng 11 năm 2024;"),
        it("Xét Tờ trình số 215/TTr-UBND ngày 20 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh về việc ban hành Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027; Báo cáo thẩm tra số 88/BC-KTNS ngày 28 tháng 11 năm 2026 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp."),
        "<p class=\"title\" style=\"margin:6pt 0 8pt 0\">QUYẾT NGHỊ:</p>",
        p("<b>Điều 1. Mục tiêu tổng quát</b>"),
        p("Tiếp tục cải thiện mạnh mẽ môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh; huy động, sử dụng hiệu quả mọi nguồn lực cho phát triển; tập trung phát triển công nghiệp chế biến, chế tạo, năng lượng, dịch vụ cảng biển, logistics và du lịch; đẩy mạnh chuyển đổi số, đổi mới sáng tạo, phát triển kinh tế xanh, kinh tế tuần hoàn. Chú trọng phát triển văn hóa, xã hội, nâng cao chất lượng nguồn nhân lực; bảo đảm an sinh xã hội, nâng cao đời sống vật chất và tinh thần của Nhân dân; quản lý chặt chẽ tài nguyên, bảo vệ môi trường, chủ động ứng phó với biến đổi khí hậu; nâng cao hiệu lực, hiệu quả hoạt động của chính quyền địa phương hai cấp; giữ vững quốc phòng, an ninh, trật tự, an toàn xã hội."),
        p("<b>Điều 2. Các chỉ tiêu chủ yếu</b>"),
        p("Thông qua 16 chỉ tiêu chủ yếu năm 2027 theo Phụ lục kèm theo Nghị quyết này, trong đó: tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) đạt 8,0 - 8,5%; GRDP bình quân đầu người đạt 95 triệu đồng; tổng vốn đầu tư phát triển toàn xã hội đạt 48.500 tỷ đồng; tổng thu ngân sách nhà nước trên địa bàn đạt 9.822 tỷ đồng; tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1,2 điểm phần trăm; tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%; tỷ lệ che phủ rừng đạt 52,3%."),
        p("<b>Điều 3. Nhiệm vụ, giải pháp chủ yếu</b>"),
        p("1. Tập trung tháo gỡ khó khăn, vướng mắc cho sản xuất kinh doanh; thực hiện hiệu quả các chính sách hỗ trợ doanh nghiệp, hợp tác xã, hộ kinh doanh; đẩy mạnh xúc tiến đầu tư, ưu tiên thu hút các dự án công nghệ cao, thân thiện môi trường, có giá trị gia tăng lớn; phát triển thị trường trong nước và mở rộng thị trường xuất khẩu."),
        p("2. Đẩy nhanh tiến độ thực hiện và giải ngân vốn đầu tư công ngay từ đầu năm; tập trung giải phóng mặt bằng các dự án trọng điểm, dự án liên kết vùng; kiên quyết điều chuyển vốn của các dự án chậm giải ngân; tăng cường kiểm tra, giám sát, xử lý nghiêm các tổ chức, cá nhân gây chậm trễ."),
        p("3. Quản lý chặt chẽ thu, chi ngân sách nhà nước; mở rộng cơ sở thu, chống thất thu, xử lý nợ đọng thuế; thực hiện nghiêm tiết kiệm chi thường xuyên, cắt giảm các khoản chi chưa thật sự cần thiết để dành nguồn cho đầu tư phát triển và an sinh xã hội."),
        p("4. Phát triển nguồn nhân lực chất lượng cao gắn với nhu cầu của thị trường lao động; nâng cao chất lượng giáo dục và đào tạo; đẩy mạnh ứng dụng khoa học, công nghệ, đổi mới sáng tạo; triển khai đồng bộ chính quyền số, kinh tế số, xã hội số, bảo đảm an toàn thông tin."),
        p("5. Phát triển toàn diện các lĩnh vực văn hóa, xã hội; nâng cao chất lượng khám bệnh, chữa bệnh và y tế cơ sở; thực hiện đầy đủ, kịp thời các chính sách đối với người có công, người nghèo, đối tượng bảo trợ xã hội; tập trung hoàn thành chương trình xóa nhà tạm, nhà dột nát."),
        p("6. Tăng cường quản lý đất đai, tài nguyên, khoáng sản; kiểm soát ô nhiễm môi trường tại các khu, cụm công nghiệp, làng nghề; chủ động phòng, chống thiên tai, sạt lở bờ sông, bờ biển, bảo đảm an toàn hồ đập trong mùa mưa bão."),
        p("7. Tiếp tục hoàn thiện tổ chức bộ máy, nâng cao chất lượng hoạt động của chính quyền xã, phường sau sắp xếp; đẩy mạnh cải cách thủ tục hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp; tăng cường kỷ luật, kỷ cương hành chính, phòng, chống tham nhũng, tiêu cực, lãng phí."),
        p("8. Củng cố quốc phòng, an ninh; bảo đảm trật tự, an toàn giao thông; giải quyết kịp thời khiếu nại, tố cáo ngay từ cơ sở; nâng cao hiệu quả công tác đối ngoại và hội nhập quốc tế."),
        p("<b>Điều 4. Tổ chức thực hiện</b>"),
        p("1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; định kỳ báo cáo kết quả thực hiện tại các kỳ họp thường lệ của Hội đồng nhân dân tỉnh."),
        p("2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này."),
        p("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền, vận động các tầng lớp Nhân dân tích cực tham gia thực hiện và giám sát việc thực hiện Nghị quyết."),
        p("Nghị quyết này đã được Hội đồng nhân dân tỉnh Bình Sơn khóa XI, kỳ họp thứ tư thông qua ngày&#160;&#160;&#160;&#160;&#160;tháng 12 năm 2026 và có hiệu lực từ ngày thông qua./."),
    })});
    d.blocks.push_back(spacer(6));
    d.blocks.push_back(signature({"Ủy ban Thường vụ Quốc hội", "Chính phủ", "Bộ Tài chính", "Thường trực Tỉnh ủy", "Thường trực HĐND, UBND tỉnh", "Đại biểu HĐND tỉnh", "Các sở, ban, ngành tỉnh", "Thường trực HĐND, UBND các xã, phường", "Lưu: VT, KTNS"},
                                 {"CHỦ TỊCH"}, "", false));
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(indicatorTable("<p class=\"title\">Phụ lục<br/>CÁC CHỈ TIÊU CHỦ YẾU NĂM 2027</p><p class=\"note\" style=\"margin-bottom:8pt\">(Kèm theo Nghị quyết số&#160;&#160;&#160;&#160;&#160;/NQ-HĐND ngày&#160;&#160;&#160;&#160;tháng 12 năm 2026 của Hội đồng nhân dân tỉnh Bình Sơn)</p>"));
    return d;
}

DemoDoc budgetAnnex() {
    DemoDoc d;
    d.file = "04-phu-luc-du-toan-thu-chi-ngan-sach-2027.pdf";
    d.title = "Phụ lục dự toán thu, chi ngân sách địa phương và danh mục dự án đầu tư công năm 2027";
    d.author = "Ủy ban nhân dân tỉnh Bình Sơn";
    const std::string top = "<p class=\"lh\" style=\"text-align:left\"><b>ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN</b></p>";
    const std::string attached = "<p class=\"note\">(Kèm theo Báo cáo số 342/BC-UBND ngày 18 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh)</p>";
    d.blocks.push_back(budgetTable(top + "<p class=\"caption\" style=\"margin-top:14pt\">Biểu số 01<br/>DỰ TOÁN THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN NĂM 2027</p>" + attached, revenueLines()));
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(budgetTable(top + "<p class=\"caption\" style=\"margin-top:14pt\">Biểu số 02<br/>DỰ TOÁN CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2027</p>" + attached, spendingLines()));
    d.blocks.push_back(Html{"<p class=\"i\" style=\"margin-top:6pt;font-size:12pt\">Ghi chú: Dự phòng ngân sách năm 2026 đã được phân bổ và hạch toán vào các lĩnh vực chi tương ứng khi sử dụng, nên cột ước thực hiện không thể hiện số liệu.</p>"});
    d.blocks.push_back(PageBreak{});
    Table projects = projectTable();
    projects.caption = top + "<p class=\"caption\" style=\"margin-top:14pt\">Biểu số 03<br/>DANH MỤC DỰ ÁN ĐẦU TƯ CÔNG KHỞI CÔNG MỚI NĂM 2027</p>" + attached + projects.caption;
    d.blocks.push_back(projects);
    return d;
}

DemoDoc reviewReport() {
    DemoDoc d;
    d.file = "05-bao-cao-tham-tra-ban-kinh-te-ngan-sach.pdf";
    d.title = "Báo cáo thẩm tra dự thảo Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027";
    d.author = "Ban Kinh tế - Ngân sách, Hội đồng nhân dân tỉnh Bình Sơn";
    Letterhead head{"HĐND TỈNH BÌNH SƠN", "BAN KINH TẾ - NGÂN SÁCH", "Số: 88/BC-KTNS", "Bình Sơn, ngày 28 tháng 11 năm 2026"};
    d.blocks.push_back(letterhead(head));
    d.blocks.push_back(heading("BÁO CÁO", "Thẩm tra dự thảo Nghị quyết về Kế hoạch phát triển<br/>kinh tế - xã hội năm 2027"));
    d.blocks.push_back(Html{joinParas({
        p("Thực hiện sự phân công của Thường trực Hội đồng nhân dân tỉnh, Ban Kinh tế - Ngân sách đã tổ chức thẩm tra Tờ trình số 215/TTr-UBND ngày 20 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh và dự thảo Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027. Trên cơ sở kết quả khảo sát thực tế tại một số sở, ngành, xã, phường và ý kiến của các thành viên, Ban báo cáo kết quả thẩm tra như sau:"),
        h("I. VỀ CĂN CỨ PHÁP LÝ VÀ THẨM QUYỀN BAN HÀNH"),
        p("Ban thống nhất với sự cần thiết ban hành Nghị quyết. Việc Hội đồng nhân dân tỉnh quyết định kế hoạch phát triển kinh tế - xã hội hằng năm là đúng thẩm quyền theo quy định của Luật Tổ chức chính quyền địa phương. Hồ sơ dự thảo Nghị quyết được chuẩn bị cơ bản đầy đủ, đúng trình tự, thủ tục theo quy định."),
        h("II. VỀ ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2026"),
        p("Ban cơ bản thống nhất với đánh giá của Ủy ban nhân dân tỉnh. Trong điều kiện có nhiều khó khăn, thách thức, tỉnh đã đạt được nhiều kết quả quan trọng: tăng trưởng kinh tế duy trì ở mức khá; các khoản thu ngân sách gắn với sản xuất kinh doanh vượt dự toán; các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời; bộ máy chính quyền hai cấp vận hành ổn định, thông suốt."),
        p("Tuy nhiên, đề nghị Ủy ban nhân dân tỉnh phân tích sâu hơn nguyên nhân của các hạn chế, nhất là: (1) tiến độ giải ngân vốn đầu tư công của một số chủ đầu tư chỉ đạt dưới 50% kế hoạch; (2) thu tiền sử dụng đất không đạt dự toán trong hai năm liên tiếp, ảnh hưởng đến nguồn vốn đầu tư; (3) việc bố trí công chức chuyên môn tại một số xã mới sau sắp xếp chưa phù hợp với vị trí việc làm, năng lực xử lý hồ sơ đất đai, xây dựng còn hạn chế; (4) hạ tầng phòng, chống thiên tai tại các xã ven biển và miền núi còn thiếu."),
        h("III. VỀ MỤC TIÊU, CHỈ TIÊU NĂM 2027"),
        p("Ban thống nhất với mục tiêu tổng quát và 16 chỉ tiêu chủ yếu tại dự thảo Nghị quyết. Về chỉ tiêu tốc độ tăng trưởng GRDP, qua thảo luận, đa số ý kiến thành viên Ban thống nhất mức 8,0 - 8,5% như dự thảo là phù hợp với khả năng thực hiện; đồng thời đề nghị Ủy ban nhân dân tỉnh xây dựng kịch bản tăng trưởng theo từng quý, từng ngành, lĩnh vực để chủ động điều hành."),
        p("Đề nghị bổ sung chỉ tiêu về tỷ lệ giải ngân vốn đầu tư công (phấn đấu đạt trên 95% kế hoạch) để làm căn cứ giám sát; xem xét nâng chỉ tiêu tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình lên 75% cho phù hợp với định hướng chuyển đổi số của tỉnh."),
        h("IV. VỀ NHIỆM VỤ, GIẢI PHÁP"),
        p("Ban cơ bản thống nhất với 08 nhóm nhiệm vụ, giải pháp tại dự thảo Nghị quyết và đề nghị Ủy ban nhân dân tỉnh quan tâm thêm một số nội dung sau:"),
        p("1. Sớm phân bổ chi tiết kế hoạch vốn đầu tư công năm 2027 ngay sau khi được Hội đồng nhân dân tỉnh thông qua; chỉ bố trí vốn khởi công mới cho các dự án đã hoàn thành thủ tục đầu tư và có phương án giải phóng mặt bằng khả thi."),
        p("2. Có giải pháp cụ thể để tăng thu từ đất: rà soát quỹ đất công, đẩy nhanh thủ tục đấu giá các khu đất đã có hạ tầng, xử lý dứt điểm các dự án chậm tiến độ, chậm nộp tiền sử dụng đất."),
        p("3. Tăng cường tập huấn, bồi dưỡng nghiệp vụ cho công chức cấp xã; ưu tiên bố trí kinh phí trang bị thiết bị, đường truyền phục vụ giải quyết thủ tục hành chính trực tuyến tại các xã miền núi."),
        p("4. Rà soát, bố trí đủ nguồn lực cho công tác phòng, chống thiên tai, duy tu hồ đập, kè chống sạt lở trước mùa mưa bão năm 2027."),
        h("V. VỀ KỸ THUẬT TRÌNH BÀY DỰ THẢO NGHỊ QUYẾT"),
        p("1. Phần căn cứ ban hành: đề nghị rà soát, chỉ viện dẫn các văn bản quy phạm pháp luật trực tiếp quy định thẩm quyền và nội dung của Nghị quyết; ghi đầy đủ ngày, tháng, năm ban hành của văn bản được viện dẫn theo đúng quy định về thể thức văn bản."),
        p("2. Tại Điều 2: đề nghị thống nhất cách ghi đơn vị tính và số thập phân giữa nội dung Nghị quyết và Phụ lục; các chỉ tiêu được giao theo khoảng (như tốc độ tăng trưởng GRDP) cần ghi rõ mức phấn đấu để làm căn cứ đánh giá."),
        p("3. Tại Điều 4: đề nghị bổ sung nội dung giao Ủy ban nhân dân tỉnh định kỳ 6 tháng báo cáo Thường trực Hội đồng nhân dân tỉnh tiến độ thực hiện các chỉ tiêu chủ yếu, kịp thời đề xuất giải pháp đối với các chỉ tiêu có nguy cơ không đạt."),
        p("Các đề xuất điều chỉnh, bổ sung chỉ tiêu của Ban được tổng hợp tại bảng sau:"),
    })});
    {
        Table t;
        t.caption = "<p class=\"caption\" style=\"margin:4pt 0 4pt 0\">Bảng tổng hợp đề xuất điều chỉnh, bổ sung chỉ tiêu</p>";
        t.columns = {7, 33, 13, 17, 30};
        t.headerRows = 1;
        t.rows = {
            {cell("th", "STT"), cell("th", "Chỉ tiêu"), cell("th", "Dự thảo"), cell("th", "Đề xuất của Ban"), cell("th", "Lý do")},
            {cell("tc", "1"), cell("tl", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình"), cell("tc", "70%"), cell("tc", "75%"), cell("tl", "Phù hợp lộ trình chuyển đổi số; năm 2026 nhiều sở, ngành đã đạt trên 80%.")},
            {cell("tc", "2"), cell("tl", "Tỷ lệ giải ngân vốn đầu tư công (chỉ tiêu mới)"), cell("tc", "-"), cell("tc", "Trên 95% kế hoạch"), cell("tl", "Làm căn cứ giám sát, gắn với trách nhiệm người đứng đầu.")},
            {cell("tc", "3"), cell("tl", "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"), cell("tc", "45%"), cell("tc", "Giữ nguyên"), cell("tl", "Phù hợp khả năng nguồn lực; ưu tiên các xã mới sau sắp xếp.")},
            {cell("tc", "4"), cell("tl", "Số doanh nghiệp thành lập mới"), cell("tc", "1.250"), cell("tc", "Giữ nguyên"), cell("tl", "Đề nghị theo dõi thêm số doanh nghiệp quay trở lại hoạt động.")},
        };
        d.blocks.push_back(t);
    }
    d.blocks.push_back(Html{gap(8) + joinParas({
        h("VI. KẾT LUẬN"),
        p("Ban Kinh tế - Ngân sách thống nhất trình Hội đồng nhân dân tỉnh xem xét, thông qua dự thảo Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2027 sau khi Ủy ban nhân dân tỉnh tiếp thu, giải trình các ý kiến nêu trên./."),
    })});
    d.blocks.push_back(spacer(6));
    d.blocks.push_back(signature({"Thường trực HĐND tỉnh", "UBND tỉnh", "Đại biểu HĐND tỉnh", "Lưu: VT, KTNS"},
                                 {"TM. BAN KINH TẾ - NGÂN SÁCH", "TRƯỞNG BAN"}, "Phạm Văn Đức"));
    return d;
}

int usage(const char* argv0) {
    std::cerr << "usage: " << argv0 << " OUTPUT_DIR [--font-dir DIR]\n"
              << "Writes the Vietnamese demo meeting documents as PDF files into OUTPUT_DIR.\n"
              << "DIR must hold the Liberation Serif TTF files (default " << kDefaultFontDir
              << ", Debian package fonts-liberation2).\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    fs::path outDir;
    std::string fontDir(kDefaultFontDir);
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--font-dir" && i + 1 < argc) {
            fontDir = argv[++i];
        } else if (arg == "-h" || arg == "--help") {
            usage(argv[0]);
            return 0;
        } else if (!arg.starts_with("-") && outDir.empty()) {
            outDir = arg;
        } else {
            return usage(argv[0]);
        }
    }
    if (outDir.empty()) return usage(argv[0]);
    for (std::string_view font : kFontFiles) {
        if (!fs::exists(fs::path(fontDir) / font)) {
            std::cerr << "missing font " << (fs::path(fontDir) / font).string()
                      << " (install fonts-liberation2 or pass --font-dir)\n";
            return 1;
        }
    }
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec) {
        std::cerr << "cannot create " << outDir.string() << ": " << ec.message() << "\n";
        return 1;
    }

    room::pdf::ComposeOptions options;
    options.css = std::string(kCss);
    options.resourceDir = fontDir;
    options.fontSize = 14;

    const std::vector<DemoDoc> docs = {submission(), budgetReport(), draftResolution(), budgetAnnex(),
                                       reviewReport()};
    for (const DemoDoc& doc : docs) {
        options.title = doc.title;
        options.author = doc.author;
        auto pdf = room::pdf::composePdf(doc.blocks, options);
        if (!pdf) {
            std::cerr << doc.file << ": " << pdf.error().message << "\n";
            return 1;
        }
        // Every demo file must pass the same check as an upload.
        auto info = room::pdf::inspectPdf(*pdf);
        if (!info) {
            std::cerr << doc.file << ": " << info.error().message << "\n";
            return 1;
        }
        const fs::path path = outDir / doc.file;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
        out.close();
        if (!out) {
            std::cerr << "cannot write " << path.string() << "\n";
            return 1;
        }
        std::cout << path.string() << ": " << info->pages << " pages, " << pdf->size() / 1024
                  << " KiB, \"" << info->title << "\"\n";
    }
    return 0;
}
