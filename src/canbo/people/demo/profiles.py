"""Profile data for the demo's cadres after CV form 2C, calibrated on published figures (plain Python +
NumPy).

Targets (shares of current cadres) come from Hai Phong's reports: of the 583 cadres managed by the City
Standing Committee 19.2% are women, 7.7% under 42, all hold a university degree or more, 77.9% a master's
and 9% a doctorate; of commune party committee members 30.9% are women, 21.1% under 42, 53.3% university,
46.2% master's, 1.0% doctorate. Ethnic shares per province are rough cadre shares of the main groups (codes
of list 1019/QĐ-TCTK).
"""

import numpy as np

from .names import region_of

# Province code -> {ethnic code: share}; the rest is Kinh. Mountain provinces first.
PROVINCE_ETHNICITY = {
    "04": {"02": 0.40, "07": 0.30, "08": 0.08, "09": 0.08, "13": 0.01},
    "08": {"02": 0.25, "08": 0.20, "09": 0.12, "07": 0.06, "13": 0.03, "26": 0.02, "44": 0.01, "41": 0.01},
    "11": {"03": 0.38, "08": 0.30, "23": 0.03, "09": 0.03, "33": 0.01, "35": 0.01, "36": 0.01},
    "12": {"08": 0.30, "03": 0.28, "09": 0.13, "33": 0.04, "26": 0.03, "43": 0.01, "39": 0.01, "45": 0.01},
    "14": {"03": 0.50, "08": 0.15, "04": 0.08, "09": 0.02, "23": 0.02, "32": 0.01, "36": 0.01},
    "15": {"08": 0.18, "02": 0.14, "09": 0.12, "03": 0.05, "26": 0.03, "07": 0.03, "04": 0.03, "33": 0.01},
    "20": {"07": 0.40, "02": 0.36, "09": 0.04, "13": 0.01, "08": 0.01},
    "19": {"02": 0.18, "07": 0.06, "09": 0.05, "17": 0.03, "08": 0.02, "13": 0.01},
    "22": {"09": 0.05, "02": 0.04, "17": 0.02, "13": 0.01},
    "24": {"07": 0.04, "02": 0.03, "13": 0.01, "17": 0.01, "06": 0.01},
    "25": {"04": 0.20, "03": 0.02, "09": 0.02, "02": 0.01},
    "38": {"04": 0.08, "03": 0.05, "08": 0.01},
    "40": {"03": 0.09, "23": 0.02, "08": 0.02},
    "44": {"24": 0.04, "27": 0.01},
    "46": {"27": 0.02, "25": 0.01, "24": 0.01},
    "48": {"25": 0.03, "16": 0.02, "29": 0.01, "30": 0.01},
    "51": {"16": 0.12, "18": 0.08, "12": 0.05, "30": 0.02, "29": 0.02, "53": 0.005, "52": 0.005},
    "52": {"10": 0.17, "12": 0.08, "14": 0.01, "18": 0.01},
    "56": {"19": 0.07, "14": 0.06, "15": 0.01, "06": 0.01},
    "66": {"11": 0.12, "20": 0.02, "10": 0.02, "02": 0.02, "07": 0.02, "14": 0.01},
    "68": {"15": 0.06, "20": 0.04, "28": 0.02, "14": 0.02, "06": 0.02, "02": 0.01, "07": 0.01},
    "75": {"22": 0.04, "06": 0.03, "31": 0.01, "20": 0.01, "05": 0.01},
    "79": {"06": 0.06, "05": 0.005, "14": 0.005},
    "80": {"05": 0.01, "06": 0.01},
    "86": {"05": 0.10, "06": 0.01},
    "91": {"05": 0.09, "06": 0.02, "14": 0.01},
    "92": {"05": 0.12, "06": 0.03},
    "96": {"05": 0.05, "06": 0.02},
}
DEFAULT_ETHNICITY = {"04": 0.006, "02": 0.004, "06": 0.003, "07": 0.002}

FEMALE_TARGET = {"P_MAN": 0.19, "P_STAFF": 0.46, "D_LEAD": 0.2, "D_STAFF": 0.42, "C_LEAD": 0.25, "MIL": 0.02}
COMMUNE_FEMALE = 0.31  # all commune cadres together
# Education shares: college, university, master, doctorate.
EDUCATION = {
    "P_MAN": (0.0, 0.13, 0.78, 0.09),
    "P_STAFF": (0.01, 0.62, 0.35, 0.02),
    "D_LEAD": (0.0, 0.45, 0.53, 0.02),
    "D_STAFF": (0.02, 0.73, 0.25, 0.0),
    "C_LEAD": (0.0, 0.42, 0.56, 0.02),
    "MIL": (0.1, 0.75, 0.15, 0.0),
}
COMMUNE_EDUCATION = (0.002, 0.528, 0.46, 0.01)
DEGREES = ("college", "university", "master", "doctorate")

