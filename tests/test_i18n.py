"""The text catalogs: complete in both languages, one prefix per module, every key used, no key missing."""

import ast
import re
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from signatories import coverage
from signatories.i18n import LANGUAGES, has_message, t, template
from signatories.i18n.catalog import CATALOG_MODULES, MESSAGES, key_prefix, merge_catalogs
from signatories.i18n.vocabulary import VOCABULARY
from signatories.paths import PROJECT_ROOT

PLACEHOLDER: Final = re.compile(r"\{(\w*)\}")
I18N_DIR: Final = PROJECT_ROOT / "signatories" / "i18n"
PREFIXES: Final = frozenset(key_prefix(module) for module in CATALOG_MODULES)
# A string literal shaped like a message key of one of the catalog's prefixes.
KEY_SHAPE: Final = re.compile(rf"^(?:{'|'.join(sorted(PREFIXES))})\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$")

# Keys the code builds at run time, so no literal names them: each f-string as the code writes it (in
# ast.unparse's spelling) with the values its placeholder takes there. The test checks the f-string is still
# in the code, so a family cannot outlive the code that builds it.
DYNAMIC_KEYS: Final[dict[str, tuple[str, ...]]] = {
    # coverage.gaps: one sentence per participation level.
    "f'coverage.gap.{level}'": coverage.PARTICIPATION_LEVELS,
    # charts: the legend names the participation levels.
    "f'coverage.level.{level}'": coverage.PARTICIPATION_LEVELS,
    # views/about_declaration.py: the declaration's three themes, numbered 1 to 3 there.
    "f'about.theme{number}.title'": ("1", "2", "3"),
    "f'about.theme{number}.body'": ("1", "2", "3"),
    # ui/data_sources.render_downloads: one button per download.
    "f'data.download.{name}'": ("organisations_csv", "organisations_geojson", "targets_csv"),
}
# coverage._message_key: a gap sentence's optional singular, `<gap key>.one`, asked for with has_message.
SINGULAR_VARIANT: Final = "f'{gap.key}.one'"


def code_files() -> Iterator[Path]:
    """The code that shows text: the package (catalogs aside), the page scripts and the entry point."""
    yield PROJECT_ROOT / "dashboard.py"
    yield from sorted((PROJECT_ROOT / "views").glob("*.py"))
    for path in sorted((PROJECT_ROOT / "signatories").rglob("*.py")):
        if path.parent != I18N_DIR:
            yield path


