"""Messages whose keys start with `about.`: the about page: the declaration's facts, summary and themes."""

MESSAGES: dict[str, dict[str, str]] = {
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
