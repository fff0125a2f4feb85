"""Messages whose keys start with `export.`: the map as a file (title, filter summary, credits) and its downloads."""

MESSAGES: dict[str, dict[str, str]] = {
    "export.title": {
        "en": "Signatories of the Yokohama Declaration (2023)",
        "ja": "横浜宣言（2023年）の賛同機関",
    },
    "export.shown": {
        "en": "{shown} of {total} organisations shown",
        "ja": "全 {total} 機関のうち {shown} 機関を表示",
    },
    "export.filters_none": {"en": "No filters: every signatory", "ja": "フィルターなし：すべての賛同機関"},
    "export.filters": {"en": "Filters: {parts}", "ja": "フィルター：{parts}"},
    "export.filter_separator": {"en": "; ", "ja": "；"},
    "export.value_separator": {"en": ", ", "ja": "、"},
    "export.filter_countries": {"en": "countries {values}", "ja": "国 {values}"},
    "export.filter_types": {"en": "types {values}", "ja": "種類 {values}"},
    "export.filter_roles": {"en": "roles {values}", "ja": "役割 {values}"},
    "export.filter_years": {"en": "target years {low}–{high}", "ja": "目標年 {low}〜{high}"},
    "export.filter_bases": {"en": "target basis {values}", "ja": "目標の根拠 {values}"},
    "export.filter_query": {"en": "search “{query}”", "ja": "検索「{query}」"},
    "export.selected": {"en": "Highlighted: {name}", "ja": "強調表示：{name}"},
    "export.dataset_date": {"en": "Data as of {date}", "ja": "データ時点：{date}"},
    "export.nothing_matches": {
        "en": "No organisation matches these filters",
        "ja": "条件に一致する機関はありません",
    },
    "export.no_outlines": {
        "en": "Country outlines unavailable: drawn without a basemap",
        "ja": "国境データがないため、背景地図なしで描画",
    },
    "export.credit_base": {
        "en": "Country outlines: Natural Earth. Places: GeoNames.",
        "ja": "国境：Natural Earth。地名：GeoNames。",
    },
    "export.credit_osm": {
        "en": "Some locations © OpenStreetMap contributors.",
        "ja": "一部の位置 © OpenStreetMap contributors。",
    },
    "export.legend_count": {"en": "{label} ({count})", "ja": "{label}（{count}）"},
    "export.download_svg": {"en": "Map as SVG", "ja": "地図（SVG）"},
    "export.download_png": {"en": "PNG", "ja": "PNG"},
    "export.download_pdf": {"en": "PDF", "ja": "PDF"},
    "export.download_help": {
        "en": "The map as shown, with its filters, legend, data date and credits, as a file for slides and print.",
        "ja": "表示中の地図を、フィルター・凡例・データ時点・出典とともにファイルで保存します（スライドや印刷用）。",
    },
    "export.no_webgl": {
        "en": "This browser cannot draw the full map (WebGL is unavailable), so a simpler version of it is shown.",
        "ja": "このブラウザーでは通常の地図を表示できない（WebGL が使えない）ため、簡易版の地図を表示しています。",
    },
}
