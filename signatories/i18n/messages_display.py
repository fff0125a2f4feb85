"""Messages whose keys start with `display.`: the display screen (kiosk) page."""

MESSAGES: dict[str, dict[str, str]] = {
    "display.nav": {"en": "Display screen", "ja": "会場表示"},
    "display.heading": {
        "en": "Yokohama Declaration: Asian Cities Together Towards Zero Carbon · 12th Asia Smart City Conference, "
        "15 November 2023",
        "ja": "横浜宣言：ゼロカーボンで繋がるアジアの都市 · 第12回アジア・スマートシティ会議（2023年11月15日）",
    },
    "display.organisations": {"en": "Signatories", "ja": "署名機関"},
    "display.countries": {"en": "Countries", "ja": "国"},
    "display.local": {"en": "Local governments", "ja": "地方自治体"},
    "display.national": {"en": "National bodies", "ja": "国の機関"},
    "display.spotlight.count": {"en": "{count} signatories", "ja": "{count}機関が参加"},
    "display.spotlight.count.one": {"en": "1 signatory", "ja": "1機関が参加"},
    "display.spotlight.position": {"en": "{position} / {total}", "ja": "{position} / {total}"},
    "display.group": {"en": "{kind} · {count}", "ja": "{kind} · {count}"},
    "display.name_separator": {"en": " · ", "ja": "、"},
    "display.scan": {"en": "Explore the map on your phone", "ja": "スマートフォンで地図を見る"},
    "display.qr_alt": {
        "en": "QR code: a link to the map at {link}",
        "ja": "QRコード：地図へのリンク {link}",
    },
    "display.empty": {"en": "No signatories to show.", "ja": "表示する署名機関がありません。"},
    "display.attribution": {
        "en": "Outlines: Natural Earth · Points: GeoNames",
        "ja": "国境：Natural Earth · 地点：GeoNames",
    },
}
