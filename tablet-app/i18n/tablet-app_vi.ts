<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="15"/>
        <source>Agenda</source>
        <translation>Chương trình</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AgendaPanel.qml" line="91"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AgendaPanel.qml" line="92"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="101"/>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="102"/>
        <source>%1 over</source>
        <translation>quá %1</translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="103"/>
        <source>Under way</source>
        <translation>Đang thảo luận</translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="104"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="104"/>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../qml/AgendaPanel.qml" line="117"/>
        <source>Start item %1</source>
        <translation>Chuyển sang nội dung %1</translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../qml/ChairConsole.qml" line="47"/>
        <source>Session</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="49"/>
        <source>Quorum %1 / %2</source>
        <translation>Túc số %1 / %2</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="55"/>
        <source>Quorum met (%1 needed)</source>
        <translation>Đủ túc số (cần %1)</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="56"/>
        <source>No quorum: %1 needed</source>
        <translation>Chưa đủ túc số: cần %1</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="66"/>
        <source>Open the session</source>
        <translation>Khai mạc phiên họp</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="73"/>
        <source>Next item ▸</source>
        <translation>Nội dung tiếp theo ▸</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="78"/>
        <source>Close the session</source>
        <translation>Bế mạc phiên họp</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="111"/>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="128"/>
        <source>%1 of %2 have voted</source>
        <translation>%1 / %2 đã biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="129"/>
        <source>Result announced</source>
        <translation>Đã công bố kết quả</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="129"/>
        <source>Closed — not yet announced</source>
        <translation>Đã kết thúc — chưa công bố</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="143"/>
        <source>Close the vote</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="148"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="151"/>
        <source>Cancelled by the chair</source>
        <translation>Chủ tọa hủy biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="155"/>
        <source>Announce the result</source>
        <translation>Công bố kết quả</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="164"/>
        <source>New vote</source>
        <translation>Biểu quyết mới</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="169"/>
        <source>Motion put to the vote</source>
        <translation>Nội dung đưa ra biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="175"/>
        <source>More than half of all members</source>
        <translation>Quá nửa tổng số thành viên</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="175"/>
        <source>At least two thirds of all members</source>
        <translation>Ít nhất hai phần ba tổng số thành viên</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="176"/>
        <source>More than half of votes cast</source>
        <translation>Quá nửa số phiếu biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>No countdown</source>
        <translation>Không đếm ngược</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>Countdown: 1 minute</source>
        <translation>Đếm ngược: 1 phút</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="182"/>
        <source>Countdown: 2 minutes</source>
        <translation>Đếm ngược: 2 phút</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="183"/>
        <source>Countdown: 5 minutes</source>
        <translation>Đếm ngược: 5 phút</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="185"/>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="190"/>
        <source>Create and open the vote</source>
        <translation>Tạo và mở biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="205"/>
        <source>Announcement</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="210"/>
        <source>Text for every screen in the room</source>
        <translation>Nội dung hiển thị trên mọi màn hình</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="215"/>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="220"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="230"/>
        <source>Wall display</source>
        <translation>Màn hình chính</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="235"/>
        <source>Playing the video “%1” on the wall display</source>
        <translation>Đang phát video “%1” trên màn hình hội trường</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="236"/>
        <source>Showing “%1”, page %2 of %3</source>
        <translation>Đang chiếu “%1”, trang %2/%3</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="233"/>
        <source>No document on the wall display.</source>
        <translation>Màn hình chính chưa trình chiếu tài liệu.</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="255"/>
        <source>Present</source>
        <translation>Trình chiếu</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="274"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="286"/>
        <source>Close the session?</source>
        <translation>Bế mạc phiên họp?</translation>
    </message>
    <message>
        <location filename="../qml/ChairConsole.qml" line="289"/>
        <source>Every item under way ends and the queues are cleared.</source>
        <translation>Mọi nội dung đang thảo luận sẽ kết thúc và danh sách đăng ký phát biểu được xóa.</translation>
    </message>
