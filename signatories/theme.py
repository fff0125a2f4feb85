"""Colours, sizes and map views, each named once; pages, charts and the map all read them from here."""

from dataclasses import dataclass
from typing import Final

RGB = tuple[int, int, int]


def hex_to_rgb(colour: str) -> RGB:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
# Grey stands in for its black so that markers stay visible on the dark display theme.
ORG_TYPE_COLOURS: Final[dict[str, str]] = {
    "city": "#0072B2",
    "province_state": "#56B4E9",
    "national_ministry": "#D55E00",
    "national_agency": "#E69F00",
    "national_cabinet": "#CC79A7",
    "public_utility": "#009E73",
    "development_fund": "#F0E442",
    "company": "#999999",
}
SELECTED_OUTLINE: Final = "#000000"
# The lines from each proposer to each participant's seat: straight and one colour. deck.gl's arc layer
# drew them curved with a gradient, and compiling its shader cost a first visit ~1 s in software WebGL.
ARC_COLOUR: Final = "#0072B2"
ARC_OPACITY: Final = 90  # of 255: the arcs are context, the markers the content
BORDER_FILL: Final = "#E8ECEF"
BORDER_LINE: Final = "#9AA5AE"
SIGNATORY_COUNTRY_FILL: Final = "#CFE3D6"
LABEL_COLOUR: Final = "#1F2A33"

DISPLAY_BACKGROUND: Final = "#0E1117"
DISPLAY_TEXT: Final = "#FAFAFA"
DISPLAY_ACCENT: Final = "#E69F00"
DISPLAY_BORDER_FILL: Final = "#1E2630"
DISPLAY_SIGNATORY_COUNTRY_FILL: Final = "#2E4A3A"
DISPLAY_BORDER_LINE: Final = "#4A5866"

# Marker sizes in screen pixels, so they read the same at every zoom.
MARKER_RADIUS_PX: Final = 7
PROPOSER_RADIUS_PX: Final = 11
MARKER_OUTLINE_PX: Final = 1.5
PROPOSER_OUTLINE_PX: Final = 3
LABEL_SIZE_PX: Final = 13
DISPLAY_MARKER_RADIUS_PX: Final = 14
DISPLAY_LABEL_SIZE_PX: Final = 26
# Organisations sharing a seat are spread on a small ring around it, this far apart on screen.
CO_LOCATED_SPREAD_DEG: Final = 0.35

# The initial view frames the Caucasus (44°E) to Samoa and the Cook Islands (160–172°W, drawn east of 180°).
REGION_VIEW: Final = {"latitude": 15.0, "longitude": 116.0, "zoom": 2.1, "pitch": 0, "bearing": 0}
MIN_ZOOM: Final = 0.0  # a phone needs about 0.4 to show the Caucasus and the Cook Islands at once
MAX_ZOOM: Final = 12.0
FIT_MAX_ZOOM: Final = 4.5  # a one-seat selection still shows its country's outline and neighbours
MAP_HEIGHT_PX: Final = 620
DISPLAY_MAP_HEIGHT_PX: Final = 760

CARTO_LIGHT_STYLE: Final = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"

# Coverage charts. Participation levels and target bases reuse Okabe & Ito hues, one meaning per chart.
PARTICIPATION_COLOURS: Final[dict[str, str]] = {
    "both": "#009E73",
    "local_only": "#0072B2",
    "national_only": "#D55E00",
    "other_only": "#999999",
}
BASIS_COLOURS: Final[dict[str, str]] = {"own": "#0072B2", "national": "#E69F00"}
CHART_BAR_STEP_PX: Final = 24  # one country's bar plus its gap, so long lists stay legible
CHART_HEIGHT_PX: Final = 280
CHART_LABEL_LIMIT_PX: Final = 220  # long country names are cut with an ellipsis beyond this

# QR codes stay dark-on-light even on the dark display: many phone scanners cannot read inverted codes.
QR_DARK: Final = "#000000"
QR_LIGHT: Final = "#FFFFFF"
QR_SCALE_PX: Final = 8  # pixels per module in the PNG
QR_QUIET_ZONE_MODULES: Final = 4  # the width ISO/IEC 18004 requires around a QR code


# Display screen sizes follow the screen, so one layout fills 1280 x 720, 1920 x 1080 and 3840 x 2160 alike
# and a portrait totem too. Each is a share of the viewport's height, capped by a share of its width (the
# cap binds on portrait screens, where the columns are narrow), never below a floor in pixels. On a
# landscape 16:9 screen every size is its share of the height: the page adds up to one screen, no scrolling.
@dataclass(frozen=True)
class ScreenSize:
    vh: float
    vw: float
    min_px: float

    def css(self) -> str:
        return f"max({self.min_px}px, min({self.vh}vh, {self.vw}vw))"

    def px(self, viewport_width: float, viewport_height: float) -> float:
        """What `css()` comes to in a viewport of this size."""
        return max(self.min_px, min(self.vh * viewport_height / 100, self.vw * viewport_width / 100))


