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
SUCKHOECONG = (
    "https://suckhoecong.vn/lich-trinh-kham-pha-lang-co-duong-lam--xem-show-tinh-hoa-bac-bo-d93091.html"
)
EXPLOREVIA_HALF_DAY = (
    "https://www.explorevia.com/vietnam/hanoi-incense-village-conical-hat-artisan-tour-with-pickup_p-352006"
)
VONGOCIT_2016 = (
    "https://vongocit.blogspot.com/2016/02/du-lich-chua-thay-chua-tay-phuong-lang-co-duong-lam.html"
)
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
        f"as part of a Đường Lâm visit (Minh Anh, EZ HN02, campingviet/noron itineraries in {TOURS}).",
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
        "pottery-museum-in-hanoi/, 2017); the clock times are the default window",
        "evidence": "visitors=the country's first communal museum, ~300 artefacts (Hanoi Times)",
        "url": "http://hanoitimes.com.vn/photo-gallery/2017/04/81E2107B/discovering-the-ancient-"
        "pottery-museum-in-hanoi/",
        "notes": "Community archaeology museum of Kim Lan (opened March 2013), about 200 m². "
        "Same point as the kim-lan row.",
    },
]
