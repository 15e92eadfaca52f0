"""Sourced facts that the reference table lacks: visit lengths, hours, seasons, fees and sights.

Read by ``build_from_reference.py`` (standard library only). Every value here carries the
source it comes from; where a value is our reading of a source (a tour's timetable turned into
minutes), the comment and the source text say how it was read. Values that no source gives are
not here: the build script fills them with the documented defaults and marks them ``default``.
See ``data/README.md``.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Published tours and pages used below (cited by key in the source texts).
# --------------------------------------------------------------------------------------------
TOURS = "shared/benchmarks/human-tours/tours.json"
MINHANH = "https://dulichminhanh.com/ha-noi-lang-co-duong-lam-lang-lua-van-phuc-chua-tay-phuong"
ASIAN_TRAILS = "https://asiantrails.travel/trail/hanois-handicraft-centre-at-bat-trang"
GOTRAVEL = "http://gotravelinvietnam.blogspot.com/2010/12/rival-for-old-ceramics-village.html"
CAMPINGVIET = "https://campingviet.vn/di-phuot-lang-co-duong-lam"
NORON = "https://noron.vn/post/den-tham-ngoi-lang-co-tran-ngay-gan-ha-noi-2qwk42qqdm"
SUCKHOECONG = "https://suckhoecong.vn/lich-trinh-kham-pha-lang-co-duong-lam--xem-show-tinh-hoa-bac-bo-d93091.html"
EXPLOREVIA_HALF_DAY = "https://www.explorevia.com/vietnam/hanoi-incense-village-conical-hat-artisan-tour-with-pickup_p-352006"
VONGOCIT_2016 = (
    "https://vongocit.blogspot.com/2016/02/du-lich-chua-thay-chua-tay-phuong-lang-co-duong-lam.html"
)
EXPLOREVIA_DAY = (
    "https://www.explorevia.com/es/vietnam/aldeanias-de-hanoi-arte-en-laca-sombreros-y-varitas-de-"
    "incienso_p-413717"
)
IZITOUR = "https://izitour.com/de/halbtagige-fahrradtour-durch-hanoi"
FANCHETTE_6 = "https://books.openedition.org/irdeditions/26106"
MUSEMENT = (
    "https://www.musement.com/de/hanoi/full-day-tour-of-the-traditional-duong-lam-village-with-"
    "local-lunch-424083"
)
GRAYLINE_CHUONG = (
    "http://graylinehalongcruise.blogspot.com/2015/11/one-day-tour-visiting-chuong-village.html"
)
TIENPHONG_HA_THAI = (
    "https://tienphong.vn/trai-nghiem-lang-nghe-son-mai-doc-nhat-vo-nhi-post983381.amp"
)
FVH_PHUNG_XA = "http://www.fvheritage.org/event/1-day-excursion-2/"
ETURBO_TET = (
    "https://es.eturbonews.com/107836/atracciones-tur%C3%ADsticas-de-vietnam-ofrecen-entrada-"
    "gratuita-durante-tet/"
)
BAOPHUTHO_QUAT_DONG = "https://baophutho.vn/ha-noi-ve-lang-trai-nghiem-van-hoa-viet-246501.htm"
NHANDAN_QUAT_DONG = (
    "https://en.nhandan.vn/hand-embroidery-workshop-in-quat-dong-village-a-captivating-journey-"
    "into-vietnamese-heritage-post158414.html"
)
NO_HOURS = "no opening hours published"
"""How a source line starts when no page gives clock hours: the hours stay the default window."""
ADMIN_POINTS = (
    "github:tranngocminhhieu/vietnamadminunits/data/raw/63_provinces_location_ward_2025-07-24.csv "
    "(commit 780c279; Google-geocoded commune point)"
)

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

# --------------------------------------------------------------------------------------------
# Sights: places of a second kind on the shared tours. Coordinates: "ref:<id>" copies the
# point (and its kind, precision and source) of that reference row verbatim; otherwise the
# values are given with their source. Every other field follows the same rules as villages.
# --------------------------------------------------------------------------------------------
SIGHT_DEFAULT_MINUTES = 45  # ASSUMPTION for a sight without a sourced length (see README)

SIGHTS: list[dict[str, str]] = [
    {
        "id": "chua-tay-phuong",
        "kind": "pagoda",
        "name_vi": "Chùa Tây Phương",
        "name_en": "Tay Phuong pagoda",
        "craft_vi": "chùa cổ; tượng La Hán",
        "craft_en": "old pagoda; carved Arhat statues",
        "themes": "heritage",
        "old_district": "Huyện Thạch Thất",
        "position": "ref:thach-xa",
        "confidence": "high",
        "visit_minutes": "45",
        "visit_minutes_source": f"day tour: at Tây Phương at 15:00, at Vạn Phúc (~25 km) by "
        f"16:30 ({MINHANH}, in {TOURS}); ~45 min at the pagoda (237 laterite steps up the hill)",
        "fee_vnd": "10000",
        "fee_source": f"'Chùa Tây Phương ... 10.000 VNĐ' (prices of 05/02/2016, {VONGOCIT_2016})",
        "evidence": "heritage_listed=national relic (1962), special national relic (2015);"
        "tour=day tours with Đường Lâm (Minh Anh, EZ HN02)",
        "url": "https://www.waymarking.com/waymarks/WMDMC3_Tay_Phuong_Pagoda_Yen_Village_Vietnam",
        "notes": "Sùng Phúc tự, on Câu Lậu hill, thôn Yên, old xã Thạch Xá. Bamboo dragonflies "
        "of Thạch Xá are sold at its steps. Tours: Minh Anh and EZ HN02 (in "
        f"{TOURS}). History: https://ximgo.com/tin-tuc/du-lich-chua-tay-phuong-cach-di-diem-"
        "vui-choi-luu-y-1582",
    },
    {
        "id": "chua-thay",
        "kind": "pagoda",
        "name_vi": "Chùa Thầy",
        "name_en": "Thay pagoda (Master's pagoda)",
        "craft_vi": "chùa cổ; thủy đình múa rối nước",
        "craft_en": "old pagoda; water-puppet pavilion",
        "themes": "heritage",
        "old_district": "Huyện Quốc Oai",
        "position": f"21.032456,105.647118,commune_centroid,2500,{ADMIN_POINTS} — Xã Sài Sơn "
        "(the pagoda is at the foot of Sài Sơn mountain, thôn Đa Phúc)",
        "confidence": "medium",
        "opening_hours": "Mo-Su 08:00-17:00; PH 08:00-17:00",
        "opening_hours_source": "'mở cửa đón khách tham quan từ 8h sáng đến 5h chiều hàng ngày' "
        "(https://bietthungoctrai.vn/chua-thay-ha-noi/, 2023); open and busiest at Tết "
        "('dịp Tết Nguyên đán hàng năm, du khách về lễ bái, dâng hương càng đông hơn', "
        "https://ngaynay.vn/chua-thay-ngoi-co-tu-linh-thieng-giua-long-ha-noi-post148174.html)",
        "fee_vnd": "15000",
        "fee_source": f"'Chùa Thầy ... 15.000 VNĐ' (prices of 05/02/2016, {VONGOCIT_2016}); "
        "the Michelin guide gives 10,000 VND (https://travelguide.michelin.com/asia/vietnam/"
        "ha-noi/hanoi/thay-pagoda-masters-pagoda)",
        "evidence": "heritage_listed=special national relic (2014);tour=EZ HN02 day tour",
        "url": "https://thequintessenceoftonkin.com/en/older-pagodas/thay-pagoda",
        "notes": "Thiên Phúc tự, Xã Sài Sơn, Quốc Oai; water-puppet pavilion (Thủy Đình) on "
        "Long Trì pond; festival on the 7th day of the 3rd lunar month. Tour: EZ HN02 (in "
        f"{TOURS}).",
    },
    {
        "id": "chua-mia",
        "kind": "pagoda",
        "name_vi": "Chùa Mía",
        "name_en": "Mia pagoda",
        "craft_vi": "chùa cổ; 287 pho tượng",
        "craft_en": "old pagoda; 287 statues",
        "themes": "heritage",
        "old_district": "Thị xã Sơn Tây",
        "commune_2025": "ref:duong-lam",
        "position": "21.161437,105.467562,landmark,15,landmark: Chùa Mía (Sùng Nghiêm Tự), "
        "thôn Đông Sàng, plus code 5F69+H2 (full 7PH75F69+H2, decoded with the Open Location "
        "Code algorithm) at http://360.hncity.org/?Chua-Mia-Sung-Nghiem-Tu (article 172)",
        "confidence": "high",
        "visit_minutes": "40",
        "visit_minutes_source": f"self-guided day: 13:30-15:30 for Phùng Hưng temple, Ngô "
        f"Quyền's tomb and Mía pagoda, ~40 min each ({CAMPINGVIET}; {NORON}, in {TOURS})",
        "opening_hours": "Mo-Su 07:00-17:00; PH 07:00-17:00",
        "opening_hours_source": "'07:00 - 17:00' (https://justfly.vn/attractions/vietnam/hanoi/"
        "chua-mia-son-tay); open at Tết ('Những ngày đầu năm mới, hàng nghìn du khách đã hành "
        "hương về ngôi chùa này', https://www.doanhnghiepthuonghieu.vn/chua-mia-dong-khach-"
        "thap-phuong-den-cau-an-ngay-dau-nam-p44135.html)",
        "evidence": "heritage_listed=national relic (1993);tour=visited on Đường Lâm day tours",
        "url": "http://360.hncity.org/?Chua-Mia-Sung-Nghiem-Tu",
        "notes": "Sùng Nghiêm tự, in Đường Lâm ancient village (thôn Đông Sàng); usually seen "
        "as part of a Đường Lâm visit (Minh Anh, EZ HN02, campingviet/noron itineraries in "
        f"{TOURS}).",
    },
    {
        "id": "chua-khai-nguyen",
        "kind": "pagoda",
        "name_vi": "Chùa Khai Nguyên",
        "name_en": "Khai Nguyen pagoda",
        "craft_vi": "chùa; tượng Phật A Di Đà cao 72 m",
        "craft_en": "pagoda; 72 m Amitabha statue",
        "themes": "heritage",
        "old_district": "Thị xã Sơn Tây",
        "position": f"21.070988,105.482968,commune_centroid,2500,{ADMIN_POINTS} — Xã Sơn Đông "
        "(Sơn Tây); the pagoda is in thôn Tây Ninh / Khoang Sau of that commune",
        "confidence": "medium",
        "visit_minutes": "70",
        "visit_minutes_source": f"day trip: at Khai Nguyên at 08:30, at Đường Lâm (~10 km) at "
        f"10:00 ({SUCKHOECONG}, in {TOURS}); ~70 min at the pagoda",
        "opening_hours": "Mo-Su 07:00-20:00; PH 07:00-20:00",
        "opening_hours_source": "'Giờ mở cửa: 07:00 – 20:00 hàng ngày', free entry "
        "(https://oneshop.vn/blog/chua-khai-nguyen-o-dau-mo-cua-luc-may-gio-n10p, citing Xanh "
        "SM); open at Tết ('Những ngày đầu năm, hàng vạn du khách...', https://news.laodong.vn/"
        "du-lich/kham-pha/ngoi-chua-co-tuong-phat-cao-72m-trai-tim-ngoc-nang-1-tan-o-ha-noi-"
        "1145231.html)",
        "fee_vnd": "0",
        "fee_source": "'Giá vé: Miễn phí' (https://oneshop.vn/blog/chua-khai-nguyen-o-dau-mo-"
        "cua-luc-may-gio-n10p)",
        "evidence": "tour=day trip with Đường Lâm (suckhoecong.vn);visitors=tens of thousands "
        "in the first days of the year (laodong.vn)",
        "url": "https://news.laodong.vn/du-lich/kham-pha/ngoi-chua-co-tuong-phat-cao-72m-trai-"
        "tim-ngoc-nang-1-tan-o-ha-noi-1145231.html",
        "notes": "Cổ Liêu tự, Xã Sơn Đông, Sơn Tây — not Sơn Đồng (Hoài Đức). Rebuilt from "
        "2003; the 72 m Amitabha statue has 13 floors.",
    },
    {
        "id": "bao-tang-gom-bat-trang",
        "kind": "museum",
        "name_vi": "Bảo tàng gốm Bát Tràng",
        "name_en": "Bat Trang ceramics museum",
        "craft_vi": "bảo tàng gốm; nặn gốm",
        "craft_en": "ceramics museum; pottery making",
        "themes": "ceramics;heritage",
        "old_district": "Huyện Gia Lâm",
        "commune_2025": "ref:bat-trang",
        "position": f"20.985507,105.914729,commune_centroid,2500,{ADMIN_POINTS} — Xã Bát Tràng; "
        "the museum is at 28 Đường Bát Tràng, thôn 5",
        "confidence": "high",
        "opening_hours": "Mo-Fr 08:00-17:30; Sa,Su 08:00-18:00",
        "opening_hours_source": "'Thứ 2 – Thứ 6: 08:00 – 17:30; Cuối tuần: 08:00 – 18:00' "
        "(https://battrangvietnam.vn/du-lich/bao-tang-gom-bat-trang; in "
        "opening_hours_sources.csv; a second page gives 08:00-18:00 every day)",
        "fee_vnd": "60000",
        "fee_source": "floors 1, 2 and 4: 60,000 VND; floors 3 and 5: 90,000 VND; pottery "
        "making 70,000 VND (https://battrangvietnam.vn/du-lich/bao-tang-gom-bat-trang)",
        "evidence": "visitors=opened April 2022, a much-visited sight (battrangvietnam.vn)",
        "url": "https://battrangvietnam.vn/du-lich/bao-tang-gom-bat-trang",
        "notes": "Trung tâm Tinh hoa Làng nghề Việt, 28 Đường Bát Tràng, thôn 5, xã Bát "
        "Tràng; six floors; pottery making on the ground floor.",
    },
    {
        "id": "bao-tang-gom-kim-lan",
        "kind": "museum",
        "name_vi": "Bảo tàng gốm cổ Kim Lan",
        "name_en": "Kim Lan museum of ceramics and history",
        "craft_vi": "bảo tàng gốm cổ",
        "craft_en": "museum of old ceramics",
        "themes": "ceramics;heritage",
        "old_district": "Huyện Gia Lâm",
        "commune_2025": "ref:kim-lan",
        "position": "ref:kim-lan",
        "confidence": "high",
        "opening_hours": "Sa,Su 08:00-17:30",
        "opening_hours_origin": "source+default",
        "opening_hours_source": "'The Kim Lan Museum is open every Saturday and Sunday' "
        "(http://hanoitimes.com.vn/photo-gallery/2017/04/81E2107B/discovering-the-ancient-"
        "pottery-museum-in-hanoi/, 2017; 'open to the public on weekends' since March 2013, "
        "https://m.vovworld.vn/en-US/discovery-vietnam/kim-lan-pottery-museum-195148.vov; "
        "'now open only on the weekend', http://www.thanhniennews.com/arts-culture/the-little-"
        "museum-that-couldnt-24605.html); the clock times are the default window",
        "evidence": "visitors=the country's first communal museum, ~300 artefacts (Hanoi Times)",
        "url": "http://hanoitimes.com.vn/photo-gallery/2017/04/81E2107B/discovering-the-ancient-"
        "pottery-museum-in-hanoi/",
        "notes": "Community archaeology museum of Kim Lan (opened March 2013), about 200 m². "
        "Same point as the kim-lan row.",
    },
]

# Sights of the shared tours added for issue #17. Positions: a plus code on 360.hncity.org
# decoded with the Open Location Code algorithm (as for the reference's landmarks), GPS
# values published on asiaphotos.org, en.wikipedia's arc-second coordinates, or the commune
# point of ADMIN_POINTS where no point for the sight itself was found.
SIGHTS += [
    {
        "id": "chua-tram",
        "kind": "pagoda",
        "name_vi": "Chùa Trăm Gian",
        "name_en": "Tram Gian pagoda (Hundred-compartment pagoda)",
        "craft_vi": "chùa cổ; 104 gian; 153 pho tượng",
        "craft_en": "old pagoda; 104 bays; 153 statues",
        "themes": "heritage",
        "old_district": "Huyện Chương Mỹ",
        "position": f"20.936379,105.682312,commune_centroid,2500,{ADMIN_POINTS} — Xã Tiên "
        "Phương; the pagoda is on Sở hill, thôn Tiên Lữ, of that commune",
        "confidence": "medium",
        "opening_hours": "Mo-Su 08:00-18:00",
        "opening_hours_source": "'08:00 - 18:00' (https://justfly.vn/zh/discovery/vietnam/hanoi/"
        "chua-tram-gian)",
        "evidence": "heritage_listed=national historical relic (VietnamPlus);"
        "tour=one-day tour with Chuông village",
        "url": "https://csdl.vietnamtourism.gov.vn/dest/?item=142",
        "notes": "Quảng Nghiêm tự (also chùa Tiên Lữ, chùa Sở), thôn Tiên Lữ, xã Tiên Phương, "
        "Chương Mỹ; founded 1185; 104 bays, 153 statues; national relic (https://www."
        "vietnamplus.vn/video-ngam-ve-dep-thanh-tinh-cua-chua-tram-gian-ngan-tuoi/614838.vnp). "
        f"The 'Tram pagoda' of the Chuông day tour ({GRAYLINE_CHUONG}, in {TOURS}) is read as "
        "this pagoda; chùa Trầm (Phụng Châu, also Chương Mỹ) is the other candidate, and the "
        "tour's excerpt ends before it says which.",
    },
    {
        "id": "den-dai-lo",
        "kind": "temple",
        "name_vi": "Đền Đại Lộ",
        "name_en": "Dai Lo temple",
        "craft_vi": "đền thờ Tứ Vị Thánh Nương",
        "craft_en": "temple of the Four Holy Mothers",
        "themes": "heritage",
        "old_district": "Huyện Thường Tín",
        "position": "20.907937,105.893062,landmark,15,landmark: Đền Đại Lộ, thôn Đại Lộ, xã "
        "Ninh Sở, plus code WV5V+56 (full 7PG7WV5V+56, decoded with the Open Location Code "
        "algorithm) at http://360.hncity.org/spip.php?article410",
        "confidence": "high",
        "evidence": "heritage_listed=national relic (2014, 360.hncity.org);"
        "tour=Fanchette & Stedman itinerary 6",
        "url": "http://360.hncity.org/spip.php?article410",
        "notes": "Đền Lộ, outside the Red River dyke, thôn Đại Lộ, xã Ninh Sở, Thường Tín; "
        "built at the end of the Trần dynasty; national relic (2014). First stop of "
        f"Fanchette & Stedman's itinerary 6 ({FANCHETTE_6}, in {TOURS}). No opening hours "
        "or fee published.",
    },
    {
        "id": "van-mieu",
        "kind": "temple",
        "name_vi": "Văn Miếu – Quốc Tử Giám",
        "name_en": "Temple of Literature",
        "craft_vi": "văn miếu; Quốc Tử Giám; bia tiến sĩ",
        "craft_en": "Confucian temple; Imperial Academy; doctors' steles",
        "themes": "heritage",
        "old_district": "Quận Đống Đa",
        "position": "21.028611,105.835556,landmark,30,landmark: Văn Miếu, Quốc Tử Giám street, "
        "'21°1′43″N 105°50′8″E' (https://en.wikipedia.org/wiki/Temple_of_Literature,_Hanoi)",
        "confidence": "high",
        "opening_hours": "Mo-Su 08:00-17:00; PH 08:00-17:00",
        "opening_hours_source": "'from 7:30 am to 5:30 pm in summer (April to October) and "
        "from 8:00 am to 5:00 pm in winter (November to March)', every day "
        "(https://sixt.vn/temple-of-literature); the winter hours, which hold all year; open "
        "at Tết: 55,000 visitors 'Từ mùng 1 đến hết mùng 3 Tết' (https://www.sggp.org.vn/3-"
        "ngay-dau-nam-moi-hon-55000-luot-khach-den-van-mieu-quoc-tu-giam-post839187.html, 2026)",
        "fee_vnd": "30000",
        "fee_source": "'The admission fee ... is VND 30,000' (undated, https://toplist.info/"
        "top/temple-of-literature-97027.htm)",
        "evidence": "tour=Duong Lam day tour, on the way back (musement);"
        "visitors=55,000 visitors in the first three days of Tết 2026 (sggp.org.vn)",
        "url": "https://en.wikipedia.org/wiki/Temple_of_Literature,_Hanoi",
        "notes": "Temple to Confucius founded 1070; Vietnam's first national university "
        f"(1076). Visited on the way back from Đường Lâm ({MUSEMENT}, in {TOURS}).",
    },
    {
        "id": "mua-roi-thang-long",
        "kind": "show",
        "name_vi": "Nhà hát Múa rối Thăng Long",
        "name_en": "Thang Long water puppet theatre",
        "craft_vi": "múa rối nước",
        "craft_en": "water puppetry",
        "themes": "performance",
        "old_district": "Quận Hoàn Kiếm",
        "position": "21.03174,105.85334,landmark,30,landmark: Nhà hát Múa rối Thăng Long, 57B "
        "Đinh Tiên Hoàng, 'GPS : 21.03174, 105.85334' (https://asiaphotos.org/VIETNAM/PHOTOS/"
        "HANOI%20Province/Thang%20Long%20Water%20Puppet/indexb.html)",
        "confidence": "high",
        # a visit is one whole show: short = typical = long
        "short_minutes": "50",
        "visit_minutes": "50",
        "long_minutes": "50",
        "visit_minutes_source": "one show, no shorter or longer visit: 'The concert lasts "
        "approximately 50 minutes' (https://toplist.info/top/thang-long-water-puppet-theatre-"
        "97033.htm)",
        # each span is one show: from 15 min before its start (tickets, seats: our reading,
        # the planner's default stop time) to its end, 50 minutes after the start
        "opening_hours": "Mo-Su 14:45-15:50,15:55-17:00,17:05-18:10,18:15-19:20,19:45-20:50",
        "opening_hours_source": "shows 'Show Time: 15:00 ,16:10,17:20,18:30,20:00 Everyday' "
        "(https://vietflametours.com/hanoi-water-puppet-theatre.html), each ~50 min "
        "(https://toplist.info/top/thang-long-water-puppet-theatre-97033.htm); each span opens "
        "15 min before a show to buy tickets and be seated (our reading), so a visit is one "
        "whole show",
        "fee_vnd": "100000",
        "fee_source": "'The ticket price is 100,000 Vietnamese dong' (https://www.china-"
        "travelnote.com/attractions/17765.html); seats may cost more",
        "evidence": "tour=water puppet show at the end of a Duong Lam day tour (musement);"
        "visitors=about 500 shows and 150,000 spectators a year (vietflametours.com)",
        "url": "https://vietflametours.com/hanoi-water-puppet-theatre.html",
        "notes": "57B Đinh Tiên Hoàng, on the north-east shore of Hoàn Kiếm Lake; founded "
        f"1969. The show that ends the musement Đường Lâm day tour ({MUSEMENT}, in {TOURS}).",
    },
    {
        "id": "chua-tran-quoc",
        "kind": "pagoda",
        "name_vi": "Chùa Trấn Quốc",
        "name_en": "Tran Quoc pagoda",
        "craft_vi": "chùa cổ nhất Hà Nội; bảo tháp 11 tầng",
        "craft_en": "Hanoi's oldest pagoda; 11-storey stupa",
        "themes": "heritage",
        "old_district": "Quận Tây Hồ",
        "position": "21.04785,105.83673,landmark,30,landmark: Chùa Trấn Quốc, Thanh Niên road, "
        "'GPS : 21.04785, 105.83673' (https://asiaphotos.org/VIETNAM/PHOTOS/HANOI%20Province/"
        "Tran%20Quoc%20Pagoda/indexb.html)",
        "confidence": "high",
        "opening_hours": "Mo-Su 08:00-17:00; PH 08:00-17:00",
        "opening_hours_source": "'Opening: 8:00 – 17:00' (https://vn-sightseeing.com/en/"
        "articles/tran-quoc-pagoda-1); open at Tết: crowds at 10:00 on the 1st day of Tết "
        "2025 ('thời điểm 10h sáng 29/1 (tức mùng 1 Tết), dòng người nườm nượp đổ về đây', "
        "https://kienthuc.net.vn/xa-hoi/nguoi-dan-ha-noi-no-nuc-di-le-chua-ngay-mung-1-tet-at-"
        "ty-2076937.html)",
        "fee_vnd": "0",
        "fee_source": "'Price: Free' (https://vn-sightseeing.com/en/articles/tran-quoc-pagoda-1)",
        "evidence": "tour=half-day bike tour round West Lake (izitour)",
        "url": "https://vn-sightseeing.com/en/articles/tran-quoc-pagoda-1",
        "notes": "On a small island of West Lake by Thanh Niên road; founded in the 6th century, "
        f"moved here in 1615. On Izitour's half-day bike tour with Nhật Tân ({IZITOUR}, in "
        f"{TOURS}).",
    },
]
