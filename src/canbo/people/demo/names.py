"""Vietnamese personal names for the demo: family + middle + given, drawn with NumPy.

Family names follow their national frequencies (Nguyễn about 38%, Trần 11%, Lê 9.5% ...), with the northern
and southern spellings of the same name (Hoàng/Huỳnh, Vũ/Võ) split by region. Ethnic minorities get the naming
customs of their group. Plain Python: no Django imports.
"""

import numpy as np


def _words(text: str) -> list[str]:
    return text.split()


# name, weight in percent; "Hoàng/Huỳnh" and "Vũ/Võ" are split by region below.
FAMILY_NAMES = [
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng/Huỳnh", 5.0),
    ("Phan", 4.5),
    ("Vũ/Võ", 3.9),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đào", 0.6),
    ("Đoàn", 0.6),
    ("Trịnh", 0.5),
    ("Đinh", 0.6),
    ("Lương", 0.4),
    ("Mai", 0.4),
    ("Hà", 0.5),
    ("Cao", 0.4),
    ("Lâm", 0.3),
    ("Tô", 0.3),
    ("Trương", 0.5),
    ("Lưu", 0.3),
    ("Tạ", 0.2),
    ("Chu", 0.2),
    ("Kiều", 0.1),
    ("Quách", 0.1),
    ("Thái", 0.2),
    ("Vương", 0.2),
    ("Triệu", 0.1),
    ("Văn", 0.1),
    ("Tăng", 0.1),
    ("Nghiêm", 0.1),
    ("Lại", 0.1),
    ("Khúc", 0.05),
    ("Tống", 0.1),
    ("Giáp", 0.05),
    ("Châu", 0.1),
    ("Mạc", 0.05),
    ("Phùng", 0.2),
    ("Doãn", 0.05),
    ("Quản", 0.05),
    ("Nông", 0.1),
]
# Share of the northern spelling by region (north, centre, south).
_NORTH_SPELLING = {"Hoàng/Huỳnh": (0.95, 0.55, 0.15), "Vũ/Võ": (0.92, 0.25, 0.1)}

