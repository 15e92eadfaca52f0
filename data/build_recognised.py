"""Add Hanoi's recognised villages and four tour villages to ``villages.csv``; give rows a status.

Usage: ``python data/build_recognised.py [REFERENCE_DIR]`` (default ``../shared/reference``,
which holds ``recognised_villages_from_news.csv``). Run it after ``build_from_reference.py``
(which calls it): it keeps the rows of ``hanoi_craft_villages.csv`` and every column as they
are, appends the columns
``status, status_year, status_title, status_source`` and fills them, and appends (or
replaces) the rows listed in ``RECOGNISED`` and ``TOUR_VILLAGES`` below.

Positions follow data/README.md ("Positions and status"): the pre-2025 commune point of the
``vietnamadminunits`` package (``tourplan.geocode.communes``, the same code as
``tourplan villages import``), ``coord_kind = commune_centroid`` with a precision of half the
commune box's diagonal kept to 1-3 km (3-4 km where the commune was merged on 1 January 2025);
a village point only where a source gives one inside the commune's box (the GeoNames points in
the reference file). Every point is checked to lie in its district's box, and the script
refuses to write otherwise. Hours and visit lengths are the marked defaults; interest comes
from ``evidence.csv`` by the rule in ``tourplan.datasets.evidence``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from tourplan.datasets.evidence import EvidenceRule, load_evidence
from tourplan.geocode.communes import CommuneError, commune_index

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = HERE.parent.parent / "shared" / "reference"
STATUS_COLUMNS = ["status", "status_year", "status_title", "status_source"]
HOURS_DEFAULT = "Mo-Su 08:00-17:30"
VISIT_DEFAULT = 90  # the WORKSHOP default of build_from_reference.py (a default, marked so)
GEONAMES_PRECISION_M = 1300  # arc-minute rounding, as NOTES_v2.md estimates for GeoNames
STRIKE_OFF = "https://nguoiduatin.vn/ha-noi-ra-soat-29-lang-nghe-truyen-thong-204606347.htm"
STRIKE_OFF_IDS = {"me-tri-com": STRIKE_OFF, "truong-yen": STRIKE_OFF}

# Recognised, still-listed villages of recognised_villages_from_news.csv that are not yet in
# villages.csv, by the reference's name_vi: (id, name_en, craft_en, themes). Themes are a
# judgement from the craft: mother-of-pearl inlay and kites are `art` (as in data/README.md),
# conical hats `bamboo`, fishing nets, bedding and tailoring `textiles`, kumquats, peach
# trees and bougainvillea `flowers`, tofu, rice wine, noodles and cốm `food`.
RECOGNISED: dict[str, tuple[str, str, str, str]] = {
    "Làng lưới cước Trần Phú": (
        "tran-phu-luoi",
        "Tran Phu fishing-net village",
        "fishing nets and nylon line",
        "textiles",
    ),
    "Làng hoa cây cảnh Nội Thôn": (
        "noi-thon-hoa",
        "Noi Thon flower and ornamental-plant village",
        "flowers and ornamental plants",
        "flowers",
    ),
    "Làng miến dong, bánh đa Phú Diễn": (
        "phu-dien-mien",
        "Phu Dien arrowroot-noodle and rice-cracker village",
        "arrowroot vermicelli, rice crackers",
        "food",
    ),
    "Làng mộc dân dụng, điêu khắc Tân Mỹ": (
        "tan-my-moc",
        "Tan My carpentry and carving village",
        "furniture carpentry and carving",
        "wood",
    ),
    "Làng mộc mỹ nghệ An Định": (
        "an-dinh-moc",
        "An Dinh fine-art woodwork village",
        "fine-art woodwork",
        "wood",
    ),
    "Làng đậu chài Võng La": ("vong-la-dau", "Vong La tofu village", "tofu making", "food"),
    "Làng chăn ga gối đệm Ngọc Động": (
        "ngoc-dong-chan-ga",
        "Ngoc Dong bedding village",
        "blankets, sheets, pillows and mattresses",
        "textiles",
    ),
    "Làng nón lá Vĩnh Thịnh": (
        "vinh-thinh-non",
        "Vinh Thinh conical-hat village",
        "palm-leaf conical hats",
        "bamboo",
    ),
    "Làng quất cảnh Tàm Xá": (
        "tam-xa-quat",
        "Tam Xa ornamental kumquat village",
        "ornamental kumquat growing",
        "flowers",
    ),
    "Làng đồ gỗ mỹ nghệ Thù Lỗ": (
        "thu-lo-go",
        "Thu Lo fine-art furniture village",
        "fine-art wooden furniture",
        "wood",
    ),
    "Làng cây cảnh hoa giấy Phù Đổng": (
        "phu-dong-hoa-giay",
        "Phu Dong bougainvillea village",
        "bougainvillea and ornamental plants",
        "flowers",
    ),
    "Làng mây tre đan thôn 3 Vạn Phúc": (
        "van-phuc-may-tre",
        "Van Phuc (Thanh Tri) hamlet 3 rattan and bamboo village",
        "rattan and bamboo weaving",
        "bamboo",
    ),
    "Làng mộc Triệu Xuyên": (
        "trieu-xuyen-moc",
        "Trieu Xuyen carpentry village",
        "carpentry",
        "wood",
    ),
    "Làng cắt may làng Táo": ("tao-cat-may", "Tao tailoring village", "tailoring", "textiles"),
    "Làng trồng đào, cây cảnh Đông Thai": (
        "dong-thai-dao",
        "Dong Thai peach-blossom village",
        "peach trees and ornamental plants",
        "flowers",
    ),
    "Làng khảm trai thôn Trung (Chuôn Trung)": (
        "chuon-trung-kham-trai",
        "Chuon Trung mother-of-pearl inlay village",
        "mother-of-pearl inlay",
        "art",
    ),
    "Làng chế biến nguyên liệu khảm thôn Thượng": (
        "chuyen-my-thuong",
        "Chuyen My Thuong hamlet: inlay-material village",
        "preparing shell for inlay",
        "art",
    ),
    "Làng khảm trai thôn Hạ": (
        "chuyen-my-ha",
        "Chuyen My Ha hamlet mother-of-pearl inlay village",
        "mother-of-pearl inlay",
        "art",
    ),
    "Làng khảm trai - sơn mài Bối Khê": (
        "boi-khe-kham-trai",
        "Boi Khe inlay and lacquer village",
        "mother-of-pearl inlay, lacquer",
        "art;lacquer",
    ),
    "Làng đồ gỗ mỹ nghệ - khảm trai Đồng Vinh": (
        "dong-vinh-go-kham",
        "Dong Vinh inlaid furniture village",
        "fine-art furniture with mother-of-pearl inlay",
        "art;wood",
    ),
    "Làng sơn khảm Mỹ Văn": (
        "my-van-son-kham",
        "My Van lacquer-inlay village",
        "lacquer with inlay",
        "art;lacquer",
    ),
    "Làng mộc dân dụng Chanh Thôn": (
        "chanh-thon-moc",
        "Chanh Thon carpentry village",
        "furniture carpentry",
        "wood",
    ),
    "Làng hoa, cây cảnh Tích Giang": (
        "tich-giang-hoa",
        "Tich Giang flower and ornamental-plant village",
        "flowers and ornamental plants",
        "flowers",
    ),
    "Làng mộc Vạn An": ("van-an-moc", "Van An carpentry village", "carpentry", "wood"),
    "Nghề cốm phố Hàng Than": (
        "hang-than-com",
        "Hang Than street com craft",
        "products made of com (green rice flakes)",
        "food",
    ),
    "Nghề làm diều sáo Bá Dương Nội": (
        "ba-duong-noi-dieu",
        "Ba Duong Noi flute-kite craft",
        "kites with bamboo flutes",
        "art",
    ),
    "Làng mộc Hát Môn": ("hat-mon-moc", "Hat Mon carpentry village", "carpentry", "wood"),
    "Nghề đậu phụ Mơ Mai Động": (
        "mai-dong-dau-phu",
        "Mo (Mai Dong) tofu craft",
        "tofu making",
        "food",
    ),
}
# Recognised rows of the reference left out, with the reason (data/README.md repeats them).
LEFT_OUT = {
    "Làng gốm sứ Giang Cao": "a hamlet of Bát Tràng commune, covered by bat-trang",
    "Làng cỏ tế mây tre đan Lưu Thượng": "a hamlet of Phú Túc commune, covered by phu-tuc",
}

# The four villages on published tours (issue #18): commune and district from the source.
TOUR_VILLAGES: list[dict[str, str]] = [
    {
        "id": "vu-lang",
        "name_vi": "Làng tạc tượng Vũ Lăng",
        "name_en": "Vu Lang wood-sculpture village",
        "craft_vi": "tạc tượng gỗ, đồ thờ",
        "craft_en": "wooden statues and altar furniture",
        "themes": "art;wood",
        "commune": "Xã Dân Hòa",
        "district": "Huyện Thanh Oai",
        "url": "https://dantri.com.vn/lao-dong-viec-lam/lang-tac-tuong-vu-lang-tinh-hoa-ban-tay-nguoi-tho-20161102070539547.htm",
        "notes": "Làng Vũ Lăng, xã Dân Hòa, huyện Thanh Oai: statue carving since the 16th c. "
        "(dantri 2016, url); also http://vietnam.vnanet.vn/vietnamese/tuong-go-lang-vu-lang/"
        "184254.html. Beside Canh Hoạch (canh-hoach), same commune. No recognition decision "
        "found.",
        "status": "traditional",
    },
    {
        "id": "ngau-ruou",
        "name_vi": "Làng rượu Ngâu (thôn Yên Ngưu)",
        "name_en": "Ngau rice-wine village",
        "craft_vi": "nấu rượu, rượu hoa cúc",
        "craft_en": "rice wine, chrysanthemum wine",
        "themes": "food",
        "commune": "Xã Tam Hiệp",
        "district": "Huyện Thanh Trì",
        "url": "https://vnbusiness.vn/mo-hinh/mua-ngau-ruou-lang-ngau-len-huong-1072634.html",
        "notes": "Thôn Yên Ngưu (làng Ngâu), xã Tam Hiệp, huyện Thanh Trì: rice wine and "
        "chrysanthemum wine (vnbusiness, url; danviet https://danviet.vn/print-"
        "20240809153305046.htm). Xã Tam Hiệp also exists in Phúc Thọ: the district decides. "
        "On the Department of Tourism's 2023 route survey (tours.json "
        "dot-2023-thanh-tri-thuong-tin-phu-xuyen). No recognition decision found.",
        "status": "traditional",
    },
    {
        "id": "phuc-am",
        "name_vi": "Làng hàng mã Phúc Am",
        "name_en": "Phuc Am votive-paper village",
        "craft_vi": "hàng mã (hình nộm, vàng mã)",
        "craft_en": "votive paper objects",
        "themes": "art",
        "commune": "Xã Duyên Thái",
        "district": "Huyện Thường Tín",
        "url": "https://kinhtedothi.vn/thang-co-hon-o-ngoi-lang-san-xuat-do-coi-am-lon-nhat-ha-noi.html",
        "notes": "Làng Phúc Am, xã Duyên Thái, huyện Thường Tín: votive paper horses, elephants, "
        "boats (kinhtedothi 2023, url; baodautu https://baodautu.vn/anh-kham-pha-thu-phu-vang-"
        "ma-o-ha-noi-m211157.html). Theme `art` is the closest tag. On the Department of "
        "Tourism's 2023 route survey (tours.json dot-2023-thanh-tri-thuong-tin-phu-xuyen). "
        "No recognition decision found.",
        "status": "traditional",
    },
    {
        "id": "le-mat",
        "name_vi": "Làng Lệ Mật (nuôi rắn, ẩm thực rắn)",
        "name_en": "Le Mat snake village",
        "craft_vi": "nuôi, bắt và chế biến rắn",
        "craft_en": "snake farming and snake dishes",
        "themes": "food",
        "commune": "Phường Việt Hưng",
        "district": "Quận Long Biên",
        "url": "https://dulichvietnam.com.vn/lang-nghe-le-mat.html",
        "notes": "Lệ Mật, phường Việt Hưng, quận Long Biên (url; toquoc https://toquoc.vn/lang-"
        "nghe-truyen-thong-nuoi-ran-le-mat-20211102160747819.htm). The url says: recognised "
        "'làng nghề truyền thống' in 2011, a tourist site (Điểm du lịch làng Lệ Mật) in "
        "December 2023. Village festival 20-24 of the 3rd lunar month (hanoimoi "
        "https://hanoimoi.vn/le-mat-dau-an-lang-nghe-trong-pho-692750.html).",
        "status": "recognised",
        "status_year": "2011",
        "status_title": "Làng nghề truyền thống",
    },
]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def year_of(decision: str) -> str:
    """The 4-digit year in a decision text ("QĐ 5427/QĐ-UBND (2020)"), or "" if none."""
    found = re.findall(r"\b(?:19|20)\d\d\b", decision)
    return found[-1] if found else ""


def place_row(
    name: str, commune: str, district: str, geonames: tuple[str, str, str] | None
) -> dict[str, str]:
    """Position columns for a village, by the procedure of data/README.md."""
    index = commune_index()
    placed = index.place(commune, district)
    where = placed.commune
    south, west, north, east = index.district_box(where.district)
    if not (south <= where.lat <= north and west <= where.lon <= east):
        raise CommuneError(f"{name}: point outside {where.district}", "district_mismatch")
    source = (
        f"vietnamadminunits 1.0.4 admin_units_legacy: point of {where.name}, {where.district} "
        "(Google geocode of the pre-2025 commune)"
    )
    if placed.merged_name:
        source += f"; {commune} was merged into {where.name} on 1/1/2025"
    row = {
        "lat": f"{where.lat:.6f}",
        "lon": f"{where.lon:.6f}",
        "coord_kind": "commune_centroid",
        "coord_precision_m": str(placed.precision_m),
        "coord_source": source,
        "old_district": where.district,
        "commune_2025": where.commune_2025,
        "confidence": "low" if placed.merged_name else "medium",
    }
    if geonames is not None:
        gid, glat, glon = geonames
        if where.contains(float(glat), float(glon)):
            row.update(
                lat=glat,
                lon=glon,
                coord_kind="village",
                coord_precision_m=str(GEONAMES_PRECISION_M),
                coord_source=f"GeoNames {gid} (arc-minute, via whosonfirst-data-admin-vn "
                f"@36f4852), inside the box of {where.name}; commune point "
                f"{where.lat:.6f},{where.lon:.6f} as the alternative",
            )
    return row


def new_row(
    columns: list[str], fields: dict[str, str], rule: EvidenceRule, facts: dict[str, list[str]]
) -> dict[str, str]:
    row = dict.fromkeys(columns, "")
    row.update(fields)
    interest = rule.interest(facts.get(row["id"], []))
    row.update(
        visit_minutes=str(VISIT_DEFAULT),
        visit_minutes_origin="default",
        opening_hours=HOURS_DEFAULT,
        opening_hours_origin="default",
        hours_note="No source read gives hours: the default daytime window.",
        interest=str(interest),
        interest_basis=rule.basis(facts.get(row["id"], [])),
        kind="village",
    )
    return row


def build(reference: Path) -> list[str]:
    columns, rows = read_csv(HERE / "villages.csv")
    columns += [c for c in STATUS_COLUMNS if c not in columns]
    _, ref = read_csv(reference / "recognised_villages_from_news.csv")
    _, researched = read_csv(reference / "hanoi_craft_villages.csv")
    kept = {r["id"] for r in researched}
    rows = [r for r in rows if r["id"] in kept]  # rows this script added are made again
    evidence = load_evidence(HERE / "evidence.csv")
    facts: dict[str, list[str]] = {}
    for fact in evidence:
        facts.setdefault(fact.village_id, []).append(fact.kind)
    rule = EvidenceRule()
    known = {r["reference_id_candidates"]: r for r in ref if r["reference_id_candidates"]}
    errors: list[str] = []
    for row in rows:  # existing rows: status only
        rid = row["id"]
        source = known.get(rid)
        if rid in STRIKE_OFF_IDS:
            row.update(status="proposed_for_removal", status_year="2023")
            row.update(status_title="đề xuất đưa ra khỏi danh hiệu làng nghề (2023)")
            row["status_source"] = STRIKE_OFF_IDS[rid]
        elif source is not None and source["status"] == "recognised":
            row.update(status="recognised", status_year=year_of(source["decision"]))
            row.update(status_title=source["title"], status_source=source["source_url"])
        else:
            row.update(status="traditional", status_year="", status_title="", status_source="")
    added: list[dict[str, str]] = []
    for r in ref:
        if r["status"] != "recognised" or r["reference_id_candidates"] or r["name_vi"] in LEFT_OUT:
            continue
        if r["name_vi"] not in RECOGNISED:
            if r["best_available_point"] == "none yet":
                continue  # no commune named by any source read: not placed (README)
            errors.append(f"{r['name_vi']}: recognised but neither added nor left out")
            continue
        vid, name_en, craft_en, themes = RECOGNISED[r["name_vi"]]
        commune = r["commune_pre2025"] or (_inferred(r) if r["commune_inference"] else "")
        geonames = None
        if r["geonames_id"]:
            geonames = (r["geonames_id"], r["geonames_lat"], r["geonames_lon"])
        try:
            position = place_row(r["name_vi"], commune, r["district_pre2025"], geonames)
        except CommuneError as exc:
            errors.append(f"{vid}: {exc}")
            continue
        reference_point = (r["commune_point_lat"], r["commune_point_lon"])
        if all(reference_point) and position["coord_kind"] == "commune_centroid":
            ours = (float(position["lat"]), float(position["lon"]))
            if max(abs(float(a) - b) for a, b in zip(reference_point, ours, strict=True)) > 1e-6:
                errors.append(f"{vid}: commune point differs from the reference's")
        inferred = "" if r["commune_pre2025"] else f" Commune {commune}: {r['commune_inference']}."
        fields = {
            "id": vid,
            "name_vi": r["name_vi"],
            "name_en": name_en,
            "craft_vi": r["craft_vi"],
            "craft_en": craft_en,
            "themes": themes,
            "url": r["source_url"],
            "notes": f"Hamlet {r['hamlet']}, {commune}, {r['district_pre2025']}. Recognised: "
            f"{r['title']}, {r['decision']} ({r['source_url']}).{inferred} "
            + (f"Source note: {r['source_note']}." if r["source_note"] else ""),
            "status": "recognised",
            "status_year": year_of(r["decision"]),
            "status_title": r["title"],
            "status_source": r["source_url"],
            **position,
        }
        added.append(new_row(columns, fields, rule, facts))
    for tour in TOUR_VILLAGES:
        fields = {k: v for k, v in tour.items() if k not in {"commune", "district"}}
        if fields["status"] == "recognised":
            fields["status_source"] = fields["url"]
        try:
            fields.update(place_row(tour["name_vi"], tour["commune"], tour["district"], None))
        except CommuneError as exc:
            errors.append(f"{tour['id']}: {exc}")
            continue
        added.append(new_row(columns, fields, rule, facts))
    ids = [r["id"] for r in rows + added]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    if errors:
        print("refusing to write; problems found:", *errors, sep="\n  ", file=sys.stderr)
        return errors
    with (HERE / "villages.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + added)
    print(f"villages.csv: {len(rows)} kept, {len(added)} added, {len(rows) + len(added)} in all")
    return []


def _inferred(r: dict[str, str]) -> str:
    """The commune the reference inferred from the village's name ("Xã Hát Môn")."""
    return ("Phường " if r["district_pre2025"].startswith("Quận") else "Xã ") + r["hamlet"]


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    for name in ("recognised_villages_from_news.csv", "hanoi_craft_villages.csv"):
        if not (reference / name).is_file():
            print(f"no {name} in {reference}", file=sys.stderr)
            return 2
    return 1 if build(reference) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
