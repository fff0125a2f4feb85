"""Messages whose keys start with `filters.`: the sidebar filters, and the notes on a shared link's parameters that could not be used."""

MESSAGES: dict[str, dict[str, str]] = {
    "filters.open_language": {"en": "Language", "ja": "言語"},
    "filters.heading": {"en": "Filters", "ja": "フィルター"},
    "filters.heading_active": {"en": "Filters ({count} active)", "ja": "フィルター（{count}件適用中）"},
    "filters.search": {"en": "Search", "ja": "検索"},
    "filters.search_placeholder": {"en": "Name, city or country", "ja": "機関名・都市名・国名"},
    "filters.search_help": {
        "en": "Searches names, short names, seats and countries in English and Japanese. "
        "Case, full-width letters and accents are ignored; several words must all match.",
        "ja": "機関名・略称・所在地・国名を英語と日本語で検索します。大文字小文字・全角半角・アクセントは区別しません。"
        "複数の語はすべてに一致するものを表示します。",
    },
    "filters.country": {"en": "Country", "ja": "国"},
    "filters.all_countries": {"en": "All countries", "ja": "すべての国"},
    "filters.org_type": {"en": "Type of organisation", "ja": "機関の種類"},
    "filters.all_types": {"en": "All types", "ja": "すべての種類"},
    "filters.role": {"en": "Role", "ja": "役割"},
    "filters.none_means_all": {
        "en": "Nothing picked means all.",
        "ja": "何も選ばない場合はすべてを表示します。",
    },
    "filters.target_year": {"en": "Target year", "ja": "目標年"},
    "filters.target_year_help": {
        "en": "The year of the effective carbon-neutrality or net-zero target: the organisation's own, "
        "else its country's.",
        "ja": "有効なカーボンニュートラル／ネットゼロ目標の年（機関独自の目標、なければ国の目標）。",
    },
    "filters.basis": {"en": "Target basis", "ja": "目標の根拠"},
    "filters.basis_help": {
        "en": "Own: the organisation declared a target itself. National: its country's target applies. "
        "No target found: neither has one on record. Nothing picked means all three.",
        "ja": "独自：機関自身が目標を表明。国：その国の目標を適用。目標なし（未確認）：どちらの目標も見つかっていない。"
        "何も選ばない場合は3つすべてを表示します。",
    },
    "filters.reset": {"en": "Reset filters", "ja": "フィルターをリセット"},
    # Notes on the parts of an opened link that were ignored; {value} is quoted as plain text.
    "filters.url.notes_heading": {
        "en": "Parts of this link were ignored ({count}); the page shows everything else it asked for.",
        "ja": "このリンクの一部（{count}件）は無視しました。それ以外の指定どおりに表示しています。",
    },
    "filters.url.bad_camera": {
        "en": "Map view “{value}” ignored: expected latitude,longitude,zoom within the map's range.",
        "ja": "地図の表示範囲「{value}」は無視しました（緯度,経度,ズームを地図の範囲内で指定してください）。",
    },
    "filters.url.unknown_param": {
        "en": "Unknown parameter “{param}” ignored.",
        "ja": "不明なパラメーター「{param}」は無視しました。",
    },
    "filters.url.unknown_value": {
        "en": "{param}: unknown value “{value}” ignored.",
        "ja": "{param}：不明な値「{value}」は無視しました。",
    },
    "filters.url.too_many_values": {
        "en": "{param}: {value} values given; only the first 100 were read.",
        "ja": "{param}：{value}個の値が指定されました。最初の100個だけを読み込みました。",
    },
    "filters.url.repeated": {
        "en": "{param}: given more than once; the extra value “{value}” was ignored.",
        "ja": "{param}：複数回指定されています。余分な値「{value}」は無視しました。",
    },
    "filters.url.bad_year": {
        "en": "{param}: “{value}” is not a year or a range such as 2030-2050; ignored.",
        "ja": "{param}：「{value}」は年または 2030-2050 のような範囲ではないため、無視しました。",
    },
    "filters.url.year_out_of_range": {
        "en": "{param}: “{value}” is outside 2020–2100; ignored.",
        "ja": "{param}：「{value}」は 2020〜2100 の範囲外のため、無視しました。",
    },
    "filters.url.year_reversed": {
        "en": "{param}: “{value}” runs backwards; read as the same range the other way round.",
        "ja": "{param}：「{value}」は範囲が逆順のため、入れ替えて読み込みました。",
    },
    "filters.url.bad_switch": {
        "en": "{param}: “{value}” is neither 1 nor 0; the default was kept.",
        "ja": "{param}：「{value}」は 1 でも 0 でもないため、既定値のままにしました。",
    },
    "filters.url.too_long": {
        "en": "{param}: the search “{value}” is too long and was cut to 100 characters.",
        "ja": "{param}：検索語「{value}」が長すぎるため、100文字に切り詰めました。",
    },
    "filters.url.more_notes": {
        "en": "… and {value} more ignored values.",
        "ja": "…ほかに {value} 件の値を無視しました。",
    },
}