def _screen(vh: float, min_px: float) -> ScreenSize:
    """A share of a 16:9 screen's height, with the same length as a share of its width as the cap."""
    return ScreenSize(vh, round(vh * 9 / 16, 3), min_px)


# From two metres a line must be about 1 cm tall: 2 % of the height is 2.7 cm on a 55-inch screen, 1.3 cm on
# a 27-inch one.
DISPLAY_QR_SIZE: Final = _screen(17, 96)  # 184 px at 1080p, 367 px at 2160p
DISPLAY_PAGE_PADDING: Final = _screen(1.6, 6)
DISPLAY_BLOCK_GAP: Final = _screen(1.2, 4)  # Streamlit's own gap is 16 px at every size
DISPLAY_BASE_FONT: Final = _screen(2.6, 14)
DISPLAY_HEADING_FONT: Final = _screen(2.8, 15)
DISPLAY_SPOTLIGHT_FONT: Final = _screen(6.4, 24)
DISPLAY_METRIC_VALUE_FONT: Final = _screen(6.2, 24)
DISPLAY_METRIC_LABEL_FONT: Final = _screen(2.3, 13)
DISPLAY_LIST_FONT: Final = _screen(2.9, 14)
DISPLAY_DENSE_LIST_FONT: Final = _screen(2.4, 13)  # names never smaller: 2.6 cm tall on a 55-inch screen
DISPLAY_SMALL_FONT: Final = _screen(2.1, 12)  # secondary lines (kinds, credits)
DISPLAY_LINK_FONT: Final = _screen(2.3, 13)  # the printed address under "scan": 3 cm tall on a 55-inch screen
DISPLAY_LIST_GAP: Final = _screen(0.8, 3)
DISPLAY_SCREEN_MAP_HEIGHT: Final = _screen(65, 200)  # what the heading, counters and credits leave
DISPLAY_STATIC_MAP_HEIGHT: Final = _screen(55, 180)  # the picture shown without WebGL, under its caption
DISPLAY_KIND_TEXT: Final = "#B8C2CC"
DISPLAY_TIGHT_LINE_HEIGHT: Final = 1.1  # large numbers and the country's name
DISPLAY_LIST_LINE_HEIGHT: Final = 1.25
# Relative widths: four counters and the QR code with its caption; the map and the spotlight's text.
DISPLAY_HEADLINE_COLUMNS: Final = (1, 1, 1, 1, 2.2)
DISPLAY_SPOTLIGHT_COLUMNS: Final = (3, 2)
DISPLAY_COLUMN_GAP_PX: Final = 64  # Streamlit's gap="large" between the map and the spotlight's text
# The map's size is rounded to this step before framing: screens of nearly one size share one camera.
DISPLAY_MAP_SIZE_STEP_PX: Final = 32
# Until the stylesheet sizes it from the screen: the map's height in pixels that Streamlit asks for.
DISPLAY_SCREEN_MAP_HEIGHT_PX: Final = 680
# Against burn-in: the whole page drifts this far and back, slowly enough that nobody sees it move.
DISPLAY_DRIFT_PX: Final = 6
DISPLAY_DRIFT_PERIOD_S: Final = 1200
# Below this width (Streamlit's own breakpoint, where columns stack) the page is a phone's: the headline
# and the link to the map, no spotlight map or QR code.
DISPLAY_PHONE_MAX_WIDTH_PX: Final = 640
DISPLAY_PHONE_METRIC_FONT_PX: Final = 36

