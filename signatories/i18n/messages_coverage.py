"""Messages whose keys start with `coverage.`: the coverage page: findings, participation levels, charts."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
