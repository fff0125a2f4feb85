"""The QR code carries the configured link: decoded back by an independent decoder, and checked module by module."""

import io

import pytest
from PIL import Image

from signatories import qr, theme
from tests.support.images import grey_level

LINKS = [
    "https://yokohama-declaration.example.org/",
    "http://192.168.10.20:8501/?lang=ja&country=PH&country=TH",
    "https://例え.jp/横浜宣言?mode=display",
]


def _modules_from_png(data: bytes, scale: int, border: int) -> list[list[bool]]:
    """The dark/light grid read back from the PNG's pixels: one sample at the centre of each module."""
    image = Image.open(io.BytesIO(data)).convert("L")
    width, height = image.size
    assert width == height and width % scale == 0
    side = width // scale
    grid = [
        [grey_level(image, x * scale + scale // 2, y * scale + scale // 2) < 128 for x in range(side)]
        for y in range(side)
    ]
    quiet = [row[:border] + row[-border:] for row in grid] + grid[:border] + grid[-border:]
    assert not any(any(row) for row in quiet), "the quiet zone is light all round"
    return [row[border:-border] for row in grid[border:-border]]


@pytest.mark.parametrize("link", LINKS)
def test_png_decodes_back_to_the_link(link: str) -> None:
    import zxingcpp  # the decoder, from requirements-dev.txt

    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.png(link))))
    assert [result.text for result in results] == [link]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    assert results[0].ec_level == "H"


@pytest.mark.parametrize("link", LINKS)
def test_png_pixels_are_the_matrix_of_the_link(link: str) -> None:
    """Without a decoder: the drawn modules equal the matrix of a code made straight from the link."""
    code = qr.make(link)
    assert code.error == "H" and not code.is_micro
    drawn = _modules_from_png(qr.png(link), theme.QR_SCALE_PX, theme.QR_QUIET_ZONE_MODULES)
    assert drawn == [[bool(module) for module in row] for row in code.matrix]
    assert code.designator.endswith("-H")


def test_svg_is_standalone_svg_of_the_same_size() -> None:
    link = LINKS[0]
    data = qr.svg(link)
    assert data.lstrip().startswith(b"<svg")
    side = (qr.make(link).symbol_size(scale=theme.QR_SCALE_PX, border=theme.QR_QUIET_ZONE_MODULES))[0]
    assert f'width="{side}"'.encode() in data


def test_longer_links_get_bigger_codes_not_weaker_ones() -> None:
    short, long = qr.make(LINKS[0]), qr.make(LINKS[0] + "x" * 200)
    # Not micro codes (qr.make asks for none), so both versions are numbers.
    assert isinstance(long.version, int) and isinstance(short.version, int)
    assert long.version > short.version
    assert long.error == short.error == "H"
