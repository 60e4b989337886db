"""The rows of one synthetic demo unit (commune, ward or special zone), drawn from a seeded random.Random.

`synthetic_unit_tabs()` returns the raw tabs of docs/WORKBOOK.md (title -> rows, header row first) for
the year of `as_of`, every activity dated between 1 January and `as_of`. The unit's pace is chosen, not
left to chance: the rows are drawn first, the generator counts the indicators the way
analysis/metrics/indicators.py does, and only then writes the `Chỉ tiêu` targets, so that each indicator
is on track or behind (pace rule of analysis/metrics/pace.py) exactly as the profile asks. The counting
is repeated here because data_sources/ may not import analysis/; tests/data_sources/test_demo_province.py
checks it against the real reader.

Deliberate mess (`messy=True`) never changes an indicator: a rejected row with an impossible date, a
repeated product id (the later row is rejected), a date typed as text, a khóm typed in lower case
without diacritics and an unknown producer id in an outreach row.
"""
from __future__ import annotations

import math
import random
import unicodedata
from datetime import date, timedelta

from data_sources.demo.demo_rows import (
    AREAS_HEADER,
    DOSSIERS_HEADER,
    OUTREACH_HEADER,
    PRODUCERS_HEADER,
    PRODUCTS_HEADER,
    TARGETS_HEADER,
    TASKS_HEADER,
    TRAINING_HEADER,
)

AHEAD, MIXED, BEHIND = "ahead", "mixed", "behind"
CODES = ("SP_OCOP", "SP_TIEM_NANG", "HO_SO_NOP", "CHU_THE_THAM_GIA", "TT_SO_BUOI", "TT_LUOT_NGUOI",
         "TT_KHOM", "TT_CHU_THE", "TH_LUOT_CAN_BO")
LABELS = {
    "SP_OCOP": ("Sản phẩm OCOP đạt từ 3 sao trở lên", "sản phẩm"),
    "SP_TIEM_NANG": ("Sản phẩm tiềm năng được rà soát", "sản phẩm"),
    "HO_SO_NOP": ("Hồ sơ nộp đánh giá, phân hạng", "hồ sơ"),
    "CHU_THE_THAM_GIA": ("Chủ thể tham gia Chương trình OCOP", "chủ thể"),
    "TT_SO_BUOI": ("Số buổi, lượt tuyên truyền", "buổi"),
    "TT_LUOT_NGUOI": ("Lượt người được tuyên truyền", "lượt người"),
    "TT_KHOM": ("Số khóm, ấp được tuyên truyền", "khóm, ấp"),
    "TT_CHU_THE": ("Chủ thể sản xuất được tiếp cận", "chủ thể"),
    "TH_LUOT_CAN_BO": ("Lượt cán bộ được tập huấn", "lượt"),
}
# Of the profile's units, which indicators lag: how many of the nine (the rest are on track).
BEHIND_COUNT = {AHEAD: (0, 1), MIXED: (2, 3), BEHIND: (4, 6)}
PARTICIPATING = ("Đã đăng ký", "Hoàn thiện hồ sơ", "Đã nộp hồ sơ", "Đã đánh giá")
TAB_TITLES = ("Thông tin", "Khóm", "Chỉ tiêu", "Chủ thể", "Sản phẩm", "Hồ sơ", "Tuyên truyền", "Tập huấn",
              "Nhiệm vụ")

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE_M, MIDDLE_F = ("Văn", "Minh", "Quốc", "Hữu", "Thanh"), ("Thị", "Ngọc", "Thị Kim", "Thị Mỹ", "Thanh")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Hòa", "Khánh", "Lan", "Lộc", "Mai", "Nam", "Nhi",
         "Phúc", "Quyên", "Sơn", "Tâm", "Thảo", "Trung", "Tú", "Uyên", "Vy", "Xuân", "Yến")
AREA_NAMES = ("Mỹ Lợi", "Tân Thành", "Phú Hòa", "Bình Thạnh", "An Lộc", "Long Hưng", "Hòa Bình", "Thạnh Lợi",
              "Phước Thọ", "Vĩnh Thuận", "Đông Hòa", "Tây Hưng", "Trung Phú", "Hưng Lợi")
