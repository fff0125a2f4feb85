"""Messages whose keys start with `map.`: the map: layers, legend, tooltip, attribution."""

MESSAGES: dict[str, dict[str, str]] = {
    "map.heading": {"en": "Map", "ja": "地図"},
    "map.show_arcs": {"en": "Lines from the proposers", "ja": "提言都市からの線"},
    "map.show_arcs_help": {
        "en": "Cities connected through zero carbon: lines from Yokohama and Bangkok to every participant's seat.",
        "ja": "ゼロカーボンで繋がる都市：横浜とバンコクから各参加都市・機関の所在地への線。",
    },
    "map.online_tiles": {"en": "Online street map (CARTO)", "ja": "オンライン地図（CARTO）"},
    "map.online_tiles_help": {
        "en": "Street-map tiles your browser loads from CARTO, a third party; off by default. "
        "The country outlines are built in and always shown.",
        "ja": "ブラウザーが第三者の CARTO から読み込む地図タイルです（既定ではオフ）。"
        "国境線は内蔵のため常に表示されます。",
    },
    "map.fit": {"en": "Fit to selection", "ja": "表示中の機関に合わせる"},
    "map.fit_help": {
        "en": "Frame the map around the organisations the filters show.",
        "ja": "フィルターで表示中の機関が収まるように地図を移動します。",
    },
    "map.whole_region": {"en": "Whole region", "ja": "全域を表示"},
    "map.alt": {
        "en": "Map of Asia and the Pacific showing {count} signatory organisations of the Yokohama Declaration.",
        "ja": "横浜宣言に賛同した {count} 機関を示すアジア太平洋地域の地図。",
    },
    "map.no_outlines": {
        "en": "Country outlines are not available; markers are drawn without a basemap.",
        "ja": "国境データがないため、背景地図なしで表示しています。",
    },
    "map.unlocated": {
        "en": "{count} of the shown organisations have no coordinates yet and are not on the map.",
        "ja": "表示中の機関のうち {count} 機関は座標が未登録のため、地図に表示されていません。",
    },
    "map.legend": {"en": "Legend", "ja": "凡例"},
    "map.legend_proposer": {"en": "Proposer (Yokohama, Bangkok)", "ja": "提言都市（横浜、バンコク）"},
    "map.legend_arc": {"en": "Proposer → participant", "ja": "提言都市 → 参加都市・機関"},
    "map.legend_country": {"en": "Country with a shown signatory", "ja": "表示中の署名機関がある国"},
    "map.attribution_offline": {
        "en": "Country outlines: Natural Earth (public domain). Markers sharing a seat are spread on a small ring.",
        "ja": "国境：Natural Earth（パブリックドメイン）。同じ所在地の機関は小さな円周上に並べて表示しています。",
    },
    "map.attribution_online": {
        "en": "Country outlines: Natural Earth (public domain). Map tiles © CARTO, "
        "data © OpenStreetMap contributors. Markers sharing a seat are spread on a small ring.",
        "ja": "国境：Natural Earth（パブリックドメイン）。地図タイル © CARTO、データ © OpenStreetMap contributors。"
        "同じ所在地の機関は小さな円周上に並べて表示しています。",
    },
    "map.tooltip_type": {"en": "Type: ", "ja": "種類："},
    "map.tooltip_target": {"en": "Target: ", "ja": "目標："},
}
