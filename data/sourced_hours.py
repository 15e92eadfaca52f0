"""Sourced opening hours of the villages: what pages publish, or the default window with what
the sources say. Read through ``sourced_facts.py`` by ``build_from_reference.py``."""

from __future__ import annotations

from sources import (
    CAMPINGVIET,
    ETURBO_TET,
    EXPLOREVIA_DAY,
    EXPLOREVIA_HALF_DAY,
    FANCHETTE_6,
    FVH_PHUNG_XA,
    GRAYLINE_CHUONG,
    IZITOUR,
    MINHANH,
    NORON,
    TIENPHONG_HA_THAI,
    TOURS,
)

NO_HOURS = "no opening hours published"
"""How a source line starts when no page gives clock hours: the hours stay the default window."""

# --------------------------------------------------------------------------------------------
# Opening hours a source gives: (opening_hours, origin, source).
# --------------------------------------------------------------------------------------------
VILLAGE_HOURS: dict[str, tuple[str, str, str]] = {
    "bat-trang": (
        "Mo-Su 08:00-17:30",
        "source",
        "'Thời gian mở cửa: 8h00 – 17h30, thứ 2 đến chủ nhật' (village shops and workshops), "
        "https://bloganchoi.com/kham-pha-lang-gom-bat-trang-ngoi-lang-co-voi-tuoi-doi-600-nam"
        "-tai-ha-noi/?amp=1 (travel blog; in opening_hours_sources.csv)",
    ),
}

DEFAULT_WINDOW = "Mo-Su 08:00-17:30"  # the build script's documented default (HOURS_DEFAULT)


def _no_hours(evidence: str) -> tuple[str, str, str]:
    """Hours where no page gives clock times: the default window, with what the sources say.

    The origin is ``source+default``: the sources (tour timings, market days) say the place
    can be visited, the clock times stay the default, and a plan says "hours not confirmed".
    """
    return (DEFAULT_WINDOW, "source+default", f"{NO_HOURS}; {evidence}; the window is the default")