GROUPS = {  # group -> product names (a place name follows)
    "Thực phẩm": ("Mắm cá linh", "Khô cá lóc", "Bánh phồng tôm", "Đường thốt nốt", "Gạo thơm", "Nem chua",
                  "Lạp xưởng", "Bánh tráng", "Mật ong tràm", "Tôm khô"),
    "Đồ uống": ("Trà mãng cầu", "Rượu nếp", "Nước thốt nốt", "Cà phê rang xay"),
    "Dược liệu và sản phẩm từ dược liệu": ("Tinh bột nghệ", "Trà khổ qua rừng", "Cao atisô"),
    "Hàng thủ công mỹ nghệ": ("Khăn thổ cẩm", "Giỏ lục bình", "Nón lá", "Đồ gỗ mỹ nghệ"),
    "Sinh vật cảnh": ("Bonsai mai chiếu thủy", "Lan rừng"),
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch": ("Tour trải nghiệm làng nghề",
                                                                      "Homestay miệt vườn"),
}
KINDS = ("Hộ kinh doanh", "Hộ sản xuất", "Tổ hợp tác", "Hợp tác xã", "Doanh nghiệp")
CHANNELS = ("Đài truyền thanh", "Hội nghị", "Họp dân", "Vãng gia", "Mạng xã hội", "Tài liệu - tờ rơi",
            "Lồng ghép sinh hoạt hội")
TOPICS = ("OCOP", "An toàn thực phẩm", "Môi trường", "Khoa học kỹ thuật", "Hướng dẫn hồ sơ")
CREW = ("Cán bộ KT-KH", "Hội Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "UBMTTQ", "Trạm Y tế")
COURSES = (("Tập huấn nghiệp vụ OCOP", "Sở Nông nghiệp và Môi trường"),
           ("Hướng dẫn xây dựng hồ sơ OCOP", "Văn phòng Điều phối nông thôn mới tỉnh"),
           ("Tập huấn thương mại điện tử cho sản phẩm OCOP", "Sở Công Thương"),
           ("Kỹ năng tuyên truyền Chương trình OCOP", "Trung tâm Khuyến công tỉnh"))
ROLES = (("Công chức Kinh tế", "Phòng Kinh tế"), ("Trưởng ấp, khóm", "Ban điều hành"),
         ("Chủ tịch Hội", "Hội Phụ nữ"), ("Phó Chủ tịch", "UBMTTQ"), ("Bí thư Đoàn", "Đoàn Thanh niên"))
TASKS = (("Phòng Kinh tế", "Rà soát sản phẩm tiềm năng, vận động chủ thể tham gia Chương trình OCOP"),
         ("Phòng Kinh tế", "Hướng dẫn chủ thể hoàn thiện hồ sơ đánh giá, phân hạng sản phẩm"),
         ("Phòng Kinh tế", "Tổng hợp, báo cáo kết quả thực hiện Chương trình OCOP"),
         ("Trạm Y tế", "Hướng dẫn điều kiện an toàn thực phẩm tại các cơ sở có sản phẩm tiềm năng"),
         ("Phòng Kinh tế", "Hướng dẫn các quy định về bảo vệ môi trường cho cơ sở sản xuất"),
         ("UBMTTQ và các hội đoàn thể", "Tuyên truyền Chương trình OCOP trong đoàn viên, hội viên"),
         ("Đài truyền thanh", "Phát tin, bài giới thiệu sản phẩm OCOP của địa phương"),
         ("Ban điều hành ấp, khóm", "Hỗ trợ rà soát cơ sở sản xuất có sản phẩm tiềm năng"))
STATUSES = ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện")
DONE, DOING, MISSING, NA = "Đã có", "Đang làm", "Chưa có", "Không áp dụng"


def elapsed(day: date) -> float:
    """analysis.metrics.pace.year_elapsed for a day of its own year (same float arithmetic)."""
    return day.timetuple().tm_yday / (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days


def _plain(text: str) -> str:
    return unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d")).encode("ascii", "ignore").decode()


def _person(rng: random.Random) -> str:
    female = rng.random() < 0.5
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F if female else MIDDLE_M)} {rng.choice(GIVEN)}"