MALE_MIDDLE = [
    ("Văn", 30),
    ("Hữu", 6),
    ("Đức", 7),
    ("Minh", 7),
    ("Quang", 6),
    ("Công", 5),
    ("Xuân", 4),
    ("Thanh", 4),
    ("Ngọc", 3),
    ("Mạnh", 3),
    ("Quốc", 4),
    ("Đình", 5),
    ("Trọng", 3),
    ("Anh", 2),
    ("Tuấn", 2),
    ("Hoàng", 2),
    ("Duy", 2),
    ("Tiến", 2),
    ("Thành", 2),
    ("Hồng", 2),
    ("Việt", 2),
    ("Bá", 2),
    ("Kim", 1),
    ("Trung", 1),
    ("Hải", 1),
    ("Nhật", 1),
    ("Gia", 1),
    ("Thế", 2),
    ("Viết", 1),
    ("Khắc", 1),
    ("Đăng", 1),
    ("Phú", 1),
]
FEMALE_MIDDLE = [
    ("Thị", 45),
    ("Ngọc", 6),
    ("Thu", 5),
    ("Thanh", 5),
    ("Thùy", 4),
    ("Minh", 3),
    ("Kim", 3),
    ("Hồng", 3),
    ("Phương", 2),
    ("Hoài", 2),
    ("Mai", 1),
    ("Bích", 2),
    ("Diệu", 1),
    ("Thúy", 2),
    ("Hải", 1),
    ("Khánh", 1),
    ("Quỳnh", 1),
    ("Tuyết", 1),
    ("Mỹ", 1),
    ("Bảo", 1),
    ("Lan", 1),
    ("Thị Thu", 2),
    ("Thị Minh", 1),
    ("Thị Thanh", 2),
    ("Thị Hồng", 1),
    ("Thị Kim", 1),
    ("Ngọc Bảo", 0.5),
    ("Thị Ngọc", 1),
]
MALE_GIVEN = _words(
    """
An Anh Bảo Bình Cảnh Chiến Chính Công Cường Dũng Duy Dương Đạt Đăng Điệp Định Đông Đức Giang Giáp Hà Hải Hào
Hậu Hiển Hiếu Hiệp Hòa Hoàn Hoàng Hùng Huy Hưng Hướng Khải Khang Khánh Khiêm Khoa Khôi Kiên Lâm Lân Linh Lộc
Long Luận Lực Lương Mạnh Minh Nam Nghĩa Ngọc Nguyên Nhân Phát Phong Phú Phúc Phương Quân Quang Quý Quyết Sang
Sơn Sỹ Tài Tâm Tân Thạch Thái Thắng Thành Thanh Thảo Thế Thiện Thịnh Thông Thuận Tiến Toàn Trí Triều Trọng
Trung Trường Tú Tuấn Tùng Tường Vinh Việt Vũ Vương Xuân Yên Đoàn Hợp Kỳ
"""
)
FEMALE_GIVEN = _words(
    """
An Anh Ánh Bích Châm Chi Cúc Diệp Diệu Dung Duyên Giang Giao Hà Hải Hạnh Hằng Hân Hảo Hậu Hiền Hiên Hoa Hòa
Hồng Huế Huệ Hương Hường Huyền Khánh Khuê Kiều Lan Lành Lệ Liên Liễu Linh Loan Lụa Ly Lý Mai Mận Minh My Mỹ
Nga Ngân Ngọc Nguyệt Nhàn Nhi Nhung Oanh Phấn Phương Phượng Quế Quyên Quỳnh Sen Tâm Thanh Thảo Thắm Thơ Thoa
Thu Thủy Thúy Thùy Thư Thương Trang Trâm Trinh Tú Tuyết Uyên Vân Vi Vy Xoan Xuân Yến Hoài Ngà Luyến Thêu
Dịu Lài Lựu Ninh Tươi Thêm Hiệp Nhạn Hợi
"""
)

