"""Messages whose keys start with `app.`: the app's name and the language switch, shown on every page."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"en": "Yokohama Declaration map", "ja": "横浜宣言マップ"},
    "app.subtitle": {
        "en": "Asian Cities Together Towards Zero Carbon — signatories, 12th Asia Smart City Conference, "
        "Yokohama, 15 November 2023",
        "ja": "横浜宣言：ゼロカーボンで繋がるアジアの都市 — 賛同都市・機関"
        "（第12回アジア・スマートシティ会議、横浜、2023年11月15日）",
    },
    "app.language": {"en": "Language", "ja": "言語"},
}
