"""The repository deploys to Streamlit Community Cloud as it is: requirements.txt alone installs every
package the app imports, and packages.txt names Debian packages (the fonts) one per line, without the
comments that the platform would read as package names."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from signatories.paths import PROJECT_ROOT

APP_SOURCES = [PROJECT_ROOT / "dashboard.py", *sorted((PROJECT_ROOT / "views").glob("*.py"))]
APP_SOURCES += sorted((PROJECT_ROOT / "signatories").rglob("*.py"))


def requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[\[=<>!~ ;]", line, maxsplit=1)[0]))
    return names


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def test_requirements_txt_alone_installs_every_package_the_app_imports() -> None:
    required = requirement_names(PROJECT_ROOT / "requirements.txt")
    distributions = packages_distributions()
    third_party = {
        module
        for source in APP_SOURCES
        for module in imported_modules(source)
        if module not in sys.stdlib_module_names and module != "signatories"
    }
    assert third_party, "no third-party import found: the scan is broken"
    missing = {
        module
        for module in third_party
        if not {normalise(name) for name in distributions.get(module, [module])} & required
    }
    assert missing == set(), f"imported by the app but not in requirements.txt: {sorted(missing)}"


def test_packages_txt_names_debian_packages_one_per_line() -> None:
    lines = (PROJECT_ROOT / "packages.txt").read_text(encoding="utf-8").splitlines()
    assert "fonts-noto-cjk" in lines
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", line) for line in lines), lines
