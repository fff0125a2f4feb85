"""Names of the data's controlled vocabularies in English and Japanese, keyed like signatories.vocab."""

from typing import Final

Names = dict[str, str]

VOCABULARY: Final[dict[str, dict[str, Names]]] = {
    "org_type": {
        "city": {"en": "City / metropolitan government", "ja": "市・都"},
        "province_state": {"en": "Province / state", "ja": "州・省"},
        "national_ministry": {"en": "National ministry", "ja": "中央省庁"},
        "national_agency": {"en": "National agency", "ja": "政府機関"},
        "national_cabinet": {"en": "National cabinet", "ja": "内閣"},
        "public_utility": {"en": "Public utility", "ja": "公益事業体"},
        "development_fund": {"en": "Development fund", "ja": "開発基金"},
        "company": {"en": "Company", "ja": "企業"},
    },
    "role": {
        "proposer": {"en": "Proposer", "ja": "提言都市"},
        "participant": {"en": "Participant", "ja": "参加都市・機関"},
    },
    "region": {
        "east_asia": {"en": "East Asia", "ja": "東アジア"},
        "southeast_asia": {"en": "Southeast Asia", "ja": "東南アジア"},
        "south_asia": {"en": "South Asia", "ja": "南アジア"},
        "central_asia": {"en": "Central Asia", "ja": "中央アジア"},
        "caucasus": {"en": "Caucasus", "ja": "コーカサス"},
        "pacific": {"en": "Pacific", "ja": "太平洋"},
    },
    "target_kind": {
        "carbon_neutrality": {"en": "Carbon neutrality", "ja": "カーボンニュートラル"},
        "net_zero_ghg": {"en": "Net-zero greenhouse gases", "ja": "温室効果ガス排出実質ゼロ"},
        "net_zero_emissions": {"en": "Net-zero emissions", "ja": "排出実質ゼロ"},
        "climate_neutrality": {"en": "Climate neutrality", "ja": "気候中立"},
        "none_found": {"en": "No target found", "ja": "目標は見つかっていない"},
    },
    "status": {
        "in_law": {"en": "In law", "ja": "法制化"},
        "in_policy_document": {"en": "In policy document", "ja": "政策文書"},
        "declaration_pledge": {"en": "Declaration / pledge", "ja": "宣言・誓約"},
        "proposed": {"en": "Proposed / in discussion", "ja": "提案・検討中"},
        "": {"en": "—", "ja": "—"},
    },
    "year_qualifier": {
        "": {"en": "by {year}", "ja": "{year}年まで"},
        "before": {"en": "before {year}", "ja": "{year}年より前"},
        "or_sooner": {"en": "by {year} or sooner", "ja": "{year}年またはそれ以前"},
    },
    "basis": {
        "own": {"en": "Own target", "ja": "独自の目標"},
        "national": {"en": "National target", "ja": "国の目標"},
        "none": {"en": "No target found", "ja": "目標なし（未確認）"},
    },
    "coord_precision": {
        "address": {"en": "Building or address", "ja": "建物・住所"},
        "district": {"en": "District", "ja": "地区"},
        "city": {"en": "City centre", "ja": "市の中心"},
        "region": {"en": "Region", "ja": "地域"},
    },
    "confidence": {
        "high": {"en": "High", "ja": "高"},
        "medium": {"en": "Medium", "ja": "中"},
        "low": {"en": "Low — unconfirmed", "ja": "低（未確認）"},
    },
}
