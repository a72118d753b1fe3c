"""Default catalogue of titles and the standard bodies of a locality.

Plain data: the data migration loads the titles, and `create_standard_bodies` builds the bodies and positions
of a province, district or commune from STANDARD_BODIES. Administrators can change titles afterwards.
"""

# code, Vietnamese name, English name, level, group, rank, key post, head, deputy, non-local rule applies
TITLES = [
    # Province / centrally-run city
    ("T_BT", "Bí thư Tỉnh ủy", "Provincial Party Secretary", "province", "party", 1, True, True, False, True),
    ("T_PBT_TT", "Phó Bí thư Thường trực Tỉnh ủy", "Standing Deputy Secretary", "province", "party", 2, True, False, True, False),
    ("T_PBT", "Phó Bí thư Tỉnh ủy", "Deputy Provincial Party Secretary", "province", "party", 3, True, False, True, False),
    ("T_UVTV", "Ủy viên Ban Thường vụ Tỉnh ủy", "Member of the Provincial Standing Committee", "province", "party", 8, False, False, False, False),
    ("T_TBTC", "Trưởng Ban Tổ chức Tỉnh ủy", "Head of the Provincial Organization Board", "province", "party", 6, True, True, False, False),
    ("T_CNUBKT", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Head of the Provincial Inspection Commission", "province", "party", 6, True, True, False, False),
    ("T_CT_HDND", "Chủ tịch HĐND tỉnh", "Chairman of the Provincial People's Council", "province", "council", 3, True, True, False, False),
    ("T_PCT_HDND", "Phó Chủ tịch HĐND tỉnh", "Vice-chairman of the Provincial People's Council", "province", "council", 7, False, False, True, False),
    ("T_CT_UBND", "Chủ tịch UBND tỉnh", "Chairman of the Provincial People's Committee", "province", "government", 3, True, True, False, True),
    ("T_PCT_UBND", "Phó Chủ tịch UBND tỉnh", "Vice-chairman of the Provincial People's Committee", "province", "government", 7, True, False, True, False),
    ("T_CT_MTTQ", "Chủ tịch Ủy ban MTTQ tỉnh", "Chairman of the Provincial Fatherland Front", "province", "front", 7, True, True, False, False),
    ("T_GD_SO", "Giám đốc Sở", "Director of Department", "province", "government", 10, True, True, False, True),
    ("T_PGD_SO", "Phó Giám đốc Sở", "Deputy Director of Department", "province", "government", 15, False, False, True, False),
    ("T_TP_SO", "Trưởng phòng thuộc Sở", "Head of Division (department)", "province", "government", 20, False, True, False, False),
    ("T_PTP_SO", "Phó Trưởng phòng thuộc Sở", "Deputy Head of Division (department)", "province", "government", 25, False, False, True, False),
    ("T_CV", "Chuyên viên", "Specialist", "province", "civil_service", 40, False, False, False, False),
    # District (before 1 July 2025)
    ("H_BT", "Bí thư Huyện ủy", "District Party Secretary", "district", "party", 1, True, True, False, True),
    ("H_PBT_TT", "Phó Bí thư Thường trực Huyện ủy", "District Standing Deputy Secretary", "district", "party", 2, True, False, True, False),
    ("H_CT_HDND", "Chủ tịch HĐND huyện", "Chairman of the District People's Council", "district", "council", 3, True, True, False, False),
    ("H_CT_UBND", "Chủ tịch UBND huyện", "Chairman of the District People's Committee", "district", "government", 3, True, True, False, True),
    ("H_PCT_UBND", "Phó Chủ tịch UBND huyện", "Vice-chairman of the District People's Committee", "district", "government", 7, True, False, True, False),
    ("H_TBTC", "Trưởng Ban Tổ chức Huyện ủy", "Head of the District Organization Board", "district", "party", 6, True, True, False, False),
    ("H_TP", "Trưởng phòng thuộc UBND huyện", "Head of District Office", "district", "government", 20, False, True, False, False),
    ("H_PTP", "Phó Trưởng phòng thuộc UBND huyện", "Deputy Head of District Office", "district", "government", 25, False, False, True, False),
    ("H_CV", "Chuyên viên huyện", "District Specialist", "district", "civil_service", 40, False, False, False, False),
    # Commune / ward / special zone
    ("X_BT", "Bí thư Đảng ủy xã", "Commune Party Secretary", "commune", "party", 1, True, True, False, True),
    ("X_PBT_TT", "Phó Bí thư Thường trực Đảng ủy xã", "Commune Standing Deputy Secretary", "commune", "party", 2, True, False, True, False),
    ("X_CT_HDND", "Chủ tịch HĐND xã", "Chairman of the Commune People's Council", "commune", "council", 3, True, True, False, False),
    ("X_PCT_HDND", "Phó Chủ tịch HĐND xã", "Vice-chairman of the Commune People's Council", "commune", "council", 7, False, False, True, False),
    ("X_CT_UBND", "Chủ tịch UBND xã", "Chairman of the Commune People's Committee", "commune", "government", 3, True, True, False, True),
    ("X_PCT_UBND", "Phó Chủ tịch UBND xã", "Vice-chairman of the Commune People's Committee", "commune", "government", 7, True, False, True, False),
    ("X_TBTC", "Trưởng Ban Xây dựng Đảng xã", "Head of the Commune Party Building Board", "commune", "party", 8, False, True, False, False),
    ("X_CNUBKT", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã", "Head of the Commune Inspection Commission", "commune", "party", 8, False, True, False, False),
    ("X_CT_MTTQ", "Chủ tịch Ủy ban MTTQ xã", "Chairman of the Commune Fatherland Front", "commune", "front", 7, True, True, False, False),
    ("X_TP", "Trưởng phòng thuộc UBND xã", "Head of Commune Office", "commune", "government", 20, False, True, False, False),
    ("X_PTP", "Phó Trưởng phòng thuộc UBND xã", "Deputy Head of Commune Office", "commune", "government", 25, False, False, True, False),
    ("X_CC_VP", "Công chức Văn phòng - Thống kê", "Civil servant: office and statistics", "commune", "civil_service", 40, False, False, False, False),
    ("X_CC_TC", "Công chức Tài chính - Kế toán", "Civil servant: finance and budget", "commune", "civil_service", 40, False, False, False, False),
    ("X_CC_DC", "Công chức Địa chính - Xây dựng - Môi trường", "Civil servant: land and environment", "commune", "civil_service", 40, False, False, False, False),
    ("X_CC_TP", "Công chức Tư pháp - Hộ tịch", "Civil servant: justice and civil status", "commune", "civil_service", 40, False, False, False, False),
    ("X_CC_VH", "Công chức Văn hóa - Xã hội", "Civil servant: culture, labour and social affairs", "commune", "civil_service", 40, False, False, False, False),
    ("X_CHQS", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Commune Military Commander", "commune", "civil_service", 30, False, True, False, False),
]

# For each territorial kind: the bodies created under it, with the positions (title code, seats) of each.
# Body names are templates filled with the locality's name.
STANDARD_BODIES = {
    "province": [
        ("party_committee", "Tỉnh ủy {name}", [("T_BT", 1), ("T_PBT_TT", 1), ("T_PBT", 1), ("T_UVTV", 10),
                                               ("T_TBTC", 1), ("T_CNUBKT", 1)]),
        ("peoples_council", "HĐND {name}", [("T_CT_HDND", 1), ("T_PCT_HDND", 2)]),
        ("peoples_committee", "UBND {name}", [("T_CT_UBND", 1), ("T_PCT_UBND", 4)]),
        ("fatherland_front", "Ủy ban MTTQ Việt Nam {name}", [("T_CT_MTTQ", 1)]),
    ],
    "district": [
        ("party_committee", "Huyện ủy {name}", [("H_BT", 1), ("H_PBT_TT", 1), ("H_TBTC", 1)]),
        ("peoples_council", "HĐND {name}", [("H_CT_HDND", 1)]),
        ("peoples_committee", "UBND {name}", [("H_CT_UBND", 1), ("H_PCT_UBND", 2)]),
    ],
    "commune": [
        ("party_committee", "Đảng ủy {name}", [("X_BT", 1), ("X_PBT_TT", 1), ("X_TBTC", 1), ("X_CNUBKT", 1)]),
        ("peoples_council", "HĐND {name}", [("X_CT_HDND", 1), ("X_PCT_HDND", 1)]),
        ("peoples_committee", "UBND {name}", [("X_CT_UBND", 1), ("X_PCT_UBND", 2), ("X_CC_VP", 2), ("X_CC_TC", 2),
                                             ("X_CC_DC", 2), ("X_CC_TP", 2), ("X_CC_VH", 2), ("X_CHQS", 1)]),
        ("fatherland_front", "Ủy ban MTTQ Việt Nam {name}", [("X_CT_MTTQ", 1)]),
    ],
}
# Departments of a province's People's Committee (each with T_GD_SO 1, T_PGD_SO 3, T_TP_SO 4, T_CV 8 by default).
PROVINCE_DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương",
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
    "Sở Tư pháp", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
]
DEPARTMENT_POSITIONS = [("T_GD_SO", 1), ("T_PGD_SO", 3), ("T_TP_SO", 4), ("T_PTP_SO", 4), ("T_CV", 8)]
