"""Seeded synthetic OCOP workbooks, in the raw form the sources produce.

    from bench.synthetic import SCALES, workbook
    tabs = workbook(SCALES["country"], seed=7)     # {tab title: rows of cells}
    .venv/bin/python bench/synthetic.py --scale province   # prints the row counts and build time

The result is what data_sources.excel.read_xlsx puts in RawWorkbook.tabs (and what the
Google Sheets fake serves once its datetimes are turned into serial numbers): each tab a
list of rows, the first data tab rows preceded by the contract's Vietnamese header row,
cells of the kinds officers type:

- dates mostly as datetime cells, some typed as text ("15/03/2023", "2023-03-15", "2.6.2023"),
  a few impossible or unreadable ("31/02/2023", "tháng 3");
- numbers as int/float, some as Vietnamese text ("72,5", "1.200"), a few words ("khoảng 50");
- vocabulary cells in the canonical spelling, with case/diacritic variants ("thuc pham",
  "HỌP DÂN") and the contract's aliases ("HTX", "Zalo"), a few unknown words;
- list cells of producer ids ("CT00012, ct00345; CT01234"), a few naming unknown producers;
- a few bad rows: blank or repeated keys, scores outside 0..100, blank required cells.

Everything comes from one random.Random(seed): the same counts and seed give the same
workbook. The ward scale matches the demo workbook's sizes (data_sources/demo).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.workbook import contract as c  # noqa: E402


@dataclass(frozen=True)
class Counts:
    """Data rows per tab (headers not counted)."""

    areas: int
    producers: int
    products: int
    dossiers: int
    outreach: int
    training: int
    tasks: int
    years: tuple[int, ...] = (2023, 2024)  # target years; dated rows span these and a few before

    def times(self, factor: int) -> Counts:
        return replace(self, areas=self.areas * factor, producers=self.producers * factor,
                       products=self.products * factor, dossiers=self.dossiers * factor,
                       outreach=self.outreach * factor, training=self.training * factor,
                       tasks=self.tasks * factor)

    @property
    def rows(self) -> int:
        return (self.areas + self.producers + self.products + self.dossiers + self.outreach
                + self.training + self.tasks + len(self.years) * (len(c.INDICATOR_CODES) + 1))


_COUNTRY = Counts(areas=2_000, producers=10_000, products=20_000, dossiers=12_000, outreach=500_000,
                  training=50_000, tasks=5_000)
SCALES: dict[str, Counts] = {
    # the demo ward (data_sources/demo/ocop_demo.xlsx): 4 khóm, 25 producers, 13 products...
    "ward": Counts(areas=4, producers=25, products=13, dossiers=9, outreach=61, training=17, tasks=16),
    "province": Counts(areas=100, producers=150, products=300, dossiers=180, outreach=7_500, training=1_500,
                       tasks=300),
    "country": _COUNTRY,
    "2x country": _COUNTRY.times(2),
}

# ----------------------------------------------------------------------------- word pools

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Đặng", "Bùi",
             "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Chau", "Mah", "Sa")
_MIDDLE = ("Văn", "Thị", "Minh", "Hồng", "Quốc", "Kim", "Thanh", "Ngọc", "Hữu", "Mỹ")
_GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hiền", "Hùng", "Khoa", "Lan", "Lợi", "Mến",
          "Nhung", "Phát", "Sáu", "Tâm", "Thảo", "Tốt", "Trang", "Tư", "Việt", "Xuân", "Yến", "Đức", "Lực")
_AREA_STEMS = ("Vĩnh Chánh", "Vĩnh Đông", "Vĩnh Phú", "Vĩnh Tây", "Hòa Bình", "Mỹ Thới", "Châu Long",
               "Bình Khánh", "An Thạnh", "Tân Lập")
_PRODUCT_WORDS = ("Mắm thái", "Khô cá tra", "Đường thốt nốt", "Bánh bò", "Trà thảo dược", "Tinh bột nghệ",
                  "Khăn thổ cẩm", "Gạo thơm", "Nem chua", "Tung lò mò", "Bonsai", "Homestay", "Nước mắm",
                  "Mật ong", "Cà phê", "Bánh tráng")
_TRADES = ("Mắm cá", "Khô cá", "Đường thốt nốt", "Dệt thổ cẩm", "Trà dược liệu", "Cây kiểng", "Du lịch cộng đồng",
           "Chế biến nông sản", "Bánh tráng", "Nuôi cá bè")
_UNITS = ("Cán bộ KT-KH", "Cán bộ ĐC-XD", "Trạm Y tế", "Hội Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên",
          "UBMTTQ", "Đài Truyền thanh phường")
_ROLES = ("Công chức Kinh tế - Kế hoạch", "Trưởng khóm", "Phó Trưởng khóm", "Chủ tịch Hội", "Bí thư Đoàn")
_ORGANISERS = ("Phòng Kinh tế thành phố", "Sở Nông nghiệp và PTNT", "Sở Công Thương")
_COURSES = ("Tập huấn nghiệp vụ OCOP", "Hướng dẫn xây dựng hồ sơ OCOP", "Kỹ năng tuyên truyền OCOP",
            "Thương mại điện tử cho sản phẩm OCOP", "An toàn thực phẩm trong sản xuất")
_NOTES = ("", "", "", "", "", "", "Phát 3 lần/tuần", "Đã nộp báo cáo", "Cần bổ sung", "Nhóm Zalo khóm",
          "Lồng ghép họp tổ", "Chờ Hội đồng đánh giá")
_DOC_WORDS = ("Đã có", "Đã có", "Đã có", "x", "✓", "xong", "Đang làm", "đang chuẩn bị", "Chưa có", "chưa",
              None, None, "N/A", "KAD")


def _variant(rng: random.Random, text: str) -> str:
    """The same word as an officer may type it: lower case, upper case, or without diacritics."""
    roll = rng.random()
    if roll < 0.4:
        return text.lower()
    if roll < 0.7:
        return text.upper()
    from analysis.workbook.text import fold_ascii

    return fold_ascii(text)


class _Vocab:
    """Canonical spellings, mostly as written, some variants and aliases, rarely unknown."""

    def __init__(self, rng: random.Random, canonical: tuple[str, ...], aliases: dict[str, str] | None = None,
                 variant_share: float = 0.05, alias_share: float = 0.05, bad_share: float = 0.002) -> None:
        self.rng, self.canonical = rng, canonical
        self.variants = [_variant(rng, v) for v in canonical for _ in range(2)]
        self.aliases = list(aliases or {})
        self.cuts = (bad_share, bad_share + variant_share, bad_share + variant_share + alias_share)

    def __call__(self) -> str:
        roll = self.rng.random()
        if roll < self.cuts[0]:
            return "không rõ"
        if roll < self.cuts[1]:
            return self.rng.choice(self.variants)
        if roll < self.cuts[2] and self.aliases:
            return self.rng.choice(self.aliases)
        return self.rng.choice(self.canonical)


class _Dates:
    """Dates in the target years (and a few years before), as the cells hold them."""

    def __init__(self, rng: random.Random, years: tuple[int, ...], before: int = 3) -> None:
        self.rng = rng
        first, last = date(min(years) - before, 1, 1), date(max(years), 12, 31)
        self.days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        self.recent = [d for d in self.days if d.year >= min(years)]

    def day(self, recent: bool = True) -> date:
        return self.rng.choice(self.recent if recent else self.days)

    def __call__(self, recent: bool = True, bad_share: float = 0.001) -> Any:
        day = self.day(recent)
        roll = self.rng.random()
        if roll < bad_share:
            return self.rng.choice(("31/02/2023", "tháng 3", "30/13/2023", "15/03/1899"))
        if roll < 0.05:
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        if roll < 0.06:
            return day.isoformat()
        if roll < 0.07:
            return f"{day.day}.{day.month}.{day.year}"
        return datetime(day.year, day.month, day.day)  # openpyxl gives datetime for a date cell


def _number(rng: random.Random, value: float, text_share: float = 0.03) -> Any:
    if rng.random() >= text_share:
        return value
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")  # 72,5
    value = int(value)
    return f"{value:,}".replace(",", ".") if value >= 1000 else str(value)


def _id(prefix: str, n: int, width: int) -> str:
    return f"{prefix}{n:0{width}d}"


def _ids_cell(rng: random.Random, producer_ids: list[str], bad_share: float = 0.002) -> str:
    picks = rng.sample(producer_ids, min(len(producer_ids), rng.randint(1, 5)))
    if rng.random() < 0.1:
        picks[0] = picks[0].lower()  # ids compare case-insensitively
    if rng.random() < bad_share:
        picks.append("CT999999")  # nobody
    separators = (", ", "; ", ",")
    out = picks[0]
    for p in picks[1:]:
        out += rng.choice(separators) + p
    return out


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _header(tab_key: str) -> list[str]:
    return [col.header for col in c.TABS_BY_KEY[tab_key].columns]


# ----------------------------------------------------------------------------- the workbook


def workbook(counts: Counts, seed: int = 20230315, *, info: bool = True) -> dict[str, list[list[Any]]]:
    """The raw tabs (title -> rows) of a synthetic ward/province/country workbook.

    `info=False` leaves out the optional Thông tin tab (8 tabs: every required one)."""
    rng = random.Random(seed)
    dates = _Dates(rng, counts.years)
    id_width = max(2, len(str(max(counts.producers, counts.products))))
    tabs: dict[str, list[list[Any]]] = {}

    if info:
        tabs["Thông tin"] = [["Tên đơn vị", "Phường Tổng Hợp (dữ liệu tổng hợp)"],
                             ["Cấp báo cáo", "Phòng Kinh tế"], ["Năm kế hoạch", max(counts.years)],
                             ["Số kế hoạch", "42/KH-UBND"]]

    # Khóm: names unique (a number after a stem), a few household counts as text
    areas = [f"{_AREA_STEMS[i % len(_AREA_STEMS)]} {i // len(_AREA_STEMS) + 1}" for i in range(counts.areas)]
    tabs["Khóm"] = [_header("areas")] + [
        [name, _number(rng, rng.randint(300, 2000)), rng.choice(_NOTES) or None] for name in areas]

    # Chỉ tiêu: every indicator per year, plus one code without a computation
    targets = [_header("targets")]
    for year in counts.years:
        for code in c.INDICATOR_CODES:
            targets.append([year, code, None, _number(rng, rng.randint(1, max(2, counts.products // 2))),
                            None, None])
        targets.append([year, "DT_DOANH_THU", "Doanh thu sản phẩm OCOP", 500, "triệu đồng"])
    tabs["Chỉ tiêu"] = targets

    # Chủ thể: a title row and a blank row above the header, as the demo has
    kind = _Vocab(rng, c.PRODUCER_KINDS, c.ALIASES["producer_kind"])
    area = _Vocab(rng, tuple(areas), None, alias_share=0)
    producer_ids = [_id("CT", i + 1, id_width) for i in range(counts.producers)]
    producers: list[list[Any]] = [["DANH SÁCH CHỦ THỂ SẢN XUẤT - DỮ LIỆU TỔNG HỢP"], [], _header("producers")]
    registered = ("Có", "Có", "x", "Không", "Chưa", None, "1", "0")
    for pid in producer_ids:
        roll = rng.random()
        cell_id = pid.lower() if roll < 0.02 else ("" if roll < 0.0025 else pid)
        reg = f"52A80{rng.randint(10000, 99999)}" if rng.random() < 0.15 else rng.choice(registered)
        producers.append([cell_id, f"Cơ sở {rng.choice(_TRADES).lower()} {_person(rng)}", kind(), reg, area(),
                          f"Tổ {rng.randint(1, 12)}, khóm {rng.choice(areas)}", _person(rng),
                          f"09{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}",
                          rng.choice(_TRADES), rng.choice(_NOTES) or None])
    if counts.producers > 20:
        producers.append(list(producers[5]))  # a repeated id: rejected, with the first row named
    tabs["Chủ thể"] = producers

    # Sản phẩm
    group = _Vocab(rng, c.PRODUCT_GROUPS, c.ALIASES["group"])
    potential = _Vocab(rng, c.POTENTIAL_LEVELS)
    stage = _Vocab(rng, c.STAGES)
    officers = [f"{_person(rng)} ({u})" for u in ("KT-KH", "ĐC-XD")] * 2
    product_ids = [_id("SP", i + 1, id_width) for i in range(counts.products)]
    products = [_header("products")]
    for pid in product_ids:
        producer = rng.choice(producer_ids)
        if rng.random() < 0.002:
            producer = "CT999999"  # an unknown producer: a warning, the reference dropped
        assessed = rng.random() < 0.3
        self_score = rng.choice((rng.randint(30, 95), rng.randint(300, 950) / 10)) if rng.random() < 0.6 else None
        score = rng.randint(30, 95) if assessed else None
        if score is not None and rng.random() < 0.003:
            score = 150  # outside 0..100: a warning and a blank
        stars = rng.choice((3, 4, "3 sao", "★★★★", None)) if assessed else None
        products.append([pid, f"{rng.choice(_PRODUCT_WORDS)} {pid[-4:]}", producer, group(), dates(recent=False),
                         potential(), stage(), None if self_score is None else _number(rng, float(self_score)),
                         score, stars, dates() if assessed else None, rng.choice(officers),
                         rng.choice(_NOTES) or None])
    if counts.products > 10:
        products.append(list(products[3]))  # a repeated product id
        products.append([None, "Sản phẩm chưa có mã", producer_ids[0], "Thực phẩm"])  # no key: rejected
    tabs["Sản phẩm"] = products

    # Hồ sơ: product ids as the officers typed them (a few lower case), one row per product at most
    dossiers = [_header("dossiers")]
    for pid in rng.sample(product_ids, min(counts.dossiers, len(product_ids))):
        docs = [rng.choice(_DOC_WORDS) for _ in c.DOCUMENTS]
        if rng.random() < 0.002:
            docs[0] = "hỏi lại"  # an unknown status word
        dossiers.append([pid.lower() if rng.random() < 0.05 else pid, *docs,
                         dates() if rng.random() < 0.6 else None, rng.choice(_NOTES) or None])
    tabs["Hồ sơ"] = dossiers

    # Tuyên truyền: the big one
    channel = _Vocab(rng, c.CHANNELS, c.ALIASES["channel"])
    topic = _Vocab(rng, c.TOPICS, c.ALIASES["topic"])
    outreach_area = _Vocab(rng, tuple(areas) + (c.WHOLE_WARD,) * max(1, len(areas) // 10),
                           {a: a for a in c.WHOLE_WARD_ALIASES}, alias_share=0.01)
    outreach = [_header("outreach")]
    for _ in range(counts.outreach):
        roll = rng.random()
        attendees: Any = rng.randint(2, 120) if roll < 0.85 else (None if roll < 0.995 else "khoảng 50")
        if isinstance(attendees, int):
            attendees = _number(rng, attendees, 0.02)
        reached = _ids_cell(rng, producer_ids) if rng.random() < 0.3 else None
        outreach.append([dates(), channel(), topic(), rng.choice(_UNITS), outreach_area(), attendees, reached,
                         rng.choice(_NOTES) or None])
    tabs["Tuyên truyền"] = outreach

    # Tập huấn: attendees drawn from a pool of officers, so names repeat
    people = [(_person(rng), rng.choice(_ROLES), rng.choice(_UNITS)) for _ in range(max(5, counts.training // 10))]
    sessions = [(dates.day(), f"{rng.choice(_COURSES)} {y}", rng.choice(_ORGANISERS),
                 rng.choice((1, 1, 2, 2, 3, 0.5)))
                for y in counts.years for _ in range(max(2, counts.training // 40))]
    training = [_header("training")]
    for _ in range(counts.training):
        day, course, organiser, days = rng.choice(sessions)
        name, role, unit = rng.choice(people)
        held: Any = datetime(day.year, day.month, day.day)
        if rng.random() < 0.05:
            held = f"{day.day:02d}/{day.month:02d}/{day.year}"
        training.append([held, course, organiser, name if rng.random() > 0.002 else None, role,
                         _variant(rng, unit) if rng.random() < 0.03 else unit, _number(rng, float(days)),
                         rng.choice(_NOTES) or None])
    tabs["Tập huấn"] = training

    # Nhiệm vụ
    status = _Vocab(rng, c.TASK_STATUSES, c.ALIASES["task_status"])
    tasks = [_header("tasks")]
    for i in range(counts.tasks):
        tasks.append([rng.choice(_UNITS), f"Nhiệm vụ {i + 1}: {rng.choice(_COURSES).lower()}",
                      dates() if rng.random() < 0.9 else None, status(), rng.choice(_NOTES) or None])
    tabs["Nhiệm vụ"] = tasks
    return tabs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=list(SCALES), default="ward")
    parser.add_argument("--seed", type=int, default=20230315)
    args = parser.parse_args()
    started = time.perf_counter()
    tabs = workbook(SCALES[args.scale], args.seed)
    elapsed = time.perf_counter() - started
    for title, rows in tabs.items():
        print(f"{title:14} {len(rows):>9,} rows")
    print(f"built in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
