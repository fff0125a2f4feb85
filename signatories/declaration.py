"""The declaration's signatory block, read from the published Japanese text kept as the source of record."""

import re
from dataclasses import dataclass
from pathlib import Path

from signatories.paths import DATA_DIR, DECLARATION_FILE

# The declaration names countries by their full Japanese state names.
COUNTRY_BY_JAPANESE_STATE_NAME = {
    "アルメニア共和国": "AM",
    "アゼルバイジャン共和国": "AZ",
    "バングラデシュ人民共和国": "BD",
    "カンボジア王国": "KH",
    "クック諸島": "CK",
    "ジョージア": "GE",
    "インドネシア共和国": "ID",
    "キルギス共和国": "KG",
    "ラオス人民民主共和国": "LA",
    "マレーシア": "MY",
    "モルディブ共和国": "MV",
    "モンゴル国": "MN",
    "ネパール": "NP",
    "パプアニューギニア独立国": "PG",
    "フィリピン共和国": "PH",
    "サモア独立国": "WS",
    "スリランカ民主社会主義共和国": "LK",
    "タイ王国": "TH",
    "ベトナム社会主義共和国": "VN",
}
# The proposers sign as their heads (mayor, governor); the bodies are named in the declaration's text.
PROPOSERS = (("横浜市長", "横浜市", "JP"), ("バンコク都知事", "バンコク都", "TH"))

_PROPOSER_HEADING = "提言都市"
_PARTICIPANT_HEADING = "参加都市・機関等"
_END_OF_LIST = "補足"
_COUNTRY_LINE = re.compile(r"^（(?P<country>[^）]+)）$")


@dataclass(frozen=True)
class Signatory:
    name_ja: str
    country: str
    role: str


class DeclarationFormatError(ValueError):
    """The text does not have the shape of the published declaration."""


def parse_signatories(text: str) -> list[Signatory]:
    """Every signatory in the declaration's order: the proposers, then participants grouped by country."""
    lines = [line.strip() for line in text.splitlines()]
    try:
        proposer_at = lines.index(_PROPOSER_HEADING)
        participants_at = next(i for i, line in enumerate(lines) if line.startswith(_PARTICIPANT_HEADING))
    except (ValueError, StopIteration) as missing:
        raise DeclarationFormatError("signatory headings not found") from missing

    proposer_block = " ".join(lines[proposer_at + 1 : participants_at])
    signatories = [
        Signatory(body, country, "proposer") for head, body, country in PROPOSERS if head in proposer_block
    ]
    if len(signatories) != len(PROPOSERS):
        raise DeclarationFormatError(f"expected {len(PROPOSERS)} proposers in {proposer_block!r}")

    country: str | None = None
    for number, line in enumerate(lines[participants_at + 1 :], start=participants_at + 2):
        if line.startswith(_END_OF_LIST):
            break
        if not line:
            continue
        heading = _COUNTRY_LINE.match(line)
        if heading:
            name = heading["country"]
            if name not in COUNTRY_BY_JAPANESE_STATE_NAME:
                raise DeclarationFormatError(f"line {number}: unknown country {name!r}")
            country = COUNTRY_BY_JAPANESE_STATE_NAME[name]
        elif country is None:
            raise DeclarationFormatError(f"line {number}: {line!r} comes before any country")
        else:
            signatories.append(Signatory(line, country, "participant"))
    return signatories


def load_signatories(data_dir: Path = DATA_DIR) -> list[Signatory]:
    return parse_signatories((data_dir / DECLARATION_FILE).read_text(encoding="utf-8"))
