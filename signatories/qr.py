"""QR codes of the dashboard's link, for screens and print: high error correction and a full quiet zone.

Error level H survives about 30% damage: glare on a screen, a phone held at an angle, a smudge. The quiet
zone is the four modules the standard requires; without it many scanners do not find the code at all.
Micro QR is off because most phone cameras cannot read it.
"""

import io

import segno

from signatories import theme


def make(link: str) -> segno.QRCode:
    """The QR code of `link` at error level H, in the smallest version that holds it."""
    return segno.make(link, error="h", micro=False, boost_error=False)


def png(link: str, scale: int = theme.QR_SCALE_PX) -> bytes:
    """The QR code of `link` as PNG bytes, dark modules on a light ground with the quiet zone."""
    buffer = io.BytesIO()
    make(link).save(
        buffer,
        kind="png",
        scale=scale,
        border=theme.QR_QUIET_ZONE_MODULES,
        dark=theme.QR_DARK,
        light=theme.QR_LIGHT,
    )
    return buffer.getvalue()


def svg(link: str, scale: int = theme.QR_SCALE_PX) -> bytes:
    """The QR code of `link` as standalone SVG bytes, for print."""
    buffer = io.BytesIO()
    make(link).save(
        buffer,
        kind="svg",
        scale=scale,
        border=theme.QR_QUIET_ZONE_MODULES,
        dark=theme.QR_DARK,
        light=theme.QR_LIGHT,
        xmldecl=False,
    )
    return buffer.getvalue()