class _Unit:
    """One unit's rows as they are drawn; `tabs()` lays them out by the contract."""

    def __init__(self, code: str, rng: random.Random, as_of: date, name: str, kind: str, size: float) -> None:
        self.code, self.rng, self.as_of, self.name, self.kind, self.size = code, rng, as_of, name, kind, size
        self.year = as_of.year
        self.span = (as_of - date(self.year, 1, 1)).days
        self.place = name.split(" (")[0].split(" ", 1)[-1].removeprefix("khu ")
        prefix = "Ấp" if kind == "Xã" else "Khóm"
        n_areas = min(len(AREA_NAMES), 3 + round(2 * size))
        self.areas = [[f"{prefix} {a}", rng.randint(250, 1400), None] for a in rng.sample(AREA_NAMES, n_areas)]
        self.ward_wide = "Toàn xã" if kind == "Xã" else "Toàn phường"
        self.producers: list[list] = []
        self.products: list[list] = []
        self.dossiers: list[list] = []
        self.outreach: list[list] = []
        self.training: list[list] = []
        self.officers = [f"{_person(rng)} (KT)" for _ in range(2)]

    def day(self) -> date:
        return date(self.year, 1, 1) + timedelta(days=self.rng.randint(0, self.span))

    def add_producers(self, n: int) -> None:
        rng = self.rng
        for i in range(1, n + 1):
            kind = rng.choices(KINDS, weights=(5, 4, 2, 2, 1))[0]
            boss = _person(rng)
            name = {"Hộ sản xuất": f"Hộ {boss}", "Tổ hợp tác": f"Tổ hợp tác {self.place} {i}",
                    "Hợp tác xã": f"HTX Nông nghiệp {self.place} {i}",
                    "Doanh nghiệp": f"Công ty TNHH {boss.split()[-1]} {self.place}"}.get(kind, f"Cơ sở {boss}")
            registered = "Không" if kind == "Hộ sản xuất" and rng.random() < 0.6 else "Có"
            area = rng.choice(self.areas)[0]
            self.producers.append([f"CT{i:02d}", name, kind, registered, area, f"Tổ {rng.randint(1, 12)}, {area}",
                                   boss, f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                                   None, None])

    def add_product(self, stage: str, surveyed: date | None, rated: tuple | None = None,
                    submitted: date | None = None) -> None:
        rng = self.rng
        group = rng.choices(list(GROUPS), weights=(8, 3, 2, 2, 1, 1))[0]
        producer = rng.choice(self.producers)
        producer[8] = producer[8] or group
        score, stars, certified = rated or (None, None, None)
        self_score = None if stage in ("Tiềm năng", "Không tham gia") else rng.randint(45, 88)
        pid = f"SP{len(self.products) + 1:02d}"
        self.products.append([pid, f"{rng.choice(GROUPS[group])} {self.place}", producer[0], group, surveyed,
                              rng.choice(("Cao", "Trung bình", "Thấp")), stage, self_score, score, stars,
                              certified, rng.choice(self.officers), None])
        if stage in ("Hoàn thiện hồ sơ", "Đã nộp hồ sơ", "Đã đánh giá"):
            ready = 0.95 if submitted else 0.55
            docs = [DONE if rng.random() < ready else rng.choice((DOING, MISSING, NA)) for _ in range(12)]
            if submitted:
                docs[:5] = [DONE] * 5  # no dossier is submitted without its required documents
            self.dossiers.append([pid, *docs, submitted, None])

    def add_outreach(self, rows: int, people: int, n_areas: int, reached: int) -> None:
        rng = self.rng
        areas = [a[0] for a in rng.sample(self.areas, min(n_areas, len(self.areas)))]
        ward_wide = n_areas >= len(self.areas) and rows > 0 and rng.random() < 0.7
        channels = [rng.choices(CHANNELS, weights=(3, 2, 4, 4, 2, 2, 3))[0] for _ in range(rows)]
        crowd = [i for i, ch in enumerate(channels) if ch != "Đài truyền thanh"] or list(range(rows))
        weights = [rng.random() + 0.2 for _ in crowd]
        heads = [0] * rows
        for i, w in zip(crowd, weights):
            heads[i] = int(people * w / sum(weights))
        if crowd:
            heads[crowd[0]] += people - sum(heads)
        ids = [p[0] for p in rng.sample(self.producers, min(reached, len(self.producers)))]
        visits = [i for i, ch in enumerate(channels) if ch in ("Vãng gia", "Hội nghị")] or list(range(rows))
        lists: dict[int, list[str]] = {}
        for k, pid in enumerate(ids):
            lists.setdefault(visits[k % len(visits)], []).append(pid)
        for i in range(rows):
            # Every chosen khóm once at least; a ward-wide row reaches them all anyway.
            area = self.ward_wide if ward_wide and i == 0 else areas[i] if i < len(areas) else rng.choice(areas)
            self.outreach.append([self.day(), channels[i], rng.choice(TOPICS), rng.choice(CREW), area,
                                  heads[i] or None, ", ".join(lists.get(i, [])) or None, None])
        self.outreach.sort(key=lambda r: r[0])

    def add_training(self, n: int) -> None:
        rng = self.rng
        people = [(_person(rng), *rng.choice(ROLES)) for _ in range(max(2, n // 2 + 1))]
        while len(self.training) < n:
            course, organiser = rng.choice(COURSES)
            held = self.day()
            for who, role, unit in rng.sample(people, min(len(people), rng.randint(1, 4), n - len(self.training))):
                self.training.append([held, f"{course} năm {self.year}", organiser, who, role, unit,
                                      rng.choice((1, 1, 2)), None])
        self.training.sort(key=lambda r: r[0])

    def actuals(self) -> dict[str, int]:
        """The indicators as analysis/metrics/indicators.actuals() counts them (every date is in the year)."""
        stars = [_band(r[8]) for r in self.products]  # written stars always agree with the score's band
        outreach_areas = {r[4] for r in self.outreach}
        return {
            "SP_OCOP": sum(1 for r, s in zip(self.products, stars) if r[10] and s and s >= 3),
            "SP_TIEM_NANG": sum(1 for r in self.products if r[4]),
            "HO_SO_NOP": sum(1 for r in self.dossiers if r[13]),
            "CHU_THE_THAM_GIA": len({r[2] for r in self.products if r[4] and r[6] in PARTICIPATING}),
            "TT_SO_BUOI": len(self.outreach),
            "TT_LUOT_NGUOI": sum(r[5] or 0 for r in self.outreach),
            "TT_KHOM": len(self.areas) if self.ward_wide in outreach_areas else len(outreach_areas),
            "TT_CHU_THE": len({p for r in self.outreach if r[6] for p in r[6].split(", ")}),
            "TH_LUOT_CAN_BO": len(self.training),
        }


def _band(score: float | None) -> int | None:
    return None if score is None else next(s for low, s in ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)) if score >= low)


def _target(actual: int, natural: int, behind: bool, e: float) -> int:
    """The target closest to `natural` that puts `actual` behind (actual/target < e) or on track."""
    if behind:
        target = max(natural, math.floor(actual / e) + 1, 1)
        while actual / target >= e:
            target += 1
        return target
    if actual <= 0:
        return natural  # nothing done yet: behind whatever the target
    target = max(1, min(natural, math.floor(actual / e)))
    while target > 1 and actual / target < e:
        target -= 1
    return target


def _natural(size: float, n_areas: int, n_producers: int) -> dict[str, int]:
    """Targets of a plan for a unit of this size (the bundled demo ward is size 1)."""
    return {"SP_OCOP": max(1, round(1.5 * size)), "SP_TIEM_NANG": max(2, round(8 * size)),
            "HO_SO_NOP": max(1, round(2.5 * size)), "CHU_THE_THAM_GIA": max(2, round(6 * size)),
            "TT_SO_BUOI": max(6, round(36 * size)), "TT_LUOT_NGUOI": max(300, round(30 * size) * 100),
            "TT_KHOM": n_areas, "TT_CHU_THE": max(3, round(0.8 * n_producers)),
            "TH_LUOT_CAN_BO": max(3, round(12 * size))}


def synthetic_unit_tabs(code: str, seed: int, as_of: date, *, name: str | None = None, kind: str = "Xã",
                        size: float = 1.0, profile: str | None = None,
                        messy: bool = False) -> dict[str, list[list]]:
    """The raw tabs of one fictional unit for the year of `as_of`: tab title -> rows, header row first.

    `size` scales it (1 is about the bundled demo ward); `profile` (ahead, mixed or behind; drawn
    from the seed when None) sets how many of the nine indicators lag behind the year's pace on `as_of`.
    """
    rng = random.Random(f"ocop-province:{code}:{seed}:{as_of.isoformat()}")
    profile = profile or rng.choice((AHEAD, AHEAD, MIXED, BEHIND))
    name = name or f"{kind} Mẫu {code} (mẫu)"
    unit = _Unit(code, rng, as_of, name, kind, size)
    e = elapsed(as_of)
    unit.add_producers(max(5, round(25 * size * rng.uniform(0.8, 1.2))))
    natural = _natural(size, len(unit.areas), len(unit.producers))
    behind = set(rng.sample(CODES, rng.randint(*BEHIND_COUNT[profile])))
    # What to draw: a little over the year's pace when on track, well under it when behind.
    want = {c: (math.floor(natural[c] * e * rng.uniform(0.0, 0.5)) if c in behind
                else max(1, math.ceil(natural[c] * e * rng.uniform(1.05, 1.5)))) for c in CODES}
    for _ in range(want["SP_OCOP"]):
        surveyed, submitted, certified = sorted(unit.day() for _ in range(3))
        stars = rng.choice((3, 3, 3, 4))
        score = rng.randint(50, 69) if stars == 3 else rng.randint(70, 86)
        written = rng.choice((stars, f"{stars} sao", None))  # blank stars: worked out from the score
        unit.add_product("Đã đánh giá", surveyed, (score, written, certified), submitted)
    for _ in range(max(0, want["HO_SO_NOP"] - want["SP_OCOP"])):
        surveyed, submitted = sorted(unit.day() for _ in range(2))
        if rng.random() < 0.2:  # rated under 3 stars: not certified
            unit.add_product("Đã đánh giá", surveyed, (rng.randint(35, 49), None, None), submitted)
        else:
            unit.add_product("Đã nộp hồ sơ", surveyed, None, submitted)
    for _ in range(max(0, want["SP_TIEM_NANG"] - len(unit.products))):
        unit.add_product(rng.choice(("Tiềm năng", "Đã đăng ký", "Hoàn thiện hồ sơ", "Không tham gia")), unit.day())
    for _ in range(rng.randint(1, max(1, round(3 * size)))):  # carried over, never surveyed: counted nowhere
        unit.add_product(rng.choice(("Tiềm năng", "Không tham gia")), None)
    # People, khóm and producers reached need a session to be reached at.
    rows = max(want["TT_SO_BUOI"], int(any(c not in behind for c in CODES[5:8])))
    unit.add_outreach(rows, want["TT_LUOT_NGUOI"] if rows else 0, min(rows, max(1, want["TT_KHOM"])),
                      want["TT_CHU_THE"] if rows else 0)
    unit.add_training(want["TH_LUOT_CAN_BO"])
    actual = unit.actuals()
    targets = [[unit.year, c, LABELS[c][0], _target(actual[c], natural[c], c in behind, e), LABELS[c][1], None]
               for c in CODES]
    tasks = []
    for i, (who, task) in enumerate(rng.sample(TASKS, rng.randint(4, len(TASKS)))):
        due = date(unit.year, min(12, 3 * (i % 4) + 3), 28)
        status = rng.choice(STATUSES[:2]) if due > as_of else rng.choices(STATUSES, weights=(6, 2, 1))[0]
        tasks.append([who, task, due, status, None])
    tabs = {
        "Thông tin": [["Mục", "Giá trị"], ["Tên đơn vị", name],
                      ["Cấp báo cáo", "Văn phòng Điều phối nông thôn mới tỉnh"], ["Năm kế hoạch", unit.year],
                      ["Số kế hoạch", f"{rng.randint(10, 99)}/KH-UBND"],
                      ["Ghi chú", "Dữ liệu mẫu minh hoạ, không phải số liệu thật"]],
        "Khóm": [AREAS_HEADER, *unit.areas],
        "Chỉ tiêu": [TARGETS_HEADER, *targets],
        "Chủ thể": [PRODUCERS_HEADER, *unit.producers],
        "Sản phẩm": [PRODUCTS_HEADER, *unit.products],
        "Hồ sơ": [["Mã sản phẩm", *DOSSIERS_HEADER[1:]], *unit.dossiers],
        "Tuyên truyền": [OUTREACH_HEADER, *unit.outreach],
        "Tập huấn": [TRAINING_HEADER[:8], *unit.training],
        "Nhiệm vụ": [TASKS_HEADER, *tasks],
    }
    if messy:
        _mess(tabs, unit)
    return tabs


def _mess(tabs: dict[str, list[list]], unit: _Unit) -> None:
    """Officers' slips that the data-quality page shows, none of which changes an indicator."""
    outreach, products = tabs["Tuyên truyền"], tabs["Sản phẩm"]
    impossible = f"31/02/{unit.year}" if unit.as_of >= date(unit.year, 3, 1) else f"32/01/{unit.year}"
    outreach.append([impossible, "Họp dân", "OCOP", "Cán bộ KT-KH", unit.areas[0][0], 30, None, None])  # rejected
    if len(products) > 1:  # an older copy of the first product at the bottom: rejected
        products.append([*products[1][:6], "Tiềm năng", *[None] * 6])
    if len(outreach) > 2:
        first = outreach[1]
        first[0] = first[0].strftime("%d.%m.%Y")  # typed as text: still read
        if first[4] != unit.ward_wide:
            first[4] = _plain(first[4]).lower()  # matched tolerantly
        unknown = f"CT{len(tabs['Chủ thể']):02d}"  # one past the last producer: dropped with a warning
        first[6] = ", ".join(filter(None, (first[6], unknown)))
