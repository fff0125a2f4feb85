"""The declaration's signatory block is the source of record: organisations.csv must match it exactly."""

from collections import Counter

import pytest

from signatories.declaration import DeclarationFormatError, load_signatories, parse_signatories
from signatories.paths import DATA_DIR, ORGANISATIONS_FILE
from tests.conftest import read_rows


def test_declaration_lists_2_proposers_and_43_participants() -> None:
    roles = Counter(s.role for s in load_signatories())
    assert roles == {"proposer": 2, "participant": 43}


def test_declaration_names_twenty_countries() -> None:
    assert len({s.country for s in load_signatories()}) == 20


def test_every_signatory_appears_exactly_once_under_its_country_and_nothing_else() -> None:
    declared = Counter((s.name_ja, s.country, s.role) for s in load_signatories())
    rows = read_rows(DATA_DIR / ORGANISATIONS_FILE)
    listed = Counter((row["name_ja"], row["country"], row["role"]) for row in rows)
    assert listed == declared
    assert max(listed.values()) == 1


def test_parser_reads_country_groups_in_order() -> None:
    lines = ["提言都市", "横浜市長 バンコク都知事", "参加都市・機関等（順）", "（クック諸島）", " 財務省"]
    lines += ["（ネパール）", " A市", " B省", "補足：", " C"]
    text = "\n".join(lines)
    parsed = [(s.name_ja, s.country) for s in parse_signatories(text)]
    assert parsed == [("横浜市", "JP"), ("バンコク都", "TH"), ("財務省", "CK"), ("A市", "NP"), ("B省", "NP")]


def test_parser_rejects_an_unknown_country_heading() -> None:
    text = "提言都市\n横浜市長 バンコク都知事\n参加都市・機関等\n（アトランティス）\n 某市\n補足"
    with pytest.raises(DeclarationFormatError, match="アトランティス"):
        parse_signatories(text)
