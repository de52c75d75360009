<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AttendanceScreen</name>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="32"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="55"/>
        <source>members present</source>
        <translation>đại biểu có mặt</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="83"/>
        <source>Quorum reached: the session can proceed</source>
        <translation>Đủ số đại biểu để tiến hành phiên họp</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="84"/>
        <source>Quorum not yet reached: at least %1 members needed</source>
        <translation>Chưa đủ số đại biểu: cần ít nhất %1 đại biểu</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="92"/>
        <source>Excused: %1</source>
        <translation>Vắng có lý do: %1</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="93"/>
        <source>Absent: %1</source>
        <translation>Vắng: %1</translation>
    </message>
    <message>
        <location filename="../qml/AttendanceScreen.qml" line="94"/>
        <source>Represented by proxy: %1</source>
        <translation>Ủy quyền: %1</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../qml/ItemScreen.qml" line="18"/>
        <source>Item %1</source>
        <translation>Nội dung %1</translation>
    </message>
    <message>
        <location filename="../qml/ItemScreen.qml" line="32"/>
        <source>Presented by %1</source>
        <translation>Trình bày: %1</translation>
    </message>
    <message>
        <location filename="../qml/ItemScreen.qml" line="38"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>Wall display</source>
        <translation>Màn hình phòng họp</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="73"/>
        <source>Meeting room</source>
        <translation>Phòng họp</translation>
    </message>
</context>
<context>
    <name>PresentationScreen</name>
    <message>
        <location filename="../qml/PresentationScreen.qml" line="72"/>
        <source>%1 — page %2 of %3</source>
        <translation>%1 — trang %2/%3</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/ResultScreen.qml" line="26"/>
        <source>ADOPTED</source>
        <translation>ĐƯỢC THÔNG QUA</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="26"/>
        <source>ELECTED / CHOSEN</source>
        <translation>ĐÃ CÓ KẾT QUẢ LỰA CHỌN</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="27"/>
        <source>TIE — NOT DECIDED</source>
        <translation>HÒA PHIẾU — CHƯA QUYẾT ĐỊNH</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="28"/>
        <source>NOT VALID — NO QUORUM</source>
        <translation>KHÔNG HỢP LỆ — KHÔNG ĐỦ TÚC SỐ</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="29"/>
        <source>NOT ADOPTED</source>
        <translation>KHÔNG ĐƯỢC THÔNG QUA</translation>
    </message>
    <message>
        <location filename="../qml/ResultScreen.qml" line="71"/>
        <source>%1 abstained · %2 ballots · %3 present · %4 members</source>
        <translation>%1 không biểu quyết · %2 phiếu · %3 có mặt · %4 thành viên</translation>
    </message>
</context>
<context>
    <name>ServerCodePanel</name>
    <message>
        <location filename="../qml/ServerCodePanel.qml" line="29"/>
        <source>Scan with your tablet to connect</source>
        <translation>Quét bằng máy tính bảng để kết nối</translation>
    </message>
</context>
<context>
    <name>SideScreen</name>
    <message>
        <location filename="../qml/SideScreen.qml" line="15"/>
        <source>Item %1: %2</source>
        <translation>Nội dung %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/SideScreen.qml" line="22"/>
        <source>No one has the floor</source>
        <translation>Chưa có ai phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SideScreen.qml" line="36"/>
        <source>Next: %1</source>
        <translation>Tiếp theo: %1</translation>
    </message>
</context>
<context>
    <name>SpeakerScreen</name>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="18"/>
        <source>Point of order</source>
        <translation>Kiến nghị thủ tục</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="19"/>
        <source>Interpellation</source>
        <translation>Chất vấn</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="19"/>
        <source>Speaking</source>
        <translation>Đang phát biểu</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="32"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="57"/>
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <location filename="../qml/SpeakerScreen.qml" line="79"/>
        <source>No one waiting</source>
        <translation>Chưa có ai đăng ký</translation>
    </message>
</context>
<context>
    <name>TopStrip</name>
    <message>
        <location filename="../qml/TopStrip.qml" line="39"/>
        <source>Recording</source>
        <translation>Đang ghi âm</translation>
    </message>
    <message>
        <location filename="../qml/TopStrip.qml" line="52"/>
        <source>Present %1/%2</source>
        <translation>Túc số %1/%2</translation>
    </message>
</context>
<context>
    <name>VoteScreen</name>
    <message>
        <location filename="../qml/VoteScreen.qml" line="17"/>
        <source>Secret ballot — vote on your tablet</source>
        <translation>Bỏ phiếu kín — biểu quyết trên máy tính bảng</translation>
    </message>
    <message>
        <location filename="../qml/VoteScreen.qml" line="17"/>
        <source>Vote on your tablet</source>
        <translation>Biểu quyết trên máy tính bảng</translation>
    </message>
    <message>
        <location filename="../qml/VoteScreen.qml" line="31"/>
        <source>%1 of %2 have voted</source>
        <translation>%1 / %2 đã biểu quyết</translation>
    </message>
    <message>
        <location filename="../qml/VoteScreen.qml" line="57"/>
        <source>Decided by: %1</source>
        <translation>Nguyên tắc: %1</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <location filename="../qml/WaitingScreen.qml" line="30"/>
        <source>Waiting for the room server…</source>
        <translation>Đang chờ kết nối máy chủ phòng họp…</translation>
    </message>
</context>
</TS>