# Explorer map (signatories.map).
MARKER_OUTLINE: Final = "#FFFFFF"  # separates touching markers of the same colour
SELECTED_OUTLINE_PX: Final = 3
BORDER_LINE_PX: Final = 0.6
ARC_WIDTH_PX: Final = 1.2
LABEL_OFFSET_PX: Final = 12  # seat labels sit just above their markers
LABEL_GAP_PX: Final = 3  # the least space kept between two seat labels
# On the light explorer map a white ring vanishes; proposers get a dark one.
PROPOSER_RING: Final = "#1F2A33"
# Japanese seat names need a CJK face; the generic family is the last resort.
LABEL_FONT_FAMILY: Final = '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Noto Sans", sans-serif'
# Over online tiles the land fill turns translucent, so the tiles' names and roads show through.
ONLINE_LAND_FILL_ALPHA: Final = 110
ONLINE_SIGNATORY_FILL_ALPHA: Final = 110
# Room a framed map keeps around its points: half a long seat label at the sides, a label above, a ring below.
FIT_MARGIN_SIDE_PX: Final = 56
FIT_MARGIN_TOP_PX: Final = 40
FIT_MARGIN_BOTTOM_PX: Final = 24
# The width the page's first run assumes for the map column, before the browser reports it: the camera width
# of the two commonest laptop screens, whose columns measure 664 px (1366 wide) and 719 px (1440) in Chromium.
MAP_NOMINAL_WIDTH_PX: Final = 640
# The chart widths a camera is computed for: the widest that fits the real chart is used. On those laptops
# the map drawn before the browser reports its width is the one drawn after (the browser does not even
# report it, see ui.map_probe); the framing never changes with a pixel of resizing.
CAMERA_WIDTHS_PX: Final = (320, 352, 400, 480, 560, 640, 720, 800, 960, 1200, 1440, 1920, 2560)
# A change too small to see that makes Streamlit re-apply a requested view (see map.camera.MapView.nudged).
VIEW_NUDGE: Final = 1e-6
LEGEND_SWATCH_PX: Final = 12
# Country outlines are thinned to this many degrees (~3 km) for drawing: under a pixel up to zoom 3.
# The display's country views and the map files (2420 px wide) draw these.
BASEMAP_SIMPLIFY_DEG: Final = 0.03
# The explorer's outlines, for the region view it opens at (zoom ~2, ~0.16 degrees a pixel): about a pixel
# there, the JSON a third of the above; zoomed in to a country, coasts are drawn a few pixels off.
REGION_BASEMAP_SIMPLIFY_DEG: Final = 0.2
# A live map draws the coarsest of these outlines whose thinning moves a coast by at most this many pixels
# at its camera's zoom: the region view's file up to zoom ~2.4, the finer one for fitted and linked views.
OUTLINE_ERROR_PX: Final = 1.5

# Display screen map (signatories.map.deck.DISPLAY_STYLE): the spotlight's organisations large and outlined,
# every other signatory small and dimmed, so the room sees both the country and the whole network.
DISPLAY_MAP_NOMINAL_WIDTH_PX: Final = 1100
DISPLAY_OTHER_MARKER_RADIUS_PX: Final = 6
DISPLAY_OTHER_MARKER_ALPHA: Final = 120
DISPLAY_MARKER_OUTLINE: Final = "#FAFAFA"
DISPLAY_MARKER_OUTLINE_PX: Final = 3
DISPLAY_LABEL_HALO: Final = "#0E1117"
DISPLAY_LABEL_OFFSET_PX: Final = 34  # clear of the ring of markers around a shared seat
DISPLAY_LABEL_OUTLINE_PX: Final = 4  # a dark halo (in SDF font units) keeps seat names legible over outlines
DISPLAY_BORDER_LINE_PX: Final = 0.8
DISPLAY_LABEL_FONT_FAMILY: Final = '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Noto Sans", sans-serif'
DISPLAY_CO_LOCATED_SPREAD_DEG: Final = 1.0  # the display's larger markers need a wider ring at a seat

# Page text. Streamlit's captions are #828180 on white (3.9:1), below WCAG AA's 4.5:1 for body text; this
# grey reads 6.4:1 and still looks secondary beside the #31333F body text.
CAPTION_TEXT: Final = "#5C5F66"
# Links on the dark display screen: Streamlit's #244FB4 on DISPLAY_BACKGROUND is 2.6:1; this is 9:1.
DISPLAY_LINK: Final = "#8AB4F8"
# The map as a file (signatories.map.static): sea, the halo behind seat names, muted credits.
STATIC_SEA: Final = "#F7FAFC"
STATIC_LABEL_HALO: Final = "#FFFFFF"
STATIC_MUTED_TEXT: Final = "#4A5866"

# Phones: below this width Streamlit stacks columns and the page's phone rules apply.
PHONE_MAX_WIDTH_PX: Final = 640
# The explorer's map on a phone: most of a 740-844 px first screen under a short title and one or two lines
# of figures, leaving a strip of page below it for the thumb to scroll with.
PHONE_MAP_HEIGHT_PX: Final = 440
PHONE_TITLE_REM: Final = 1.6
PHONE_METRIC_VALUE_REM: Final = 1.2
PHONE_METRIC_LABEL_REM: Final = 0.75
PHONE_TOP_PADDING_REM: Final = 3.25
PHONE_BUTTON_TEXT_REM: Final = 0.85
# After a tap on a phone, the details card's top is brought to this fraction of the screen's height.
PHONE_DETAILS_AT: Final = 0.55
