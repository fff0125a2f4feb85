"""Messages whose keys start with `explorer.`: the map explorer page: its title, data problems, metrics and table."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "explorer.table_keyboard": {
        "en": "Tick a row to open its details. With the keyboard: Tab into the table, arrows to move, "
        "Shift+Space to open the row's organisation.",
        "ja": "行にチェックを入れると詳細を表示します。キーボードでは、Tabで表に移動し、矢印キーで移動、"
        "Shift+スペースでその行の機関を開きます。",
    },
    "explorer.nothing_matches": {
        "en": "No organisation matches the filters. Change or reset them in the sidebar.",
        "ja": "フィルターに合う機関がありません。サイドバーでフィルターを変更するか、リセットしてください。",
    },
}
