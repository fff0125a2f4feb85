"""Reading pixels back from images the app made."""

from PIL import Image


def grey_level(image: Image.Image, x: int, y: int) -> int:
    """The grey level (0 black … 255 white) of one pixel of a greyscale ("L") image."""
    assert image.mode == "L", image.mode
    # Pillow types getpixel for every mode at once; an "L" image answers one integer.
    level = image.getpixel((x, y))
    assert isinstance(level, int), level
    return level
