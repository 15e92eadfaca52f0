"""Published tours and pages the sourced facts cite, by key (data/sourced_facts.py and its
siblings sourced_hours.py and sourced_sights.py quote them in their source texts)."""

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
ADMIN_POINTS = (
    "github:tranngocminhhieu/vietnamadminunits/data/raw/63_provinces_location_ward_2025-07-24.csv "
    "(commit 780c279; Google-geocoded commune point)"
)