# Naming customs of ethnic groups: (family names, male middles, female middles, male givens, female givens);
# None means "as for the Kinh".
_STYLES = {
    "tay_nung": (
        [
            "Nông",
            "Hoàng",
            "Bế",
            "Lục",
            "Ma",
            "Đàm",
            "Lương",
            "Triệu",
            "Hà",
            "Lăng",
            "Hứa",
            "La",
            "Mông",
            "Vi",
        ],
        None,
        None,
        None,
        None,
    ),
    "thai": (
        ["Lò", "Lường", "Cầm", "Quàng", "Cà", "Tòng", "Lù", "Vi", "Điêu", "Hà", "Lê", "Bạc"],
        [("Văn", 1)],
        [("Thị", 1)],
        _words("Pọm Xuân Hạnh Khâm Chăn Ón Ban Sương Thanh Đôi Biên Hùng Tiến Ngoan Lả Sinh Chinh Bun Dương"),
        _words("Ơn Hoa Xôm Pâng Ngọc Xuân Hương Lả Ỏn Phương Thoa Hiên Lan Dung Hằng Kim Hạnh Nga Sen"),
    ),
    "hmong": (
        [
            "Giàng",
            "Sùng",
            "Vàng",
            "Thào",
            "Lý",
            "Hầu",
            "Mùa",
            "Lầu",
            "Ly",
            "Vừ",
            "Hạng",
            "Sần",
            "Chá",
            "Tráng",
        ],
        [("A", 5), ("Seo", 3), ("Mí", 2), ("Chứ", 1), ("Văn", 2)],
        [("Thị", 4), ("Mỷ", 1)],
        _words("Páo Chải Sình Dính Lử Chúng Pó Dìa Sử Dế Chu Tủa Sáng Pao Chứ Thề Nhè Lồng Chinh Súa"),
        _words("Mỷ Dợ Máy Súa Pà Mai Say Chía Lan Và Mua Ly Dung Sinh Xua Hoa Dủa Pằng"),
    ),
    "dao": (
        ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn", "Chìu", "Lò", "Đặng"],
        [("Văn", 4), ("Tòn", 1), ("Kiềm", 1), ("Phúc", 1)],
        [("Thị", 4), ("Mùi", 1)],
        _words("Sinh Chàn Phú Quyển Tiến Vần Chài Pham Kiều Thành Khé Tài Phin Lở Dần Sình"),
        _words("Mây Nhất Phấy Mẩy Lai Liều Xiêm Chiêu Ly Dung Sơn Hoa Thoa Mai Hồng Duyên"),
    ),
    "muong": (["Bùi", "Đinh", "Quách", "Hà", "Xa", "Bạch", "Cao", "Hoàng", "Đinh"], None, None, None, None),
    "khmer": (
        ["Thạch", "Sơn", "Kim", "Danh", "Lâm", "Kiên", "Châu", "Trà", "Lý", "Huỳnh"],
        [("Văn", 2), ("Ngọc", 1), ("Minh", 1), ("", 1)],
        [("Thị", 3), ("Thị Sa", 1), ("", 1)],
        _words("Sóc Sang Phol Phúc Ry Pho Thanh Rết Hên Vươl Sến Sa Kha Đa Dư Sol Nết Hiền"),
        _words("Sa Ry Mỹ Ngọc Sóc Phi Thơ Sang Kim Mai Sương Hên Nàng Lan Chanh Thi"),
    ),
    "hoa": (
        ["Lý", "Trương", "Lâm", "Quách", "Tăng", "Lưu", "Mã", "Thái", "Hứa", "Diệp", "Hồng", "La"],
        None,
        None,
        None,
        None,
    ),
    "cham": (
        ["Đàng", "Thập", "Lưu", "Quảng", "Báo", "Châu", "Từ", "Thuận", "Phú", "Hán", "Nguyễn"],
        None,
        None,
        None,
        None,
    ),
    "highlands": (
        [
            "Ksor",
            "Siu",
            "Kpă",
            "Nay",
            "Rahlan",
            "Puih",
            "Rcom",
            "Niê",
            "Êban",
            "Mlô",
            "Byă",
            "Hwing",
            "Đinh",
            "Bhnướch",
            "Alăng",
            "Điểu",
            "Rơchăm",
        ],
        [("Y", 4), ("A", 2), ("Văn", 2)],
        [("", 3), ("Thị", 2)],
        _words(
            "Blơng Phước Thanh Thuyên Ngông Bi Djak Kông Hơn Khuyn Dhơng Biêr Wang Rit Yim Thu Bloan Nhiên"
        ),
        _words(
            "H'Lan H'Huê H'Nhi H'Mai H'Hen H'Bliêng H'Yim H'Duyên Hiền H'Blih Thoa Loan H'Rin Mơ H'Phin Nga"
        ),
    ),
}
# Ethnic group code (list 1019/QĐ-TCTK) -> naming style; anything else names like the Kinh.
ETHNIC_STYLE = {
    "02": "tay_nung",
    "07": "tay_nung",
    "13": "tay_nung",
    "26": "tay_nung",
    "47": "tay_nung",
    "03": "thai",
    "23": "thai",
    "32": "thai",
    "35": "thai",
    "43": "thai",
    "36": "thai",
    "08": "hmong",
    "33": "hmong",
    "39": "hmong",
    "44": "hmong",
    "46": "hmong",
    "41": "hmong",
    "09": "dao",
    "04": "muong",
    "05": "khmer",
    "06": "hoa",
    "14": "cham",
    "19": "cham",
    "34": "cham",
    **{
        c: "highlands"
        for c in (
            "10",
            "11",
            "12",
            "15",
            "16",
            "18",
            "20",
            "22",
            "25",
            "27",
            "28",
            "29",
            "30",
            "31",
            "45",
            "52",
            "53",
            "54",
            "24",
            "42",
        )
    },
}


