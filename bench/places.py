"""Place resolution speed: the official units behind the places reports name.

Prints the time to load the official lists, and µs per resolve() for the dev corpus's places,
first seen (no cached answer) and repeated (cached), as mapping meets them.

    .venv/bin/python bench/places.py
"""

from __future__ import annotations

import time

from polgraph.places.gazetteer import AdminUnits

PLACES = [
    "xã Cẩm Lộc, huyện Cẩm Xuyên",
    "xã Thạch Kim, huyện Lộc Hà",
    "xã Sen Thủy, huyện Lệ Thủy, tỉnh Quảng Bình",
    "xã Thiên Lộc, huyện Can Lộc",
    "xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa",
    "xã Hưng Thủy, huyện Lệ Thủy",
    "xã Nhơn Ái, huyện Phong Điền, thành phố Cần Thơ",
    "xã Xuân Hòa, huyện Xuân Trường",
    "xã Hòa An, huyện Krông Pắc, tỉnh Đắk Lắk",
    "xã Diễn Kỷ, huyện Diễn Châu, tỉnh Nghệ An",
    "huyện Bát Xát, tỉnh Lào Cai",
    "xã Nga Thủy, huyện Nga Sơn, tỉnh Thanh Hóa",
    "phường An Khánh, quận Ninh Kiều, thành phố Cần Thơ",
    "xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An",
    "xã Ea M'Droh, huyện Cư M'gar, tỉnh Đắk Lắk",
    "xã Gia Phú, huyện Bảo Thắng",
]


def main() -> None:
    units = AdminUnits()
    t0 = time.perf_counter()
    units.resolve("tỉnh Hà Tĩnh")
    print(f"loading the official lists: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    resolved = sum(units.resolve(place) is not None for place in PLACES)
    first = (time.perf_counter() - t0) / len(PLACES)
    rounds = 1000
    t0 = time.perf_counter()
    for _ in range(rounds):
        for place in PLACES:
            units.resolve(place)
    cached = (time.perf_counter() - t0) / (rounds * len(PLACES))
    print(f"{resolved}/{len(PLACES)} places resolved")
    print(f"resolve, first time: {first * 1e6:.1f} µs; cached: {cached * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