# The places published tours sell (issue #17): what the sources say about when to visit.
VILLAGE_HOURS.update(
    {
        "duong-lam": _no_hours(
            f"a self-guided day is spent there 08:00-16:30 ({NORON}; {CAMPINGVIET}), a day tour "
            f"10:15-15:00 ({MINHANH}); tickets at the Mông Phụ gate; all in {TOURS}; open at "
            f"Tết: free entry on New Year's Eve and the first two days ({ETURBO_TET}, 2015); "
            "'Thời gian mở cửa: Cả ngày' (open all day, no clock times; https://soha.vn/4-khong-"
            "gian-thanh-binh-de-dao-choi-cuoi-tuan-o-gan-trung-tam-ha-noi-20220821113303937.htm, "
            "2022); a forum's advice to visit in the morning and avoid noon, when families rest "
            "(https://phuot.vn/threads/thong-tin-mot-so-dia-diem-du-lich-mien-bac.1012/page-7; "
            "advice, not a closure)"
        ),
        "van-phuc": _no_hours(
            f"a day tour visits 16:30-17:30 ({MINHANH}, in {TOURS}); the only published hours "
            "are a 2018 festival's, shops open until 23:00 (https://en.vietnamplus.vn/hanois-"
            "silk-village-to-host-handicraft-festival/141479.vnp; opening_hours_sources.csv)"
        ),
        "son-dong": _no_hours(f"a day tour visits 09:00-09:30 ({MINHANH}, in {TOURS})"),
        "chuong": _no_hours(
            f"half-day tours visit in the morning ({EXPLOREVIA_HALF_DAY}) and day tours at "
            f"lunch time ({EXPLOREVIA_DAY}); the hat market is on lunar days ending in 4 and 10 "
            f"({GRAYLINE_CHUONG}; reference notes); all in {TOURS}; the market is early: 'bắt "
            "đầu lúc sớm hơn 6g và kết thúc gần 9g sáng' (from before 06:00 to nearly 09:00, "
            "lunar days 4, 10, 14, 20, 24 and 30; http://hiv.com.vn/an-choi/non-la-cho-chuong-"
            "433505, 2008), from 06:00 and over 'sau hơn 3 tiếng' (https://travelhanoi.com.vn/"
            "chi-tiet-du-lich/cho-non-lang-chuong-112-1583.html), '4 giờ đến 6 giờ sáng' "
            "(https://lite.baomoi.com/ve-lang-chuong-di-cho-phien-non-la-c52354393.epi, 2025), "
            "'open from 6 to 8am' (https://familytraveller.com/holiday-destinations/asia/vietnam/"
            "top-5-things-to-do-in-vietnam-with-your-kids/2/); "
            "the sources disagree and the grammar has no lunar days, so the market stays in "
            "this note and the village window stays the default"
        ),
        "quang-phu-cau": _no_hours(
            f"tours visit in the morning ({EXPLOREVIA_HALF_DAY}) or the afternoon "
            f"({EXPLOREVIA_DAY}), in {TOURS}; incense is dried outdoors on sunny days "
            "(https://nongthon.vietnamtourism.gov.vn/suc-hut-tu-lang-huong-quang-phu-cau-ha-noi); "
            "a family workshop lays its incense display out every morning and clears it in the "
            "afternoon, 'sáng sắp xếp rồi chiều dọn vào, mỗi ngày' (https://vi.alongwalker.co/"
            "@nhaquyennguyen/post/27777): a daytime visit"
        ),
        "ha-thai": _no_hours(
            f"a day tour starts there in the morning ({EXPLOREVIA_DAY}, in {TOURS}); lacquer "
            f"tours of about two hours ({TIENPHONG_HA_THAI})"
        ),
        "quat-dong": _no_hours(
            f"a self-guided guidebook itinerary with Chuyên Mỹ ({FANCHETTE_6}, in {TOURS}); an "
            "embroidery workshop every Saturday morning (https://en.nhandan.vn/hand-embroidery-"
            "workshop-in-quat-dong-village-a-captivating-journey-into-vietnamese-heritage-post158414"
            ".html; reference notes; 'Đều đặn mỗi sáng thứ 7 hằng tuần', https://baophutho.vn/"
            "ha-noi-ve-lang-trai-nghiem-van-hoa-viet-246501.htm, 2026; the class runs 'Đến "
            "trưa', until noon)"
        ),
        "chuyen-my": _no_hours(
            f"a self-guided guidebook itinerary with Quất Động, no times ({FANCHETTE_6}, "
            f"in {TOURS}); the Department of Tourism surveyed Chuôn Ngọ as a tourist site, no "
            "hours (https://laodongthudo.vn/khao-sat-diem-du-lich-lang-nghe-hai-xa-thuoc-huyen-"
            "phu-xuyen-98287.html)"
        ),
        "nhat-tan": _no_hours(
            f"a half-day bike tour from 08:00 ({IZITOUR}, in {TOURS}); free entry to the gardens "
            "in the season before Tết (https://en.vietnamplus.vn/nhat-tan-peach-village-blooms-"
            "ahead-of-tet/221198.vnp); in that season the gardens are 'busy from early morning to "
            "the late afternoon' (https://www.vietnamup.com/2019/01/hanoi-peach-village-busy-"
            "before-tet/), so open at least from early morning to late afternoon then, and "
            "owners 'don't limit the time to visit' (https://www.palomamotorbiketours.com/visit-"
            "peach-village-enjoy-tet-hanoi.html); visitors come 'Từ sáng sớm' (from early "
            "morning) in the 2026 season, when many gardens let people in free (https://www.24h."
            "com.vn/ban-tre-cuoc-song/thieu-nu-xung-xinh-ao-dai-check-in-vuon-dao-nhat-tan-"
            "c64a1738112.html); garden fees of 10,000-30,000 VND in other years (paloma; http://"
            "www.blogtintuc.com/5067.html), so the fee stays unknown"
        ),
        "canh-hoach": _no_hours(
            "the village's page (https://laodongthudo.vn/luu-giu-nghe-lam-quat-giay-truyen-"
            f"thong-dan-hoa-86638.html), the reference notes and the tours in {TOURS} give no "
            "hours or timings; a day tour walks there from Vũ Lăng, no times (https://dcttravel."
            "vn/?p=6912); 'not a lot to do here', a village to wander (https://wordhanoi.com/"
            "travel/day-tripper/the-birdcage-village)"
        ),
        "phung-xa-my-duc": _no_hours(
            "the village's page (https://nguoihanoi.vn/du-ca-lang-nghe-det-to-tam-to-sen-phung-"
            f"xa-84570.html), the reference notes and the tours in {TOURS} give no hours; a "
            f"one-day excursion visits in the afternoon, back in Hanoi by 17:30 ({FVH_PHUNG_XA})"
        ),
        "kim-lan": _no_hours(
            "no tour timings either; the village's Kim Lan museum opens on Saturdays and Sundays "
            "(http://hanoitimes.com.vn/photo-gallery/2017/04/81E2107B/discovering-the-ancient-"
            "pottery-museum-in-hanoi/, its own row bao-tang-gom-kim-lan); a tourist site of the "
            "city since August 2024, no hours given (https://nguoihanoi.vn/print/86990.html); "
            "'hệ thống điểm tham quan, trải nghiệm mở cửa đón khách' (visitor and hands-on "
            "points open to visitors, no hours; https://baomoi.net.vn/lang-gom-ngan-nam-kim-lan-"
            "tao-sinh-ke-tu-du-lich-trai-nghiem-c54506301.epi, 2025)"
        ),
    }
)
