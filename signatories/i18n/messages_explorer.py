"""Messages of the map explorer: its page, the shared sidebar filters, the map and the details panel."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- Page ----------------------------------------------------------------------------------------------
    "explorer.page_title": {"en": "Map", "ja": "地図"},
    "explorer.data_unreadable": {
        "en": "The data files could not be read: {error}",
        "ja": "データファイルを読み込めませんでした：{error}",
    },
    "explorer.data_problems": {
        "en": "{count} problems found in the data files (rows with errors are left out)",
        "ja": "データファイルに {count} 件の問題があります（エラーのある行は除外しています）",
    },
    "explorer.metric_organisations": {"en": "Organisations", "ja": "機関数"},
    "explorer.metric_countries": {"en": "Countries", "ja": "国数"},
    "explorer.metric_of": {"en": "{shown} of {total}", "ja": "{shown} / {total}"},
    "explorer.metric_local": {"en": "Local bodies", "ja": "地方の機関"},
    "explorer.metric_local_help": {
        "en": "Cities, provinces and states, and a city's development fund.",
        "ja": "市・都、州・省、および市の開発基金。",
    },
    "explorer.metric_national": {"en": "National bodies", "ja": "国の機関"},
    "explorer.metric_national_help": {
        "en": "Ministries, agencies and cabinets. Not counted as local or national: {other} utilities or companies.",
        "ja": "省庁・政府機関・内閣。地方にも国にも数えない公益事業体・企業：{other}。",
    },
    "explorer.metric_benchmark": {"en": "Target by {year}", "ja": "{year}年までの目標"},
    "explorer.metric_benchmark_help": {
        "en": "Share of the shown organisations whose effective carbon-neutrality or net-zero target "
        "(their own, else their country's) is {year} or earlier: {count} organisations.",
        "ja": "表示中の機関のうち、有効なカーボンニュートラル／ネットゼロ目標（独自の目標、なければ国の目標）が"
        "{year}年以前である機関の割合：{count}機関。",
    },
    "explorer.table_heading": {"en": "Organisations shown ({count})", "ja": "表示中の機関（{count}）"},
    "explorer.nothing_matches": {
        "en": "No organisation matches the filters. Change or reset them in the sidebar.",
        "ja": "フィルターに合う機関がありません。サイドバーでフィルターを変更するか、リセットしてください。",
    },
    # --- Filters (sidebar) ---------------------------------------------------------------------------------
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
    # --- Map -----------------------------------------------------------------------------------------------
    "map.heading": {"en": "Map", "ja": "地図"},
    "map.show_arcs": {"en": "Arcs from the proposers", "ja": "提言都市からの弧"},
    "map.show_arcs_help": {
        "en": "Cities connected through zero carbon: arcs from Yokohama and Bangkok to every participant's seat.",
        "ja": "ゼロカーボンで繋がる都市：横浜とバンコクから各参加都市・機関の所在地への弧。",
    },
    "map.online_tiles": {"en": "Online street map (CARTO)", "ja": "オンライン地図（CARTO）"},
    "map.online_tiles_help": {
        "en": "Street-map tiles loaded by your browser from CARTO. Switch off without internet: "
        "the country outlines are built in and always shown.",
        "ja": "ブラウザーが CARTO から読み込む地図タイルです。インターネットがない場所ではオフにしてください。"
        "国境線は内蔵のため常に表示されます。",
    },
    "share.button": {"en": "Link to this view", "ja": "この表示へのリンク"},
    "share.help": {
        "en": "This link opens this page with the same filters, language, selection and map framing. "
        "Copy it with the button at the right of the box.",
        "ja": "このリンクを開くと、同じフィルター・言語・選択・地図の表示範囲でこのページが表示されます。"
        "枠の右のボタンでコピーできます。",
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
    "map.tooltip_place": {"en": "Seat: ", "ja": "所在地："},
    "map.tooltip_target": {"en": "Target: ", "ja": "目標："},
    "map.tooltip_precision": {"en": "Location: ", "ja": "位置の精度："},
    # --- Details panel and shared descriptions -------------------------------------------------------------
    "details.hint": {
        "en": "Click or tap a marker on the map, or pick a row in the table below, to see an organisation's details.",
        "ja": "地図上のマーカーをクリック（タップ）するか、下の表の行を選ぶと、機関の詳細を表示します。",
    },
    "details.filtered_out": {
        "en": "Not among the organisations the filters show.",
        "ja": "現在のフィルターでは表示されていない機関です。",
    },
    "details.name": {"en": "Name", "ja": "名称"},
    "details.name_other": {"en": "Name in Japanese", "ja": "英語名"},
    "details.type": {"en": "Type", "ja": "種類"},
    "details.role": {"en": "Role", "ja": "役割"},
    "details.country": {"en": "Country", "ja": "国"},
    "details.seat": {"en": "Seat", "ja": "所在地"},
    "details.seat_in": {"en": "{seat}, {admin1}", "ja": "{seat}（{admin1}）"},
    "details.target": {"en": "Target", "ja": "目標"},
    "details.target_summary": {"en": "{kind} {when}", "ja": "{when}に{kind}"},
    "details.status": {"en": "Status", "ja": "位置づけ"},
    "details.basis": {"en": "Basis", "ja": "根拠"},
    "details.national_basis": {"en": "{basis} ({country})", "ja": "{basis}（{country}）"},
    "details.conditional": {"en": "Conditional", "ja": "条件付き"},
    "details.yes": {"en": "yes", "ja": "はい"},
    "details.announced": {"en": "Announced", "ja": "表明日"},
    "details.announced_also": {"en": "Also announced", "ja": "ほかに表明された目標"},
    "details.announced_companion": {"en": "{when}, {date}, {status}", "ja": "{when}（{date}、{status}）"},
    "details.checked": {"en": "Searched on", "ja": "調査日"},
    "details.announced_source": {"en": "Source of the announcement", "ja": "表明の出典"},
    "details.target_confidence": {"en": "Confidence in the target", "ja": "目標情報の確度"},
    "details.source": {"en": "Source", "ja": "出典"},
    "details.open_source": {"en": "open ↗", "ja": "開く ↗"},
    "details.precision": {"en": "Location precision", "ja": "位置の精度"},
    "details.no_coordinates": {"en": "no coordinates yet", "ja": "座標未登録"},
    "details.confidence": {"en": "Confidence in the record", "ja": "記録の確度"},
    "details.same_seat": {"en": "Also at this seat", "ja": "同じ所在地の機関"},
    "details.close": {"en": "Close", "ja": "閉じる"},
    "details.list_separator": {"en": ", ", "ja": "、"},
}
