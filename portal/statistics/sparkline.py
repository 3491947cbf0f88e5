"""A small trend line for the list of indicators (decorative: the value and change are text)."""

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 96, 28, 2


def sparkline(values, *, limit=60):
    """An inline SVG polyline of the last `limit` values, hidden from screen readers (the card
    says the latest value and the change in words). Empty for fewer than two values."""
    values = list(values)[-limit:]
    if len(values) < 2:
        return SafeString("")
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / (len(values) - 1)
    points = " ".join(
        f"{PAD + i * step:.1f},{HEIGHT - PAD - (v - low) / span * (HEIGHT - 2 * PAD):.1f}"
        for i, v in enumerate(values)
    )
    return mark_safe(  # noqa: S308 (numbers only)
        f'<svg class="sparkline" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" aria-hidden="true" focusable="false">'
        f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        "</svg>"
    )
