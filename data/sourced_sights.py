"""Sourced sights (pagodas, temples, a theatre): places of a second kind on the shared tours,
with every field's source. Read through ``sourced_facts.py`` by ``build_from_reference.py``.
"""

from __future__ import annotations

from sources import (
    ADMIN_POINTS,
    CAMPINGVIET,
    FANCHETTE_6,
    GRAYLINE_CHUONG,
    IZITOUR,
    MINHANH,
    MUSEMENT,
    NORON,
    SUCKHOECONG,
    TOURS,
    VONGOCIT_2016,
)

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
        "url": "https://vn-sightseeing.com/en/articles/tran-quoc-pagoda-1",
        "notes": "On a small island of West Lake by Thanh Niên road; founded in the 6th century, "
        f"moved here in 1615. On Izitour's half-day bike tour with Nhật Tân ({IZITOUR}, in "
        f"{TOURS}).",
    },
]