# Political theory (none, elementary, intermediate, advanced, bachelor) by (level, tier).
THEORY_LEVELS = ("none", "elementary", "intermediate", "advanced", "bachelor")
POLITICAL_THEORY = {
    (0, 0): (0, 0, 0, 0.85, 0.15),
    (0, 1): (0, 0, 0, 0.9, 0.1),
    (0, 2): (0, 0.02, 0.4, 0.55, 0.03),
    (0, 3): (0.3, 0.4, 0.28, 0.02, 0),
    (2, 0): (0, 0, 0.25, 0.72, 0.03),
    (2, 1): (0, 0.05, 0.62, 0.33, 0),
    (2, 2): (0, 0.25, 0.65, 0.1, 0),
    (2, 3): (0.2, 0.45, 0.33, 0.02, 0),
}
MANAGEMENT_LEVELS = ("none", "specialist", "principal", "senior")
STATE_MANAGEMENT = {
    (0, 0): (0, 0, 0.3, 0.7),
    (0, 1): (0, 0, 0.6, 0.4),
    (0, 2): (0, 0.3, 0.65, 0.05),
    (0, 3): (0.2, 0.75, 0.05, 0),
    (2, 0): (0, 0.6, 0.4, 0),
    (2, 1): (0.05, 0.8, 0.15, 0),
    (2, 2): (0.2, 0.75, 0.05, 0),
    (2, 3): (0.45, 0.55, 0, 0),
}
PARTY_SHARE = {0: 1.0, 1: 0.99, 2: 0.93, 3: 0.6}
# Civil-service grades after Circular 2/2021/TT-BNV: name, first coefficient, step, number of steps.
GRADES = {
    "senior": ("Chuyên viên cao cấp (01.001)", 6.20, 0.36, 6),
    "principal": ("Chuyên viên chính (01.002)", 4.40, 0.34, 8),
    "specialist": ("Chuyên viên (01.003)", 2.34, 0.33, 9),
    "clerk": ("Cán sự (01.004)", 2.10, 0.20, 12),
}

