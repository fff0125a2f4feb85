"""The end-of-run summary: one line per geocoded row with its reason, candidates under ambiguous rows, totals."""

from signatories.geocoding.pipeline import RunReport

_STATUSES = ("changed", "unchanged", "unresolved")


def render_summary(report: RunReport) -> str:
    lines: list[str] = []
    if report.outcomes:
        header = ("id", "status", "source", "precision", "reason")
        rows = [
            (o.id, o.status, o.source or "-", o.precision or "-", o.reason or "-") for o in report.outcomes
        ]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells[:4])) + "  " + cells[4]

        lines.append(line(header))
        lines.append("  ".join("-" * w for w in widths) + "  " + "-" * len("reason"))
        for outcome, row in zip(report.outcomes, rows, strict=True):
            lines.append(line(row))
            for candidate in outcome.candidates:
                lines.append(f"{'':{widths[0]}}    candidate: {candidate.describe()}")
    else:
        lines.append("nothing to geocode: every selected row has coordinates (--refresh redoes them)")
    counts = report.counts()
    totals = ", ".join(f"{counts.get(status, 0)} {status}" for status in _STATUSES)
    lines.append("")
    lines.append(f"{totals}; {report.not_selected} not selected")
    return "\n".join(lines)
