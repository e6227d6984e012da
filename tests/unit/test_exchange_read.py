"""Reading import files: encodings, headers, Qianniu exports, spreadsheets and malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.exchange import read_import
from desktop.core.exchange_items import (
    ExchangeError,
    decode_text,
    escape_cell,
    exchange_translator,
    map_header,
    unescape_cell,
)

DATA = Path(__file__).resolve().parents[1] / "data"
TEXT = "亲，您好，请问有什么可以帮您？"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# -- encodings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_every_encoding_excel_writes_is_read(tmp_path: Path, encoding: str) -> None:
    f = write(tmp_path / "x.csv", f"场景,编码,标题,内容\n欢迎,hi,问候,{TEXT}\n", encoding)
    data = read_import(f)
    assert [(i.scenario, i.code, i.title, i.text) for i in data.items] == [("欢迎", "hi", "问候", TEXT)]


def test_undecodable_file_names_the_line(tmp_path: Path) -> None:
    good = "场景,编码,标题,内容\n欢迎,hi,问候,你好\n".encode()
    f = tmp_path / "bad.csv"
    f.write_bytes(good + b"a,b,c,\x80\xff\xfe\n")
    with pytest.raises(ExchangeError) as err:
        read_import(f)
    assert err.value.key == "import.encoding"
    assert err.value.params["line"] == 3
    assert "第 3 行" in err.value.message(exchange_translator("zh_CN"))


def test_binary_garbage_is_refused_clearly(tmp_path: Path) -> None:
    f = tmp_path / "photo.csv"
    f.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ExchangeError) as err:
        read_import(f)
    assert err.value.key == "import.binary"


def test_decoding_prefers_utf8_then_gb18030() -> None:
    assert decode_text("尺码".encode(), "x") == "尺码"
    assert decode_text("尺码".encode("gbk"), "x") == "尺码"
    assert decode_text("\ufeff尺码".encode(), "x") == "尺码"


# -- headers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "expected"), [
    (["场景", "编码", "标题", "内容", "标签", "快捷键"],
     {"scenario": 0, "code": 1, "title": 2, "text": 3, "tags": 4, "hotkey": 5}),
    (["话术", "快捷编码"], {"text": 0, "code": 1}),
    (["Text", "Code", " Scenario "], {"text": 0, "code": 1, "scenario": 2}),
    (["快捷短语编码", "快捷短语", "快捷短语分组"], {"code": 0, "text": 1, "scenario": 2}),
    (["\ufeffcontent", "TITLE"], {"text": 0, "title": 1}),
    (["名字", "电话"], None),
])
def test_header_names_in_either_language_and_any_order(header: list[str],
                                                       expected: dict[str, int] | None) -> None:
    assert map_header(header) == expected


def test_wrong_header_is_an_error_naming_what_was_found(tmp_path: Path) -> None:
    f = write(tmp_path / "x.csv", "name,phone\n张三,123\n")
    with pytest.raises(ExchangeError) as err:
        read_import(f)
    assert err.value.key == "import.bad_header"
    assert "name,phone" in str(err.value)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError) as err:
        read_import(write(tmp_path / "x.csv", "\n\n"))
    assert err.value.key == "import.empty"


def test_qianniu_format_demands_the_qianniu_header(tmp_path: Path) -> None:
    f = write(tmp_path / "x.csv", "场景,编码,内容\n欢迎,hi,你好\n")
    with pytest.raises(ExchangeError):
        read_import(f, "qianniu")


# -- real-looking files ------------------------------------------------------------------------

def test_qianniu_export_with_empty_groups_and_multiline_phrases() -> None:
    data = read_import(DATA / "qianniu_export_gbk.csv")
    assert data.format == "qianniu"
    assert len(data.items) == 8
    by_row = {i.row: i for i in data.items}
    assert by_row["3"].text == "亲，欢迎光临本店~\r\n有任何问题随时联系客服哦"
    assert by_row["3"].code == "HY2"
    assert by_row["7"].scenario == ""  # empty group: the default scenario is decided when planning
    assert "运费险" in by_row["11"].text and by_row["11"].scenario == ""
    # rows are numbered by the line they start on, multi-line cells included
    assert [i.row for i in data.items] == ["2", "3", "5", "6", "7", "9", "11", "14"]


def test_general_csv_with_bom_and_english_columns_in_own_order() -> None:
    data = read_import(DATA / "general_en_bom.csv")
    assert data.format == "csv"
    first = data.items[0]
    assert (first.scenario, first.code, first.title) == ("Greeting", "greet", "Hello")
    assert first.tags == ("welcome", "first")
    assert data.items[1].hotkey == "Ctrl+Alt+1"
    assert data.items[2].text == "Sizes run small;\nwe suggest one size up."


def test_ragged_rows_are_reported_not_fatal(tmp_path: Path) -> None:
    f = write(tmp_path / "x.csv", "编码,内容,场景\na,一,欢迎\nb,二,欢迎,多,余\nc\nd,四\ne,五,欢迎,,\n")
    data = read_import(f)
    assert [i.code for i in data.items] == ["a", "d", "e"]
    assert [row for row, _ in data.bad_rows] == ["3", "4"]
    assert data.bad_rows[0][1].key == "import.row.ragged"


def test_a_one_megabyte_cell_is_read_then_left_for_validation(tmp_path: Path) -> None:
    big = "好" * (1 << 20)
    f = write(tmp_path / "x.csv", f'编码,内容\na,"{big}"\nb,短\n')
    data = read_import(f)
    assert [len(i.text) for i in data.items] == [1 << 20, 1]


def test_formula_cells_are_read_back_without_the_escape(tmp_path: Path) -> None:
    f = write(tmp_path / "x.csv", "编码,内容\na,'=SUM(A1)\nb,'-5元\nc,'普通\nd,=1+1\n")
    assert [i.text for i in read_import(f).items] == ["=SUM(A1)", "-5元", "'普通", "=1+1"]


def test_escaped_cells_are_unescaped_in_every_column(tmp_path: Path) -> None:
    f = write(tmp_path / "x.csv", "场景,编码,标题,内容,标签\n"
                                  "'=组,'-1,'+标题,'@内容,'=标\n欢迎,a,it's,it's,\n")
    first, second = read_import(f).items
    assert (first.scenario, first.raw_code, first.title, first.text, first.tags) == (
        "=组", "-1", "+标题", "@内容", ("=标",))
    assert (second.title, second.text) == ("it's", "it's")


@given(st.text(max_size=30))
def test_cell_escape_round_trips_and_defuses_formulas(value: str) -> None:
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_semicolon_and_tab_separated_files(tmp_path: Path) -> None:
    f1 = write(tmp_path / "a.csv", "code;text\na;hello, world\n")
    f2 = write(tmp_path / "b.txt", "code\ttext\na\thello, world\n", "utf-16")
    assert read_import(f1).items[0].text == "hello, world"
    assert read_import(f2).items[0].text == "hello, world"


# -- spreadsheets ------------------------------------------------------------------------------

def test_xlsx_one_sheet_per_scenario(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["这个工作表是说明，不是话术"])
    sheets = (("尺码", [("cm", "亲，偏小一码")]), ("物流", [(1, "亲，已催快递"), (None, "亲，今天发")]))
    for name, rows in sheets:
        sheet = wb.create_sheet(name)
        sheet.append(["编码", "内容"])
        for r in rows:
            sheet.append(list(r))
    f = tmp_path / "x.xlsx"
    wb.save(f)
    data = read_import(f)
    assert [(i.scenario, i.code, i.text) for i in data.items] == [
        ("尺码", "cm", "亲，偏小一码"), ("物流", "1", "亲，已催快递"), ("物流", "", "亲，今天发")]
    assert [n.key for n in data.notes] == ["import.sheet_skipped"]
    assert data.items[0].row == "尺码!2"


def test_xlsx_with_a_scenario_column(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["scenario", "code", "title", "text"])
    ws.append(["Sizes", "cm", "Size", "'=runs small"])
    ws.append(["Shipping", "ship", "Ship", "Ships today"])
    f = tmp_path / "x.xlsx"
    wb.save(f)
    data = read_import(f)
    assert [(i.scenario, i.text) for i in data.items] == [
        ("Sizes", "=runs small"), ("Shipping", "Ships today")]


def test_broken_xlsx_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "x.xlsx"
    f.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ExchangeError) as err:
        read_import(f)
    assert err.value.key == "import.xlsx_broken"


# -- JSON --------------------------------------------------------------------------------------

def test_json_kinds_are_told_apart(tmp_path: Path) -> None:
    pack = {"format": "quickreply-pack", "version": 1, "name": "p", "scenarios": [
        {"id": "size", "name": "尺码", "phrases": [{"code": "cm", "title": "尺码", "text": "亲"}]}]}
    (tmp_path / "p.json").write_text(json.dumps(pack), encoding="utf-8")
    (tmp_path / "o.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "b.json").write_text('{"format": "quickreply-pack", "version": 1, "scenarios": [',
                                     encoding="utf-8")
    assert read_import(tmp_path / "p.json").format == "pack"
    with pytest.raises(ExchangeError) as err:
        read_import(tmp_path / "o.json")
    assert err.value.key == "import.unknown_json"
    with pytest.raises(ExchangeError) as err:
        read_import(tmp_path / "b.json")
    assert err.value.key == "import.json_broken"


def test_pack_errors_name_the_phrase(tmp_path: Path) -> None:
    pack = {"format": "quickreply-pack", "version": 1, "scenarios": [
        {"id": "size", "name": "尺码", "phrases": [{"code": "Bad Code!", "title": "t", "text": "x"}]}]}
    (tmp_path / "p.json").write_text(json.dumps(pack), encoding="utf-8")
    with pytest.raises(ExchangeError) as err:
        read_import(tmp_path / "p.json")
    assert "phrase #1" in str(err.value)


def test_a_damaged_gbk_file_names_the_damaged_line(tmp_path: Path) -> None:
    f = tmp_path / "gbk.csv"
    f.write_bytes("编码,内容\na,你好\nb,再见\n".encode("gbk") + b"c,\xff\xff\n")
    with pytest.raises(ExchangeError) as err:
        read_import(f)
    assert err.value.params["line"] == 4
