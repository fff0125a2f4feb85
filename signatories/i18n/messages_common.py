"""Messages shared by every page: the app's name, navigation, language, data problems."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"en": "Yokohama Declaration map", "ja": "横浜宣言マップ"},
    "app.subtitle": {
        "en": "Asian Cities Together Towards Zero Carbon — signatories, 12th Asia Smart City Conference, "
        "Yokohama, 15 November 2023",
        "ja": "横浜宣言：ゼロカーボンで繋がるアジアの都市 — 賛同都市・機関"
        "（第12回アジア・スマートシティ会議、横浜、2023年11月15日）",
    },
    "app.language": {"en": "Language", "ja": "言語"},
    "data.left_out": {
        "en": "{left_out} of the declaration's {total} signatories are left out: their rows in the data files "
        "have errors (listed below). Every figure on this page counts only the others.",
        "ja": "宣言の賛同機関 {total} のうち {left_out} 機関を除外しています：データファイルの行にエラーがあります"
        "（下に一覧）。このページの数値はそれ以外の機関だけを数えています。",
    },
    "data.rows_left_out": {
        "en": "{count} data rows were left out because they failed validation:",
        "ja": "検証に失敗したため {count} 行のデータを除外しました：",
    },
}
