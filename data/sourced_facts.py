"""Sourced facts that the reference table lacks: visit lengths, hours, seasons, fees and sights.

Read by ``build_from_reference.py`` (standard library only). Every value here carries the
source it comes from; where a value is our reading of a source (a tour's timetable turned into
minutes), the comment and the source text say how it was read. Values that no source gives are
not here: the build script fills them with the documented defaults and marks them ``default``.
See ``data/README.md``.
"""

from __future__ import annotations

from sourced_hours import DEFAULT_WINDOW, NO_HOURS, VILLAGE_HOURS
from sourced_sights import SIGHT_DEFAULT_MINUTES, SIGHTS

# The tables live in sibling files by concern (sources, hours, sights); the build script reads
# every table from here. The sibling files are found as this one is (``sys.path``).
from sources import (
    ASIAN_TRAILS,
    BAOPHUTHO_QUAT_DONG,
    CAMPINGVIET,
    EXPLOREVIA_HALF_DAY,
    FVH_PHUNG_XA,
    GOTRAVEL,
    MINHANH,
    NHANDAN_QUAT_DONG,
    NORON,
    TIENPHONG_HA_THAI,
    TOURS,
)

__all__ = [
    "ACTIVE_HOURS",
    "DEFAULT_WINDOW",
    "FEES",
    "NO_HOURS",
    "SEASONS",
    "SIGHTS",
    "SIGHT_DEFAULT_MINUTES",
    "VILLAGE_HOURS",
    "VISIT_LENGTHS",
]

# --------------------------------------------------------------------------------------------
# Visit lengths: (short, typical, long, source). short/long None = no source gives one.
# typical None = the reference-kind default of the build script (marked default).
# --------------------------------------------------------------------------------------------
VISIT_LENGTHS: dict[str, tuple[int | None, int | None, int | None, str]] = {
    # typical: the existing reading of the 2010 'half-day tour' (~4 h, less ~1.5 h of road);
    # long: Asian Trails sells 08:00-12:30 with 'around 20 minutes' of driving each way.
    "bat-trang": (
        None,
        150,
        230,
        f"typical: 'a well-known half-day tour from Hanoi' ({GOTRAVEL}), read as ~2.5 h in "
        f"the village; long: half day 08:00-12:30 with a ~20 min drive each way = 230 min "
        f"in the village ({ASIAN_TRAILS}, in {TOURS})",
    ),
    # short: Minh Anh's guided walk, from arrival at 10:15 to lunch at 12:30 = 135 min.
    # typical: Minh Anh arrives 10:15, lunch 12:30 in an old house, at Tây Phương (~15 km)
    # by 15:00: ~4 h 15 min in the village less ~75 min of lunch and rest = ~180 min.
    # long: a self-guided day 08:00-16:30 with 12:00-13:30 for lunch and rest = 420 min.
    "duong-lam": (
        135,
        180,
        420,
        f"short: the guided walk of a day tour, from arrival at 10:15 to lunch at 12:30; "
        f"typical: the same tour at Đường Lâm from 10:15, lunch 12:30 and free time, at Tây "
        f"Phương pagoda by 15:00 ({MINHANH}); long: self-guided day 08:00-16:30 with lunch "
        f"and rest 12:00-13:30 ({CAMPINGVIET}; {NORON}); all in {TOURS}",
    ),
    "son-dong": (
        None,
        30,
        None,
        f"day tour: Sơn Đồng 09:00-09:30, artisans' houses, statue carving and gilding "
        f"({MINHANH}, in {TOURS})",
    ),
    # Minh Anh reaches Vạn Phúc at 16:30 and ends the programme at 17:30: at most 60 min.
    "van-phuc": (
        None,
        60,
        None,
        f"day tour: at Vạn Phúc from 16:30, programme ends 17:30 ({MINHANH}, in {TOURS})",
    ),
    # A morning from Hanoi (~30-35 km each way, ~1 h by road) with ~40 min between the two
    # villages leaves ~40-55 min in each: a short visit of 45 min.
    "chuong": (
        45,
        None,
        None,
        f"short: a half day ('una mañana') for Chuông and Quảng Phú Cầu with ~40 min "
        f"between them, pick-up in Hanoi ({EXPLOREVIA_HALF_DAY}, in {TOURS})",
    ),
    "quang-phu-cau": (
        45,
        None,
        None,
        f"short: a half day ('una mañana') for Chuông and Quảng Phú Cầu with ~40 min "
        f"between them, pick-up in Hanoi ({EXPLOREVIA_HALF_DAY}, in {TOURS})",
    ),
    # A lacquer-making tour: artisans' houses, then the painter's workshop; 'about two hours'.
    "ha-thai": (
        None,
        None,
        120,
        "long: the lacquer tour through the workshops and the painter's studio, 'Tour gói gọn "
        f"trong chừng hai tiếng' (about two hours, {TIENPHONG_HA_THAI})",
    ),
    # Friends of Vietnam Heritage's one-day excursion (29 Aug 2020, 08:30-17:30; postponed
    # for COVID, the programme is as published): a morning at the Hồ Chí Minh Trail Museum
    # (Hà Đông), 'in the afternoon' the lotus-silk artisan at Phùng Xá, her lotus pond and
    # silkworms. Lunch, ~30 km to Mỹ Đức (arrive ~14:00) and ~40 km back by 17:30 (leave
    # ~16:30) leave ~150 min in the village: a long, hands-on visit.
    "phung-xa-my-duc": (
        None,
        None,
        150,
        "long: a one-day excursion 08:30-17:30, the museum in the morning and 'in the "
        "afternoon' Phùng Xá's lotus-silk artisan, her lotus pond and silkworms; read as "
        f"~14:00-16:30 after lunch and the drive, back by 17:30 ({FVH_PHUNG_XA}, 2020 "
        "programme, postponed for COVID)",
    ),
    # Tú Thị's embroidery workshop in the village, 'mỗi sáng thứ 7 hằng tuần' (every Saturday
    # morning); the report follows one class from the cool morning 'Đến trưa' (to noon), when
    # the light is good enough to see each stitch: a hands-on morning, read as ~09:00-12:00 =
    # 180 min. Only on Saturdays; the typical visit stays the default (90 min).
    "quat-dong": (
        None,
        None,
        180,
        "long: the hand-embroidery workshop at Tú Thị's workshop in the village, 'Đều đặn mỗi "
        "sáng thứ 7 hằng tuần' (every Saturday morning), a class that runs from the morning "
        f"'Đến trưa' (until noon), read as ~09:00-12:00 = 180 min ({BAOPHUTHO_QUAT_DONG}, "
        f"2026; 'Every Saturday morning', {NHANDAN_QUAT_DONG})",
    ),
    "cu-da": (None, 180, None, "'half a day' to wander the village (reference notes)"),
    "da-sy": (
        None,
        120,
        None,
        "knife-forging tour of 'a few hours', 30+ min each way from the Old Quarter; "
        "on-site share (reference notes)",
    ),
}