def python_files() -> Iterator[Path]:
    """Every Python file of the project, for the rule on who may read the catalog directly."""
    yield PROJECT_ROOT / "dashboard.py"
    for folder in ("signatories", "views", "tests", "benchmarks", "scripts", "data"):
        yield from sorted((PROJECT_ROOT / folder).rglob("*.py"))


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def literals_and_fstrings() -> tuple[dict[str, str], dict[str, str]]:
    """String literals and f-strings (unparsed) of the code, each mapped to a file that holds it."""
    literals: dict[str, str] = {}
    fstrings: dict[str, str] = {}
    for path in code_files():
        tree = parse(path)
        inside_fstrings = {
            id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values
        }
        where = str(path.relative_to(PROJECT_ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                fstrings.setdefault(ast.unparse(node), where)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in inside_fstrings
            ):
                literals.setdefault(node.value, where)
    return literals, fstrings


def dynamic_keys() -> set[str]:
    """The keys of DYNAMIC_KEYS' families, and the singular variants the catalog has for gap sentences."""
    keys = {
        PLACEHOLDER.sub(value, fstring[2:-1]) for fstring, values in DYNAMIC_KEYS.items() for value in values
    }
    gap_keys = {key for key in MESSAGES if key.startswith("coverage.gap.") and not key.endswith(".one")}
    return keys | {f"{key}.one" for key in gap_keys if has_message(f"{key}.one")}


def test_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    entries = [(key, texts) for key, texts in MESSAGES.items()] + [
        (f"{group}:{value}", texts) for group, values in VOCABULARY.items() for value, texts in values.items()
    ]
    assert len(entries) > 200
    for name, texts in entries:
        assert set(texts) == set(LANGUAGES), name
        assert all(text.strip() for text in texts.values()), name
        assert set(PLACEHOLDER.findall(texts["en"])) == set(PLACEHOLDER.findall(texts["ja"])), name


def test_each_catalog_module_holds_only_its_own_prefix() -> None:
    for module in CATALOG_MODULES:
        prefix = key_prefix(module)
        assert module.MESSAGES, module.__name__
        assert all(key.startswith(f"{prefix}.") for key in module.MESSAGES), module.__name__


def test_every_catalog_module_in_the_folder_is_merged() -> None:
    on_disk = {path.stem for path in I18N_DIR.glob("messages_*.py")}
    merged = {module.__name__.rsplit(".", 1)[-1] for module in CATALOG_MODULES}
    assert on_disk == merged


def test_a_key_in_the_wrong_module_is_refused_at_import() -> None:
    stray = types.ModuleType("signatories.i18n.messages_map")
    stray.MESSAGES = {"details.close": {"en": "Close", "ja": "閉じる"}}  # type: ignore[attr-defined]
    with pytest.raises(
        ValueError, match=r"messages_map may hold only keys starting with 'map\.'.*details\.close"
    ):
        merge_catalogs((stray,))


def test_dynamic_key_families_are_still_built_by_the_code() -> None:
    _, fstrings = literals_and_fstrings()
    for fstring in [*DYNAMIC_KEYS, SINGULAR_VARIANT]:
        assert fstring in fstrings, f"{fstring} is no longer in the code: update DYNAMIC_KEYS"


def test_every_key_built_at_run_time_is_listed_here() -> None:
    _, fstrings = literals_and_fstrings()
    # An f-string whose literal start is "<prefix>." builds a message key.
    heads = {fstring: fstring[2:].split("{", 1)[0] for fstring in fstrings}
    key_like = {
        fstring for fstring, head in heads.items() if "." in head and head.split(".", 1)[0] in PREFIXES
    }
    unlisted = {fstring: fstrings[fstring] for fstring in key_like - DYNAMIC_KEYS.keys()}
    assert not unlisted, "message keys built by f-strings must be listed in DYNAMIC_KEYS"


def test_every_message_key_is_used_in_the_code() -> None:
    literals, _ = literals_and_fstrings()
    unused = sorted(MESSAGES.keys() - literals.keys() - dynamic_keys())
    assert not unused


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    literals, _ = literals_and_fstrings()
    named = {text: where for text, where in literals.items() if KEY_SHAPE.match(text)}
    missing = {key: where for key, where in named.items() if key not in MESSAGES}
    assert not missing
    assert dynamic_keys() <= MESSAGES.keys()


def test_every_literal_passed_to_t_is_in_the_catalog() -> None:
    missing = []
    for path in code_files():
        for node in ast.walk(parse(path)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"t", "template"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value not in MESSAGES
            ):
                missing.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} {node.args[0].value!r}")
    assert not missing


def names_in(node: ast.AST) -> list[str]:
    """The names a node imports, reads as an attribute, or refers to."""
    if isinstance(node, ast.ImportFrom):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.Attribute):
        return [node.attr]
    if isinstance(node, ast.Name):
        return [node.id]
    return []


def test_only_the_i18n_package_reads_the_catalog_directly() -> None:
    # This test reads the catalog to check it; everything else goes through t(), template() and has_message().
    allowed = {Path(__file__).resolve()}
    readers = []
    for path in python_files():
        if path.is_relative_to(I18N_DIR) or path.resolve() in allowed:
            continue
        for node in ast.walk(parse(path)):
            if "MESSAGES" in names_in(node):
                readers.append(f"{path.relative_to(PROJECT_ROOT)}:{getattr(node, 'lineno', '?')}")
    assert not readers


def test_template_keeps_placeholders_and_t_fills_them() -> None:
    assert template("explorer.metric_of", "en") == "{shown} of {total}"
    assert t("explorer.metric_of", "ja", shown=3, total=45) == "3 / 45"


def test_has_message_answers_for_optional_variants() -> None:
    assert has_message("coverage.gap.single_org.one")
    assert not has_message("coverage.gap.single_org.two")
