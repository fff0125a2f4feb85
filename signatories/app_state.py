"""What one page view is: the filters that choose the organisations, and how they are shown."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from signatories.filters import Filters
from signatories.i18n import DEFAULT_LANG, Lang
from signatories.map.camera import MapView


@dataclass(frozen=True)
class View:
    """How the chosen organisations are shown; nothing here changes which ones or the figures."""

    lang: Lang = DEFAULT_LANG
    selected: str = ""  # the organisation whose details are open
    show_arcs: bool = True
    # Off unless asked for: Carto's tiles mean every visitor's browser talks to a third party, and offline
    # a failed request on every load.
    online_basemap: bool = False
    camera: MapView | None = None  # None: the whole region, framed from the data


@dataclass(frozen=True)
class AppState:
    """Everything a link reproduces, and the one value every page reads and writes."""

    filters: Filters = field(default_factory=Filters)
    view: View = field(default_factory=View)

    @property
    def lang(self) -> Lang:
        return self.view.lang

    def with_filters(self, **changes: object) -> AppState:
        return replace(self, filters=replace(self.filters, **changes))  # type: ignore[arg-type]

    def with_view(self, **changes: object) -> AppState:
        return replace(self, view=replace(self.view, **changes))  # type: ignore[arg-type]

    def reset_filters(self) -> AppState:
        """Every filter back to "everything" and nothing selected; language and map options stay."""
        return replace(self, filters=Filters(), view=replace(self.view, selected=""))