# --------------------------------------------------------------------------------------------
# Seasons (months when the craft is active or at its best) and active hours, with sources.
# Tết (1st day of the 1st lunar month) falls between 21 January and 20 February; "the weeks
# before Tết" (the 12th lunar month, tháng Chạp) are read as December to February.
# --------------------------------------------------------------------------------------------
SEASONS: dict[str, tuple[str, str]] = {
    "quang-an-tra-sen": (
        "6-7",
        "lotus-tea makers start the new season when the West Lake lotus blooms in June "
        "('Cứ đến tháng Sáu ... tất bật bắt tay vào vụ mới', https://baovephapluat.vn/goc-anh/"
        "kham-pha-cong-doan-cong-phu-dua-huong-sen-ho-tay-vao-tra-viet-89819.html); a lotus "
        "season lasts about two months (https://cuoituan.tuoitre.vn/sen-tay-ho-268470.htm)",
    ),
    "nhat-tan": (
        "12-2",
        "peach season before Tết: buyers come 'từ đầu tháng Chạp' (https://kienthuc.net.vn/"
        "kinh-doanh/lang-trong-dao-khap-ca-nuoc-hoi-ha-tat-bat-vao-vu-tet-1327769.html); free "
        "entry to photograph in the season before Tết (https://en.vietnamplus.vn/nhat-tan-"
        "peach-village-blooms-ahead-of-tet/221198.vnp); tháng Chạp to Tết read as Dec-Feb",
    ),
    "tu-lien-quat": (
        "12-2",
        "gardens open to buyers before Tết (reference notes; https://tienphong.vn/mua-ret-phu-"
        "lang-quat-tu-lien-nguoi-ha-noi-van-hao-hung-san-quat-post1815180.tpo); read as Dec-Feb",
    ),
    "tay-tuu": (
        "12-2",
        "'must-see before Tet' (https://en.vietnamplus.vn/tay-tuu-flower-blossoms-herald-lunar-"
        "new-year/166584.vnp, reference notes); read as Dec-Feb",
    ),
    "tranh-khuc": (
        "12-2",
        "bánh chưng for Tết, 'Seasonal (Tet)' (reference notes; https://duyenha.thanhtri.hanoi."
        "gov.vn); read as Dec-Feb",
    ),
    "me-tri-com": (
        "8-11",
        "main cốm season from the late 6th to the 10th lunar month (lite.baomoi.com, reference "
        "notes); read as August to November",
    ),
    "vong-com": (
        "8-10",
        "cốm is an autumn craft, 'Seasonal (autumn)' (reference notes; https://tapchivietnam"
        "huongsac.vn/com-lang-vong-tu-mon-qua-que-dan-da-tro-thanh-nghe-chinh-cua-ca-mot-lang-o-"
        "ha-noi-2505.html); autumn read as August to October",
    ),
}

ACTIVE_HOURS: dict[str, tuple[str, str]] = {
    "phu-thuong-xoi": (
        "Mo-Su 16:00-24:00",
        "the village cooks xôi from ~16:00 to dawn; it is sold in the city in the morning "
        "(thuonghieuvaphapluat.vn, reference notes)",
    ),
}

FEES: dict[str, tuple[int, str]] = {
    # The village has no gate; the tourists' incense display at the Cầu Bầu communal house
    # is free. A family workshop charged 100,000 VND to enter and photograph (a review).
    "quang-phu-cau": (
        0,
        "free: the incense display built for visitors at đình Cầu Bầu, 'đình làng cũng không "
        "thu bất kì khoản phí' (https://danviet.vn/ha-noi-khach-tay-thich-thu-chup-anh-voi-"
        "lang-nghe-lam-huong-20230301172715415.htm, 2023); one family workshop asked 100,000 "
        "VND to visit and photograph its yard (https://vi.alongwalker.co/@nhaquyennguyen/post/"
        "27777, review, undated)",
    ),
    "duong-lam": (
        20000,
        "'vé tham quan là 20.000 VND / người' (https://gody.vn/bai-viet/mot-net-co-kinh-tram-"
        "mac-cua-ha-noi-xua-o-lang-co-duong-lam-7082; in opening_hours_sources.csv)",
    ),
}
