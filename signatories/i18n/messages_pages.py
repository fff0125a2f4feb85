"""Messages of the coverage, data & sources, display and about pages."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- Coverage -------------------------------------------------------------------------------------------
    "coverage.nav": {"en": "Coverage", "ja": "参加の広がり"},
    "coverage.title": {"en": "Where the declaration reaches", "ja": "宣言の広がり"},
    "coverage.intro": {
        "en": "Countries, kinds of organisation and target years of the signatories that match the filters. "
        "Every figure below is computed from those organisations.",
        "ja": "フィルターに合う署名機関の国・機関の種類・目標年です。以下の数値はすべてそれらの機関から算出しています。",
    },
    "coverage.shown": {
        "en": "{shown} of {total} organisations in {countries} countries",
        "ja": "{total}機関のうち{shown}機関（{countries}か国）",
    },
    "coverage.shown.one_country": {
        "en": "{shown} of {total} organisations in 1 country",
        "ja": "{total}機関のうち{shown}機関（1か国）",
    },
    "coverage.empty": {
        "en": "No organisation matches the filters. Clear a filter in the sidebar to see the coverage.",
        "ja": "フィルターに合う機関がありません。サイドバーでフィルターを解除してください。",
    },
    "coverage.findings": {"en": "What the data shows", "ja": "データから分かること"},
    "coverage.list_separator": {"en": ", ", "ja": "、"},
    "coverage.gap.national_only": {
        "en": "{count} of {total} countries take part only through national bodies: {countries}.",
        "ja": "{total}か国のうち{count}か国は、国の機関だけが参加しています：{countries}。",
    },
    "coverage.gap.national_only.one": {
        "en": "1 of {total} countries takes part only through national bodies: {countries}.",
        "ja": "{total}か国のうち1か国は、国の機関だけが参加しています：{countries}。",
    },
    "coverage.gap.local_only": {
        "en": "{count} of {total} countries take part only through local governments: {countries}.",
        "ja": "{total}か国のうち{count}か国は、地方自治体だけが参加しています：{countries}。",
    },
    "coverage.gap.local_only.one": {
        "en": "1 of {total} countries takes part only through local governments: {countries}.",
        "ja": "{total}か国のうち1か国は、地方自治体だけが参加しています：{countries}。",
    },
    "coverage.gap.other_only": {
        "en": "{count} of {total} countries take part only through a utility or a company: {countries}.",
        "ja": "{total}か国のうち{count}か国は、公益事業体または企業だけが参加しています：{countries}。",
    },
    "coverage.gap.other_only.one": {
        "en": "1 of {total} countries takes part only through a utility or a company: {countries}.",
        "ja": "{total}か国のうち1か国は、公益事業体または企業だけが参加しています：{countries}。",
    },
    "coverage.gap.both": {
        "en": "{count} of {total} countries take part at both levels, local and national: {countries}.",
        "ja": "{total}か国のうち{count}か国は、地方と国の両方のレベルで参加しています：{countries}。",
    },
    "coverage.gap.both.one": {
        "en": "1 of {total} countries takes part at both levels, local and national: {countries}.",
        "ja": "{total}か国のうち1か国は、地方と国の両方のレベルで参加しています：{countries}。",
    },
    "coverage.gap.single_org": {
        "en": "{count} of {total} countries are represented by a single organisation: {countries}.",
        "ja": "{total}か国のうち{count}か国は、参加機関が1つだけです：{countries}。",
    },
    "coverage.gap.single_org.one": {
        "en": "1 of {total} countries is represented by a single organisation: {countries}.",
        "ja": "{total}か国のうち1か国は、参加機関が1つだけです：{countries}。",
    },
    "coverage.gap.no_target": {
        "en": "{count} of {total} organisations have no carbon-neutrality or net-zero target on record, neither "
        "their own nor their country's. They are in {countries}.",
        "ja": "{total}機関のうち{count}機関は、独自にも国としてもカーボンニュートラル・ネットゼロの目標が確認されて"
        "いません。該当する国：{countries}。",
    },
    "coverage.gap.no_target.one": {
        "en": "1 of {total} organisations has no carbon-neutrality or net-zero target on record, neither its own "
        "nor its country's. It is in {countries}.",
        "ja": "{total}機関のうち1機関は、独自にも国としてもカーボンニュートラル・ネットゼロの目標が確認されて"
        "いません。該当する国：{countries}。",
    },
    "coverage.gap.national_basis": {
        "en": "Of the {total} organisations with a target year, {count} rely on their country's target and {own} "
        "declared their own.",
        "ja": "目標年のある{total}機関のうち、{count}機関は国の目標によるもので、{own}機関は独自に目標を表明しています。",
    },
    "coverage.gap.national_basis.one": {
        "en": "Of the {total} organisations with a target year, 1 relies on its country's target and {own} "
        "declared their own.",
        "ja": "目標年のある{total}機関のうち、1機関は国の目標によるもので、{own}機関は独自に目標を表明しています。",
    },
    "coverage.gap.low_confidence": {
        "en": "{count} of {total} organisations are recorded with low confidence (identity or seat unconfirmed). "
        "They are in {countries}.",
        "ja": "{total}機関のうち{count}機関は、確度「低」（機関の特定や所在地が未確認）として記録されています。"
        "該当する国：{countries}。",
    },
    "coverage.gap.low_confidence.one": {
        "en": "1 of {total} organisations is recorded with low confidence (identity or seat unconfirmed). "
        "It is in {countries}.",
        "ja": "{total}機関のうち1機関は、確度「低」（機関の特定や所在地が未確認）として記録されています。"
        "該当する国：{countries}。",
    },
    "coverage.level.both": {"en": "Local and national", "ja": "地方と国の両方"},
    "coverage.level.local_only": {"en": "Local governments only", "ja": "地方自治体のみ"},
    "coverage.level.national_only": {"en": "National bodies only", "ja": "国の機関のみ"},
    "coverage.level.other_only": {"en": "Utilities or companies only", "ja": "公益事業体・企業のみ"},
    "coverage.level.note": {
        "en": "Local governments are cities, provinces and states and a city's development fund; national bodies "
        "are ministries, agencies and cabinets. Utilities and companies count for neither level.",
        "ja": "地方自治体＝市・州・省と市の開発基金、国の機関＝中央省庁・政府機関・内閣。"
        "公益事業体と企業はどちらのレベルにも数えていません。",
    },
    "coverage.timeline.note": {
        "en": "Each organisation at its effective target year: its own if it declared one, otherwise its "
        "country's. {none} of {total} organisations have neither and are not drawn.",
        "ja": "各機関の実効目標年（独自の目標があればそれ、なければ国の目標）。{total}機関のうち{none}機関は"
        "どちらもなく、グラフに含まれません。",
    },
    "coverage.timeline.empty": {
        "en": "None of these organisations has a target year.",
        "ja": "これらの機関には目標年がありません。",
    },
    "coverage.chart.by_country.title": {
        "en": "Organisations per country, by kind",
        "ja": "国別の機関数（種類別）",
    },
    "coverage.chart.participation.title": {
        "en": "Countries by level of participation",
        "ja": "参加レベル別の国数",
    },
    "coverage.chart.timeline.title": {
        "en": "Target years: own or national",
        "ja": "目標年：独自の目標か国の目標か",
    },
    "coverage.chart.organisations": {"en": "Organisations", "ja": "機関数"},
    "coverage.chart.countries": {"en": "Countries", "ja": "国数"},
    "coverage.chart.country": {"en": "Country", "ja": "国"},
    "coverage.chart.org_type": {"en": "Kind of organisation", "ja": "機関の種類"},
    "coverage.chart.level": {"en": "Level of participation", "ja": "参加レベル"},
    "coverage.chart.target_year": {"en": "Target year", "ja": "目標年"},
    "coverage.chart.basis": {"en": "Target", "ja": "目標"},
    # --- Data & sources -------------------------------------------------------------------------------------
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
    "data.col.qualifier": {"en": "Qualifier", "ja": "限定"},
    "data.col.kind": {"en": "Kind of target", "ja": "目標の種類"},
    "data.col.conditional": {"en": "Conditional", "ja": "条件付き"},
    "data.col.announced": {"en": "Announced", "ja": "表明"},
    "data.col.current": {"en": "Current", "ja": "現行"},
    "data.col.source": {"en": "Source", "ja": "出典"},
    "data.col.note": {"en": "Note", "ja": "備考"},
    "data.scope.organisation": {"en": "Organisation", "ja": "機関"},
    "data.scope.national": {"en": "National", "ja": "国"},
    # --- Display screen -------------------------------------------------------------------------------------
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
    "display.empty": {"en": "No signatories to show.", "ja": "表示する署名機関がありません。"},
    "display.attribution": {
        "en": "Outlines: Natural Earth · Points: GeoNames",
        "ja": "国境：Natural Earth · 地点：GeoNames",
    },
    # --- About ----------------------------------------------------------------------------------------------
    "about.nav": {"en": "About", "ja": "この宣言について"},
    "about.title": {"en": "About the Yokohama Declaration", "ja": "横浜宣言について"},
    "about.intro": {
        "en": "What the declaration says, who signed it, and where this map's data comes from.",
        "ja": "宣言の内容、賛同した機関、この地図のデータの出典。",
    },
    "about.facts.heading": {"en": "In brief", "ja": "概要"},
    "about.facts.line": {"en": "**{label}**: {value}", "ja": "**{label}**：{value}"},
    "about.facts.title_label": {"en": "Title", "ja": "名称"},
    "about.facts.title": {
        "en": "Yokohama Declaration: Asian Cities Together Towards Zero Carbon",
        "ja": "横浜宣言：ゼロカーボンで繋がるアジアの都市",
    },
    "about.facts.date_label": {"en": "Date", "ja": "日付"},
    "about.facts.date": {"en": "15 November 2023", "ja": "2023年11月15日"},
    "about.facts.venue_label": {"en": "Where", "ja": "場所"},
    "about.facts.venue": {
        "en": "12th Asia Smart City Conference, PACIFICO Yokohama, Japan",
        "ja": "第12回アジア・スマートシティ会議（パシフィコ横浜）",
    },
    "about.facts.proposers_label": {"en": "Proposed by", "ja": "提言都市"},
    "about.facts.proposers": {
        "en": "City of Yokohama and Bangkok Metropolitan Administration",
        "ja": "横浜市、バンコク都",
    },
    "about.facts.signatories_label": {"en": "Signatories in this dataset", "ja": "このデータの署名機関"},
    "about.facts.signatories": {
        "en": "{organisations} organisations ({proposers} proposers, {participants} participants) in {countries} "
        "countries",
        "ja": "{countries}か国の{organisations}機関（提言都市{proposers}、参加都市・機関{participants}）",
    },
    "about.summary.heading": {"en": "What it says", "ja": "宣言の内容"},
    "about.summary.body": {
        "en": "Meeting again in Yokohama after the hard years of the pandemic, Asian cities agreed to work "
        "together towards a sustainable and resilient zero-carbon future. Cities face floods, energy problems and "
        "other effects of climate change, and each has experience of overcoming pollution, traffic and other "
        "urban problems; the signatories undertake to share that experience, learn from one another, innovate "
        "with the private sector and grow together.\n\n"
        "The two proposers were among the first local governments in their countries to declare a goal of "
        "carbon neutrality by 2050: Yokohama in 2018 (Zero Carbon Yokohama) and Bangkok in October 2021. The "
        "declaration presents the Asia Smart "
        "City Conference as a common platform for sharing knowledge, technology and visions, and invites "
        "cities, companies and international organisations to join it. It sets no shared emissions target: the "
        "target years in this dashboard are those that each signatory or its country set on its own.",
        "ja": "コロナ禍の困難な時期を経て再び横浜に集まったアジアの都市が、持続可能でレジリエントなゼロカーボンの"
        "未来に向けて協力することを確認した宣言です。都市は洪水やエネルギー問題など気候変動の影響に直面する"
        "一方、環境汚染や交通などの都市問題を乗り越えてきた経験を持っています。署名機関はその経験を共有し、"
        "互いに学び、民間セクターとともに革新し、共に成長することをうたっています。\n\n"
        "提言都市の2市は、それぞれの国でいち早く2050年カーボンニュートラルの目標を表明しました（横浜市は"
        "2018年に「Zero Carbon Yokohama」、バンコク都は2021年10月）。宣言はアジア・スマートシティ会議を、"
        "知見・技術・将来像を共有する共通のプラットフォームと位置づけ、都市・民間企業・国際機関に参加を呼び"
        "かけています。共通の排出削減目標は定めていません。このダッシュボードの目標年は、各署名機関またはその"
        "国が個別に定めたものです。",
    },
    "about.themes.heading": {"en": "Three themes", "ja": "3つのテーマ"},
    "about.theme1.title": {
        "en": "Sustainable and resilient urban development",
        "ja": "持続可能で強靭な都市開発",
    },
    "about.theme1.body": {
        "en": "Bringing green infrastructure and renewable energy into the city, to cut carbon emissions and "
        "withstand shocks, for people now and in the future.",
        "ja": "グリーンインフラと再生可能エネルギーを都市に取り入れ、いまと将来の世代のために二酸化炭素排出を"
        "減らし、災害などへの強さを高めること。",
    },
    "about.theme2.title": {
        "en": "Community participation and capacity building",
        "ja": "コミュニティの参画と能力開発",
    },
    "about.theme2.body": {
        "en": "Involving communities and building skills, so that residents and organisations share the "
        "responsibility for a zero-carbon city.",
        "ja": "地域の参加と人材育成を重んじ、市民や団体がゼロカーボンの都市づくりの責任を分かち合えるようにすること。",
    },
    "about.theme3.title": {
        "en": "An inclusive, people-centred approach",
        "ja": "包摂的で人を中心にしたアプローチ",
    },
    "about.theme3.body": {
        "en": "Designing, planning and running cities so that everyone is included, diversity is respected and "
        "every resident is at the centre.",
        "ja": "だれも取り残さず、多様性を尊重し、すべての市民を中心に据えて都市を設計・計画・運営すること。",
    },
    "about.sources.heading": {"en": "Where the data comes from", "ja": "データの出どころ"},
    "about.sources.body": {
        "en": "- **Who signed**: the declaration's published Japanese text, whose list of signatories is the "
        "source of record; the data files hold each of them once, under its country.\n"
        "- **English names, seats and targets**: public sources, cited row by row, each with a confidence "
        "(high, medium, low). Uncertainties are shown, not guessed away.\n"
        "- **Coordinates**: city-centre points from GeoNames unless a row says otherwise; some read from cited "
        "pages or found with OpenStreetMap Nominatim; all checked against Natural Earth country outlines.\n"
        "- **Country outlines** on the maps: Natural Earth.",
        "ja": "- **署名機関**：公表された宣言の日本語本文。その署名機関一覧を正本とし、データには各機関を国ごとに"
        "1回ずつ収録しています。\n"
        "- **英語名・所在地・目標**：公開情報。行ごとに出典と確度（高・中・低）を記録し、不確かな点は推測で"
        "埋めずにそのまま示しています。\n"
        "- **座標**：特に記載がない限りGeoNamesの都市中心点。一部は出典ページやOpenStreetMap Nominatimによる"
        "もので、すべてNatural Earthの国境データと照合しています。\n"
        "- **地図の国境**：Natural Earth。",
    },
    "about.attribution.heading": {"en": "Attributions", "ja": "クレジット"},
    "about.attribution.body": {
        "en": "- Geocoding: © [OpenStreetMap](https://www.openstreetmap.org/copyright) contributors, data "
        "available under the Open Database License (ODbL), through Nominatim.\n"
        "- Place coordinates: [GeoNames](https://www.geonames.org/), licensed under CC BY 4.0.\n"
        "- Country outlines: Made with [Natural Earth](https://www.naturalearthdata.com/), free vector map data "
        "in the public domain.",
        "ja": "- ジオコーディング：© [OpenStreetMap](https://www.openstreetmap.org/copyright) contributors"
        "（データはODbLライセンス、Nominatim経由）\n"
        "- 地点の座標：[GeoNames](https://www.geonames.org/)（CC BY 4.0）\n"
        "- 国境：[Natural Earth](https://www.naturalearthdata.com/)（パブリックドメイン）",
    },
    "about.counts.note": {
        "en": "Press releases at the time counted 43 participating cities and organisations besides the two "
        "proposers; CityNet reported leaders of 44 overseas cities and organisations at the conference. This "
        "dataset follows the declaration's own list.",
        "ja": "当時の報道発表では提言都市2市のほか参加都市・機関は43とされ、CityNetは海外44都市・機関の代表が"
        "会議に参加したと伝えています。このデータは宣言本文の一覧に従っています。",
    },
}