def _split(weighted):
    names = [n for n, _ in weighted]
    weights = np.array([w for _, w in weighted], dtype=float)
    return names, weights / weights.sum()


def region_of(province_code: str) -> int:
    """0 north, 1 centre, 2 south, by the official province code."""
    code = int(province_code)
    return 0 if code < 38 else 1 if code < 70 else 2


def family_name_table(province_code: str) -> tuple[list[str], np.ndarray]:
    """Kinh family names with the regional spelling of Hoàng/Huỳnh and Vũ/Võ, as names and probabilities."""
    region = region_of(province_code)
    names, weights = [], []
    for name, weight in FAMILY_NAMES:
        if name in _NORTH_SPELLING:
            north, south = name.split("/")
            share = _NORTH_SPELLING[name][region]
            names += [north, south]
            weights += [weight * share, weight * (1 - share)]
        else:
            names.append(name)
            weights.append(weight)
    weights = np.array(weights)
    return names, weights / weights.sum()


class NameDrawer:
    """Draws full names for a province, vectorised per ethnic style."""

    def __init__(self, province_code: str):
        self.family, self.family_p = family_name_table(province_code)
        self.male_middle, self.male_middle_p = _split(MALE_MIDDLE)
        self.female_middle, self.female_middle_p = _split(FEMALE_MIDDLE)

    def _style_lists(self, style: str | None):
        if style is None or style not in _STYLES:
            return (
                self.family,
                self.family_p,
                self.male_middle,
                self.male_middle_p,
                self.female_middle,
                self.female_middle_p,
                MALE_GIVEN,
                FEMALE_GIVEN,
            )
        families, male_mid, female_mid, male_given, female_given = _STYLES[style]
        family_p = np.full(len(families), 1.0 / len(families))
        male_mid, male_mid_p = _split(male_mid) if male_mid else (self.male_middle, self.male_middle_p)
        female_mid, female_mid_p = (
            _split(female_mid) if female_mid else (self.female_middle, self.female_middle_p)
        )
        return (
            families,
            family_p,
            male_mid,
            male_mid_p,
            female_mid,
            female_mid_p,
            male_given or MALE_GIVEN,
            female_given or FEMALE_GIVEN,
        )

    def draw(self, rng: np.random.Generator, female: np.ndarray, ethnic_codes: list[str] | None = None):
        """Return (family, middle, given) lists for people with the given genders and ethnic groups."""
        n = len(female)
        family, middle, given = [""] * n, [""] * n, [""] * n
        styles = [
            ETHNIC_STYLE.get(c) if ethnic_codes is not None else None
            for c in (ethnic_codes if ethnic_codes is not None else [None] * n)
        ]
        groups: dict[str | None, list[int]] = {}
        for i, style in enumerate(styles):
            groups.setdefault(style, []).append(i)
        for style in sorted(groups, key=lambda s: s or ""):
            idx = np.array(groups[style])
            fam, fam_p, mmid, mmid_p, fmid, fmid_p, mgiven, fgiven = self._style_lists(style)
            fam_draw = rng.choice(len(fam), size=len(idx), p=fam_p)
            mmid_draw = rng.choice(len(mmid), size=len(idx), p=mmid_p)
            fmid_draw = rng.choice(len(fmid), size=len(idx), p=fmid_p)
            mgiven_draw = rng.integers(0, len(mgiven), size=len(idx))
            fgiven_draw = rng.integers(0, len(fgiven), size=len(idx))
            for k, i in enumerate(idx.tolist()):
                family[i] = fam[fam_draw[k]]
                if female[i]:
                    middle[i], given[i] = fmid[fmid_draw[k]], fgiven[fgiven_draw[k]]
                else:
                    middle[i], given[i] = mmid[mmid_draw[k]], mgiven[mgiven_draw[k]]
        return family, middle, given


def full_name(family: str, middle: str, given: str) -> str:
    return " ".join(part for part in (family, middle, given) if part)