FIELDS = {
    "X_CC_TC": ["Kế toán", "Tài chính - Ngân hàng", "Kinh tế"],
    "X_CC_DC": ["Quản lý đất đai", "Kỹ thuật xây dựng", "Khoa học môi trường"],
    "X_CC_TP": ["Luật", "Luật kinh tế"],
    "X_CC_VH": ["Công tác xã hội", "Văn hóa học", "Xã hội học", "Quản lý văn hóa"],
    "X_CC_VP": ["Quản trị văn phòng", "Hành chính học", "Lưu trữ học", "Công nghệ thông tin"],
    "X_CHQS": ["Chỉ huy tham mưu quân sự cơ sở", "Quân sự cơ sở"],
}
GENERAL_FIELDS = [
    "Luật",
    "Kinh tế",
    "Quản lý nhà nước",
    "Hành chính học",
    "Xây dựng Đảng và chính quyền nhà nước",
    "Kế toán",
    "Kinh tế nông nghiệp",
    "Quản lý kinh tế",
    "Sư phạm Ngữ văn",
    "Sư phạm Toán",
    "Công nghệ thông tin",
    "Quản lý đất đai",
    "Tài chính - Ngân hàng",
    "Chính trị học",
    "Xã hội học",
    "Kỹ thuật xây dựng",
]
UNIVERSITIES = {
    0: [
        "Trường Đại học Luật Hà Nội",
        "Học viện Hành chính Quốc gia",
        "Trường Đại học Kinh tế Quốc dân",
        "Học viện Tài chính",
        "Học viện Nông nghiệp Việt Nam",
        "Trường Đại học Sư phạm Hà Nội",
        "Trường Đại học Nội vụ Hà Nội",
        "Trường Đại học Thái Nguyên",
        "Trường Đại học Hàng hải Việt Nam",
        "Trường Đại học Xây dựng Hà Nội",
        "Học viện Báo chí và Tuyên truyền",
        "Trường Đại học Công đoàn",
    ],
    1: [
        "Trường Đại học Vinh",
        "Trường Đại học Huế",
        "Trường Đại học Đà Nẵng",
        "Trường Đại học Quy Nhơn",
        "Trường Đại học Tây Nguyên",
        "Học viện Hành chính Quốc gia",
        "Trường Đại học Luật, Đại học Huế",
        "Trường Đại học Kinh tế, Đại học Đà Nẵng",
        "Trường Đại học Hồng Đức",
        "Trường Đại học Nha Trang",
    ],
    2: [
        "Trường Đại học Cần Thơ",
        "Trường Đại học Kinh tế TP. Hồ Chí Minh",
        "Trường Đại học Luật TP. Hồ Chí Minh",
        "Trường Đại học Nông Lâm TP. Hồ Chí Minh",
        "Học viện Hành chính Quốc gia (phân viện TP. Hồ Chí Minh)",
        "Trường Đại học Sư phạm TP. Hồ Chí Minh",
        "Trường Đại học An Giang",
        "Trường Đại học Trà Vinh",
    ],
}
THEORY_SCHOOLS = {
    0: "Học viện Chính trị khu vực I",
    1: "Học viện Chính trị khu vực III",
    2: "Học viện Chính trị khu vực II",
}
OCCUPATIONS_BEFORE = [
    "Sinh viên",
    "Giáo viên",
    "Bộ đội xuất ngũ",
    "Cán bộ Đoàn xã",
    "Nhân viên hợp đồng",
    "Làm nông nghiệp",
    "Viên chức trạm y tế",
    "Nhân viên ngân hàng",
    "Kỹ thuật viên",
]
SPOUSE_JOBS = [
    "Giáo viên trường tiểu học",
    "Giáo viên trường THCS",
    "Nhân viên trạm y tế",
    "Kinh doanh tự do",
    "Công nhân",
    "Làm nông nghiệp",
    "Nhân viên văn phòng",
    "Viên chức bệnh viện",
    "Kế toán doanh nghiệp",
    "Nội trợ",
    "Bộ đội",
    "Công an",
    "Giảng viên",
    "Nhân viên ngân hàng",
]
PARENT_JOBS = ["Nghỉ hưu", "Làm nông nghiệp", "Đã mất", "Cán bộ hưu trí", "Buôn bán nhỏ", "Nội trợ"]
LANGUAGES = [
    "Tiếng Anh B1",
    "Tiếng Anh B",
    "Tiếng Anh B2",
    "Tiếng Anh trình độ C",
    "Tiếng Anh A2",
    "Tiếng Trung B",
    "Tiếng Pháp B",
    "Tiếng Nga B",
    "",
]
IT_SKILLS = [
    "Ứng dụng CNTT cơ bản",
    "Tin học văn phòng trình độ B",
    "Tin học trình độ A",
    "Ứng dụng CNTT nâng cao",
]
DISCIPLINE_REASONS = [
    "Thiếu trách nhiệm trong quản lý đất đai trên địa bàn",
    "Vi phạm quy định về quản lý tài chính, ngân sách",
    "Thiếu trách nhiệm trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ được giao",
    "Vi phạm quy chế làm việc của cơ quan",
    "Vi phạm quy định về giải quyết thủ tục hành chính",
    "Vi phạm quy định về kê khai tài sản, thu nhập",
]
RELIGIONS = (("none", 0.93), ("buddhism", 0.04), ("catholicism", 0.02), ("other", 0.01))


def ethnic_table(province_code: str) -> tuple[list[str], np.ndarray]:
    shares = PROVINCE_ETHNICITY.get(province_code, DEFAULT_ETHNICITY)
    codes = ["01", *shares]
    p = np.array([1 - sum(shares.values()), *shares.values()])
    return codes, p / p.sum()


def university_for(region: int, rnd) -> str:
    options = UNIVERSITIES[region] if rnd.random() < 0.8 else UNIVERSITIES[(region + 1) % 3]
    return options[int(rnd.random() * len(options))]


def region(province_code: str) -> int:
    return region_of(province_code)


def quota_draw(rng: np.random.Generator, n: int, shares) -> np.ndarray:
    """Indexes into `shares` for n people, hitting the shares as closely as whole numbers allow."""
    shares = np.asarray(shares, dtype=float)
    shares = shares / shares.sum()
    counts = np.floor(shares * n).astype(int)
    rest = n - counts.sum()
    if rest:
        order = np.argsort(-(shares * n - counts), kind="stable")[:rest]
        counts[order] += 1
    out = np.repeat(np.arange(len(shares)), counts)
    rng.shuffle(out)
    return out
