"""Messages whose keys start with `data.`: the data & sources page: tables, columns, downloads, citation, and the rows left out."""

MESSAGES: dict[str, dict[str, str]] = {
    "data.left_out": {
        "en": "{left_out} of the declaration's {total} signatories are left out: their rows in the data files "
        "have errors (listed below). Every figure on this page counts only the others.",
        "ja": "宣言の賛同機関 {total} のうち {left_out} 機関を除外しています：データファイルの行にエラーがあります"
        "（下に一覧）。このページの数値はそれ以外の機関だけを数えています。",
    },
    "data.nav": {"en": "Data & sources", "ja": "データと出典"},
    "data.title": {"en": "Data & sources", "ja": "データと出典"},
    "data.intro": {
        "en": "The organisations and targets behind the map, with their sources, how sure each fact is and where "
        "each point comes from. Tables and downloads follow the filters.",
        "ja": "地図のもとになっている機関と目標のデータです。出典、各情報の確度、座標の出どころを示します。"
        "表とダウンロードはフィルターに従います。",
    },
    "data.as_of": {"en": "Dataset as of {date}", "ja": "データ時点：{date}"},
    "data.shown": {
        "en": "{shown} of {total} organisations · {targets} targets",
        "ja": "{total}機関のうち{shown}機関 · 目標{targets}件",
    },
    "data.organisations.heading": {"en": "Organisations", "ja": "機関"},
    "data.targets.heading": {"en": "Targets", "ja": "目標"},
    "data.targets.note": {
        "en": "Every target on record for these organisations and their countries; superseded ones have "
        "“current” unticked. An organisation's effective target is its own if it has one, else its country's.",
        "ja": "これらの機関とその国について記録しているすべての目標です。置き換えられた目標は「現行」のチェックが"
        "ありません。各機関の実効目標は、独自の目標があればそれ、なければ国の目標です。",
    },
    "data.downloads.heading": {"en": "Download", "ja": "ダウンロード"},
    "data.downloads.note": {
        "en": "The files hold the organisations that match the filters and the targets that concern them. "
        "CSV is UTF-8 (opens in Excel with Japanese names intact); GeoJSON is RFC 7946 (QGIS, geojson.io).",
        "ja": "ファイルにはフィルターに合う機関とそれに関わる目標が含まれます。CSVはUTF-8（Excelでも日本語が"
        "文字化けしません）、GeoJSONはRFC 7946形式（QGIS、geojson.ioで開けます）です。",
    },
    "data.download.organisations_csv": {"en": "Organisations (CSV)", "ja": "機関（CSV）"},
    "data.download.organisations_geojson": {"en": "Organisations (GeoJSON)", "ja": "機関（GeoJSON）"},
    "data.download.targets_csv": {"en": "Targets (CSV)", "ja": "目標（CSV）"},
    "data.provenance.heading": {"en": "How sure, and from where", "ja": "確度と出どころ"},
    "data.provenance.body": {
        "en": "**Confidence** says how firm a row is: *high*, confirmed by a cited source; *medium*, general "
        "knowledge or a weaker source; *low*, unconfirmed. **Coordinates** are city-centre points from GeoNames "
        "unless the row says otherwise: *coordinate source* names the GeoNames record (`geonames:<id>`), a "
        "manual point read from a cited page, or OpenStreetMap Nominatim; *precision* says whether the point is a "
        "building, a district or a city centre. Points were checked against Natural Earth country outlines.",
        "ja": "**確度**は各行の確かさです。*高*＝出典で確認済み、*中*＝一般的知識または弱い出典、*低*＝未確認。"
        "**座標**は特に記載がない限りGeoNamesの都市中心点です。*座標の出典*はGeoNamesのレコード"
        "（`geonames:<id>`）、出典ページから読み取った手入力の点、またはOpenStreetMap Nominatimを示し、"
        "*精度*は点が建物・地区・市の中心のどれかを示します。座標はNatural Earthの国境データと照合しています。",
    },
    "data.cite.heading": {"en": "How to cite", "ja": "引用のしかた"},
    "data.cite.intro": {
        "en": "Please cite the dataset with its date:",
        "ja": "データ時点を添えて、次のように引用してください：",
    },
    "data.cite.text": {
        "en": "Yokohama Declaration map: signatories of the Yokohama Declaration “Asian Cities Together Towards "
        "Zero Carbon” (12th Asia Smart City Conference, 15 November 2023). Dataset as of {date}. {url}",
        "ja": "横浜宣言マップ：「横浜宣言：ゼロカーボンで繋がるアジアの都市」署名機関データ（第12回アジア・スマート"
        "シティ会議、2023年11月15日）。{date}時点。{url}",
    },
    "data.correct.heading": {"en": "Propose a correction", "ja": "訂正の提案"},
    "data.correct.body": {
        "en": "Found a wrong name, seat or target? Corrections are made in the data files with a source and a "
        "confidence, checked with `make validate`, and proposed as a pull request. CONTRIBUTING.md in the "
        "repository explains each step and every column.",
        "ja": "名称・所在地・目標に誤りを見つけたら、出典と確度を添えてデータファイルを修正し、`make validate`"
        "で検証してプルリクエストで提案してください。手順と各列の意味はリポジトリのCONTRIBUTING.mdにあります。",
    },
    "data.col.id": {"en": "ID", "ja": "ID"},
    "data.col.name": {"en": "Organisation", "ja": "機関"},
    "data.col.country": {"en": "Country", "ja": "国"},
    "data.col.org_type": {"en": "Kind", "ja": "種類"},
    "data.col.role": {"en": "Role", "ja": "役割"},
    "data.col.seat": {"en": "Seat", "ja": "所在地"},
    "data.col.confidence": {"en": "Confidence", "ja": "確度"},
    "data.col.lat": {"en": "Latitude", "ja": "緯度"},
    "data.col.lon": {"en": "Longitude", "ja": "経度"},
    "data.col.coord_source": {"en": "Coordinate source", "ja": "座標の出典"},
    "data.col.coord_precision": {"en": "Precision", "ja": "精度"},
    "data.col.target_year": {"en": "Target year", "ja": "目標年"},
    "data.col.target_basis": {"en": "Target", "ja": "目標"},
    "data.col.target_status": {"en": "Status", "ja": "位置づけ"},
    "data.col.target_source": {"en": "Target source", "ja": "目標の出典"},
    "data.col.target_announced": {"en": "Also announced", "ja": "ほかに表明された目標"},
    "data.col.target_announced_help": {
        "en": "A newer announcement of weaker standing than the target shown, e.g. a speech after a policy document",
        "ja": "表示中の目標より新しいが位置づけの弱い表明（政策文書の後の演説など）",
    },
    "data.col.checked": {"en": "Checked", "ja": "確認日"},
    "data.col.notes": {"en": "Notes", "ja": "備考"},
    "data.col.entity": {"en": "Organisation or country", "ja": "機関または国"},
    "data.col.scope": {"en": "Scope", "ja": "範囲"},
    "data.col.kind": {"en": "Kind of target", "ja": "目標の種類"},
    "data.col.conditional": {"en": "Conditional", "ja": "条件付き"},
    "data.col.announced": {"en": "Announced", "ja": "表明"},
    "data.col.current": {"en": "Current", "ja": "現行"},
    "data.col.source": {"en": "Source", "ja": "出典"},
    "data.col.note": {"en": "Note", "ja": "備考"},
    "data.scope.organisation": {"en": "Organisation", "ja": "機関"},
    "data.scope.national": {"en": "National", "ja": "国"},
}