</context>
<context>
    <name>DelegateHome</name>
    <message>
        <location filename="../qml/DelegateHome.qml" line="55"/>
        <source>Agenda</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="56"/>
        <source>Floor (#%1)</source>
        <translation>Phát biểu (số %1)</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="56"/>
        <source>Floor</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="57"/>
        <source>Vote ●</source>
        <translation>Biểu quyết ●</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="57"/>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="61"/>
        <source>Quorum</source>
        <translation>Túc số</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="63"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="70"/>
        <source>Quorum met</source>
        <translation>Đủ túc số</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="70"/>
        <source>%1 needed</source>
        <translation>cần %1</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="97"/>
        <source>On the wall display: “%1”, page %2</source>
        <translation>Màn hình chính: “%1”, trang %2</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="103"/>
        <source>Follow on my tablet</source>
        <translation>Xem cùng trên máy của tôi</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="121"/>
        <source>Announcement: %1</source>
        <translation>Thông báo: %1</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="150"/>
        <source>Now</source>
        <translation>Đang thảo luận</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="150"/>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="155"/>
        <source>The session has not reached an item yet.</source>
        <translation>Phiên họp chưa bắt đầu nội dung nào.</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="164"/>
        <source>Presented by %1</source>
        <translation>Trình bày: %1</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="174"/>
        <source>My notes (only you see them)</source>
        <translation>Ghi chú của tôi (chỉ tôi xem được)</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="181"/>
        <source>Write a note for this item…</source>
        <translation>Ghi chú cho nội dung này…</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="190"/>
        <source>Saved on the room server</source>
        <translation>Đã lưu trên máy chủ phòng họp</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="190"/>
        <source>Saved; will be sent when the connection is back</source>
        <translation>Đã lưu; sẽ gửi khi có kết nối lại</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="191"/>
        <source>Not saved yet</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="197"/>
        <source>Save note</source>
        <translation>Lưu ghi chú</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="207"/>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="211"/>
        <source>No documents for this item.</source>
        <translation>Nội dung này không có tài liệu.</translation>
    </message>
    <message>
        <location filename="../qml/DelegateHome.qml" line="251"/>
        <source>Video: shown on the wall display when the chair presents it</source>
        <translation>Video: phát trên màn hình hội trường khi chủ tọa trình chiếu</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/DelegateHome.qml" line="252"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="123"/>
        <source>‹ Back</source>
        <translation>‹ Quay lại</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="143"/>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="153"/>
        <source>Search in the document</source>
        <translation>Tìm trong tài liệu</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="158"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="159"/>
        <source>not found</source>
        <translation>không tìm thấy</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="172"/>
        <source>Pen</source>
        <translation>Bút</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="173"/>
        <source>Highlight</source>
        <translation>Tô sáng</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="174"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="175"/>
        <source>Erase</source>
        <translation>Xóa nét</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="178"/>
        <source>Following the presenter</source>
        <translation>Đang theo người trình chiếu</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="178"/>
        <source>Follow the presenter</source>
        <translation>Theo người trình chiếu</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="457"/>
        <source>Opening the document… %1%</source>
        <translation>Đang mở tài liệu… %1%</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="467"/>
        <source>Note on page %1</source>
        <translation>Ghi chú trang %1</translation>
    </message>
    <message>
        <location filename="../qml/DocumentViewer.qml" line="473"/>
        <source>Your note (only you will see it)</source>
        <translation>Ghi chú của bạn (chỉ bạn nhìn thấy)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="32"/>
        <source>This QR code is not a room server&apos;s code.</source>
        <translation>Mã QR này không phải mã của máy chủ phòng họp.</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="62"/>
        <source>Paperless meeting room</source>
        <translation>Phòng họp không giấy</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="70"/>
        <source>Log in with the delegate code and PIN printed on your slip, or scan the code shown by the secretary.</source>
        <translation>Đăng nhập bằng mã đại biểu và mã PIN in trên phiếu, hoặc quét mã do thư ký cung cấp.</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="78"/>
        <source>The tablet only talks to the room server whose fingerprint it was given. Ask the secretary if the fingerprint does not match.</source>
        <translation>Máy tính bảng chỉ kết nối với máy chủ có đúng mã nhận dạng đã cấu hình. Nếu mã không khớp, hãy liên hệ thư ký.</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="91"/>
        <location filename="../qml/LoginScreen.qml" line="184"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="97"/>
        <source>Room server</source>
        <translation>Máy chủ phòng họp</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="106"/>
        <source>Address, e.g. 192.168.1.10</source>
        <translation>Địa chỉ, ví dụ 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="114"/>
        <source>Port</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="123"/>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Mã nhận dạng chứng thư (SHA-256)</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="134"/>
        <source>…or paste the scanned code (phonghop://…)</source>
        <translation>…hoặc dán mã đã quét (phonghop://…)</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="139"/>
        <source>Scan QR code</source>
        <translation>Quét mã QR</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="147"/>
        <source>Delegate code and PIN</source>
        <translation>Mã đại biểu và mã PIN</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="156"/>
        <source>Delegate code</source>
        <translation>Mã đại biểu</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="164"/>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="184"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Paperless meeting room</source>
        <translation>Phòng họp không giấy</translation>
    </message>
</context>
<context>
    <name>QrScanView</name>
    <message>
        <location filename="../qml/QrScanView.qml" line="40"/>
        <source>Point the camera at the QR code on the wall display or on your login slip.</source>
        <translation>Hướng camera vào mã QR trên màn hình chính hoặc trên phiếu đăng nhập.</translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="57"/>
        <source>This tablet has no camera. Type the address and fingerprint, or paste the code.</source>
        <translation>Máy tính bảng này không có camera. Hãy nhập địa chỉ và mã nhận dạng, hoặc dán mã.</translation>
    </message>
    <message>
        <location filename="../qml/QrScanView.qml" line="67"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../qml/ResultView.qml" line="14"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="37"/>
        <source>ADOPTED</source>
        <translation>ĐƯỢC THÔNG QUA</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="37"/>
        <source>ELECTED / CHOSEN</source>
        <translation>ĐÃ CÓ KẾT QUẢ LỰA CHỌN</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="38"/>
        <source>TIE — NOT DECIDED</source>
        <translation>HÒA PHIẾU — CHƯA QUYẾT ĐỊNH</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="39"/>
        <source>NOT VALID — NO QUORUM</source>
        <translation>KHÔNG HỢP LỆ — KHÔNG ĐỦ TÚC SỐ</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="40"/>
        <source>NOT ADOPTED</source>
        <translation>KHÔNG ĐƯỢC THÔNG QUA</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="90"/>
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="102"/>
        <source>%1 ballots · %2 present · %3 members</source>
        <translation>%1 phiếu · %2 có mặt · %3 thành viên</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="117"/>
        <source>Not yet announced to the room.</source>
        <translation>Chưa công bố tại phiên họp.</translation>
    </message>
</context>
<context>
    <name>SecretaryDesk</name>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="22"/>
        <source>Attendance — %1 of %2 present</source>
        <translation>Điểm danh — %1 / %2 có mặt</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="29"/>
        <source>Find by name or seat</source>
        <translation>Tìm theo tên hoặc số ghế</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="80"/>
        <source>not a voting member</source>
        <translation>không biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="89"/>
        <source>present since %1</source>
        <translation>có mặt từ %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="90"/>
        <source>excused: %1</source>
        <translation>vắng có lý do: %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="91"/>
        <source>proxy to %1</source>
        <translation>ủy quyền cho %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="92"/>
        <source>holds the proxy of %1</source>
        <translation>nhận ủy quyền của %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="100"/>
        <source>Check in</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="107"/>
        <source>Check out</source>
        <translation>Rời phòng</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="113"/>
        <source>Absent…</source>
        <translation>Vắng…</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="119"/>
        <source>Proxy…</source>
        <translation>Ủy quyền…</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="125"/>
        <source>Revoke proxy</source>
        <translation>Thu hồi ủy quyền</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="142"/>
        <source>Quorum</source>
        <translation>Túc số</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="144"/>
        <source>%1 of %2 members counted</source>
        <translation>%1 / %2 thành viên được tính</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="151"/>
        <source>%1 present, %2 represented by proxy; %3 needed.</source>
        <translation>%1 có mặt, %2 ủy quyền; cần %3.</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="162"/>
        <source>Record of the session</source>
        <translation>Diễn biến phiên họp</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="166"/>
        <source>In session since %1</source>
        <translation>Đang họp từ %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="167"/>
        <source>The session has not been opened.</source>
        <translation>Phiên họp chưa khai mạc.</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="173"/>
        <source>Decisions so far</source>
        <translation>Các quyết định đã có</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="197"/>
        <source>The minutes (biên bản) are drafted from this record.</source>
        <translation>Biên bản phiên họp được soạn từ diễn biến này.</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="210"/>
        <source>Excused absence of %1</source>
        <translation>Vắng mặt có lý do: %1</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="216"/>
        <source>Reason, e.g. on official duty</source>
        <translation>Lý do, ví dụ: đi công tác</translation>
    </message>
    <message>
        <location filename="../qml/SecretaryDesk.qml" line="226"/>
        <source>Proxy of %1</source>
        <translation>Ủy quyền của %1</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="19"/>
        <source>Speaking now</source>
        <translation>Đang phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="30"/>
        <source>No one has the floor</source>
        <translation>Chưa có ai phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="40"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="41"/>
        <source>Interpellation</source>
        <translation>Chất vấn</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="42"/>
        <location filename="../qml/SpeakerPanel.qml" line="107"/>
        <location filename="../qml/SpeakerPanel.qml" line="188"/>
        <source>Point of order</source>
        <translation>Kiến nghị thủ tục</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="57"/>
        <source>+1 min</source>
        <translation>+1 phút</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="59"/>
        <source>End speech</source>
        <translation>Kết thúc phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="60"/>
        <source>Revoke</source>
        <translation>Dừng phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="64"/>
        <source>I have finished</source>
        <translation>Tôi đã phát biểu xong</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="74"/>
        <source>Your requests</source>
        <translation>Đăng ký của bạn</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="78"/>
        <source>You are number %1 in the queue to speak.</source>
        <translation>Bạn đứng thứ %1 trong danh sách phát biểu.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="79"/>
        <source>You have not asked for the floor.</source>
        <translation>Bạn chưa đăng ký phát biểu.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="80"/>
        <source>Requests open when the session does.</source>
        <translation>Đăng ký phát biểu khi phiên họp khai mạc.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="81"/>
        <source>Check in at the secretary&apos;s desk to ask for the floor.</source>
        <translation>Hãy điểm danh tại bàn thư ký để đăng ký phát biểu.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="89"/>
        <source>You are number %1 in the interpellation queue.</source>
        <translation>Bạn đứng thứ %1 trong danh sách chất vấn.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="100"/>
        <source>Ask to speak</source>
        <translation>Đăng ký phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="113"/>
        <source>Withdraw</source>
        <translation>Rút đăng ký</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="120"/>
        <source>Ask a question (interpellation)</source>
        <translation>Đăng ký chất vấn</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="126"/>
        <source>Withdraw question</source>
        <translation>Rút đăng ký chất vấn</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="195"/>
        <source>Give the floor</source>
        <translation>Mời phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="212"/>
        <source>Queue to speak (%1)</source>
        <translation>Đăng ký phát biểu (%1)</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="215"/>
        <source>No one is waiting.</source>
        <translation>Chưa có ai đăng ký.</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="218"/>
        <source>Interpellation queue (%1)</source>
        <translation>Đăng ký chất vấn (%1)</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerPanel.qml" line="221"/>
        <source>No questions are waiting.</source>
        <translation>Chưa có đăng ký chất vấn.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="41"/>
        <source>In session</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="42"/>
        <source>Closed</source>
        <translation>Đã bế mạc</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="43"/>
        <source>Not yet open</source>
        <translation>Chưa khai mạc</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="50"/>
        <source>Connection lost — reconnecting…</source>
        <translation>Mất kết nối — đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="51"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="67"/>
        <source>Chair</source>
        <translation>Chủ tọa</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="68"/>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="69"/>
        <source>Guest</source>
        <translation>Khách mời</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="69"/>
        <source>Delegate</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="70"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="84"/>
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../qml/VotePanel.qml" line="39"/>
        <source>Voting</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="41"/>
        <source>No vote is under way.</source>
        <translation>Hiện không có biểu quyết nào.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="50"/>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="50"/>
        <source>Named vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="66"/>
        <source>%1 of %2 have voted</source>
        <translation>%1 / %2 đã biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="77"/>
        <source>Decided by: %1</source>
        <translation>Nguyên tắc: %1</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="94"/>
        <source>Voting needs a live connection to the room server. The tablet is reconnecting; your vote has not been sent.</source>
        <translation>Biểu quyết cần kết nối trực tiếp với máy chủ. Máy đang kết nối lại; biểu quyết của bạn chưa được gửi.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="135"/>
        <source>You can vote once you are checked in.</source>
        <translation>Bạn có thể biểu quyết sau khi điểm danh.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="135"/>
        <source>You are not a voting member.</source>
        <translation>Bạn không phải thành viên biểu quyết.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="154"/>
        <source>Your vote has been recorded.</source>
        <translation>Biểu quyết của bạn đã được ghi nhận.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="162"/>
        <source>You chose: %1</source>
        <translation>Bạn đã chọn: %1</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="169"/>
        <source>Secret ballot: your choice is counted but never stored with your name.</source>
        <translation>Bỏ phiếu kín: lựa chọn của bạn được kiểm đếm nhưng không bao giờ được lưu cùng tên bạn.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="177"/>
        <source>Receipt: no. %1 · %2</source>
        <translation>Biên nhận: số %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="196"/>
        <source>Voted for %1 (proxy)</source>
        <translation>Đã biểu quyết thay %1 (ủy quyền)</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="197"/>
        <source>Vote for %1 (proxy):</source>
        <translation>Biểu quyết thay %1 (ủy quyền):</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="236"/>
        <source>Confirm your vote</source>
        <translation>Xác nhận biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="243"/>
        <source>For %1 you chose:</source>
        <translation>Thay cho %1, bạn chọn:</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="244"/>
        <source>You chose:</source>
        <translation>Bạn chọn:</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="259"/>
        <source>A ballot cannot be changed once it is sent.</source>
        <translation>Phiếu đã gửi thì không thể thay đổi.</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="268"/>
        <source>Choose again</source>
        <translation>Chọn lại</translation>
    </message>
    <message>
        <location filename="../qml/VotePanel.qml" line="275"/>
        <source>Send my vote</source>
        <translation>Gửi biểu quyết</translation>
    </message>
</context>
<context>
    <name>room::tablet::DocumentLibrary</name>
    <message>
        <location filename="../src/document_library.cpp" line="82"/>
        <source>This is not a document of the meeting.</source>
        <translation>Đây không phải tài liệu của phiên họp.</translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="99"/>
        <source>Not connected to the room server: this document has not been downloaded yet.</source>
        <translation>Chưa kết nối với máy chủ phòng họp: tài liệu này chưa được tải về.</translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="112"/>
        <source>The document is not available to you.</source>
        <translation>Bạn không có quyền xem tài liệu này.</translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="113"/>
        <source>The document could not be downloaded (%1).</source>
        <translation>Không tải được tài liệu (%1).</translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="117"/>
        <source>The downloaded file is not the document (its fingerprint differs).</source>
        <translation>Tệp tải về không đúng tài liệu (mã băm khác).</translation>
    </message>
    <message>
        <location filename="../src/document_library.cpp" line="147"/>
        <source>The video could not be prepared for playing.</source>
        <translation>Không chuẩn bị được video để phát.</translation>
    </message>
</context>
</TS>
