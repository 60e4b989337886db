"""Catalogue entries (Vietnamese, English) for limits: merged by analysis/i18n/strings.py.

What the sources refuse before or while reading a workbook (data_sources/xlsx_guard.py, excel.py,
google_sheets.py), each naming the tab and the limit. The limits are listed in docs/WORKBOOK.md ("Limits").
"""
from __future__ import annotations

_SAVE_AGAIN_VI = "Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại."
_SAVE_AGAIN_EN = "Open it in Excel or LibreOffice, save it again as .xlsx and try again."

LIMITS: dict[str, tuple[str, str]] = {
    "source_error.not_a_file": (
        "“{path}” là một thư mục, không phải tệp bảng tính. Hãy chỉ tới tệp .xlsx trong OCOP_DATA hoặc [ocop] data.",
        "“{path}” is a folder, not a workbook. Point OCOP_DATA or [ocop] data at an .xlsx file.",
    ),
    "source_error.not_xlsx_name": (
        "Tệp “{path}” không phải bảng tính .xlsx (phần mở rộng “{suffix}”). Bảng điều khiển đọc tệp .xlsx hoặc "
        "Google Sheet; tệp .csv hay .xls hãy mở bằng Excel và lưu dưới dạng .xlsx.",
        "“{path}” is not an .xlsx workbook (extension “{suffix}”). The dashboard reads .xlsx files or a Google "
        "Sheet; open a .csv or .xls in Excel and save it as .xlsx.",
    ),
    "source_error.xlsx_file_too_big": (
        "Tệp bảng tính quá lớn ({size_mb} MB; tối đa {limit_mb} MB). Hãy xoá các trang tính, hình ảnh không cần "
        "thiết hoặc chia dữ liệu theo năm.",
        "The workbook is too large ({size_mb} MB; at most {limit_mb} MB). Remove tabs or pictures that are not "
        "needed, or split the data by year.",
    ),
    "source_error.xlsx_encrypted": (
        "Tệp bảng tính được đặt mật khẩu hoặc mã hoá {member}, nên không đọc được. Hãy bỏ mật khẩu (Tệp › Thông "
        "tin › Bảo vệ sổ làm việc) rồi lưu lại.",
        "The workbook is password-protected or encrypted {member}, so it cannot be read. Remove the password "
        "(File › Info › Protect Workbook) and save it again.",
    ),
    "source_error.xlsx_too_many_members": (
        "Tệp .xlsx chứa {members} thành phần bên trong (tối đa {limit}); đây không phải bảng tính bình thường. "
        + _SAVE_AGAIN_VI,
        "The .xlsx file holds {members} parts (at most {limit}); this is not an ordinary workbook. " + _SAVE_AGAIN_EN,
    ),
    "source_error.xlsx_member_too_big": (
        "Phần “{member}” của tệp .xlsx quá lớn khi giải nén ({size_mb} MB, nén {ratio} lần; tối đa {limit_mb} MB "
        "và {limit_ratio} lần). Tệp có thể bị hỏng hoặc cố ý làm phình. " + _SAVE_AGAIN_VI,
        "Part “{member}” of the .xlsx file is too large once unpacked ({size_mb} MB, compressed {ratio} times; at "
        "most {limit_mb} MB and {limit_ratio} times). The file may be corrupt or deliberately inflated. "
        + _SAVE_AGAIN_EN,
    ),
    "source_error.xlsx_unsafe_xml": (
        "Trang “{member}” chứa khai báo DOCTYPE/ENTITY, điều mà bảng tính Excel không bao giờ có; tệp bị từ chối "
        "để bảo vệ máy chủ. " + _SAVE_AGAIN_VI,
        "“{member}” holds a DOCTYPE/ENTITY declaration, which an Excel workbook never has; the file is refused to "
        "protect the server. " + _SAVE_AGAIN_EN,
    ),
    "source_error.xlsx_dimension_too_big": (
        "Trang “{tab}” khai báo vùng dữ liệu {declared}, vượt giới hạn {rows} dòng và {columns} cột. Hãy xoá các "
        "dòng, cột trống ở cuối trang (chọn chúng, bấm Xoá) rồi lưu lại.",
        "Tab “{tab}” declares the range {declared}, beyond the limit of {rows} rows and {columns} columns. Delete "
        "the empty rows and columns at its end (select them, Delete) and save again.",
    ),
    "source_error.too_many_rows": (
        "Trang “{tab}” có {rows} dòng, vượt giới hạn {limit} dòng mỗi trang. Hãy xoá các dòng trống ở cuối trang "
        "hoặc tách dữ liệu cũ sang tệp khác.",
        "Tab “{tab}” has {rows} rows, beyond the limit of {limit} rows per tab. Delete empty rows at its end or move "
        "old data to another file.",
    ),
    "source_error.too_many_columns": (
        "Trang “{tab}” có {columns} cột, vượt giới hạn {limit} cột mỗi trang. Hãy xoá các cột thừa ở bên phải.",
        "Tab “{tab}” has {columns} columns, beyond the limit of {limit} columns per tab. Delete the extra columns on "
        "the right.",
    ),
    "source_error.xlsx_too_many_cells": (
        "Trang “{tab}” (“*” là cả tệp) có {cells} ô, vượt giới hạn {limit} ô. Hãy xoá các dòng, cột trống hoặc tách "
        "dữ liệu cũ sang tệp khác.",
        "Tab “{tab}” (“*” is the whole file) has {cells} cells, beyond the limit of {limit}. Delete empty rows and "
        "columns or move old data to another file.",
    ),
    "source_error.cell_too_long": (
        "Trang “{tab}”, ô {cell}: nội dung dài quá {limit} ký tự (giới hạn của Excel cho một ô). Hãy rút gọn nội "
        "dung ô này.",
        "Tab “{tab}”, cell {cell}: the text is longer than {limit} characters (Excel's limit for one cell). Shorten "
        "it.",
    ),
    "source_error.xlsx_formula_no_value": (
        "Trang “{tab}”, ô {cell}: công thức chưa có giá trị đã tính (các ô: {cells}), thường do tệp được tạo bằng "
        "phần mềm không tính công thức. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại (để tính công thức), "
        "hoặc dùng Google Sheet.",
        "Tab “{tab}”, cell {cell}: a formula has no computed value (cells: {cells}), usually because the file was "
        "made by a program that does not calculate. Open it in Excel or LibreOffice and save it (to calculate the "
        "formulas), or use the Google Sheet.",
    ),
    "source_error.xlsx_out_of_memory": (
        "Máy chủ không đủ bộ nhớ để đọc tệp “{path}”. Hãy tách dữ liệu thành tệp nhỏ hơn hoặc báo cho cán bộ quản "
        "trị.",
        "The server ran out of memory reading “{path}”. Split the data into smaller files or tell the administrator.",
    ),
}
