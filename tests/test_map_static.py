"""The map as files, checked as files: SVG parsed as XML, PNG decoded, PDF read; equal inputs, equal bytes."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from signatories import load_dataset, theme
from signatories.app_state import AppState, View
from signatories.export import DATASET_DATE
from signatories.filters import Filters, apply_filters
from signatories.map import static
from signatories.map.camera import organisation_view, region_view
from signatories.map.export import export_map, export_state, outlines_or_none, static_model
from signatories.map.model import MapModel
from signatories.map.seats import draw_positions
from signatories.paths import DATA_DIR, PROJECT_ROOT

QUERY_JA = {"lang": ["ja"]}


def _model(filters: Filters | None = None, lang: str = "en", outlines: bool = True) -> MapModel:
    filters = filters or Filters()
    dataset = load_dataset(DATA_DIR)
    frame = apply_filters(dataset.organisations, filters, countries=dataset.countries)
    basemap = outlines_or_none(DATA_DIR)[0] if outlines else None
    state = AppState(filters=filters, view=View(lang="ja" if lang == "ja" else "en"))
    return static_model(dataset, frame, basemap, state)


def test_svg_is_xml_with_the_title_and_every_seat_of_georgia() -> None:
    svg = static.render_svg(_model(Filters(countries=("GE",))))
    root = ElementTree.fromstring(svg)
    texts = {"".join(node.itertext()) for node in root.iter() if node.tag.endswith("text")}
    assert "Signatories of the Yokohama Declaration (2023)" in texts
    assert "Tbilisi" in texts  # the only seat of Georgia's three signatories
    assert f"Data as of {DATASET_DATE.isoformat()}" in texts
    assert "Country outlines: Natural Earth. Places: GeoNames." in texts


def test_png_is_wide_and_has_the_marker_colour_where_yokohama_projects() -> None:
    # Without outlines the sea rectangle fills the map area exactly: its box is where the map is.
    model = _model(outlines=False)
    image = Image.open(io.BytesIO(static.render_png(model))).convert("RGB")
    assert image.width >= 2400
    sea = tuple(int(theme.STATIC_SEA[i : i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    assert pixels is not None
    xs = [x for x in range(0, image.width, 4) if pixels[x, image.height // 2] == sea]
    ys = [y for y in range(0, image.height, 4) if pixels[image.width // 2, y] == sea]
    left, top = min(xs), min(ys)
    scale = static.PNG_SCALE
    camera, viewport = model.camera, model.viewport
    size = 512 * 2**camera.zoom

    def mercator(lat: float) -> float:
        return (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * size

    # Yokohama (35.43333 N, 139.65 E) from the data file, projected here with our own formula.
    x = left + ((139.65 - camera.longitude) / 360 * size + viewport.width_px / 2) * scale
    y = top + (mercator(35.43333) - mercator(camera.latitude) + viewport.height_px / 2) * scale
    city = tuple(int(theme.ORG_TYPE_COLOURS["city"][i : i + 2], 16) for i in (1, 3, 5))
    assert pixels[round(x), round(y)] == city


def test_pdf_is_one_a4_landscape_page_with_the_japanese_title() -> None:
    reader = PdfReader(io.BytesIO(static.render_pdf(_model(lang="ja"))))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    assert "横浜宣言（2023年）の賛同機関" in page.extract_text()


@pytest.mark.parametrize("fmt", static.FORMATS)
def test_the_same_inputs_give_the_same_bytes(fmt: static.Format) -> None:
    first = export_map(DATA_DIR, QUERY_JA, fmt).content
    second = export_map(DATA_DIR, QUERY_JA, fmt).content
    assert first == second


def test_a_query_matching_nothing_is_a_map_that_says_so() -> None:
    export = export_map(DATA_DIR, {"q": ["no such organisation anywhere"]}, "svg")
    assert b"No organisation matches these filters" in export.content


def test_damaged_outlines_give_a_map_without_basemap_and_a_note(data_copy: Path) -> None:
    (data_copy / "countries.geojson").write_text("{ not json", encoding="utf-8")
    export = export_map(data_copy, {}, "svg")
    assert b"Country outlines unavailable" in export.content
    assert any("country borders" in note for note in export.notes)


def test_file_names_carry_the_date_and_language() -> None:
    export = export_map(DATA_DIR, QUERY_JA, "pdf")
    assert export.file_name == f"yokohama-declaration-map-{DATASET_DATE.isoformat()}-ja.pdf"


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "signatories", "map", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_writes_the_pages_bytes_and_prints_the_links_notes(tmp_path: Path) -> None:
    target = tmp_path / "map.png"
    result = _command("--query", "lang=ja&country=PH&country=ZZ", "--format", "png", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "ZZ" in result.stderr  # the page's note on the unknown country, in the link's language
    dataset = load_dataset(DATA_DIR)
    state = AppState(filters=Filters(countries=("PH",)), view=View(lang="ja"))
    frame = apply_filters(dataset.organisations, state.filters, countries=dataset.countries)
    page = export_state(dataset, frame, outlines_or_none(DATA_DIR)[0], state, "png")
    assert target.read_bytes() == page.content


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--format", "gif"), "unknown --format"), (("--format", "svg"), "does not exist")],
)
def test_command_bad_input_is_one_line_and_no_file(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / ("missing-folder" if args[1] == "svg" else "") / "map.out"
    result = _command(*args, "-o", str(target))
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not target.exists() and not list(tmp_path.rglob("*.out"))


def _map_corner(image: Image.Image) -> tuple[int, int]:
    """The map's top-left pixel in a file: its area is drawn edge to edge (sea, land, outlines), the margin
    around it is white. A column through the map's left part meets it as one run of its whole height."""
    painted = (np.asarray(image.convert("RGB")) != 255).any(axis=2)
    column = painted[:, image.width // 4].astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], column, [0]])))
    starts, ends = edges[::2], edges[1::2]
    longest = int(np.argmax(ends - starts))
    assert ends[longest] - starts[longest] == round(static.STATIC_VIEWPORT.height_px * static.PNG_SCALE)
    top = int(starts[longest])
    return int(np.argmax(painted[top + 20])), top


def test_a_link_naming_an_organisation_gives_a_file_framed_close_on_it(tmp_path: Path) -> None:
    # What opening `?org=ge-tbilisi` shows: Tbilisi with its country around it, not all 45 signatories.
    files = [tmp_path / "first.png", tmp_path / "second.png"]
    for target in files:
        result = _command("--query", "org=ge-tbilisi", "--format", "png", "-o", str(target))
        assert result.returncode == 0, result.stderr
    assert files[0].read_bytes() == files[1].read_bytes()
    organisations = load_dataset(DATA_DIR).organisations
    viewport = static.STATIC_VIEWPORT
    camera = organisation_view(organisations, "ge-tbilisi", viewport)
    assert camera.zoom > region_view(organisations, viewport).zoom + 1
    # Tbilisi City Hall's marker, on the ring of the three signatories seated in Tbilisi.
    seat = draw_positions(organisations).loc[organisations.index[organisations["id"] == "ge-tbilisi"][0]]
    image = Image.open(files[0]).convert("RGB")
    left, top = _map_corner(image)
    size = 512 * 2**camera.zoom

    def mercator(lat: float) -> float:
        return (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * size

    scale = static.PNG_SCALE
    x = left + ((seat["draw_lon"] - camera.longitude) / 360 * size + viewport.width_px / 2) * scale
    y = top + (mercator(seat["draw_lat"]) - mercator(camera.latitude) + viewport.height_px / 2) * scale
    city = tuple(int(theme.ORG_TYPE_COLOURS["city"][i : i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((round(x), round(y))) == city
